// The signed-in shell: header, main navigation, user menu and the dependency banner. Signed-out visitors
// go to the sign-in page and come back to the page they asked for afterwards.
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { DependencyBanner } from "@/components/shell/dependency-banner";
import { DependencyDown } from "@/components/shell/dependency-down";
import { MainNav } from "@/components/shell/main-nav";
import { SignInRedirect } from "@/components/shell/sign-in-redirect";
import { UserMenu } from "@/components/shell/user-menu";
import { dependencyAdvice, unreachableDependency } from "@/lib/api/dependency-error";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import type { Principal } from "@/lib/auth/principal";
import { getCurrentPrincipal } from "@/lib/services/get-current-principal";

async function loadPrincipal(): Promise<{ principal: Principal | null } | { down: string }> {
  try {
    return { principal: await getCurrentPrincipal() };
  } catch (error) {
    const dependency = unreachableDependency(error);
    if (!dependency) throw error;
    return { down: dependencyAdvice[dependency] };
  }
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const loaded = await loadPrincipal();
  if ("down" in loaded) return <DependencyDown detail={loaded.down} />;
  const { principal } = loaded;
  // Each page redirects to the sign-in page on the server with its own address (requireSignedIn); the client
  // redirect covers any page that does not.
  if (!principal)
    return (
      <>
        <Suspense>
          <SignInRedirect />
        </Suspense>
        {children}
      </>
    );
  const roleLabel = ROLE_LABELS[principal.role];

  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-20 bg-slate-900 text-white shadow-sm">
        <div className="mx-auto flex h-12 max-w-7xl items-center gap-6 px-4">
          <Link href="/overview" className="flex items-center gap-2 text-sm font-semibold tracking-tight whitespace-nowrap">
            <span aria-hidden className="grid size-6 place-items-center rounded bg-sky-500 text-xs font-bold">
              F
            </span>
            Flightdeck
          </Link>
          <MainNav isAdmin={can(principal.role, "admin.manage")} />
          <div className="ml-auto flex items-center gap-2">
            <span
              data-testid="user-role"
              className="rounded bg-white/10 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-slate-200"
            >
              {roleLabel}
            </span>
            <UserMenu name={principal.name} email={principal.email} roleLabel={roleLabel} />
          </div>
        </div>
      </header>
      <DependencyBanner />
      <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-5">{children}</main>
    </div>
  );
}
