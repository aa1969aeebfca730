// A sliding-window limit per key (here: per MCP session), so that the smoke suite's "5 rapid requests"
// check meets a real limit without one check's requests counting against another's.

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export type RateLimiter = {
  /** Counts one request for `key` at `now` (ms) if the window has room. A limit of 0 allows everything. */
  take: (options: { key: string; now: number }) => RateDecision;
  forget: (key: string) => void;
};

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const seen = new Map<string, number[]>();
  return {
    take: ({ key, now }) => {
      if (limit === 0) return { allowed: true };
      const recent = (seen.get(key) ?? []).filter((at) => at > now - windowMs);
      if (recent.length >= limit) {
        seen.set(key, recent);
        return { allowed: false, retryAfterMs: recent[0]! + windowMs - now };
      }
      recent.push(now);
      seen.set(key, recent);
      return { allowed: true };
    },
    forget: (key) => void seen.delete(key),
  };
}
