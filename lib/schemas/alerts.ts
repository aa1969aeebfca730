// Input of the alert routes: GET /api/v1/alerts and POST /api/v1/alerts/{id}/acknowledge.
import { z } from "zod";
import { ALERT_SEVERITIES } from "@/lib/domain/alerts/alert-rule";
import { ALERT_STATES } from "@/lib/domain/alerts/alert-state";
import { optionalText, pageQuery } from "./common";

/** "unresolved" is open and acknowledged together: everything still firing. */
export const ALERT_STATE_FILTERS = [...ALERT_STATES, "unresolved"] as const;
export type AlertStateFilter = (typeof ALERT_STATE_FILTERS)[number];

const emptyIsAbsent = (value: unknown) => (value === "" ? undefined : value);

export const listAlertsQuery = z
  .object({
    state: z.preprocess(
      emptyIsAbsent,
      z.enum(ALERT_STATE_FILTERS, { message: `must be one of ${ALERT_STATE_FILTERS.join(", ")}` }).optional(),
    ),
    severity: z.preprocess(
      emptyIsAbsent,
      z.enum(ALERT_SEVERITIES, { message: `must be one of ${ALERT_SEVERITIES.join(", ")}` }).optional(),
    ),
    /** service slug */
    service: optionalText(100),
    /** environment slug */
    environment: optionalText(100),
    targetId: optionalText(100),
    ...pageQuery,
  })
  .strict();
export type ListAlertsQuery = z.infer<typeof listAlertsQuery>;

export const acknowledgeAlertBody = z
  .object({
    /** what the person is doing about it, kept in the audit log */
    note: z.string().trim().max(1000, "keep the note under 1000 characters").optional(),
  })
  .strict();
export type AcknowledgeAlertInput = z.infer<typeof acknowledgeAlertBody>;
