// Fixes (or releases) the clock of a test run. Without FLIGHTDECK_TEST_CLOCK=1 the route does not exist: it
// answers 404, so a production installation has no way to move its own time.
import { AppError } from "@/lib/api/app-error";
import { actorOf, recordAudit } from "@/lib/audit/record-audit";
import type { Principal } from "@/lib/auth/principal";
import { isTestClockEnabled, now, setTestClock as storeTestClock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { SetTestClockInput } from "@/lib/schemas/test-clock";

export async function setTestClock({
  principal,
  input,
}: {
  principal: Principal;
  input: SetTestClockInput;
}): Promise<{ now: string; fixed: boolean }> {
  if (!isTestClockEnabled()) throw new AppError("not_found", "There is no such route.");
  const at = input.now ? new Date(input.now) : null;
  await storeTestClock({ at });
  console.info(`test clock ${at ? `fixed at ${at.toISOString()}` : "returned to real time"} by ${principal.label}`);
  await recordAudit(db, actorOf(principal), {
    action: "test.clock_set",
    subjectType: "clock",
    details: { now: at?.toISOString() ?? null },
  });
  return { now: (await now()).toISOString(), fixed: at !== null };
}
