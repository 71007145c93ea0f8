// How this server lets people sign in (GET /api/identity/config, public): the built-in password
// form, an OpenID Connect provider (Keycloak, Entra ID, Google Workspace…), or both.

export interface IdentityConfig {
  /** False when the provider replaces passwords: login, sign-up and resets then answer 403. */
  passwordLogin: boolean;
  oidc: { displayName: string; loginUrl: string } | null;
}

export interface SignInMethods {
  password: boolean;
  /** A full-page navigation to the gateway, which redirects to the provider. */
  provider: { name: string; href: string } | null;
}

/** Until the config has loaded (or when it cannot be read) the password form is offered alone. */
export function signInMethods(config: IdentityConfig | null | undefined): SignInMethods {
  const oidc = config?.oidc;
  // Only the gateway's own path is followed: a config can never send a browser to another site.
  const href = oidc && typeof oidc.loginUrl === "string" && oidc.loginUrl.startsWith("/") && !oidc.loginUrl.startsWith("//")
    ? oidc.loginUrl : null;
  const provider = href ? { name: oidc!.displayName?.trim() || "", href } : null;
  return { password: config?.passwordLogin !== false || provider === null, provider };
}
