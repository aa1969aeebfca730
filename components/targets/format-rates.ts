// Display formats for per-revision rates; a dash where the window has no data yet.
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${value.toFixed(value >= 10 ? 0 : 1)}/s`;
}

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(value > 0 && value < 0.01 ? 2 : 1)}%`;
}

export function formatMs(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value)} ms`;
}

export function formatClock(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
