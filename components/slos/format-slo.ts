// How the SLO page writes its numbers: never NaN, never a made-up value — "not enough data" instead.
export const NO_DATA = "not enough data";

export function formatPercent(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_DATA : `${value.toFixed(digits)}%`;
}

export function formatMs(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_DATA : `${Math.round(value)} ms`;
}

export function formatBurn(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? NO_DATA
    : `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×`;
}

export function formatCount(value: number): string {
  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 1 });
}

export function formatUtc(iso: string | Date): string {
  return `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
