import { useEffect, useMemo, useState, type ReactNode } from "react";
import { applyDocumentLanguage, directionOf, I18nContext, localeOf, preferredLanguage, translator, type Language } from "./i18n";

const KEY = "dinechat.language";

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    preferredLanguage(safeGet(KEY), typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language]),
  );
  useEffect(() => {
    applyDocumentLanguage(document.documentElement, language);
  }, [language]);
  const value = useMemo(
    () => ({
      language,
      setLanguage: (l: Language) => {
        safeSet(KEY, l);
        setLanguageState(l);
      },
      t: translator(language),
      locale: localeOf(language),
      dir: directionOf(language),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function safeGet(key: string) {
  try { return localStorage.getItem(key); } catch { return null; }
}
function safeSet(key: string, value: string) {
  try { localStorage.setItem(key, value); } catch { /* private mode */ }
}
