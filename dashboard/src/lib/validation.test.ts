import { describe, expect, it } from "vitest";
import { isGuestPhone, isMoney, validateBooking, validateItem, validateOverride, validateSignUp, validateWeek } from "./validation";

const signUp = {
  businessName: "Chez Nour",
  businessType: "restaurant",
  ownerName: "Nour",
  email: "nour@chez-nour.example",
  password: "a long enough secret",
  timeZone: "Asia/Beirut",
  defaultLanguage: "french",
  currency: "EUR",
};

describe("sign-up rules (the gateway's)", () => {
  it("accepts a complete form", () => {
    expect(validateSignUp(signUp)).toEqual({});
  });

  it("asks for ten characters, at most 72 bytes, and not the email", () => {
    expect(validateSignUp({ ...signUp, password: "short" }).password?.key).toBe("valid.passwordShort");
    expect(validateSignUp({ ...signUp, password: "ééééééééééééééééééééééééééééééééééééé" }).password?.key).toBe("valid.passwordLong");
    expect(validateSignUp({ ...signUp, password: "x-nour@chez-nour.example" }).password?.key).toBe("valid.passwordEmail");
  });

  it("refuses unknown zones, currencies, types and bad emails", () => {
    const p = validateSignUp({ ...signUp, timeZone: "Mars/Olympus", currency: "EURO", businessType: "bar", email: "nour@" });
    expect(Object.keys(p).sort()).toEqual(["businessType", "currency", "email", "timeZone"]);
  });
});

describe("catalog rules (order-service's)", () => {
  const item = { name: "Margherita", description: "", price: "12.50", cost: "", preparationTimeMinutes: "", tags: "", allergens: "gluten, milk", optionGroups: [] };

  it("accepts prices with at most two decimals", () => {
    expect(isMoney("12.50")).toBe(true);
    expect(isMoney("12.505")).toBe(false);
    expect(isMoney("-1")).toBe(false);
    expect(isMoney("100000000")).toBe(false);
    expect(validateItem(item)).toEqual({});
  });

  it("names each broken field as the API does", () => {
    const p = validateItem({
      ...item, name: " ", price: "abc", preparationTimeMinutes: "601",
      optionGroups: [{ name: "Size", kind: "size", required: true, maxChoices: "1", options: [{ name: "", priceDelta: "2.555" }] }],
    });
    expect(Object.keys(p).sort()).toEqual(["name", "optionGroups[0].options[0].name", "optionGroups[0].options[0].priceDelta", "preparationTimeMinutes", "price"]);
  });

  it("checks hours as HH:mm, and closed days need none", () => {
    expect(validateWeek([{ dayOfWeek: "monday", closed: false, opensAt: "12:00", closesAt: "01:00" }])).toEqual({});
    expect(validateWeek([{ dayOfWeek: "monday", closed: false, opensAt: "25:00", closesAt: "" }])).toEqual({
      "days[0].opensAt": { key: "valid.time" },
      "days[0].closesAt": { key: "valid.time" },
    });
    expect(validateWeek([{ dayOfWeek: "sunday", closed: true, opensAt: "", closesAt: "" }])).toEqual({});
    expect(validateOverride({ date: "2026-02-30", closed: true, opensAt: "", closesAt: "", note: "" })).toEqual({ date: { key: "valid.dateFormat" } });
  });
});

describe("bookings and guests", () => {
  it("follows reservation-service's limits", () => {
    expect(validateBooking({ guestName: "Amira", partySize: "4", date: "2026-12-24", time: "19:30", specialRequests: "" })).toEqual({});
    expect(Object.keys(validateBooking({ guestName: "", partySize: "0", date: "24/12", time: "7pm", specialRequests: "" })).sort())
      .toEqual(["date", "guestName", "partySize", "time"]);
  });

  it("follows archive-service's phone rule", () => {
    expect(isGuestPhone("+961 3 123 456")).toBe(true);
    expect(isGuestPhone("12345")).toBe(false);
    expect(isGuestPhone("call me")).toBe(false);
  });
});
