import { describe, expect, it } from "vitest";
import { addDays, formatDateTime, formatLocalDateTime, formatMoney, formatTime, hhmm, todayIn } from "./format";
import { localeOf } from "./i18n";

// Intl separates some parts with narrow no-break spaces; compare on plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money", () => {
  it("writes prices in the business's currency the way each language writes them", () => {
    expect(plain(formatMoney("12.50", "EUR", localeOf("en")))).toBe("€12.50");
    expect(plain(formatMoney("12.50", "EUR", localeOf("fr")))).toBe("12,50 €");
    expect(plain(formatMoney("1250000", "LBP", localeOf("en")))).toBe("LBP 1,250,000");
    expect(plain(formatMoney("12.5", "USD", localeOf("ar")))).toContain("12.50");
  });

  it("shows nothing for a missing amount and the raw text for a broken one", () => {
    expect(formatMoney(null, "EUR", "en")).toBe("");
    expect(formatMoney("n/a", "EUR", "en")).toBe("n/a");
  });
});

describe("times in the business's zone", () => {
  const instant = "2026-12-24T18:30:00Z";

  it("shows an instant in the business's time zone, not the browser's", () => {
    expect(plain(formatTime(instant, "Asia/Beirut", localeOf("en")))).toBe("20:30");
    expect(plain(formatTime(instant, "America/New_York", localeOf("en")))).toBe("13:30");
    expect(plain(formatDateTime(instant, "Asia/Tokyo", localeOf("fr")))).toBe("25 déc. 2026, 03:30");
  });

  it("shows restaurant-local date-times as they are", () => {
    expect(plain(formatLocalDateTime("2026-12-24T19:30", localeOf("en")))).toBe("24 Dec 2026, 19:30");
    expect(plain(formatLocalDateTime("2026-12-24T19:30", localeOf("en"), false))).toBe("19:30");
  });

  it("knows which day it is at the restaurant", () => {
    const lateEvening = new Date("2026-12-24T23:30:00Z");
    expect(todayIn("Asia/Beirut", lateEvening)).toBe("2026-12-25");
    expect(todayIn("America/Los_Angeles", lateEvening)).toBe("2026-12-24");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(hhmm("12:00:00")).toBe("12:00");
  });
});
