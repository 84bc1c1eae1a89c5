/** One formatter for every call: building an Intl.DateTimeFormat costs far more than formatting with it (ADR 0021). */
const osloDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" });

/**
 * Today's date in Norway as YYYY-MM-DD — for "has the day come", expiry dates and file names. Not the server's
 * or the database's date: those are UTC on most servers, a day behind between midnight and 01:00 or 02:00.
 */
export function osloToday(now = new Date()): string {
  return osloDate.format(now);
}
