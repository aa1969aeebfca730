import type { Metadata } from "next";
import { TokensAdmin } from "@/components/settings/tokens-admin";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const principal = await requireSignedIn("/settings/tokens");
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let CI pipelines and scripts call the API. Each acts with its own role, never above its creator's."
      />
      <TokensAdmin creatorRole={principal.role} />
    </>
  );
}
