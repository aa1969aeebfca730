// What every part of a check's form receives: the check, a way to change it, and the message about one of
// its fields (from the server's 422 or the editor's own JSON parsing).
import type { DraftCheck } from "./suite-draft";

export type CheckProps = {
  check: DraftCheck;
  onChange: (check: DraftCheck) => void;
  /** the message about `field` of this check (`path`, `request.path`, `assertions`...), if any */
  errorOf: (field: string) => string | undefined;
  /** a DOM id for a control of this check */
  idOf: (field: string) => string;
};

/** An <input type="number">'s value: a number, or undefined when empty (the schema's default applies). */
export const numberValue = (text: string): number | undefined => (text.trim() === "" ? undefined : Number(text));

export const setField = ({ check, onChange }: CheckProps, field: string, value: unknown) =>
  onChange({ ...check, fields: { ...check.fields, [field]: value } });
