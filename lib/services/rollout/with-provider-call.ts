// Claim-before-call (STYLE 9): a provider side effect is recorded in Postgres under a deterministic key
// before it is performed and marked done after. A job re-run after a crash finds the call done and reuses
// its result instead of calling again; a call interrupted half-way is repeated, which the provider
// contract makes safe (every method is idempotent).
import { db, type Prisma } from "@/lib/db";
import { injectFault } from "./fault-injection";

export type ProviderCallKey = { key: string; deploymentId: string; targetId: string; operation: string };

async function claim(call: ProviderCallKey) {
  try {
    return await db.providerCall.create({ data: { ...call, status: "claimed" } });
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return db.providerCall.findUniqueOrThrow({ where: { key: call.key } });
  }
}

export async function withProviderCall<T>(call: ProviderCallKey, perform: () => Promise<T>): Promise<T> {
  const claimed = await claim(call);
  if (claimed.status === "done") return claimed.result as T;
  const result = await perform();
  const step = /:step:(\d+):/.exec(call.key)?.[1];
  if (step) injectFault(Number(step), "unrecorded");
  await db.providerCall.update({
    where: { key: call.key },
    data: { status: "done", completedAt: new Date(), result: (result ?? null) as Prisma.InputJsonValue },
  });
  return result;
}
