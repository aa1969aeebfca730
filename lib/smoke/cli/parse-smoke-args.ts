// The smoke CLI's command line: `--url <url> [--service <slug> | --suite <file.json>] [--verbose] [--json]`.
// Pure: returns what to do or the usage error to print (exit code 2).
import { parseArgs } from "node:util";
import { parseBaseUrl } from "../parse-base-url";

export const SMOKE_USAGE = `Usage: npm run smoke -- --url <url> [--service <slug> | --suite <file.json>] [--verbose] [--json]

Runs a smoke suite against <url> (http or https): the service's stored suite (--service), a suite file
(--suite), or else the built-in suite (the deployment documents' eight checks).
Secret headers ({ "secret": "NAME" }) are read from the environment variable SMOKE_SECRET_NAME.
Exit code: 0 when every check passed, 1 when one failed, 2 when the suite could not be run.`;

export type SmokeArgs = { url: string; service?: string; suiteFile?: string; verbose: boolean; json: boolean };

export function parseSmokeArgs(argv: string[]): { ok: true; args: SmokeArgs } | { ok: false; error: string } | { ok: "help" } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: "string" },
        service: { type: "string" },
        suite: { type: "string" },
        verbose: { type: "boolean", short: "v", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (values.help) return { ok: "help" };
  if (!values.url) return { ok: false, error: "--url is required" };
  const url = parseBaseUrl(values.url);
  if (typeof url === "string") return { ok: false, error: `--url ${url}` };
  if (values.service !== undefined && values.suite !== undefined) return { ok: false, error: "give --service or --suite, not both" };
  if (values.service !== undefined && !/^[a-z0-9][a-z0-9-]{0,99}$/.test(values.service))
    return { ok: false, error: "--service must be a service slug" };
  return {
    ok: true,
    args: { url: values.url, service: values.service, suiteFile: values.suite, verbose: values.verbose, json: values.json },
  };
}

/** Secrets for `{ secret: NAME }` headers: the variables SMOKE_SECRET_<NAME> of an environment. */
export function secretsFromEnvironment(environment: Record<string, string | undefined>): Record<string, string> {
  const prefix = "SMOKE_SECRET_";
  return Object.fromEntries(
    Object.entries(environment).flatMap(([name, value]) => (name.startsWith(prefix) && value ? [[name.slice(prefix.length), value]] : [])),
  );
}
