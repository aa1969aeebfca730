// Body of PUT /api/v1/test/clock (test runs only): an instant to fix the clock at, or null for real time.
import { z } from "zod";
import { MAX_DATE, MIN_DATE } from "./common";

export const setTestClockBody = z
  .object({
    now: z.iso
      .datetime({ offset: true, message: "must be an ISO date and time such as 2026-06-12T10:00:00Z, or null" })
      // decisions taken at the fixed time are stored: it must be a date PostgreSQL can hold
      .refine((value) => new Date(value) >= MIN_DATE && new Date(value) <= MAX_DATE, "must be between 1970-01-01 and 9999-12-31")
      .nullable(),
  })
  .strict();
export type SetTestClockInput = z.infer<typeof setTestClockBody>;
