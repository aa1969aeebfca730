"use client";
// A Cloud Run target's revision history as Cloud Run lists it (listRevisions, newest first): each
// revision's release, its Ready condition (with Cloud Run's message when it failed), its traffic and its
// tag URL. Every revision listed here is one a rollback can send traffic to.
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { RevisionStatus } from "@/lib/providers/types";
import type { ProviderView } from "@/lib/services/rollout/get-target-status";

function Ready({ revision }: { revision: RevisionStatus }) {
  if (revision.ready) return <Badge tone="ok">Ready</Badge>;
  if (!revision.healthy)
    return (
      <span className="flex flex-col gap-1">
        <Badge tone="danger">Failed</Badge>
        <span className="text-xs text-red-800">{revision.reason}</span>
      </span>
    );
  return <Badge tone="neutral">Starting</Badge>;
}

export function CloudRunRevisions({ provider }: { provider: ProviderView }) {
  // The provider's error is shown once, by the table of what runs now.
  if ("error" in provider) return null;
  return (
    <section aria-label="Cloud Run revisions">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">Cloud Run revisions</h2>
      {provider.revisions.length === 0 ? (
        <EmptyState title="Cloud Run lists no revision of this service">The first deployment creates the service.</EmptyState>
      ) : (
        <Table label="Cloud Run revisions">
          <thead>
            <tr>
              <Th>Revision</Th>
              <Th>Version</Th>
              <Th>Ready</Th>
              <Th className="text-right">Traffic</Th>
              <Th>Tag URL</Th>
              <Th>Created</Th>
            </tr>
          </thead>
          <tbody>
            {provider.revisions.map((r) => (
              <Tr key={r.name}>
                <Td className="font-mono text-xs">{r.name}</Td>
                <Td className="font-mono">{r.version}</Td>
                <Td>
                  <Ready revision={r} />
                </Td>
                <Td className="text-right tabular-nums">{r.traffic}%</Td>
                <Td className="font-mono text-xs">{r.url ?? <span className="text-slate-400">no tag</span>}</Td>
                <Td className="whitespace-nowrap text-xs text-slate-600">
                  <time dateTime={r.createdAt}>{new Date(r.createdAt).toLocaleString()}</time>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
