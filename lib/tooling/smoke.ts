// `npm run smoke -- --url <url> [--service <slug> | --suite <file.json>] [--verbose] [--json]`: the same
// runner the workers use, for pipelines and people. Exit 0 only when every check passed, 1 when one
// failed, 2 when the suite could not be run (usage, unreadable suite, unknown service).
import { disconnectDb } from "@/lib/db";
import { COLOURS, formatCheckLine, formatSummary, PLAIN } from "@/lib/smoke/cli/format-smoke-report";
import { loadCliSuite } from "@/lib/smoke/cli/load-cli-suite";
import { parseSmokeArgs, secretsFromEnvironment, SMOKE_USAGE } from "@/lib/smoke/cli/parse-smoke-args";
import { runSmokeSuite } from "@/lib/smoke/run-smoke-suite";

async function main(): Promise<number> {
  const parsed = parseSmokeArgs(process.argv.slice(2));
  if (parsed.ok === "help") return (console.log(SMOKE_USAGE), 0);
  if (!parsed.ok) return (console.error(`${parsed.error}\n\n${SMOKE_USAGE}`), 2);
  const { args } = parsed;
  const loaded = await loadCliSuite({ service: args.service, suiteFile: args.suiteFile });
  if (!loaded.ok) return (console.error(loaded.error), 2);
  const paint = process.stdout.isTTY && !process.env.NO_COLOR && !args.json ? COLOURS : PLAIN;
  if (!args.json) console.log(`Running ${loaded.suite.checks.length} smoke checks (${loaded.source}) against ${args.url}\n`);
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  const run = await runSmokeSuite({
    suite: loaded.suite,
    baseUrl: args.url,
    secrets: secretsFromEnvironment(process.env),
    signal: controller.signal,
    onResult: (result) => {
      if (!args.json) console.log(formatCheckLine({ result, paint, verbose: args.verbose }));
    },
  });
  if (args.json) console.log(JSON.stringify({ url: args.url, suite: loaded.source, ...run }, null, 2));
  else console.log(formatSummary({ summary: run.summary, results: run.results, url: args.url, paint }));
  return run.summary.passed ? 0 : 1;
}

main()
  .catch((error: unknown) => {
    console.error(`smoke: ${(error as Error).message}`);
    return 2;
  })
  .then(async (code) => {
    await disconnectDb();
    process.exitCode = code;
  });
