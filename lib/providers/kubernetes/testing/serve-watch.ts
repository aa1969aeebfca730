// `?watch=true`: a chunked stream of newline-delimited watch events. Without a resourceVersion (or "0") it
// opens with ADDED for every selected object; with one it resumes after it, or sends a 410 Expired ERROR
// event if that version is older than the history. BOOKMARKs when asked; `timeoutSeconds` ends the stream.
import { KubeStatusError } from "./kube-status-error";
import type { KubeObject } from "./kube-types";
import { type RequestScope, listMatching, selectionOf } from "./request-scope";
import { apiVersionOf } from "./resource-kinds";
import { resourceKeyOf } from "./object-store";

export function handleWatch(scope: RequestScope): void {
  const { req, res, store, resource, query } = scope;
  const rvParam = query.get("resourceVersion");
  const fromRv = rvParam && rvParam !== "0" ? Number(rvParam) : undefined;
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache, private", "transfer-encoding": "chunked" });
  res.flushHeaders();
  const write = (type: string, object: unknown) => res.write(`${JSON.stringify({ type, object })}\n`);

  if (fromRv === undefined) for (const object of listMatching(scope)) write("ADDED", object);
  let unsubscribe: () => void;
  try {
    unsubscribe = store.hub.subscribe(
      { resourceKey: resourceKeyOf(resource), matches: selectionOf(scope), send: (e) => write(e.type, e.object) },
      fromRv,
    );
  } catch (error) {
    if (!(error instanceof KubeStatusError)) throw error;
    write("ERROR", error.toStatus());
    res.end();
    return;
  }

  const timers: NodeJS.Timeout[] = [];
  if (query.get("allowWatchBookmarks") === "true") {
    const bookmark = { kind: resource.kind, apiVersion: apiVersionOf(resource) };
    timers.push(
      setInterval(
        () => write("BOOKMARK", { ...bookmark, metadata: { resourceVersion: store.currentRv() } } as Partial<KubeObject>),
        scope.bookmarkIntervalMs,
      ),
    );
  }
  const timeoutSeconds = Number(query.get("timeoutSeconds") ?? 0);
  let untrack = () => {};
  const end = () => {
    for (const timer of timers) clearInterval(timer);
    unsubscribe();
    untrack();
    if (!res.writableEnded) res.end();
  };
  if (timeoutSeconds > 0) timers.push(setTimeout(end, timeoutSeconds * 1000));
  untrack = scope.trackStream(end);
  req.on("close", end);
  res.on("error", end);
}
