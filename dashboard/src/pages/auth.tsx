import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api";
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from "@/lib/i18n";
import { useFieldErrors } from "@/lib/forms";
import { api, forgetSession, rememberSignUp, useIdentityConfig, type Me } from "@/lib/session";
import { signInMethods } from "@/lib/signIn";
import { ProviderSignIn } from "@/components/ProviderSignIn";
import { BUSINESS_TYPES, emailProblem, passwordProblem, SIGNUP_LANGUAGES, validateSignUp, type SignUpForm } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Notice, ProblemAlert } from "@/components/ui/feedback";
import { Field, Input, Select } from "@/components/ui/form";

function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="flex min-h-full flex-col items-center justify-center px-4 py-10">
      <div className="mb-6 text-center">
        <div className="text-3xl font-bold text-brand-700">{t("app.name")}</div>
        <p className="mt-1 text-sm text-slate-500">{t("app.tagline")}</p>
      </div>
      <Card className="w-full max-w-md px-6 py-6">
        <h1 className="mb-4 text-xl font-semibold">{title}</h1>
        {children}
      </Card>
      <div className="mt-4 text-sm text-slate-600">{footer}</div>
      <div className="mt-6 flex gap-3 text-sm">
        {LANGUAGES.map((l: Language) => (
          <button key={l} className={l === language ? "font-semibold text-brand-700" : "text-slate-500 hover:text-slate-800"} onClick={() => setLanguage(l)}>
            {LANGUAGE_NAMES[l]}
          </button>
        ))}
      </div>
    </div>
  );
}

export function LoginPage() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totpCode, setTotpCode] = useState("");
  const [needsTotp, setNeedsTotp] = useState(false);
  const login = useMutation({
    mutationFn: () => api.post<Me>("/api/identity/login", { email: email.trim(), password, totpCode: needsTotp ? totpCode : undefined }),
    onSuccess: (me) => {
      forgetSession(queries, me);
      navigate("/");
    },
    onError: (e) => {
      if (e instanceof ApiError && e.slug === "totp-required") setNeedsTotp(true);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  const totpAsked = login.error instanceof ApiError && login.error.slug === "totp-required" && !totpCode;
  const methods = signInMethods(useIdentityConfig().data);
  return (
    <AuthLayout
      title={t("auth.signIn")}
      footer={methods.password ? <>{t("auth.noAccount")} <Link className="font-medium text-brand-700" to="/signup">{t("auth.signUp")}</Link></> : undefined}
    >
      <ProviderSignIn methods={methods} />
      {methods.password && <form className={methods.provider ? "mt-4 space-y-4" : "space-y-4"} onSubmit={submit} noValidate>
        {login.error && !totpAsked && <ProblemAlert error={login.error} />}
        {needsTotp && <Notice>{t("auth.totpPrompt")}</Notice>}
        <Field label={t("auth.email")}>{(p) => <Input {...p} name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label={t("auth.password")}>{(p) => <Input {...p} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
        {needsTotp && (
          <Field label={t("auth.totpCode")}>
            {(p) => <Input {...p} name="totpCode" inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={totpCode} onChange={(e) => setTotpCode(e.target.value.replace(/\D/g, ""))} autoFocus />}
          </Field>
        )}
        <Button type="submit" className="w-full" disabled={login.isPending}>{t("auth.signIn")}</Button>
        <div className="text-center text-sm"><Link className="text-slate-600 hover:text-slate-900" to="/forgot-password">{t("auth.forgot")}</Link></div>
      </form>}
    </AuthLayout>
  );
}

const COMMON_ZONES = ["Asia/Beirut", "Asia/Dubai", "Asia/Riyadh", "Africa/Cairo", "Africa/Casablanca", "Africa/Tunis", "Africa/Algiers", "Europe/Paris", "Europe/London", "Europe/Berlin", "America/New_York", "America/Montreal", "UTC"];
const COMMON_CURRENCIES = ["EUR", "USD", "LBP", "AED", "SAR", "EGP", "MAD", "TND", "DZD", "GBP", "CAD", "QAR", "KWD", "JOD"];

export function SignUpPage() {
  const { t, language } = useI18n();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [form, setForm] = useState<SignUpForm>({
    businessName: "", businessType: "restaurant", ownerName: "", email: "", password: "",
    timeZone: browserZone || "Asia/Beirut", currency: "EUR",
    defaultLanguage: language === "fr" ? "french" : language === "ar" ? "arabic" : "english",
  });
  const errors = useFieldErrors();
  const set = (field: keyof SignUpForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const signUp = useMutation({
    mutationFn: () => api.post<Me>("/api/identity/signup", { ...form, email: form.email.trim(), currency: form.currency.toUpperCase() }),
    onSuccess: (me) => {
      rememberSignUp(form);
      queries.setQueryData(["me"], me);
      queries.removeQueries({ queryKey: ["catalog"] });
      navigate("/onboarding");
    },
    onError: (e) => errors.fromError(e, t),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (errors.setClient(validateSignUp(form))) signUp.mutate();
  };
  const zones = COMMON_ZONES.includes(form.timeZone) ? COMMON_ZONES : [form.timeZone, ...COMMON_ZONES];
  return (
    <AuthLayout title={t("auth.signUp")} footer={<>{t("auth.haveAccount")} <Link className="font-medium text-brand-700" to="/login">{t("auth.signIn")}</Link></>}>
      <form className="space-y-4" onSubmit={submit} noValidate>
        {signUp.error && <ProblemAlert error={signUp.error} />}
        <Field label={t("auth.businessName")} error={errors.error("businessName", t)}>{(p) => <Input {...p} name="businessName" value={form.businessName} onChange={set("businessName")} />}</Field>
        <Field label={t("auth.businessType")} error={errors.error("businessType", t)}>
          {(p) => <Select {...p} name="businessType" value={form.businessType} onChange={set("businessType")}>{BUSINESS_TYPES.map((b) => <option key={b} value={b}>{t(`type.${b}`)}</option>)}</Select>}
        </Field>
        <Field label={t("auth.ownerName")} error={errors.error("ownerName", t)}>{(p) => <Input {...p} name="ownerName" autoComplete="name" value={form.ownerName} onChange={set("ownerName")} />}</Field>
        <Field label={t("auth.email")} error={errors.error("email", t)}>{(p) => <Input {...p} name="email" type="email" autoComplete="email" value={form.email} onChange={set("email")} />}</Field>
        <Field label={t("auth.password")} error={errors.error("password", t)} hint={t("valid.passwordShort", { min: 10 })}>
          {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" value={form.password} onChange={set("password")} />}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={t("auth.timeZone")} error={errors.error("timeZone", t)}>
            {(p) => <Select {...p} name="timeZone" value={form.timeZone} onChange={set("timeZone")}>{zones.map((z) => <option key={z}>{z}</option>)}</Select>}
          </Field>
          <Field label={t("auth.currency")} error={errors.error("currency", t)}>
            {(p) => <Select {...p} name="currency" value={form.currency} onChange={set("currency")}>{COMMON_CURRENCIES.map((c) => <option key={c}>{c}</option>)}</Select>}
          </Field>
        </div>
        <Field label={t("auth.defaultLanguage")} error={errors.error("defaultLanguage", t)}>
          {(p) => <Select {...p} name="defaultLanguage" value={form.defaultLanguage} onChange={set("defaultLanguage")}>{SIGNUP_LANGUAGES.map((l) => <option key={l} value={l}>{t(`lang.${l}`)}</option>)}</Select>}
        </Field>
        <Button type="submit" className="w-full" disabled={signUp.isPending}>{t("auth.signUp")}</Button>
      </form>
    </AuthLayout>
  );
}

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState("");
  const [invalid, setInvalid] = useState<string>();
  const reset = useMutation({ mutationFn: () => api.post("/api/identity/password-reset", { email: email.trim() }) });
  return (
    <AuthLayout title={t("auth.resetTitle")} footer={<Link className="text-brand-700" to="/login">{t("auth.signIn")}</Link>}>
      <form className="space-y-4" noValidate onSubmit={(e) => {
        e.preventDefault();
        const p = emailProblem(email);
        setInvalid(p ? t(p.key) : undefined);
        if (!p) reset.mutate();
      }}>
        {reset.isSuccess && <Notice tone="success">{t("auth.resetSent")}</Notice>}
        {reset.error && <ProblemAlert error={reset.error} />}
        <Field label={t("auth.email")} error={invalid}>{(p) => <Input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Button type="submit" className="w-full" disabled={reset.isPending}>{t("auth.sendReset")}</Button>
      </form>
    </AuthLayout>
  );
}

/** Both links of the mail port land here: a password reset, and an invitation to choose a first password. */
export function AcceptInvitationPage({ mode }: { mode: "reset" | "invitation" }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [password, setPassword] = useState("");
  const [invalid, setInvalid] = useState<string>();
  const confirm = useMutation({ mutationFn: () => api.post("/api/identity/password-reset/confirm", { token: params.get("token"), newPassword: password }) });
  return (
    <AuthLayout title={mode === "reset" ? t("auth.resetTitle") : t("auth.choosePassword")} footer={<Link className="text-brand-700" to="/login">{t("auth.signIn")}</Link>}>
      {confirm.isSuccess ? (
        <Notice tone="success">{t("auth.passwordSet")}</Notice>
      ) : (
        <form className="space-y-4" noValidate onSubmit={(e) => {
          e.preventDefault();
          const p = passwordProblem(password);
          setInvalid(p ? t(p.key, p.vars) : undefined);
          if (!p) confirm.mutate();
        }}>
          {confirm.error && <ProblemAlert error={confirm.error} />}
          <Field label={t("auth.newPassword")} error={invalid}>{(p) => <Input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
          <Button type="submit" className="w-full" disabled={confirm.isPending}>{t("common.save")}</Button>
        </form>
      )}
    </AuthLayout>
  );
}
