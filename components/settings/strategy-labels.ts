// How strategies read in the catalog's forms and tables.
export const STRATEGY_LABELS: Record<string, string> = { rolling: "Rolling", blue_green: "Blue-green", canary: "Canary" };
