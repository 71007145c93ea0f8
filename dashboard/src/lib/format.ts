// Money and times as the business sees them: prices in its currency, instants in its time zone
// (not the browser's), written the way the chosen language writes them.

/** Formats a decimal string ("12.50") or number in the given currency; never through float maths for display. */
export function formatMoney(amount: string | number | null | undefined, currency: string, locale: string): string {
  if (amount === null || amount === undefined || amount === "") return "";
  const value = typeof amount === "number" ? amount : Number(amount);
  if (!Number.isFinite(value)) return String(amount);
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    return `${value.toFixed(2)} ${currency}`;
  }
}

/** An instant (RFC 3339) as a date and time in the business's zone. */
export function formatDateTime(instant: string | Date | null | undefined, timeZone: string, locale: string): string {
  if (!instant) return "";
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: safeZone(timeZone) }).format(date);
}

/** An instant as a time of day in the business's zone. */
export function formatTime(instant: string | Date | null | undefined, timeZone: string, locale: string): string {
  if (!instant) return "";
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  return new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: safeZone(timeZone) }).format(date);
}

/**
 * A restaurant-local date-time ("2026-12-24T19:30", already in the business's zone, per the
 * contracts) shown as is: no zone conversion, only the language's way of writing it.
 */
export function formatLocalDateTime(local: string | null | undefined, locale: string, withDate = true): string {
  if (!local) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(local);
  if (!m) return local;
  const [, y, mo, d, h = "00", mi = "00"] = m;
  const asUtc = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi));
  const options: Intl.DateTimeFormatOptions = withDate
    ? { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }
    : { timeStyle: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(asUtc);
}

/** A calendar date ("2026-12-24") written out, e.g. "Thursday 24 December 2026". */
export function formatLocalDate(date: string | null | undefined, locale: string): string {
  if (!date) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" }).format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

/** Today's date (YYYY-MM-DD) in the business's zone, which may differ from the browser's. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: safeZone(timeZone), year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Adds days to a YYYY-MM-DD date (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

/** "12:00:00" or "12:00" → "12:00". */
export function hhmm(time: string | null | undefined): string {
  return time ? time.slice(0, 5) : "";
}

/** Minutes since an instant, for "placed 4 min ago" on the board. */
export function minutesSince(instant: string | null | undefined, now: Date = new Date()): number {
  if (!instant) return 0;
  return Math.max(0, Math.floor((now.getTime() - new Date(instant).getTime()) / 60000));
}

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}
