import type { Metadata } from "next";
import { UsersAdmin } from "@/components/settings/users-admin";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const principal = await requireSignedIn("/settings/users");
  return (
    <>
      <PageHeader title="Users" description="Who can sign in, and with which role. Admins cannot demote or disable themselves." />
      <UsersAdmin currentUserId={principal.userId} />
    </>
  );
}
