// The built-in smoke suite: the documents' eight checks (lib/domain/document-defaults.ts) as a validated
// suite, the one a service starts from and the CLI runs when given no other.
import { DEFAULT_SMOKE_SUITE } from "@/lib/domain/document-defaults";
import { smokeSuiteSchema, type SmokeSuite } from "./smoke-suite-schema";

// The documents' script "completes all tests in < 10 seconds"; a minute leaves room for a slow revision.
const BUILT_IN_TIMEOUT_MS = 60_000;

export const BUILT_IN_SMOKE_SUITE: SmokeSuite = smokeSuiteSchema.parse({
  checks: DEFAULT_SMOKE_SUITE,
  timeoutMs: BUILT_IN_TIMEOUT_MS,
  stopAtFirstFailure: false,
});
