// Body of PUT /api/v1/test/clock (test runs only): an instant to fix the clock at, or null for real time.
import { z } from "zod";

export const setTestClockBody = z
  .object({
    now: z.iso.datetime({ offset: true, message: "must be an ISO date and time such as 2026-06-12T10:00:00Z, or null" }).nullable(),
  })
  .strict();
export type SetTestClockInput = z.infer<typeof setTestClockBody>;
