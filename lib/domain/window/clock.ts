// "HH:mm" clock values as minutes of the day. Kept apart from Luxon on purpose: a clock reading in a policy
// is a wall-clock label, not an instant, and only becomes one on a given date in a given zone.

const CLOCK = /^(\d{2}):(\d{2})$/;

/** Minutes since local midnight for "HH:mm" (00:00–24:00); throws on anything else. */
export function parseClock(clock: string): number {
  const match = CLOCK.exec(clock);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours * 60 + minutes > 24 * 60) {
    throw new Error(`"${clock}" is not a time of day in HH:mm (00:00–24:00)`);
  }
  return hours * 60 + minutes;
}

/** The ISO weekday (1–7) before the given one. */
export function previousWeekday(weekday: number): number {
  return weekday === 1 ? 7 : weekday - 1;
}

/** Whether a window is open at a local weekday and minute of the day. */
export function isInsideWindow(options: {
  window: { days: readonly number[]; start: string; end: string };
  weekday: number;
  minuteOfDay: number;
}): boolean {
  const { window, weekday, minuteOfDay } = options;
  const start = parseClock(window.start);
  const end = parseClock(window.end);
  if (start < end) return window.days.includes(weekday) && minuteOfDay >= start && minuteOfDay < end;
  // crosses midnight: the evening part belongs to the listed day, the morning part to the day after it
  const isEvening = window.days.includes(weekday) && minuteOfDay >= start;
  const isMorning = window.days.includes(previousWeekday(weekday)) && minuteOfDay < end;
  return isEvening || isMorning;
}
