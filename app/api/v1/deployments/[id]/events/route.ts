// GET /api/v1/deployments/{id}/events — the deployment's timeline and live state as server-sent events; signed in.
import { route } from "@/lib/api/route";
import { idParams } from "@/lib/schemas/common";
import { readLiveState } from "@/lib/services/rollout/read-deployment-changes";
import { streamDeploymentEvents } from "@/lib/services/rollout/stream-deployment-events";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "view", params: idParams }, async ({ params, request }) => {
  await readLiveState(params.id); // a 404 as problem+json before the stream opens
  const stream = streamDeploymentEvents({ id: params.id, signal: request.signal, lastEventId: request.headers.get("last-event-id") });
  // no-transform keeps the server's gzip from buffering the stream.
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
