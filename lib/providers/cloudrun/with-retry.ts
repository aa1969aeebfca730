// Retries a Cloud Run call that is safe to repeat (a read, or a read-change-write that re-reads) when the
// API says to try again later, with exponential backoff and jitter; anything else fails at once.
import { isRetryable } from "./to-provider-error";

export type RetryOptions = { attempts?: number; initialDelayMs?: number; maxDelayMs?: number; retryIf?: (error: unknown) => boolean };

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, initialDelayMs = 200, maxDelayMs = 5_000, retryIf = isRetryable } = options;
  let delay = initialDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !retryIf(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay / 2 + Math.random() * (delay / 2)));
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }
}
