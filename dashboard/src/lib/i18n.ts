import { createContext, useContext } from "react";
import { en, type MessageKey, type Messages } from "./messages";
import { fr } from "./messages.fr";
import { ar } from "./messages.ar";

export type Language = "en" | "fr" | "ar";
export const LANGUAGES: Language[] = ["en", "fr", "ar"];
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", fr: "Français", ar: "العربية" };

const catalogs: Record<Language, Messages> = { en, fr, ar };

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/** The BCP 47 tag used with Intl. Arabic keeps Western digits, as most Levant and Maghreb menus do. */
export function localeOf(language: Language): string {
  return language === "ar" ? "ar-u-nu-latn" : language === "fr" ? "fr-FR" : "en-GB";
}

export function directionOf(language: Language): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

export function translator(language: Language): Translate {
  const messages = catalogs[language] ?? en;
  return (key, vars) => {
    const template = messages[key] ?? en[key] ?? key;
    return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m)) : template;
  };
}

/** Picks the first supported language the browser asks for; English otherwise. */
export function preferredLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored && (LANGUAGES as string[]).includes(stored)) return stored as Language;
  for (const tag of browser) {
    const base = tag.toLowerCase().split("-")[0];
    if ((LANGUAGES as string[]).includes(base)) return base as Language;
  }
  return "en";
}

/** Sets <html lang dir>: the whole layout mirrors through logical CSS properties (ms-/me-/start/end). */
export function applyDocumentLanguage(root: { lang: string; dir: string }, language: Language): void {
  root.lang = language;
  root.dir = directionOf(language);
}

/** A business's defaultLanguage ("french"...) to a dashboard language, when the user has not chosen. */
export function fromBusinessLanguage(value: string | undefined | null): Language | null {
  return value === "french" ? "fr" : value === "arabic" || value === "arabizi" ? "ar" : value === "english" ? "en" : null;
}

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  locale: string;
  dir: "rtl" | "ltr";
}

export const I18nContext = createContext<I18n>({
  language: "en",
  setLanguage: () => {},
  t: translator("en"),
  locale: localeOf("en"),
  dir: "ltr",
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function messagesOf(language: Language): Messages {
  return catalogs[language];
}
