// Secret values of a service never leave the runner: every text of a result passes through here first.

const MARK = "[redacted]";

/** Replaces every occurrence of each secret value (also URL-encoded) in a text. */
export function createRedactor(secrets: Record<string, string>): (text: string) => string {
  const values = [...new Set(Object.values(secrets).flatMap((v) => (v ? [v, encodeURIComponent(v)] : [])))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => values.reduce((out, value) => out.split(value).join(MARK), text);
}

/** The start of a body, for a person to recognise the answer: one line of at most `max` characters. */
export function excerpt(text: string | null, max = 300): string | null {
  if (text === null) return null;
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
