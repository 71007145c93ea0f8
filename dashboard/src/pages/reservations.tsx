import { useState } from "react";
import { useSearchParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronLeft, ChevronRight, MessageCircle, Plus, Users } from "lucide-react";
import { cn } from "@/lib/cn";
import { addDays, formatLocalDate, formatLocalDateTime, todayIn } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import type { MessageKey } from "@/lib/messages";
import { useFieldErrors } from "@/lib/forms";
import { isMissingEndpoint } from "@/lib/problems";
import { api, useBusinessFormat, useCatalog } from "@/lib/session";
import { useEventStream } from "@/lib/sse";
import { validateBooking } from "@/lib/validation";
import { query } from "@/lib/api";
import { Button } from "@/components/ui/button";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, Loading, Notice, ProblemAlert } from "@/components/ui/feedback";
import { Checkbox, Field, Input, Select, Textarea } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { LiveBadge } from "@/components/LiveBadge";

export interface Booking {
  id: string; branchId: string; reference: string; status: string; startsAt: string; endsAt: string; partySize: number;
  guestName: string; guestPhone: string | null; specialRequests: string | null; tables: string[]; provider: string; fromWhatsApp: boolean;
}
interface Area { id: string; branchId: string; name: string }
interface TableSetup { id: string; branchId: string; areaId: string | null; label: string; seatsMin: number; seatsMax: number; combinable: boolean; active: boolean }
interface Connection { id: string; branchId: string; kind: string; baseUrl: string; venueId: string; clientId: string; enabled: boolean; hasSecret: boolean; circuit: string }

const LIVE_EVENTS = ["io.dinechat.reservation.booked", "io.dinechat.reservation.modified", "io.dinechat.reservation.cancelled", "io.dinechat.reservation.no_show.marked"];
const STATUS_TONE: Record<string, "green" | "amber" | "red" | "neutral" | "violet"> = { confirmed: "green", pending: "amber", cancelled: "neutral", no_show: "red", completed: "violet" };

export function ReservationsPage({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "day";
  return (
    <div>
      <PageHeader title={t("reservations.title")} />
      <div className="mb-4 flex gap-1 border-b border-slate-200" role="tablist">
        {([["day", "reservations.title"], ["tables", "reservations.tables"], ["setup", "reservations.provider"]] as const).map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} onClick={() => setParams({ tab: id })}
            className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", tab === id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800")}>
            {t(label)}
          </button>
        ))}
      </div>
      {tab === "day" && <DayView />}
      {tab === "tables" && <TablesView owner={owner} />}
      {tab === "setup" && <ProviderView owner={owner} />}
    </div>
  );
}

function DayView() {
  const { t, locale } = useI18n();
  const { timeZone } = useBusinessFormat();
  const catalog = useCatalog();
  const queries = useQueryClient();
  const toast = useToast();
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const key = ["reservations", date];
  const day = useQuery({ queryKey: key, queryFn: () => api.get<Booking[]>(`/api/reservations${query({ date })}`) });
  const refresh = () => queries.invalidateQueries({ queryKey: ["reservations"] });
  const handlers = Object.fromEntries(LIVE_EVENTS.map((name) => [name, (data: unknown) => {
    refresh();
    const b = data as { reference?: string; guestName?: string; startsAt?: string };
    if (name.endsWith(".booked")) toast(t("reservations.live", { reference: b.reference ?? "", name: b.guestName ?? "" }) + (b.startsAt ? ` · ${formatLocalDateTime(b.startsAt, locale)}` : ""), "success");
  }]));
  const stream = useEventStream("/api/reservations/stream", handlers, refresh);
  const act = useMutation({
    mutationFn: ({ booking, action, reason }: { booking: Booking; action: "no-show" | "cancel" | "confirm"; reason?: string }) =>
      action === "confirm" ? api.patch(`/api/reservations/${booking.id}`, { status: "confirmed" })
        : api.post(`/api/reservations/${booking.id}/${action}`, action === "cancel" ? { reason } : {}),
    onSuccess: () => { refresh(); setCancelling(null); },
  });
  const bookings = (day.data ?? []).slice().sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const covers = bookings.filter((b) => b.status === "confirmed" || b.status === "pending").reduce((n, b) => n + b.partySize, 0);
  const branchName = (id: string) => catalog.data?.branches.find((b) => b.id === id)?.name;

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Button variant="secondary" size="icon" aria-label={t("common.previous")} onClick={() => setDate(addDays(date, -1))}><ChevronLeft className="h-4 w-4 rtl:rotate-180" /></Button>
        <Input type="date" className="w-44" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} aria-label={t("common.date")} />
        <Button variant="secondary" size="icon" aria-label={t("common.next")} onClick={() => setDate(addDays(date, 1))}><ChevronRight className="h-4 w-4 rtl:rotate-180" /></Button>
        <Button variant="ghost" onClick={() => setDate(todayIn(timeZone))}>{t("common.today")}</Button>
        <span className="text-sm font-medium text-slate-700" data-testid="day-title">{formatLocalDate(date, locale)}</span>
        <span className="flex items-center gap-1 text-sm text-slate-500"><Users className="h-4 w-4" /> {covers}</span>
        <div className="ms-auto flex items-center gap-2">
          <LiveBadge state={stream} />
          <Button onClick={() => setCreating(true)}><Plus className="h-4 w-4" /> {t("reservations.new")}</Button>
        </div>
      </div>
      {day.isPending && <Loading />}
      {day.error && (isMissingEndpoint(day.error) ? <Notice tone="warning">{t("common.notYetAvailable")}</Notice> : <ProblemAlert error={day.error} onRetry={() => day.refetch()} />)}
      {act.error && !cancelling && <ProblemAlert className="mb-3" error={act.error} />}
      {day.data && bookings.length === 0 && <EmptyState title={t("reservations.empty")} action={<Button variant="secondary" onClick={() => setCreating(true)}>{t("reservations.new")}</Button>} />}
      {bookings.length > 0 && (
        <Card>
          <ul className="divide-y divide-slate-100">
            {bookings.map((b) => (
              <li key={b.id} className="flex flex-wrap items-center gap-4 px-4 py-3" data-testid="booking" data-reference={b.reference}>
                <div className="w-16 text-lg font-semibold tabular-nums">{formatLocalDateTime(b.startsAt, locale, false)}</div>
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{b.guestName}</span>
                    <Badge><Users className="me-1 h-3 w-3" />{b.partySize}</Badge>
                    <Badge tone={STATUS_TONE[b.status] ?? "neutral"}>{t(`reservations.status.${b.status}` as MessageKey)}</Badge>
                    {b.fromWhatsApp && <Badge tone="green"><MessageCircle className="me-1 h-3 w-3" />WhatsApp</Badge>}
                    <span className="text-xs text-slate-400">{b.reference}</span>
                  </div>
                  <div className="mt-0.5 text-xs text-slate-500">
                    {[b.guestPhone, b.tables.length ? b.tables.join(" + ") : null, (catalog.data?.branches.length ?? 0) > 1 ? branchName(b.branchId) : null].filter(Boolean).join(" · ")}
                  </div>
                  {b.specialRequests && <div className="mt-1 text-sm text-amber-800">{b.specialRequests}</div>}
                </div>
                {(b.status === "confirmed" || b.status === "pending") && (
                  <div className="flex gap-1">
                    {b.status === "pending" && <Button size="sm" onClick={() => act.mutate({ booking: b, action: "confirm" })}>{t("reservations.confirm")}</Button>}
                    <Button size="sm" variant="secondary" onClick={() => act.mutate({ booking: b, action: "no-show" })}>{t("reservations.noShow")}</Button>
                    <Button size="sm" variant="ghost" className="text-red-700" onClick={() => { act.reset(); setCancelling(b); }}>{t("reservations.cancelBooking")}</Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <NewBookingDialog open={creating} date={date} onClose={() => setCreating(false)} onCreated={() => { setCreating(false); refresh(); }} />
      <Dialog open={!!cancelling} onClose={() => setCancelling(null)} title={`${t("reservations.cancelBooking")} ${cancelling?.reference ?? ""}`}
        footer={<><Button variant="secondary" onClick={() => setCancelling(null)}>{t("common.back")}</Button>
          <Button variant="destructive" disabled={act.isPending} onClick={(e) => {
            const reason = (e.currentTarget.closest("dialog")?.querySelector("textarea") as HTMLTextAreaElement | null)?.value;
            if (cancelling) act.mutate({ booking: cancelling, action: "cancel", reason: reason || undefined });
          }}>{t("reservations.cancelBooking")}</Button></>}>
        {act.error ? <ProblemAlert className="mb-3" error={act.error} /> : null}
        <Field label={`${t("common.reason")} (${t("common.optional")})`}>{(p) => <Textarea {...p} maxLength={500} />}</Field>
      </Dialog>
    </div>
  );
}

function NewBookingDialog({ open, date, onClose, onCreated }: { open: boolean; date: string; onClose: () => void; onCreated: () => void }) {
  const { t, locale } = useI18n();
  const catalog = useCatalog();
  const errors = useFieldErrors();
  const [form, setForm] = useState({ guestName: "", guestPhone: "", partySize: "2", date, time: "19:30", specialRequests: "", branchId: "" });
  const branchId = form.branchId || catalog.data?.branches[0]?.id || null;
  const create = useMutation({
    mutationFn: () => api.post<Booking>("/api/reservations", {
      branchId, startsAt: `${form.date}T${form.time}`, partySize: Number(form.partySize), guestName: form.guestName.trim(),
      guestPhone: form.guestPhone.trim() || null, specialRequests: form.specialRequests.trim() || null,
    }),
    onSuccess: () => { setForm({ ...form, guestName: "", guestPhone: "", specialRequests: "" }); onCreated(); },
    onError: (e) => errors.fromError(e, t),
  });
  const alternatives = (create.error as { problem?: { alternatives?: string[] } } | null)?.problem?.alternatives ?? [];
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <Dialog open={open} onClose={onClose} title={t("reservations.new")}
      footer={<><Button variant="secondary" onClick={onClose}>{t("common.cancel")}</Button><Button type="submit" form="new-booking" disabled={create.isPending}>{t("common.save")}</Button></>}>
      <form id="new-booking" className="grid grid-cols-2 gap-3" noValidate onSubmit={(e) => {
        e.preventDefault();
        if (errors.setClient(validateBooking(form))) create.mutate();
      }}>
        {create.error && <ProblemAlert className="col-span-2" error={create.error} />}
        {alternatives.length > 0 && <Notice className="col-span-2">{t("reservations.alternatives", { times: alternatives.map((a) => formatLocalDateTime(a, locale)).join(", ") })}</Notice>}
        <Field className="col-span-2" label={t("reservations.guestName")} error={errors.error("guestName", t)}>{(p) => <Input {...p} value={form.guestName} onChange={set("guestName")} />}</Field>
        <Field label={t("common.phone")}>{(p) => <Input {...p} type="tel" value={form.guestPhone} onChange={set("guestPhone")} />}</Field>
        <Field label={t("reservations.partySize")} error={errors.error("partySize", t)}>{(p) => <Input {...p} type="number" min={1} max={100} value={form.partySize} onChange={set("partySize")} />}</Field>
        <Field label={t("common.date")} error={errors.error("date", t)}>{(p) => <Input {...p} type="date" value={form.date} onChange={set("date")} />}</Field>
        <Field label={t("reservations.startsAt")} error={errors.error("time", t)}>{(p) => <Input {...p} type="time" value={form.time} onChange={set("time")} />}</Field>
        {(catalog.data?.branches.length ?? 0) > 1 && (
          <Field className="col-span-2" label={t("common.branch")}>{(p) => <Select {...p} value={branchId ?? ""} onChange={set("branchId")}>{catalog.data!.branches.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</Select>}</Field>
        )}
        <Field className="col-span-2" label={t("reservations.special")} error={errors.error("specialRequests", t)}>{(p) => <Textarea {...p} value={form.specialRequests} onChange={set("specialRequests")} />}</Field>
      </form>
    </Dialog>
  );
}

function TablesView({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const catalog = useCatalog();
  const queries = useQueryClient();
  const branchId = catalog.data?.branches[0]?.id;
  const areas = useQuery({ queryKey: ["areas"], queryFn: () => api.get<Area[]>("/api/reservations/areas") });
  const tables = useQuery({ queryKey: ["tables"], queryFn: () => api.get<TableSetup[]>("/api/reservations/tables") });
  const [area, setArea] = useState("");
  const [table, setTable] = useState({ label: "", seatsMin: "1", seatsMax: "4", areaId: "", combinable: false });
  const addArea = useMutation({ mutationFn: () => api.post("/api/reservations/areas", { branchId, name: area.trim() }), onSuccess: () => { setArea(""); queries.invalidateQueries({ queryKey: ["areas"] }); } });
  const addTable = useMutation({
    mutationFn: () => api.post("/api/reservations/tables", { branchId, areaId: table.areaId || null, label: table.label.trim(), seatsMin: Number(table.seatsMin), seatsMax: Number(table.seatsMax), combinable: table.combinable }),
    onSuccess: () => { setTable({ ...table, label: "" }); queries.invalidateQueries({ queryKey: ["tables"] }); },
  });
  const retire = useMutation({ mutationFn: (id: string) => api.del(`/api/reservations/tables/${id}`), onSuccess: () => queries.invalidateQueries({ queryKey: ["tables"] }) });
  if (!branchId) return <EmptyState title={t("settings.noCatalog")} />;
  const areaName = (id: string | null) => areas.data?.find((a) => a.id === id)?.name ?? "—";
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card>
        <CardHeader title={t("reservations.areas")} />
        <CardBody className="space-y-3">
          {areas.error && <ProblemAlert error={areas.error} />}
          <ul className="space-y-1 text-sm">{areas.data?.map((a) => <li key={a.id}>{a.name}</li>)}</ul>
          {owner && (
            <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); if (area.trim()) addArea.mutate(); }}>
              <Input value={area} maxLength={100} onChange={(e) => setArea(e.target.value)} aria-label={t("reservations.addArea")} placeholder={t("reservations.addArea")} />
              <Button type="submit" variant="secondary" disabled={addArea.isPending}>{t("common.add")}</Button>
            </form>
          )}
          {addArea.error && <ProblemAlert error={addArea.error} />}
        </CardBody>
      </Card>
      <Card className="lg:col-span-2">
        <CardHeader title={t("reservations.tables")} />
        <CardBody className="space-y-3">
          {tables.error && <ProblemAlert error={tables.error} />}
          {tables.data?.length === 0 && <EmptyState title={t("reservations.noTables")} />}
          {tables.data && tables.data.length > 0 && (
            <table className="w-full text-sm">
              <tbody className="divide-y divide-slate-100">
                {tables.data.filter((x) => x.active).map((x) => (
                  <tr key={x.id}>
                    <td className="py-2 font-medium">{x.label}</td>
                    <td>{areaName(x.areaId)}</td>
                    <td>{t("reservations.seats", { min: x.seatsMin, max: x.seatsMax })}</td>
                    <td className="text-end">{owner && <Button size="sm" variant="ghost" onClick={() => retire.mutate(x.id)}>{t("common.delete")}</Button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {owner && (
            <form className="grid grid-cols-2 items-end gap-2 sm:grid-cols-6" onSubmit={(e) => { e.preventDefault(); if (table.label.trim()) addTable.mutate(); }}>
              <Field className="sm:col-span-2" label={t("reservations.label")}>{(p) => <Input {...p} maxLength={50} value={table.label} onChange={(e) => setTable({ ...table, label: e.target.value })} />}</Field>
              <Field label={t("reservations.seatsMin")}>{(p) => <Input {...p} type="number" min={1} value={table.seatsMin} onChange={(e) => setTable({ ...table, seatsMin: e.target.value })} />}</Field>
              <Field label={t("reservations.seatsMax")}>{(p) => <Input {...p} type="number" min={1} max={100} value={table.seatsMax} onChange={(e) => setTable({ ...table, seatsMax: e.target.value })} />}</Field>
              <Field label={t("reservations.areas")}>{(p) => <Select {...p} value={table.areaId} onChange={(e) => setTable({ ...table, areaId: e.target.value })}><option value="">—</option>{areas.data?.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</Select>}</Field>
              <Button type="submit" disabled={addTable.isPending}>{t("reservations.addTable")}</Button>
            </form>
          )}
          {addTable.error && <ProblemAlert error={addTable.error} />}
        </CardBody>
      </Card>
    </div>
  );
}

function ProviderView({ owner }: { owner: boolean }) {
  const { t } = useI18n();
  const catalog = useCatalog();
  const queries = useQueryClient();
  const connections = useQuery({ queryKey: ["connections"], enabled: owner, queryFn: () => api.get<Connection[]>("/api/reservations/connections") });
  const [form, setForm] = useState({ baseUrl: "", venueId: "", clientId: "", clientSecret: "", enabled: true });
  const connect = useMutation({
    mutationFn: () => api.post("/api/reservations/connections", { ...form, kind: "sevenrooms", branchId: catalog.data?.branches[0]?.id }),
    onSuccess: () => { setForm({ ...form, clientSecret: "" }); queries.invalidateQueries({ queryKey: ["connections"] }); },
  });
  const test = useMutation({ mutationFn: (id: string) => api.post<{ ok: boolean; latencyMs: number; problem: string | null }>(`/api/reservations/connections/${id}/test`) });
  const remove = useMutation({ mutationFn: (id: string) => api.del(`/api/reservations/connections/${id}`), onSuccess: () => queries.invalidateQueries({ queryKey: ["connections"] }) });
  if (!owner) return <Notice>{t("problem.forbidden")}</Notice>;
  return (
    <Card>
      <CardHeader title={t("reservations.provider")} description={t("onboarding.builtinText")} />
      <CardBody className="space-y-4">
        {connections.error && <ProblemAlert error={connections.error} />}
        {connections.data?.length === 0 && <Notice>{t("reservations.providerBuiltin")}: {t("onboarding.builtinText")}</Notice>}
        {connections.data?.map((c) => (
          <div key={c.id} className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 p-3 text-sm">
            <Badge tone="blue">{c.kind}</Badge><span>{c.baseUrl}</span><span className="text-slate-500">{c.venueId}</span>
            <Badge tone={c.circuit === "closed" ? "green" : "red"}>{c.circuit}</Badge>
            <div className="ms-auto flex gap-1">
              <Button size="sm" variant="secondary" onClick={() => test.mutate(c.id)}>{t("reservations.testConnection")}</Button>
              <Button size="sm" variant="ghost" onClick={() => remove.mutate(c.id)}>{t("common.delete")}</Button>
            </div>
          </div>
        ))}
        {test.data && (test.data.ok ? <Notice tone="success">{t("reservations.connectionOk", { ms: test.data.latencyMs })}</Notice> : <Notice tone="warning">{test.data.problem}</Notice>)}
        {test.error && <ProblemAlert error={test.error} />}
        <form className="grid grid-cols-1 gap-3 sm:grid-cols-2" onSubmit={(e) => { e.preventDefault(); connect.mutate(); }}>
          <h3 className="text-sm font-semibold sm:col-span-2">{t("reservations.connect")}</h3>
          {connect.error && <ProblemAlert className="sm:col-span-2" error={connect.error} />}
          <Field label={t("reservations.baseUrl")}>{(p) => <Input {...p} type="url" placeholder="https://api.sevenrooms.com" value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} />}</Field>
          <Field label={t("reservations.venueId")}>{(p) => <Input {...p} value={form.venueId} onChange={(e) => setForm({ ...form, venueId: e.target.value })} />}</Field>
          <Field label={t("reservations.clientId")}>{(p) => <Input {...p} value={form.clientId} onChange={(e) => setForm({ ...form, clientId: e.target.value })} />}</Field>
          <Field label={t("reservations.clientSecret")}>{(p) => <Input {...p} type="password" autoComplete="off" value={form.clientSecret} onChange={(e) => setForm({ ...form, clientSecret: e.target.value })} />}</Field>
          <Checkbox label={t("common.yes")} checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />
          <div className="sm:col-span-2"><Button type="submit" disabled={connect.isPending}>{t("reservations.connect")}</Button></div>
        </form>
      </CardBody>
    </Card>
  );
}
