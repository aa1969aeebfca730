// notification.send: posts a Slack-compatible message ({ text, blocks }) to the environment's webhook. The URL
// is read (and decrypted) now rather than carried in the job, so a secret never sits in Redis and a removed
// webhook stops the message. A failed post throws so BullMQ retries it (3 attempts, backoff); every failure is logged.
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { JobPayload } from "@/lib/queue/jobs";
import type { Processor } from "./types";

const TIMEOUT_MS = 5_000;

export function toSlackMessage(payload: JobPayload<"notification.send">): { text: string; blocks: unknown[] } {
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: payload.text } }];
  const fields = Object.entries(payload.fields).map(([name, value]) => ({ type: "mrkdwn", text: `*${name}*\n${value}` }));
  // Slack allows at most 10 fields per section
  if (fields.length > 0) blocks.push({ type: "section", fields: fields.slice(0, 10) });
  return { text: payload.text, blocks };
}

export const notificationSend: Processor<"notification.send"> = async ({ payload, job }) => {
  const environment = await db.environment.findUnique({
    where: { id: payload.environmentId },
    select: { slug: true, notifyWebhookEncrypted: true },
  });
  if (!environment?.notifyWebhookEncrypted) return { sent: false, reason: "no webhook configured" };
  const url = decryptSecret(environment.notifyWebhookEncrypted);
  const attempt = `${job.attemptsMade + 1}/${job.opts.attempts ?? 1}`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(toSlackMessage(payload)),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
    return { sent: true, status: response.status };
  } catch (error) {
    // the URL is a secret: name the environment, never the address
    console.warn(`notification ${payload.event} to ${environment.slug}'s webhook failed (attempt ${attempt}): ${(error as Error).message}`);
    throw error;
  }
};
