import type { Metadata } from "next";
import { TargetView } from "@/components/targets/target-view";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Target" };

export default async function TargetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requireSignedIn(`/targets/${id}`);
  // Only whether to show the button; the rollback API checks the permission again.
  return <TargetView id={id} canRollback={can(principal.role, "rollback")} />;
}
