import { useState } from "react";
import { useNavigate } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check } from "lucide-react";
import { cn } from "@/lib/cn";
import { useI18n } from "@/lib/i18n";
import { useFieldErrors } from "@/lib/forms";
import { api, signUpDefaults, useCatalog, useMe, type Branch, type Business } from "@/lib/session";
import { BUSINESS_TYPES, isCurrency, isTimeZone, validateWeek, type HoursDay } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { Notice, ProblemAlert } from "@/components/ui/feedback";
import { Checkbox, Field, Input, Select } from "@/components/ui/form";
import { weekBody, weekFrom, WeeklyHoursEditor } from "@/components/WeeklyHours";

const STEPS = ["onboarding.profile", "onboarding.branch", "onboarding.hours", "onboarding.reservations"] as const;

export function OnboardingPage() {
  const { t } = useI18n();
  const catalog = useCatalog();
  const me = useMe();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const defaults = signUpDefaults();
  const [step, setStep] = useState(catalog.data ? (catalog.data.branches.length ? 2 : 1) : 0);
  const errors = useFieldErrors();

  const [business, setBusiness] = useState({
    name: catalog.data?.business.name ?? defaults?.businessName ?? me.data?.businessName ?? "",
    type: catalog.data?.business.type ?? defaults?.businessType ?? "restaurant",
    defaultLanguage: catalog.data?.business.defaultLanguage ?? defaults?.defaultLanguage ?? "english",
    timeZone: catalog.data?.business.timeZone ?? defaults?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    currency: catalog.data?.business.currency ?? defaults?.currency ?? "EUR",
    settings: catalog.data?.business.settings ?? { allowScheduledOrders: true, allowDelivery: true, allowTakeaway: true, allowOnSite: true },
  });
  const [branch, setBranch] = useState({ name: "", city: "", street: "", contactPhoneNumber: "", whatsappPhoneNumber: "", whatsappPhoneNumberId: "" });
  const [days, setDays] = useState<HoursDay[]>(weekFrom(catalog.data?.openingHours ?? [], null));
  const [reservations, setReservations] = useState<"builtin" | "external">("builtin");

  const done = () => queries.invalidateQueries({ queryKey: ["catalog"] });
  const saveBusiness = useMutation({
    mutationFn: () => api.put<Business>("/api/catalog/business", { ...business, currency: business.currency.toUpperCase() }),
    onSuccess: () => { done(); setStep(1); },
    onError: (e) => errors.fromError(e, t),
  });
  const saveBranch = useMutation({
    mutationFn: () => api.post<Branch>("/api/catalog/branches", {
      name: branch.name, address: { city: branch.city || null, street: branch.street || null },
      contactPhoneNumber: branch.contactPhoneNumber || null, whatsappPhoneNumber: branch.whatsappPhoneNumber || null,
      whatsappPhoneNumberId: branch.whatsappPhoneNumberId || null, active: true,
    }),
    onSuccess: () => { done(); setStep(2); },
    onError: (e) => errors.fromError(e, t),
  });
  const saveHours = useMutation({
    mutationFn: () => api.put("/api/catalog/opening-hours", weekBody(days, null)),
    onSuccess: () => { done(); setStep(3); },
    onError: (e) => errors.fromError(e, t),
  });
  const current = [saveBusiness, saveBranch, saveHours][step];

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("onboarding.title")} description={t("onboarding.intro")} />
      <ol className="mb-5 flex flex-wrap gap-2">
        {STEPS.map((s, i) => (
          <li key={s} className={cn("flex items-center gap-2 rounded-full px-3 py-1 text-sm", i === step ? "bg-brand-600 text-white" : i < step ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-500")}>
            {i < step ? <Check className="h-3.5 w-3.5" /> : <span>{i + 1}</span>} {t(s)}
          </li>
        ))}
      </ol>
      <Card>
        <CardHeader title={step < STEPS.length ? t(STEPS[step]) : t("onboarding.done")} />
        <CardBody className="space-y-4">
          {current?.error && <ProblemAlert error={current.error} />}
          {step === 0 && (
            <form id="step" className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (errors.setClient({
                name: business.name.trim() ? undefined : { key: "valid.required" },
                timeZone: isTimeZone(business.timeZone) ? undefined : { key: "valid.timeZone" },
                currency: isCurrency(business.currency) ? undefined : { key: "valid.currency" },
              })) saveBusiness.mutate();
            }}>
              <Field label={t("auth.businessName")} error={errors.error("name", t)}>{(p) => <Input {...p} value={business.name} onChange={(e) => setBusiness({ ...business, name: e.target.value })} />}</Field>
              <Field label={t("auth.businessType")}>{(p) => <Select {...p} value={business.type} onChange={(e) => setBusiness({ ...business, type: e.target.value })}>{BUSINESS_TYPES.map((b) => <option key={b} value={b}>{t(`type.${b}`)}</option>)}</Select>}</Field>
              <Field label={t("auth.timeZone")} error={errors.error("timeZone", t)}>{(p) => <Input {...p} value={business.timeZone} onChange={(e) => setBusiness({ ...business, timeZone: e.target.value })} />}</Field>
              <Field label={t("auth.currency")} error={errors.error("currency", t)}>{(p) => <Input {...p} maxLength={3} value={business.currency} onChange={(e) => setBusiness({ ...business, currency: e.target.value.toUpperCase() })} />}</Field>
              <Field label={t("auth.defaultLanguage")}>
                {(p) => <Select {...p} value={business.defaultLanguage} onChange={(e) => setBusiness({ ...business, defaultLanguage: e.target.value })}>{["english", "french", "arabic", "arabizi"].map((l) => <option key={l} value={l}>{t(`lang.${l}` as "lang.english")}</option>)}</Select>}
              </Field>
              <fieldset className="sm:col-span-2">
                <legend className="mb-2 text-sm font-medium text-slate-700">{t("onboarding.howOrders")}</legend>
                <div className="flex flex-wrap gap-4">
                  {([["allowTakeaway", "onboarding.allowTakeaway"], ["allowDelivery", "onboarding.allowDelivery"], ["allowOnSite", "onboarding.allowOnSite"], ["allowScheduledOrders", "onboarding.allowScheduled"]] as const).map(([k, label]) => (
                    <Checkbox key={k} label={t(label)} checked={business.settings[k]} onChange={(e) => setBusiness({ ...business, settings: { ...business.settings, [k]: e.target.checked } })} />
                  ))}
                </div>
              </fieldset>
            </form>
          )}
          {step === 1 && (
            <form id="step" className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (errors.setClient({ name: branch.name.trim() ? undefined : { key: "valid.required" } })) saveBranch.mutate();
            }}>
              <Field label={t("common.name")} error={errors.error("name", t)}>{(p) => <Input {...p} name="branchName" value={branch.name} onChange={(e) => setBranch({ ...branch, name: e.target.value })} />}</Field>
              <Field label={t("common.phone")} error={errors.error("contactPhoneNumber", t)}>{(p) => <Input {...p} value={branch.contactPhoneNumber} onChange={(e) => setBranch({ ...branch, contactPhoneNumber: e.target.value })} />}</Field>
              <Field label={t("common.city")}>{(p) => <Input {...p} value={branch.city} onChange={(e) => setBranch({ ...branch, city: e.target.value })} />}</Field>
              <Field label={t("common.street")}>{(p) => <Input {...p} value={branch.street} onChange={(e) => setBranch({ ...branch, street: e.target.value })} />}</Field>
              <div className="sm:col-span-2"><Notice>{t("onboarding.whatsappText")}</Notice></div>
              <Field label={t("onboarding.whatsappNumber")} error={errors.error("whatsappPhoneNumber", t)}>{(p) => <Input {...p} value={branch.whatsappPhoneNumber} onChange={(e) => setBranch({ ...branch, whatsappPhoneNumber: e.target.value })} />}</Field>
              <Field label={t("onboarding.phoneNumberId")} error={errors.error("whatsappPhoneNumberId", t)} hint={t("common.optional")}>{(p) => <Input {...p} inputMode="numeric" value={branch.whatsappPhoneNumberId} onChange={(e) => setBranch({ ...branch, whatsappPhoneNumberId: e.target.value })} />}</Field>
            </form>
          )}
          {step === 2 && (
            <form id="step" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (errors.setClient(validateWeek(days))) saveHours.mutate();
            }}>
              <WeeklyHoursEditor days={days} onChange={setDays} errors={(f) => errors.error(f, t)} />
            </form>
          )}
          {step === 3 && (
            <div className="space-y-3">
              {(["builtin", "external"] as const).map((kind) => (
                <label key={kind} className={cn("flex cursor-pointer gap-3 rounded-md border p-3", reservations === kind ? "border-brand-600 bg-brand-50" : "border-slate-200")}>
                  <input type="radio" name="reservations" className="mt-1 accent-brand-600" checked={reservations === kind} onChange={() => setReservations(kind)} />
                  <span>
                    <span className="block text-sm font-medium">{t(kind === "builtin" ? "onboarding.builtin" : "onboarding.external")}</span>
                    <span className="block text-sm text-slate-500">{t(kind === "builtin" ? "onboarding.builtinText" : "onboarding.externalText")}</span>
                  </span>
                </label>
              ))}
            </div>
          )}
          {step === 4 && <Notice tone="success">{t("onboarding.doneText")}</Notice>}
        </CardBody>
        <div className="flex justify-between gap-2 border-t border-slate-100 px-5 py-3">
          <Button variant="ghost" disabled={step === 0 || step === 4} onClick={() => setStep(step - 1)}>{t("common.back")}</Button>
          {step < 3 && <Button type="submit" form="step" disabled={current?.isPending}>{current?.isPending ? t("common.saving") : t("common.next")}</Button>}
          {step === 3 && <Button onClick={() => (reservations === "external" ? navigate("/reservations?tab=setup") : setStep(4))}>{t("common.next")}</Button>}
          {step === 4 && <Button onClick={() => navigate("/menu")}>{t("nav.menu")}</Button>}
        </div>
      </Card>
    </div>
  );
}
