// Failed sign-ins counted per account and per client address in Redis, so every web replica sees the same
// counts. Each attempt is reserved (counted) before the password is checked, in one script with the lock
// check: a burst of parallel guesses cannot slip past the limit between "check" and "count". A success
// then takes its own attempt back, so only failures add up and a busy office behind one address is never
// locked out by people who type their password right.
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { env } from "@/lib/env";

export type SignInLimits = { maxPerAccount: number; maxPerAddress: number; windowMs: number; lockoutMs: number };
export type LimitScope = "account" | "address";
export type SignInAttempt = { email: string; address: string };
export type Reservation = { allowed: true } | { allowed: false; scope: LimitScope; retryAfterSeconds: number; lockedNow: boolean };

export function signInLimits(e = env()): SignInLimits {
  return {
    maxPerAccount: e.SIGNIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerAddress: e.SIGNIN_MAX_FAILURES_PER_ADDRESS,
    windowMs: e.SIGNIN_FAILURE_WINDOW_SECONDS * 1000,
    lockoutMs: e.SIGNIN_LOCKOUT_SECONDS * 1000,
  };
}

/** KEYS: account failures, account lock, address failures, address lock. Emails are hashed: keys are not a user list. */
function keys({ email, address }: SignInAttempt, prefix: string): string[] {
  const account = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  const base = `${prefix}:signin`;
  return [
    `${base}:account:${account}:failures`,
    `${base}:account:${account}:lock`,
    `${base}:address:${address}:failures`,
    `${base}:address:${address}:lock`,
  ];
}

// Returns {0} when allowed, else {scope (1 account, 2 address), retry-after ms, 1 if this call placed the lock}.
// Placing a lock clears that scope's count, so the attempts after the lockout start afresh.
const RESERVE = `
local lockA, lockB = redis.call('PTTL', KEYS[2]), redis.call('PTTL', KEYS[4])
if lockA > 0 or lockB > 0 then
  if lockA >= lockB then return {1, lockA, 0} end
  return {2, lockB, 0}
end
local a, b = redis.call('INCR', KEYS[1]), redis.call('INCR', KEYS[3])
if a == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
if b == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
local overA, overB = a > tonumber(ARGV[1]), b > tonumber(ARGV[2])
if not overA and not overB then return {0} end
redis.call('DECR', KEYS[1]); redis.call('DECR', KEYS[3])
if overA then redis.call('SET', KEYS[2], '1', 'PX', ARGV[4]); redis.call('DEL', KEYS[1]) end
if overB then redis.call('SET', KEYS[4], '1', 'PX', ARGV[4]); redis.call('DEL', KEYS[3]) end
if overA then return {1, tonumber(ARGV[4]), 1} end
return {2, tonumber(ARGV[4]), 1}
`;

// ARGV[4] = '1' for a success: forget the account's failures and take the attempt back from the address.
// A failure that brings a scope to its limit locks it. Returns {account locked now, address locked now}.
const SETTLE = `
if ARGV[4] == '1' then
  redis.call('DEL', KEYS[1])
  local b = tonumber(redis.call('GET', KEYS[3]) or '0')
  if b > 0 then redis.call('DECR', KEYS[3]) end
  return {0, 0}
end
local result = {0, 0}
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3]); redis.call('DEL', KEYS[1]); result[1] = 1
end
if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[2]) then
  redis.call('SET', KEYS[4], '1', 'PX', ARGV[3]); redis.call('DEL', KEYS[3]); result[2] = 1
end
return result
`;

type Options = { redis: Redis; attempt: SignInAttempt; limits?: SignInLimits; prefix?: string };

/** Counts an attempt before its password is checked, or refuses it while the account or address is locked. */
export async function reserveSignInAttempt({
  redis,
  attempt,
  limits = signInLimits(),
  prefix = env().REDIS_PREFIX,
}: Options): Promise<Reservation> {
  const args = [limits.maxPerAccount, limits.maxPerAddress, limits.windowMs, limits.lockoutMs];
  const [scope, retryMs, placed] = (await redis.eval(RESERVE, 4, ...keys(attempt, prefix), ...args)) as number[];
  if (!scope) return { allowed: true };
  return {
    allowed: false,
    scope: scope === 1 ? "account" : "address",
    retryAfterSeconds: Math.max(1, Math.ceil(retryMs! / 1000)),
    lockedNow: placed === 1,
  };
}

/** Records how a reserved attempt ended; returns the scopes this failure locked. */
export async function settleSignInAttempt({
  redis,
  attempt,
  succeeded,
  limits = signInLimits(),
  prefix = env().REDIS_PREFIX,
}: Options & { succeeded: boolean }): Promise<LimitScope[]> {
  const args = [limits.maxPerAccount, limits.maxPerAddress, limits.lockoutMs, succeeded ? 1 : 0];
  const [account, address] = (await redis.eval(SETTLE, 4, ...keys(attempt, prefix), ...args)) as number[];
  return [...(account ? (["account"] as const) : []), ...(address ? (["address"] as const) : [])];
}
