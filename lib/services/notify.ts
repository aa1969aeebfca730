// Tells an environment's channel what happened (approval needed, approved / rejected, deploy started /
// finished / failed, rolled back, window overridden), through its Slack-compatible incoming webhook. Only
// queues the message, and only when the environment has a webhook; the worker sends it. A notification is
// never worth failing the change it reports: problems are logged, not thrown.
import { db } from "@/lib/db";
import { enqueue } from "@/lib/queue/enqueue";
import { makeJobId } from "@/lib/queue/job-id";
import type { JobPayload } from "@/lib/queue/jobs";

export type NotificationEvent = JobPayload<"notification.send">["event"];

export type NotifyOptions = {
  environmentId: string;
  event: NotificationEvent;
  /** what happened, one line a person reads in the channel */
  text: string;
  fields?: Record<string, string>;
  /** what the message is about, e.g. a deployment id; with the event it makes the job id, so a retried
   *  caller never posts twice */
  subjectId: string;
};

/** Whether a message was queued (false: no webhook configured, or Redis unavailable — logged). */
export async function notify(options: NotifyOptions): Promise<boolean> {
  const { environmentId, event, text, fields = {}, subjectId } = options;
  try {
    const environment = await db.environment.findUnique({ where: { id: environmentId }, select: { notifyWebhookEncrypted: true } });
    if (!environment?.notifyWebhookEncrypted) return false;
    const jobId = makeJobId(["notify", event, subjectId.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 100)]);
    await enqueue("notification.send", { environmentId, event, text, fields }, { jobId });
    return true;
  } catch (error) {
    console.warn(`notify ${event} for environment ${environmentId}: not queued — ${(error as Error).message}`);
    return false;
  }
}
