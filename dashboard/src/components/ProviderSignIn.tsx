import { useI18n } from "@/lib/i18n";
import type { SignInMethods } from "@/lib/signIn";
import { cn } from "@/lib/cn";

/**
 * "Sign in with <provider>": a plain link, because the gateway answers with a redirect to the
 * provider (and binds the sign-in to this browser with a cookie), so the whole page must go there.
 */
export function ProviderSignIn({ methods }: { methods: SignInMethods }) {
  const { t } = useI18n();
  if (!methods.provider) return null;
  const { name, href } = methods.provider;
  return (
    <div className="space-y-4">
      <a
        href={href}
        data-testid="oidc-sign-in"
        className={cn("inline-flex h-9 w-full items-center justify-center rounded-md px-4 text-sm font-medium transition-colors",
          methods.password ? "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100" : "bg-brand-600 text-white hover:bg-brand-700")}
      >
        {name ? t("auth.signInWith", { provider: name }) : t("auth.signInWithProvider")}
      </a>
      {methods.password && <div className="text-center text-xs uppercase tracking-wide text-slate-400">{t("auth.or")}</div>}
    </div>
  );
}
