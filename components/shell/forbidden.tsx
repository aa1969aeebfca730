// The 403 view of a page the caller's role may not open. The API refuses the same calls on its own.
import Link from "next/link";

export function Forbidden({ roleLabel, needs }: { roleLabel: string; needs: string }) {
  return (
    <div data-testid="forbidden" className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white px-6 py-10 text-center">
      <p className="text-xs font-semibold tracking-wider text-slate-500 uppercase">403 · Not allowed</p>
      <h1 className="mt-2 text-lg font-semibold text-slate-900">You do not have access to this page</h1>
      <p className="mt-1 text-sm text-slate-600">
        Your role ({roleLabel}) may not open it: it is for {needs}. Ask an admin if you need access.
      </p>
      <Link href="/overview" className="mt-4 inline-block text-sm font-medium text-sky-700 hover:underline">
        Back to the overview
      </Link>
    </div>
  );
}
