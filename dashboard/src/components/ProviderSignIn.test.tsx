import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nContext, localeOf, translator } from "@/lib/i18n";
import { signInMethods } from "@/lib/signIn";
import { ProviderSignIn } from "./ProviderSignIn";

const keycloak = { displayName: "Keycloak", loginUrl: "/api/identity/oidc/login" };

function render(config: Parameters<typeof signInMethods>[0], language: "en" | "fr" = "en") {
  const i18n = { language, setLanguage: () => {}, t: translator(language), locale: localeOf(language), dir: "ltr" as const };
  return renderToStaticMarkup(
    <I18nContext.Provider value={i18n}><ProviderSignIn methods={signInMethods(config)} /></I18nContext.Provider>,
  );
}

describe("signing in through an OpenID Connect provider", () => {
  it("offers the provider's button, pointing at the gateway's login URL, beside the password form", () => {
    const html = render({ passwordLogin: true, oidc: keycloak });
    expect(html).toContain('href="/api/identity/oidc/login"');
    expect(html).toContain("Sign in with Keycloak");
    expect(html).toContain(">or<");
    expect(signInMethods({ passwordLogin: true, oidc: keycloak }).password).toBe(true);
  });

  it("shows no button when no provider is configured, or while the config is loading", () => {
    expect(render({ passwordLogin: true, oidc: null })).toBe("");
    expect(render(undefined)).toBe("");
    expect(signInMethods(undefined)).toEqual({ password: true, provider: null });
  });

  it("hides the password form when the provider replaces passwords", () => {
    const methods = signInMethods({ passwordLogin: false, oidc: keycloak });
    expect(methods).toEqual({ password: false, provider: { name: "Keycloak", href: "/api/identity/oidc/login" } });
    expect(render({ passwordLogin: false, oidc: keycloak })).not.toContain(">or<");
  });

  it("never follows a login URL that leaves the gateway, and keeps the password form then", () => {
    for (const loginUrl of ["https://evil.example/login", "//evil.example/login", "javascript:alert(1)"]) {
      expect(signInMethods({ passwordLogin: false, oidc: { displayName: "X", loginUrl } })).toEqual({ password: true, provider: null });
    }
  });

  it("speaks the page's language and copes with a provider without a name", () => {
    expect(render({ passwordLogin: true, oidc: keycloak }, "fr")).toContain("Se connecter avec Keycloak");
    expect(render({ passwordLogin: true, oidc: { displayName: " ", loginUrl: "/api/identity/oidc/login" } })).toContain("Sign in with your organisation");
  });
});
