// What the settings editors' working copies share: numbers kept as the text of their inputs, and names for new
// entries that do not clash with the others.

/** An empty field is sent as null, so the server says it is missing rather than quietly using a default. */
export const numberOf = (text: string): number | null => (text.trim() === "" ? null : Number(text));

/** "`prefix` n" for the smallest n from names.length + 1 that no entry uses yet. */
export function unusedName(prefix: string, names: string[]): string {
  let n = names.length + 1;
  while (names.includes(`${prefix} ${n}`)) n += 1;
  return `${prefix} ${n}`;
}
