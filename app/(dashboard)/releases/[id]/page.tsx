import type { Metadata } from "next";
import { ReleaseView } from "@/components/releases/release-view";
import { can } from "@/lib/auth/permissions";
import { requireSignedIn } from "@/lib/services/get-current-principal";

export const metadata: Metadata = { title: "Release" };

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const principal = await requireSignedIn(`/releases/${id}`);
  // Only which buttons to show; the API checks every permission and rule again.
  return (
    <ReleaseView
      id={id}
      viewer={{
        userId: principal.userId,
        email: principal.email,
        deployProduction: can(principal.role, "deploy.production"),
        deployNonProduction: can(principal.role, "deploy.nonproduction"),
        overrideWindow: can(principal.role, "window.override"),
      }}
    />
  );
}
