// Settings are for admins. The link is hidden from other roles, and this layout refuses them on the server.
import type { ReactNode } from "react";
import { Forbidden } from "@/components/shell/forbidden";
import { SettingsNav } from "@/components/settings/settings-nav";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { getCurrentPrincipal } from "@/lib/services/get-current-principal";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const principal = await getCurrentPrincipal();
  // Signed out: the page itself redirects to the sign-in page.
  if (!principal) return children;
  if (!can(principal.role, "admin.manage")) return <Forbidden roleLabel={ROLE_LABELS[principal.role]} needs="admins" />;
  return (
    <div className="space-y-4">
      <SettingsNav />
      {children}
    </div>
  );
}
