import { useQuery, useMutation } from "@tanstack/react-query";
import { Lock, TrendingUp } from "lucide-react";
import { ApiError } from "@/lib/api";
import { formatLocalDate, formatMoney } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { api } from "@/lib/session";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState, Loading, Notice, ProblemAlert } from "@/components/ui/feedback";

interface Summary { from: string; to: string; currency: string; orders: number; cancelledOrders: number; revenue: string; averageOrderValue: string; customers: number; repeatCustomers: number; averageCompletionMinutes: number | null }
interface Sales { currency: string; buckets: { day?: string; orders: number; revenue: string }[] }
interface Items { currency: string; items: { itemId: string; name: string; quantity: number; revenue: string }[] }
interface Spenders { currency: string; spenders: { phone: string; name: string | null; orders: number; spend: string }[] }
interface Languages { languages: { language: string; orders: number; sharePercent: number }[] }

export function AnalyticsPage({ owner }: { owner: boolean }) {
  const { t, locale } = useI18n();
  const summary = useQuery({ queryKey: ["analytics", "summary"], queryFn: () => api.get<Summary>("/api/analytics/summary") });
  const premium = !(summary.error instanceof ApiError && summary.error.status === 402);
  const sales = useQuery({ queryKey: ["analytics", "sales"], enabled: summary.isSuccess, queryFn: () => api.get<Sales>("/api/analytics/sales?by=day") });
  const items = useQuery({ queryKey: ["analytics", "items"], enabled: summary.isSuccess, queryFn: () => api.get<Items>("/api/analytics/items?limit=8") });
  const spenders = useQuery({ queryKey: ["analytics", "spenders"], enabled: summary.isSuccess, queryFn: () => api.get<Spenders>("/api/analytics/spenders?limit=5") });
  const languages = useQuery({ queryKey: ["analytics", "languages"], enabled: summary.isSuccess, queryFn: () => api.get<Languages>("/api/analytics/languages") });
  const upgrade = useMutation({
    mutationFn: () => api.post<{ url: string }>("/api/billing/checkout-sessions", { plan: "premium" }),
    onSuccess: ({ url }) => window.location.assign(url),
  });

  if (!premium) {
    return (
      <div>
        <PageHeader title={t("analytics.title")} />
        <Card className="relative overflow-hidden" data-testid="premium-gate">
          <div aria-hidden className="pointer-events-none grid grid-cols-4 gap-3 p-6 opacity-30 blur-[2px]">
            {[40, 65, 30, 80, 55, 90, 70, 45].map((h, i) => <div key={i} className="flex h-32 items-end"><div className="w-full rounded-t bg-brand-500" style={{ height: `${h}%` }} /></div>)}
          </div>
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-white/70 px-6 text-center">
            <Lock className="h-8 w-8 text-brand-700" />
            <h2 className="text-lg font-semibold">{t("analytics.premiumTitle")}</h2>
            <p className="max-w-lg text-sm text-slate-600">{t("analytics.premiumText")}</p>
            {owner ? <Button size="lg" onClick={() => upgrade.mutate()} disabled={upgrade.isPending}><TrendingUp className="h-4 w-4" /> {t("analytics.upgrade")}</Button> : <Notice>{t("analytics.ownerOnly")}</Notice>}
            {upgrade.error && <ProblemAlert error={upgrade.error} />}
          </div>
        </Card>
      </div>
    );
  }
  if (summary.isPending) return <Loading />;
  if (summary.error) return <div><PageHeader title={t("analytics.title")} /><ProblemAlert error={summary.error} onRetry={() => summary.refetch()} /></div>;
  const s = summary.data;
  const money = (v: string | null | undefined) => formatMoney(v ?? "0", s.currency, locale);
  const buckets = sales.data?.buckets ?? [];
  const peak = Math.max(1, ...buckets.map((b) => Number(b.revenue)));
  return (
    <div className="space-y-4">
      <PageHeader title={t("analytics.title")} description={t("analytics.period", { from: formatLocalDate(s.from, locale), to: formatLocalDate(s.to, locale) })} />
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label={t("analytics.orders")} value={String(s.orders)} />
        <Stat label={t("analytics.revenue")} value={money(s.revenue)} />
        <Stat label={t("analytics.aov")} value={money(s.averageOrderValue)} />
        <Stat label={t("analytics.repeat")} value={`${s.repeatCustomers} / ${s.customers}`} />
        <Stat label={t("analytics.completion")} value={s.averageCompletionMinutes == null ? "—" : t("analytics.minutes", { n: Math.round(s.averageCompletionMinutes) })} />
      </div>
      {s.orders === 0 && <EmptyState title={t("analytics.empty")} />}
      <Card>
        <CardHeader title={t("analytics.salesByDay")} />
        <CardBody>
          {sales.error && <ProblemAlert error={sales.error} />}
          <div className="flex h-48 items-end gap-1" role="img" aria-label={t("analytics.salesByDay")}>
            {buckets.map((b) => (
              <div key={b.day} className="group flex flex-1 flex-col items-center justify-end" title={`${b.day}: ${money(b.revenue)} · ${b.orders}`}>
                <div className="w-full rounded-t bg-brand-500 group-hover:bg-brand-700" style={{ height: `${(Number(b.revenue) / peak) * 100}%`, minHeight: Number(b.revenue) > 0 ? 2 : 0 }} />
              </div>
            ))}
          </div>
        </CardBody>
      </Card>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card><CardHeader title={t("analytics.topItems")} /><CardBody>
          <ol className="space-y-1 text-sm">{items.data?.items.map((i) => <li key={i.itemId} className="flex justify-between gap-2"><span>{i.name} <span className="text-slate-400">×{i.quantity}</span></span><span className="tabular-nums">{money(i.revenue)}</span></li>)}</ol>
        </CardBody></Card>
        <Card><CardHeader title={t("analytics.spenders")} /><CardBody>
          <ol className="space-y-1 text-sm">{spenders.data?.spenders.map((p) => <li key={p.phone} className="flex justify-between gap-2"><span>{p.name ?? p.phone} <span className="text-slate-400">({p.orders})</span></span><span className="tabular-nums">{money(p.spend)}</span></li>)}</ol>
        </CardBody></Card>
        <Card><CardHeader title={t("analytics.languages")} /><CardBody>
          <ul className="space-y-2 text-sm">{languages.data?.languages.map((l) => (
            <li key={l.language}><div className="flex justify-between"><span>{t(`lang.${l.language}` as "lang.english") ?? l.language}</span><span>{Math.round(l.sharePercent)}%</span></div>
              <div className="mt-1 h-1.5 rounded bg-slate-100"><div className="h-1.5 rounded bg-brand-500" style={{ width: `${l.sharePercent}%` }} /></div></li>
          ))}</ul>
        </CardBody></Card>
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return <Card className="px-4 py-3"><div className="text-xs text-slate-500">{label}</div><div className="mt-1 text-xl font-semibold tabular-nums">{value}</div></Card>;
}
