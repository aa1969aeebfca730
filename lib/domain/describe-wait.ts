// How long someone must wait, said the way the sign-in form and the 429 answer both say it: seconds while
// under a minute, whole minutes (rounded up, so nobody retries too early) after that.
export function describeWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? "" : "s"}`;
  const minutes = Math.ceil(s / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
