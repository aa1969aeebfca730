// The server's problem+json names each bad field (`body.slug`, `body.providerConfig.port`); forms show each
// message beside its field, and keep the summary for what no field on the form explains.
import { ApiError, errorMessage } from "@/components/data/api-fetch";

export type FieldErrors = {
  /** the messages about `name` and anything under it (`providerConfig` covers `providerConfig.port`), except under `exclude` */
  of: (name: string, exclude?: string[]) => string | undefined;
  /** the form-level message: the server's detail, unless every field it names is shown on the form */
  summary: string | null;
};

export function fieldErrors(error: unknown, shownFields: string[]): FieldErrors {
  const fields = error instanceof ApiError ? error.fields : [];
  const matches = (path: string, name: string) => path === `body.${name}` || path.startsWith(`body.${name}.`);
  const of = (name: string, exclude: string[] = []) =>
    fields
      .filter((f) => matches(f.path, name) && !exclude.some((other) => matches(f.path, other)))
      .map((f) => (f.path === `body.${name}` ? f.message : `${f.path.slice(`body.${name}.`.length)}: ${f.message}`))
      .join("; ") || undefined;
  const isAllShown = fields.length > 0 && fields.every((f) => shownFields.some((name) => matches(f.path, name)));
  return { of, summary: isAllShown ? "Fix the fields marked above and try again." : errorMessage(error) };
}
