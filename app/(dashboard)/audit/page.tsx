import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { first } from "@/components/data/search-params";
import { PageHeader } from "@/components/ui/page-header";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Audit" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const KEYS = ["actor", "action", "subjectType", "subjectId", "from", "to", "before", "after"] as const;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  await requireSignedIn("/audit", params);
  const filters = Object.fromEntries(KEYS.map((key) => [key, first(params[key])]).filter(([, v]) => v));
  return (
    <>
      <PageHeader title="Audit" description="Every change anyone made, newest first. The log is append-only." />
      <AuditLog filters={filters} />
    </>
  );
}
