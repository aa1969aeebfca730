// Durations as people say them: "45 s", "12 min", "3.5 h", "2.1 d". Null is "no data", never 0.

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "No data";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400) return `${trim(seconds / 3600)} h`;
  return `${trim(seconds / 86_400)} d`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? "No data" : `${trim(rate * 100)} %`;
}

export function formatPerDay(perDay: number): string {
  return perDay >= 1 ? `${trim(perDay)} a day` : `${trim(perDay * 7)} a week`;
}

function trim(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}
