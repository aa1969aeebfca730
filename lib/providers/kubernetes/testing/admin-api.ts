// Fault controls over HTTP, for a test cluster running as a child process: `POST /_testcluster/faults/{action}`
// with the admin token (not a cluster user's token) and a JSON body. The in-process handle calls ClusterFaults directly.
// `GET /_testcluster/stats` counts the API requests served, the TLS handshakes behind them and the process's CPU
// time (benches report API calls per rollout and the cluster's CPU per call; a client that keeps its connections
// does few handshakes).
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { type ClusterFaults, denyRuleSchema, failRuleSchema, neverReadyRuleSchema } from "./cluster-faults";
import { readJson, sendJson } from "./http-io";
import { KubeStatusError, kubeErrors } from "./kube-status-error";

export const ADMIN_PREFIX = "/_testcluster/";

const actions = {
  deny: (faults: ClusterFaults, body: unknown) => faults.deny(denyRuleSchema.parse(body)),
  "fail-next": (faults: ClusterFaults, body: unknown) => faults.failNext(failRuleSchema.parse(body)),
  "never-ready": (faults: ClusterFaults, body: unknown) => faults.neverReady(neverReadyRuleSchema.parse(body)),
  "http-route-crd": (faults: ClusterFaults, body: unknown) =>
    faults.setHttpRouteCrd(z.object({ installed: z.boolean() }).parse(body).installed),
  reset: (faults: ClusterFaults) => faults.reset(),
} satisfies Record<string, (faults: ClusterFaults, body: unknown) => void>;

export type FaultAction = keyof typeof actions;

export type ClusterStats = { apiRequests: number; tlsHandshakes: number; cpuMs: number };

export function createAdminApi({ faults, adminToken, stats }: { faults: ClusterFaults; adminToken: string; stats: () => ClusterStats }) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    if (req.headers.authorization !== `Bearer ${adminToken}`) throw kubeErrors.unauthorized();
    if (req.method === "GET" && url.pathname === `${ADMIN_PREFIX}stats`) return sendJson(res, 200, stats());
    const action = url.pathname.slice(`${ADMIN_PREFIX}faults/`.length) as FaultAction;
    if (req.method !== "POST" || !url.pathname.startsWith(`${ADMIN_PREFIX}faults/`) || !(action in actions)) {
      throw new KubeStatusError(404, "NotFound", `no fault action "${action}" (POST one of: ${Object.keys(actions).join(", ")})`);
    }
    const body = req.headers["content-length"] === "0" ? {} : await readJson(req).catch(() => ({}));
    try {
      actions[action](faults, body);
    } catch (error) {
      if (error instanceof z.ZodError)
        throw kubeErrors.badRequest(`invalid ${action} rule: ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      throw error;
    }
    sendJson(res, 200, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success" });
  };
}
