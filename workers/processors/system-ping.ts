// system.ping: a diagnostic round trip. Returning the nonce and who received it lets an operator (or a
// test) prove that a worker process is consuming validated jobs from this prefix's queues.
import type { Processor } from "./types";

export type PingResult = { nonce: string; workerId: string; receivedAt: string };

export const systemPing: Processor<"system.ping"> = async ({ payload, workerId }): Promise<PingResult> => {
  return { nonce: payload.nonce, workerId, receivedAt: new Date().toISOString() };
};
