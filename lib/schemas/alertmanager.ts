// Alertmanager's webhook payload (version 4, https://prometheus.io/docs/alerting/latest/configuration/#webhook_config),
// as POST /api/v1/integrations/alertmanager accepts it. Strict like every body: a key Alertmanager does not send is refused.
import { z } from "zod";

const labelName = z.string().max(200);
const labelValue = z.string().max(2000);
const labels = z.record(labelName, labelValue).refine((r) => Object.keys(r).length <= 100, "at most 100 labels");
const time = z.iso.datetime({ offset: true });

export const alertmanagerAlert = z
  .object({
    status: z.enum(["firing", "resolved"]),
    labels,
    annotations: labels.default({}),
    startsAt: time,
    /** "0001-01-01T00:00:00Z" while firing without an end */
    endsAt: time,
    generatorURL: z.string().max(2048).default(""),
    fingerprint: z.string().trim().min(1).max(100),
  })
  .strict();

export const alertmanagerWebhookBody = z
  .object({
    version: z.literal("4", { message: "only version 4 of Alertmanager's webhook payload is understood" }),
    groupKey: z.string().max(2000),
    truncatedAlerts: z.number().int().min(0).max(1_000_000).default(0),
    status: z.enum(["firing", "resolved"]),
    receiver: z.string().max(200),
    groupLabels: labels,
    commonLabels: labels,
    commonAnnotations: labels,
    externalURL: z.string().max(2048),
    alerts: z.array(alertmanagerAlert).max(1000),
  })
  .strict();

export type AlertmanagerAlert = z.infer<typeof alertmanagerAlert>;
export type AlertmanagerWebhookBody = z.infer<typeof alertmanagerWebhookBody>;
