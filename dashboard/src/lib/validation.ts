// The API's own rules, checked before sending so the owner sees mistakes at once. They mirror
// the gateway's NewBusiness/PasswordRules/EmailAddress and order-service's CatalogRequests; the API
// checks again, and its answer (problem+json errors[]) lands on the same fields.
import type { MessageKey } from "./messages";

export type Problems<F extends string = string> = Partial<Record<F, { key: MessageKey; vars?: Record<string, string | number> }>>;

export const BUSINESS_TYPES = ["restaurant", "cafe", "salon", "sports_court", "other"] as const;
export const SIGNUP_LANGUAGES = ["english", "french", "arabic"] as const;
export const PASSWORD_MIN = 10;
export const NAME_MAX = 200;
export const TEXT_MAX = 4000;

const blank = (s: string | undefined | null) => !s || s.trim() === "";
const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;
const codePoints = (s: string) => Array.from(s).length;

export function emailProblem(email: string): Problems<"email">["email"] {
  if (blank(email)) return { key: "valid.required" };
  const e = email.trim();
  if (e.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) return { key: "valid.email" };
  return undefined;
}

export function passwordProblem(password: string, email?: string): Problems<"password">["password"] {
  if (!password || codePoints(password) < PASSWORD_MIN) return { key: "valid.passwordShort", vars: { min: PASSWORD_MIN } };
  if (utf8Bytes(password) > 72) return { key: "valid.passwordLong" };
  if (email && email.trim() && password.toLowerCase().includes(email.trim().toLowerCase())) return { key: "valid.passwordEmail" };
  return undefined;
}

export function isTimeZone(zone: string): boolean {
  if (blank(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

export function isCurrency(code: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(code ?? "")) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code.toUpperCase() });
    return true;
  } catch {
    return false;
  }
}

export interface SignUpForm {
  businessName: string;
  businessType: string;
  ownerName: string;
  email: string;
  password: string;
  timeZone: string;
  defaultLanguage: string;
  currency: string;
}

export function validateSignUp(f: SignUpForm): Problems<keyof SignUpForm> {
  const p: Problems<keyof SignUpForm> = {};
  if (blank(f.businessName)) p.businessName = { key: "valid.required" };
  else if (f.businessName.trim().length > NAME_MAX) p.businessName = { key: "valid.tooLong", vars: { max: NAME_MAX } };
  if (!(BUSINESS_TYPES as readonly string[]).includes(f.businessType)) p.businessType = { key: "valid.required" };
  if (blank(f.ownerName)) p.ownerName = { key: "valid.required" };
  else if (f.ownerName.trim().length > NAME_MAX) p.ownerName = { key: "valid.tooLong", vars: { max: NAME_MAX } };
  const email = emailProblem(f.email);
  if (email) p.email = email;
  const password = passwordProblem(f.password, f.email);
  if (password) p.password = password;
  if (!isTimeZone(f.timeZone)) p.timeZone = { key: "valid.timeZone" };
  if (!(SIGNUP_LANGUAGES as readonly string[]).includes(f.defaultLanguage)) p.defaultLanguage = { key: "valid.required" };
  if (!isCurrency(f.currency)) p.currency = { key: "valid.currency" };
  return p;
}

/** order-service's money rule: non-negative, at most two decimals, at most 99 999 999.99. */
export function isMoney(value: string): boolean {
  const v = value.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(v)) return false;
  return Number(v) <= 99999999.99;
}

export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value ?? "");
}

export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? "")) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Comma separated words → list, as tags/allergens (≤ 50 words of ≤ 60 characters). */
export function words(value: string): string[] {
  return value.split(",").map((w) => w.trim()).filter(Boolean);
}

export interface ItemForm {
  name: string;
  description: string;
  price: string;
  cost: string;
  preparationTimeMinutes: string;
  tags: string;
  allergens: string;
  optionGroups: { name: string; kind: string; required: boolean; maxChoices: string; options: { name: string; priceDelta: string }[] }[];
}

export function validateItem(f: ItemForm): Record<string, { key: MessageKey; vars?: Record<string, string | number> }> {
  const p: Record<string, { key: MessageKey; vars?: Record<string, string | number> }> = {};
  if (blank(f.name)) p.name = { key: "valid.required" };
  else if (f.name.length > NAME_MAX) p.name = { key: "valid.tooLong", vars: { max: NAME_MAX } };
  if (f.description.length > TEXT_MAX) p.description = { key: "valid.tooLong", vars: { max: TEXT_MAX } };
  if (blank(f.price)) p.price = { key: "valid.required" };
  else if (!isMoney(f.price)) p.price = { key: "valid.money" };
  if (!blank(f.cost) && !isMoney(f.cost)) p.cost = { key: "valid.money" };
  if (!blank(f.preparationTimeMinutes)) {
    const n = Number(f.preparationTimeMinutes);
    if (!Number.isInteger(n) || n < 0 || n > 600) p.preparationTimeMinutes = { key: "valid.between", vars: { min: 0, max: 600 } };
  }
  for (const field of ["tags", "allergens"] as const) {
    const list = words(f[field]);
    if (list.length > 50 || list.some((w) => w.length > 60)) p[field] = { key: "valid.tooLong", vars: { max: 60 } };
  }
  f.optionGroups.forEach((g, gi) => {
    const at = `optionGroups[${gi}]`;
    if (blank(g.name)) p[`${at}.name`] = { key: "valid.required" };
    const max = blank(g.maxChoices) ? 1 : Number(g.maxChoices);
    if (!Number.isInteger(max) || max < 1) p[`${at}.maxChoices`] = { key: "valid.between", vars: { min: 1, max: 50 } };
    if (g.options.length === 0) p[`${at}.options`] = { key: "valid.required" };
    g.options.forEach((o, oi) => {
      if (blank(o.name)) p[`${at}.options[${oi}].name`] = { key: "valid.required" };
      if (!blank(o.priceDelta) && !/^-?\d+(\.\d{1,2})?$/.test(o.priceDelta.trim()))
        p[`${at}.options[${oi}].priceDelta`] = { key: "valid.money" };
    });
  });
  return p;
}

export interface HoursDay {
  dayOfWeek: string;
  closed: boolean;
  opensAt: string;
  closesAt: string;
}

export function validateWeek(days: HoursDay[]): Record<string, { key: MessageKey }> {
  const p: Record<string, { key: MessageKey }> = {};
  days.forEach((d, i) => {
    if (d.closed) return;
    if (!isTime(d.opensAt)) p[`days[${i}].opensAt`] = { key: "valid.time" };
    if (!isTime(d.closesAt)) p[`days[${i}].closesAt`] = { key: "valid.time" };
  });
  return p;
}

export function validateOverride(o: { date: string; closed: boolean; opensAt: string; closesAt: string; note: string }) {
  const p: Record<string, { key: MessageKey; vars?: Record<string, string | number> }> = {};
  if (!isDate(o.date)) p.date = { key: "valid.dateFormat" };
  if (!o.closed) {
    if (!isTime(o.opensAt)) p.opensAt = { key: "valid.time" };
    if (!isTime(o.closesAt)) p.closesAt = { key: "valid.time" };
  }
  if (o.note.length > NAME_MAX) p.note = { key: "valid.tooLong", vars: { max: NAME_MAX } };
  return p;
}

/** archive-service's rule for a guest's number: international format, at least 6 digits. */
export function isGuestPhone(phone: string): boolean {
  return /^\+?[0-9 ()-]{6,24}$/.test(phone ?? "") && phone.replace(/\D/g, "").length >= 6;
}

/** reservation-service: 1..100 guests, a name up to 200 characters, a local date-time. */
export function validateBooking(b: { guestName: string; partySize: string; date: string; time: string; specialRequests: string }) {
  const p: Record<string, { key: MessageKey; vars?: Record<string, string | number> }> = {};
  if (blank(b.guestName)) p.guestName = { key: "valid.required" };
  else if (b.guestName.length > NAME_MAX) p.guestName = { key: "valid.tooLong", vars: { max: NAME_MAX } };
  const n = Number(b.partySize);
  if (!Number.isInteger(n) || n < 1 || n > 100) p.partySize = { key: "valid.between", vars: { min: 1, max: 100 } };
  if (!isDate(b.date)) p.date = { key: "valid.dateFormat" };
  if (!isTime(b.time)) p.time = { key: "valid.time" };
  if (b.specialRequests.length > 1000) p.specialRequests = { key: "valid.tooLong", vars: { max: 1000 } };
  return p;
}
