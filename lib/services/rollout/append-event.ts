// Appends to a deployment's timeline (append-only; the database refuses updates).
import type { Prisma, PrismaClient } from "@/lib/db";

export type DeploymentEventType =
  "state_changed" | "step_started" | "step_finished" | "traffic_set" | "check_result" | "measurement" | "decision" | "control" | "error";

type Client = PrismaClient | Prisma.TransactionClient;

export async function appendEvent(
  client: Client,
  event: { deploymentId: string; type: DeploymentEventType; message: string; data?: Prisma.InputJsonValue },
): Promise<void> {
  await client.deploymentEvent.create({
    data: { deploymentId: event.deploymentId, type: event.type, message: event.message, data: event.data ?? {} },
  });
}
