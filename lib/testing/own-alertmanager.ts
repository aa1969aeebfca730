// A private Alertmanager for one test file (Debian's `prometheus-alertmanager` package), beside
// own-prometheus.ts: its own port, configuration and data directory, no clustering, and one webhook receiver
// that sends every group (firing and resolved) to the URL the test names with the API token it names — the
// way an operator points theirs at POST /api/v1/integrations/alertmanager.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startReadyServer } from "./own-prometheus";
import { freePort } from "./own-redis";

export type OwnAlertmanager = {
  url: string;
  /** Fires (or, with `endsAt` in the past, resolves) alerts through Alertmanager's own API (POST /api/v2/alerts). */
  postAlerts: (
    alerts: { labels: Record<string, string>; annotations?: Record<string, string>; startsAt?: string; endsAt?: string }[],
  ) => Promise<void>;
  stop: () => Promise<void>;
};

function configFor({ webhookUrl, token }: { webhookUrl: string; token: string }): string {
  // Short group timers so a test sees the notification within seconds; repeat_interval long so that only a
  // change (a new alert, a resolution) is sent again.
  return [
    "route:",
    "  receiver: flightdeck",
    "  group_by: ['alertname']",
    "  group_wait: 1s",
    "  group_interval: 1s",
    "  repeat_interval: 1h",
    "receivers:",
    "  - name: flightdeck",
    "    webhook_configs:",
    `      - url: '${webhookUrl}'`,
    "        send_resolved: true",
    "        http_config:",
    "          authorization:",
    "            type: Bearer",
    `            credentials: '${token}'`,
    "",
  ].join("\n");
}

/** Starts Alertmanager on 127.0.0.1 sending to `webhookUrl` with `token`; resolves once it is ready. */
export async function startOwnAlertmanager({ webhookUrl, token }: { webhookUrl: string; token: string }): Promise<OwnAlertmanager> {
  const dir = await mkdtemp(path.join(tmpdir(), "fd-own-alertmanager-"));
  await writeFile(path.join(dir, "alertmanager.yml"), configFor({ webhookUrl, token }));
  const { url, stop } = await startReadyServer({
    name: "alertmanager",
    binary: process.env.ALERTMANAGER_PATH ?? "prometheus-alertmanager",
    dir,
    port: await freePort(),
    args: [
      `--config.file=${path.join(dir, "alertmanager.yml")}`,
      `--storage.path=${path.join(dir, "data")}`,
      // No cluster: it would listen on a fixed port (9094) and gossip with whatever else runs here.
      "--cluster.listen-address=",
    ],
  });
  return {
    url,
    postAlerts: async (alerts) => {
      const res = await fetch(`${url}/api/v2/alerts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(alerts.map((a) => ({ annotations: {}, ...a }))),
      });
      if (!res.ok) throw new Error(`alertmanager POST /api/v2/alerts answered ${res.status}: ${await res.text()}`);
    },
    stop,
  };
}
