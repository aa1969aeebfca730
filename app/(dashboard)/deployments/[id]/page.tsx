import type { Metadata } from "next";
import { DeploymentView } from "@/components/deployments/deployment-view";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Deployment" };

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requireSignedIn(`/deployments/${id}`);
  // Only which buttons to show; the API checks each permission again.
  return (
    <DeploymentView
      id={id}
      canControl={can(principal.role, "rollout.control")}
      canRollback={can(principal.role, "rollback")}
      canRunSmoke={can(principal.role, "smoke.run")}
    />
  );
}
