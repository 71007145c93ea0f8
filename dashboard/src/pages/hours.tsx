import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { formatLocalDate, hhmm } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import type { MessageKey } from "@/lib/messages";
import { useFieldErrors } from "@/lib/forms";
import { api, useCatalog, type Catalog } from "@/lib/session";
import { validateOverride, validateWeek, type HoursDay } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState, Loading, Notice, ProblemAlert } from "@/components/ui/feedback";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { weekBody, weekFrom, WeeklyHoursEditor } from "@/components/WeeklyHours";

export function HoursPage({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const catalog = useCatalog();
  if (catalog.isPending) return <Loading />;
  if (catalog.error) return <ProblemAlert error={catalog.error} onRetry={() => catalog.refetch()} />;
  if (!catalog.data) return <EmptyState title={t("settings.noCatalog")} />;
  return (
    <div className="space-y-4">
      <PageHeader title={t("hours.title")} />
      <WeekCard catalog={catalog.data} owner={owner} />
      <OverridesCard catalog={catalog.data} owner={owner} />
      <PoliciesCard catalog={catalog.data} owner={owner} />
    </div>
  );
}

function WeekCard({ catalog, owner }: { catalog: Catalog; owner: boolean }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const toast = useToast();
  const errors = useFieldErrors();
  const [days, setDays] = useState<HoursDay[]>(weekFrom(catalog.openingHours, null));
  const save = useMutation({
    mutationFn: () => api.put("/api/catalog/opening-hours", weekBody(days, null)),
    onSuccess: () => { queries.invalidateQueries({ queryKey: ["catalog"] }); toast(t("common.saved"), "success"); },
    onError: (e) => errors.fromError(e, t),
  });
  return (
    <Card>
      <CardHeader title={t("hours.weekly")} actions={owner && <Button onClick={() => errors.setClient(validateWeek(days)) && save.mutate()} disabled={save.isPending}>{t("common.save")}</Button>} />
      <CardBody>
        {save.error && <ProblemAlert className="mb-3" error={save.error} />}
        <WeeklyHoursEditor days={days} onChange={setDays} errors={(f) => errors.error(f, t)} disabled={!owner} />
      </CardBody>
    </Card>
  );
}

function OverridesCard({ catalog, owner }: { catalog: Catalog; owner: boolean }) {
  const { t, locale } = useI18n();
  const queries = useQueryClient();
  const errors = useFieldErrors();
  const [form, setForm] = useState({ date: "", closed: true, opensAt: "", closesAt: "", note: "" });
  const refresh = () => queries.invalidateQueries({ queryKey: ["catalog"] });
  const add = useMutation({
    mutationFn: () => api.post("/api/catalog/hour-overrides", form.closed ? { date: form.date, closed: true, note: form.note || null } : { ...form, note: form.note || null }),
    onSuccess: () => { setForm({ date: "", closed: true, opensAt: "", closesAt: "", note: "" }); refresh(); },
    onError: (e) => errors.fromError(e, t),
  });
  const remove = useMutation({ mutationFn: (id: string) => api.del(`/api/catalog/hour-overrides/${id}`), onSuccess: refresh });
  const overrides = catalog.hourOverrides.slice().sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Card>
      <CardHeader title={t("hours.overrides")} />
      <CardBody className="space-y-3">
        {(add.error || remove.error) && <ProblemAlert error={add.error ?? remove.error} />}
        {overrides.length === 0 && <EmptyState title={t("hours.noOverrides")} />}
        <ul className="divide-y divide-slate-100 text-sm">
          {overrides.map((o) => (
            <li key={o.id} className="flex items-center gap-3 py-2">
              <span className="w-64 font-medium">{formatLocalDate(o.date, locale)}</span>
              {o.closed ? <Badge tone="red">{t("hours.closed")}</Badge> : <Badge tone="green">{hhmm(o.opensAt)}–{hhmm(o.closesAt)}</Badge>}
              <span className="flex-1 text-slate-500">{o.note}</span>
              {owner && <Button size="icon" variant="ghost" aria-label={t("common.delete")} onClick={() => remove.mutate(o.id)}><Trash2 className="h-4 w-4" /></Button>}
            </li>
          ))}
        </ul>
        {owner && (
          <form className="grid grid-cols-2 items-end gap-2 sm:grid-cols-6" noValidate onSubmit={(e) => { e.preventDefault(); if (errors.setClient(validateOverride(form))) add.mutate(); }}>
            <Field label={t("common.date")} error={errors.error("date", t)}>{(p) => <Input {...p} type="date" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />}</Field>
            <Checkbox className="pb-2" label={t("hours.closed")} checked={form.closed} onChange={(e) => setForm({ ...form, closed: e.target.checked })} />
            {!form.closed && <Field label={t("hours.opens")} error={errors.error("opensAt", t)}>{(p) => <Input {...p} type="time" value={form.opensAt} onChange={(e) => setForm({ ...form, opensAt: e.target.value })} />}</Field>}
            {!form.closed && <Field label={t("hours.closes")} error={errors.error("closesAt", t)}>{(p) => <Input {...p} type="time" value={form.closesAt} onChange={(e) => setForm({ ...form, closesAt: e.target.value })} />}</Field>}
            <Field label={t("hours.note")} error={errors.error("note", t)}>{(p) => <Input {...p} maxLength={200} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />}</Field>
            <Button type="submit" variant="secondary" disabled={add.isPending}>{t("hours.addOverride")}</Button>
          </form>
        )}
      </CardBody>
    </Card>
  );
}

function PoliciesCard({ catalog, owner }: { catalog: Catalog; owner: boolean }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [form, setForm] = useState({ type: "delivery", title: "", description: "" });
  const [missing, setMissing] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: ["catalog"] });
  const add = useMutation({ mutationFn: () => api.post("/api/catalog/policies", { ...form, title: form.title || null }), onSuccess: () => { setForm({ ...form, title: "", description: "" }); refresh(); } });
  const remove = useMutation({ mutationFn: (id: string) => api.del(`/api/catalog/policies/${id}`), onSuccess: refresh });
  return (
    <Card>
      <CardHeader title={t("hours.policies")} description={<>{t("hours.knowledge")}: {t("hours.knowledgeText")}</>} />
      <CardBody className="space-y-3">
        {(add.error || remove.error) && <ProblemAlert error={add.error ?? remove.error} />}
        {catalog.policies.length === 0 && <EmptyState title={t("hours.noPolicies")} />}
        <ul className="space-y-2">
          {catalog.policies.map((p) => (
            <li key={p.id} className="flex gap-3 rounded-md border border-slate-200 p-3 text-sm">
              <Badge tone="violet" className="h-fit">{t(`hours.policy.${p.type}` as MessageKey)}</Badge>
              <div className="flex-1"><div className="font-medium">{p.title}</div><p className="whitespace-pre-wrap text-slate-600">{p.description}</p></div>
              {owner && <Button size="icon" variant="ghost" aria-label={t("common.delete")} onClick={() => remove.mutate(p.id)}><Trash2 className="h-4 w-4" /></Button>}
            </li>
          ))}
        </ul>
        {owner && (
          <form className="grid grid-cols-1 gap-2 sm:grid-cols-[10rem_1fr]" noValidate onSubmit={(e) => { e.preventDefault(); const ok = form.description.trim().length > 0; setMissing(!ok); if (ok) add.mutate(); }}>
            <Field label={t("hours.policyType")}>{(p) => <Select {...p} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>{["delivery", "refund", "cancellation", "custom"].map((k) => <option key={k} value={k}>{t(`hours.policy.${k}` as MessageKey)}</option>)}</Select>}</Field>
            <Field label={t("hours.policyTitle")}>{(p) => <Input {...p} maxLength={200} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />}</Field>
            <Field className="sm:col-span-2" label={t("hours.policyText")} error={missing ? t("valid.required") : undefined}>{(p) => <Textarea {...p} maxLength={4000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}</Field>
            <div><Button type="submit" variant="secondary" disabled={add.isPending}>{t("hours.addPolicy")}</Button></div>
          </form>
        )}
        {!owner && <Notice>{t("problem.forbidden")}</Notice>}
      </CardBody>
    </Card>
  );
}
