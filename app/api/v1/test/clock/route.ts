// PUT /api/v1/test/clock — fix the decisions' clock (test runs with FLIGHTDECK_TEST_CLOCK=1 only; 404 otherwise); admin.
import { route } from "@/lib/api/route";
import { setTestClockBody } from "@/lib/schemas/test-clock";
import { setTestClock } from "@/lib/services/set-test-clock";

export const PUT = route({ permission: "admin.manage", body: setTestClockBody }, ({ principal, body }) =>
  setTestClock({ principal, input: body }),
);
