// The smoke-run API's inputs: a run against a target's current URL, or against any http(s) URL with a
// service's suite; and the history filters of the service page.
import { z } from "zod";
import { smokeTargetUrl } from "@/lib/smoke/smoke-suite-schema";
import { storedText } from "./common";

const id = storedText({ min: 1, max: 100 });

/**
 * POST /api/v1/smoke-runs: `{ targetId }` or `{ url, service }` (the service's slug or id). One object rather
 * than a union, so that a bad `url` is reported as `body.url`, not as "matches neither form".
 */
export const startSmokeRunBody = z
  .object({
    targetId: id.optional(),
    url: smokeTargetUrl.refine((u) => !u.includes("\u0000"), "must not contain NUL characters").optional(),
    service: id.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.targetId !== undefined) {
      for (const field of ["url", "service"] as const)
        if (body[field] !== undefined) ctx.addIssue({ code: "custom", message: "send either targetId, or url and service", path: [field] });
      return;
    }
    if (body.url === undefined) ctx.addIssue({ code: "custom", message: "is required (or send targetId)", path: ["url"] });
    if (body.service === undefined) ctx.addIssue({ code: "custom", message: "is required with url", path: ["service"] });
  });
export type StartSmokeRunInput = z.infer<typeof startSmokeRunBody>;

/** GET /api/v1/smoke-runs?service=&target=&limit= — newest first. */
export const smokeRunsQuery = z.object({
  service: z.string().trim().max(100).optional(),
  target: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
