// Input of the environment administration routes: PATCH /api/v1/environments/{slug} (approval and window
// policies, notification webhook) and the freezes under it. The field rules are environment-policy.ts's.
import { z } from "zod";
import { approvalPolicySchema, windowPolicySchema } from "./environment-policy";

export { freezeSchema as createFreezeBody, type FreezeInput as CreateFreezeInput } from "./environment-policy";

export const notifyWebhookUrlSchema = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL of a Slack-compatible incoming webhook" })
  .max(2000, "keep the URL under 2000 characters");

export const updateEnvironmentBody = z
  .object({
    ...approvalPolicySchema.shape,
    ...windowPolicySchema.shape,
    notifyWebhookUrl: notifyWebhookUrlSchema.nullable(),
    /** refuse deploys (not rollbacks or hotfixes) of a service whose error budget here is spent */
    budgetFreeze: z.boolean(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one policy field to change" });
export type UpdateEnvironmentInput = z.infer<typeof updateEnvironmentBody>;

export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const freezeParams = z.object({ slug: z.string().min(1).max(100), id: z.string().min(1).max(100) });
