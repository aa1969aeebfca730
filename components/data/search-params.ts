// Reading page search params (string | string[] | undefined) into filter values.
export function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v : undefined;
}

export function pageNumber(value: string | string[] | undefined): number | undefined {
  const n = Number(first(value));
  return Number.isInteger(n) && n > 1 ? n : undefined;
}
