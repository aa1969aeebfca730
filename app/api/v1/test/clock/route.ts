// PUT /api/v1/test/clock — fix the decisions' clock (test runs with FLIGHTDECK_TEST_CLOCK=1 only; 404 otherwise); admin.
import { route } from "@/lib/api/route";
import { isTestClockEnabled } from "@/lib/clock";
import { setTestClockBody } from "@/lib/schemas/test-clock";
import { setTestClock } from "@/lib/services/set-test-clock";

// `available` answers 404 before sign-in is checked: a 401 or 403 would tell an outsider the route exists.
export const PUT = route({ permission: "admin.manage", available: isTestClockEnabled, body: setTestClockBody }, ({ principal, body }) =>
  setTestClock({ principal, input: body }),
);
