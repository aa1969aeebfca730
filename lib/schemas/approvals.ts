// Input of the approval routes: POST /api/v1/releases/{id}/approvals and DELETE …/approvals/{environment}.
import { z } from "zod";

export const decideApprovalBody = z
  .object({
    /** environment slug */
    environment: z.string().trim().min(1, "is required").max(100),
    decision: z.enum(["approve", "reject"], { message: "must be approve or reject" }),
    comment: z.string().trim().max(2000, "keep the comment under 2000 characters").optional(),
  })
  .strict()
  // a rejection blocks the release until withdrawn: its author must be told what to fix
  .refine((body) => body.decision !== "reject" || Boolean(body.comment), {
    message: "say why you reject it: the author reads this comment to know what to fix",
    path: ["comment"],
  });
export type DecideApprovalInput = z.infer<typeof decideApprovalBody>;

export const approvalParams = z.object({
  id: z.string().min(1).max(100),
  environment: z.string().min(1).max(100),
});
