// Retention of the SLI history: minute rows past SLI_MINUTE_RETENTION_HOURS (48 h) and hour rows past
// SLI_HOUR_RETENTION_DAYS (35 days, more than the 30-day budget window) are deleted, and with them the day
// counts whose every hour is gone (the hour rows' triggers have already taken them down to zero). Idempotent.
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export async function pruneSliRollups({
  now,
  minuteHours = env().SLI_MINUTE_RETENTION_HOURS,
  hourDays = env().SLI_HOUR_RETENTION_DAYS,
}: {
  now: Date;
  minuteHours?: number;
  hourDays?: number;
}): Promise<{ minutes: number; hours: number; days: number }> {
  const hourCutoff = now.getTime() - hourDays * DAY_MS;
  const [minutes, hours] = await Promise.all([
    db.sliRollup.deleteMany({ where: { resolution: "minute", bucketStart: { lt: new Date(now.getTime() - minuteHours * HOUR_MS) } } }),
    db.sliRollup.deleteMany({ where: { resolution: "hour", bucketStart: { lt: new Date(hourCutoff) } } }),
  ]);
  const days = await db.sliDayCount.deleteMany({ where: { day: { lte: new Date(hourCutoff - DAY_MS) } } });
  return { minutes: minutes.count, hours: hours.count, days: days.count };
}
