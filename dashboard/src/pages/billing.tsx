import { useSearchParams } from "react-router";
import { useMutation, useQuery } from "@tanstack/react-query";
import { formatDateTime, formatMoney } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import type { MessageKey } from "@/lib/messages";
import { api, useBusinessFormat } from "@/lib/session";
import { Button } from "@/components/ui/button";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState, Loading, Notice, ProblemAlert } from "@/components/ui/feedback";

interface Plan { plan: string; status: string; premiumFeatures: boolean; graceUntil: string | null; currentPeriodEnd: string | null; purchasablePlans: string[] }
interface Invoice { id: string; number: string | null; status: string; amount: string; currency: string; at: string; hostedInvoiceUrl: string | null; invoicePdf: string | null }

export function BillingPage() {
  const { t, locale } = useI18n();
  const { timeZone } = useBusinessFormat();
  const [params] = useSearchParams();
  const plan = useQuery({ queryKey: ["billing", "plan"], queryFn: () => api.get<Plan>("/api/billing/plan") });
  const invoices = useQuery({ queryKey: ["billing", "invoices"], queryFn: () => api.get<Invoice[]>("/api/billing/invoices") });
  const go = ({ url }: { url: string }) => window.location.assign(url);
  const checkout = useMutation({ mutationFn: (p: string) => api.post<{ url: string }>("/api/billing/checkout-sessions", { plan: p }), onSuccess: go });
  const portal = useMutation({ mutationFn: () => api.post<{ url: string }>("/api/billing/portal-sessions"), onSuccess: go });
  const outcome = params.get("checkout");
  return (
    <div className="space-y-4">
      <PageHeader title={t("billing.title")} />
      {outcome === "success" && <Notice tone="success">{t("billing.checkoutSuccess")}</Notice>}
      {outcome === "canceled" && <Notice>{t("billing.checkoutCanceled")}</Notice>}
      <Card>
        <CardHeader title={t("billing.plan")} />
        <CardBody className="space-y-3">
          {plan.isPending && <Loading />}
          {plan.error && <ProblemAlert error={plan.error} onRetry={() => plan.refetch()} />}
          {plan.data && (
            <>
              <div className="flex flex-wrap items-center gap-3" data-testid="plan">
                <span className="text-2xl font-semibold">{t(`billing.plan.${plan.data.plan}` as MessageKey)}</span>
                <Badge tone={plan.data.status === "active" ? "green" : plan.data.status === "past_due" ? "red" : "neutral"}>{t(`billing.status.${plan.data.status}` as MessageKey)}</Badge>
                {plan.data.currentPeriodEnd && <span className="text-sm text-slate-500">{t("billing.renews", { date: formatDateTime(plan.data.currentPeriodEnd, timeZone, locale) })}</span>}
              </div>
              {plan.data.status === "past_due" && plan.data.graceUntil && <Notice tone="warning">{t("billing.grace", { date: formatDateTime(plan.data.graceUntil, timeZone, locale) })}</Notice>}
              {(checkout.error || portal.error) && <ProblemAlert error={checkout.error ?? portal.error} />}
              <div className="flex flex-wrap gap-2">
                {plan.data.purchasablePlans.filter((p) => p !== plan.data.plan || plan.data.status === "canceled").map((p) => (
                  <Button key={p} onClick={() => checkout.mutate(p)} disabled={checkout.isPending}>{t("billing.choose", { plan: t(`billing.plan.${p}` as MessageKey) })}</Button>
                ))}
                {plan.data.plan !== "trial" && <Button variant="secondary" onClick={() => portal.mutate()} disabled={portal.isPending}>{t("billing.portal")}</Button>}
              </div>
            </>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("billing.invoices")} />
        <CardBody>
          {invoices.error && <ProblemAlert error={invoices.error} />}
          {invoices.data?.length === 0 && <EmptyState title={t("billing.noInvoices")} />}
          {invoices.data && invoices.data.length > 0 && (
            <table className="w-full text-sm">
              <thead className="text-start text-xs text-slate-500"><tr><th className="py-2 text-start">{t("common.date")}</th><th className="text-start">{t("billing.number")}</th><th className="text-start">{t("common.status")}</th><th className="text-end">{t("billing.amount")}</th><th /></tr></thead>
              <tbody className="divide-y divide-slate-100">
                {invoices.data.map((i) => (
                  <tr key={i.id}>
                    <td className="py-2">{formatDateTime(i.at, timeZone, locale)}</td><td>{i.number}</td><td><Badge>{i.status}</Badge></td>
                    <td className="text-end tabular-nums">{formatMoney(i.amount, i.currency, locale)}</td>
                    <td className="text-end">{i.hostedInvoiceUrl && <a className="text-brand-700 hover:underline" href={i.hostedInvoiceUrl} target="_blank" rel="noreferrer">{t("billing.view")}</a>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
