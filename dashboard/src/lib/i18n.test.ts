import { describe, expect, it } from "vitest";
import { applyDocumentLanguage, directionOf, fromBusinessLanguage, preferredLanguage, translator } from "./i18n";
import { en } from "./messages";
import { fr } from "./messages.fr";
import { ar } from "./messages.ar";

describe("languages", () => {
  it("switches the document to right-to-left for Arabic and back", () => {
    const root = { lang: "en", dir: "ltr" };
    applyDocumentLanguage(root, "ar");
    expect(root).toEqual({ lang: "ar", dir: "rtl" });
    applyDocumentLanguage(root, "fr");
    expect(root).toEqual({ lang: "fr", dir: "ltr" });
    expect(directionOf("en")).toBe("ltr");
  });

  it("has every English message in French and Arabic, with the same placeholders", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(fr[key], key).toBeTruthy();
      expect(ar[key], key).toBeTruthy();
      expect(placeholders(fr[key]), key).toBe(placeholders(en[key]));
      expect(placeholders(ar[key]), key).toBe(placeholders(en[key]));
    }
  });

  it("fills placeholders", () => {
    expect(translator("en")("orders.new", { reference: "A-1042" })).toBe("New order A-1042");
    expect(translator("ar")("orders.new", { reference: "A-1042" })).toBe("طلب جديد A-1042");
  });

  it("starts in the stored choice, else the browser's, else English", () => {
    expect(preferredLanguage("ar", ["fr-FR"])).toBe("ar");
    expect(preferredLanguage(null, ["de-DE", "fr-CA"])).toBe("fr");
    expect(preferredLanguage("xx", ["de"])).toBe("en");
    expect(fromBusinessLanguage("arabizi")).toBe("ar");
  });
});
