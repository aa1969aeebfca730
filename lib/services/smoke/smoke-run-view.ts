// How a smoke run is read everywhere (API, deployment page, release and service pages): the run, what it
// ran against, and its check results in suite order. Details are stored redacted, so nothing here is secret.
import type { Prisma } from "@/lib/db";
import type { SmokeCheckDetail, SmokeRunSummary } from "@/lib/smoke/smoke-result";

export const smokeRunSelect = {
  id: true,
  deploymentId: true,
  trigger: true,
  status: true,
  url: true,
  revision: true,
  summary: true,
  startedAt: true,
  finishedAt: true,
  service: { select: { id: true, slug: true, name: true } },
  target: { select: { id: true, environment: { select: { id: true, slug: true, name: true } } } },
  release: { select: { id: true, version: true } },
  startedBy: { select: { id: true, name: true } },
  results: {
    orderBy: { position: "asc" },
    select: { position: true, name: true, kind: true, status: true, durationMs: true, detail: true },
  },
} satisfies Prisma.SmokeRunSelect;

type Row = Prisma.SmokeRunGetPayload<{ select: typeof smokeRunSelect }>;

export type SmokeCheckResultView = Omit<Row["results"][number], "detail"> & { detail: SmokeCheckDetail };

export type SmokeRunView = Omit<Row, "summary" | "results" | "startedAt" | "finishedAt"> & {
  /** The runner's summary once finished; `{ error }` when the run could not complete. */
  summary: (SmokeRunSummary & { note?: string }) | { error: string } | null;
  startedAt: string;
  finishedAt: string | null;
  results: SmokeCheckResultView[];
};

export function toSmokeRunView(row: Row): SmokeRunView {
  return {
    ...row,
    summary: row.summary as SmokeRunView["summary"],
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    results: row.results.map((r) => ({ ...r, detail: r.detail as unknown as SmokeCheckDetail })),
  };
}
