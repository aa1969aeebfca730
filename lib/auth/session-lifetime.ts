// How long a browser session lives without use, shared by next-auth's cookie and the session records.
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Sessions not seen for longer than this are dead: their cookie has expired, whatever the row says. */
export function sessionSeenCutoff(now: Date): Date {
  return new Date(now.getTime() - SESSION_MAX_AGE_SECONDS * 1000);
}
