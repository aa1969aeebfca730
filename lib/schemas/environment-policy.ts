// An environment's approval and window policies as admins edit them (and as the JSON column holds the allow
// windows). Every message names what to change, because it is shown next to the offending field.
import { IANAZone } from "luxon";
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { dateTime, roleSchema } from "./common";

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const clock = (field: string) => z.string().regex(CLOCK, `${field} must be a time of day written HH:mm, from 00:00 to 24:00`);

const WEEKDAY = "days are ISO weekdays: 1 (Monday) to 7 (Sunday)";

export const allowWindowSchema = z
  .object({
    days: z
      .array(z.number().int(WEEKDAY).min(1, WEEKDAY).max(7, WEEKDAY))
      .min(1, "pick at least one day")
      .refine((days) => new Set(days).size === days.length, "list each day only once"),
    start: clock("start").refine((value) => value !== "24:00", "start must be before 24:00; use 00:00 of the next day"),
    // an end before the start means the window runs past midnight
    end: clock("end"),
  })
  .strict()
  .refine((w) => w.start !== w.end, {
    message: "start and end are the same; for a whole day use 00:00–24:00",
    path: ["end"],
  });
export type AllowWindowInput = z.infer<typeof allowWindowSchema>;

/** The Environment.allowWindows column: empty means always open. */
export const allowWindowsSchema = z.array(allowWindowSchema).max(50, "at most 50 allow windows");

export const timezoneSchema = z
  .string()
  .trim()
  .min(1, "a time zone is required")
  .refine((zone) => IANAZone.isValidZone(zone), {
    message: "must be an IANA time zone such as Europe/Berlin, America/New_York or UTC",
  });

export const windowPolicySchema = z
  .object({ timezone: timezoneSchema, allowWindows: allowWindowsSchema, hotfixAnyTime: z.boolean() })
  .strict();
export type WindowPolicyInput = z.infer<typeof windowPolicySchema>;

export const freezeSchema = z
  .object({
    startsAt: dateTime("startsAt must be a date and time"),
    endsAt: dateTime("endsAt must be a date and time"),
    reason: z.string().trim().min(1, "say why deployments are frozen").max(500, "keep the reason under 500 characters"),
  })
  .strict()
  .refine((f) => f.endsAt.getTime() > f.startsAt.getTime(), {
    message: "endsAt must be after startsAt",
    path: ["endsAt"],
  });
export type FreezeInput = z.infer<typeof freezeSchema>;

export const MAX_REQUIRED_APPROVALS = 10;
/** 30 days: an approval older than that says little about today's artifact. */
export const MAX_APPROVAL_TTL_MINUTES = 43_200;

export const approvalPolicySchema = z
  .object({
    requiredApprovals: z
      .number()
      .int("requiredApprovals must be a whole number")
      .min(0, "requiredApprovals cannot be negative")
      .max(MAX_REQUIRED_APPROVALS, `requiredApprovals can be at most ${MAX_REQUIRED_APPROVALS}`),
    approverRoles: z.array(roleSchema).refine((roles) => new Set(roles).size === roles.length, "list each role only once"),
    allowSelfApproval: z.boolean(),
    approvalTtlMinutes: z
      .number()
      .int("approvalTtlMinutes must be a whole number of minutes")
      .min(1, "approvalTtlMinutes must be at least 1")
      .max(MAX_APPROVAL_TTL_MINUTES, `approvalTtlMinutes can be at most ${MAX_APPROVAL_TTL_MINUTES} (30 days)`),
  })
  .strict()
  .refine((p) => p.requiredApprovals === 0 || p.approverRoles.length > 0, {
    message: `pick at least one role that may approve (${ROLES.join(", ")}), or require 0 approvals`,
    path: ["approverRoles"],
  });
export type ApprovalPolicyInput = z.infer<typeof approvalPolicySchema>;
