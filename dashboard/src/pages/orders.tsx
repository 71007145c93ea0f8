import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff, MessageCircle } from "lucide-react";
import { cn } from "@/lib/cn";
import { formatLocalDateTime, formatMoney, formatTime, minutesSince } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import type { MessageKey } from "@/lib/messages";
import { applyEvent, COLUMNS, forwardMove, groupByStatus, isClosed, liveChange, replaceOrder, type Order, type OrderStatus } from "@/lib/orderBoard";
import { api, useBusinessFormat } from "@/lib/session";
import { useEventStream } from "@/lib/sse";
import { chime } from "@/lib/chime";
import { Button } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState, Loading, ProblemAlert } from "@/components/ui/feedback";
import { Field, Textarea } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { LiveBadge } from "@/components/LiveBadge";
import { ApiError } from "@/lib/api";

const MOVE_LABEL: Partial<Record<OrderStatus, MessageKey>> = {
  accepted: "orders.accept", preparing: "orders.startPreparing", ready: "orders.markReady", completed: "orders.complete",
};
const KEY = ["orders"];

export function OrdersPage() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const toast = useToast();
  const [sound, setSound] = useState(() => localStorage.getItem("dinechat.sound") !== "off");
  const [cancelling, setCancelling] = useState<Order | null>(null);
  const since = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
  const orders = useQuery({ queryKey: KEY, queryFn: () => api.get<Order[]>(`/api/orders?since=${encodeURIComponent(since)}&limit=200`) });

  // The stream names the order that changed; the board reads it, then places it (never backwards).
  const onEvent = (kind: "order.placed" | "order.status_changed") => async (data: unknown) => {
    const change = liveChange(data);
    if (!change) return;
    let order: Order;
    try {
      order = await api.get<Order>(`/api/orders/${encodeURIComponent(change.orderId)}`);
    } catch {
      queries.invalidateQueries({ queryKey: KEY });
      return;
    }
    let arrived: Order | null = null;
    queries.setQueryData<Order[]>(KEY, (current) => {
      const applied = applyEvent(current ?? [], { kind, order });
      arrived = applied.arrived;
      return applied.orders;
    });
    if (arrived) {
      const o = arrived as Order;
      toast(<span><strong>{t("orders.new", { reference: o.reference })}</strong>{o.customerName ? ` · ${o.customerName}` : ""}</span>, "success");
      if (localStorage.getItem("dinechat.sound") !== "off") chime();
    }
  };
  const stream = useEventStream("/api/orders/stream", { "order.placed": onEvent("order.placed"), "order.status_changed": onEvent("order.status_changed") },
    () => queries.invalidateQueries({ queryKey: KEY }));

  const move = useMutation({
    mutationFn: ({ order, to, reason }: { order: Order; to: OrderStatus; reason?: string }) => api.post<Order>(`/api/orders/${order.id}/status`, { status: to, reason }),
    onSuccess: (updated) => {
      queries.setQueryData<Order[]>(KEY, (current) => replaceOrder(current ?? [], updated));
      setCancelling(null);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) queries.invalidateQueries({ queryKey: KEY });
    },
  });

  const toggleSound = () => {
    const next = !sound;
    setSound(next);
    localStorage.setItem("dinechat.sound", next ? "on" : "off");
    if (next) chime();
  };

  const columns = groupByStatus(orders.data ?? []);
  return (
    <div>
      <PageHeader
        title={t("orders.title")}
        actions={<>
          <LiveBadge state={stream} />
          <Button variant="secondary" size="sm" onClick={toggleSound} aria-pressed={sound}>
            {sound ? <Bell className="h-4 w-4" /> : <BellOff className="h-4 w-4" />} {sound ? t("orders.soundOn") : t("orders.soundOff")}
          </Button>
        </>}
      />
      {orders.isPending && <Loading />}
      {orders.error && <ProblemAlert error={orders.error} onRetry={() => orders.refetch()} />}
      {move.error && !cancelling && <ProblemAlert className="mb-3" error={move.error} />}
      {orders.data && orders.data.length === 0 && <EmptyState title={t("orders.empty")} />}
      {orders.data && orders.data.length > 0 && (
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3 xl:grid-cols-6">
          {COLUMNS.map((status) => (
            <section key={status} data-testid={`column-${status}`} className="min-w-0 rounded-lg bg-slate-100 p-2">
              <h2 className="mb-2 flex items-center justify-between px-1 text-sm font-semibold text-slate-700">
                {t(`orders.${status}` as MessageKey)} <Badge>{columns[status].length}</Badge>
              </h2>
              <div className="space-y-2">
                {columns[status].map((o) => (
                  <OrderCard key={o.id} order={o} busy={move.isPending && move.variables?.order.id === o.id}
                    onForward={(to) => move.mutate({ order: o, to })} onCancel={() => { move.reset(); setCancelling(o); }} />
                ))}
              </div>
            </section>
          ))}
        </div>
      )}
      <CancelDialog order={cancelling} error={move.error} busy={move.isPending} onClose={() => setCancelling(null)}
        onConfirm={(reason) => cancelling && move.mutate({ order: cancelling, to: "cancelled", reason })} />
    </div>
  );
}

function OrderCard({ order, busy, onForward, onCancel }: { order: Order; busy: boolean; onForward: (to: OrderStatus) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const { timeZone } = useBusinessFormat();
  const next = forwardMove(order.status);
  const waiting = minutesSince(order.placedAt);
  return (
    <Card className={cn("p-3 text-sm", order.status === "pending" && "border-amber-300 ring-1 ring-amber-200")} data-testid="order-card" data-reference={order.reference}>
      <div className="flex items-center justify-between gap-2">
        <span className="font-semibold">{order.reference}</span>
        <span className="text-xs text-slate-500" title={order.placedAt}>{formatTime(order.placedAt, timeZone, locale)}</span>
      </div>
      <div className="mt-1 flex flex-wrap items-center gap-1">
        <Badge tone="blue">{t(`orders.${order.fulfilment}` as MessageKey)}</Badge>
        {order.source === "whatsapp" && <Badge tone="green"><MessageCircle className="me-1 h-3 w-3" />{t("orders.fromWhatsApp")}</Badge>}
        {!isClosed(order.status) && waiting >= 15 && <Badge tone="red">{waiting} min</Badge>}
      </div>
      {order.customerName && <div className="mt-1 text-slate-700">{order.customerName}</div>}
      {order.scheduledFor && <div className="text-xs text-violet-700">{t("orders.scheduledFor", { when: formatLocalDateTime(order.scheduledFor, locale) })}</div>}
      <ul className="mt-2 space-y-0.5 text-slate-700">
        {order.lines.map((l, i) => (
          <li key={i}>
            <span className="font-medium">{l.quantity}×</span> {l.name}
            {l.options.length > 0 && <span className="text-xs text-slate-500"> ({l.options.map((o) => o.name).join(", ")})</span>}
          </li>
        ))}
      </ul>
      {order.notes && <p className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">{order.notes}</p>}
      {order.deliveryAddress?.text && <p className="mt-1 text-xs text-slate-500">{order.deliveryAddress.text}</p>}
      {order.cancelReason && <p className="mt-1 text-xs text-red-700">{order.cancelReason}</p>}
      <div className="mt-2 flex items-center justify-between border-t border-slate-100 pt-2">
        <span className="font-semibold">{formatMoney(order.total, order.currency, locale)}</span>
      </div>
      {!isClosed(order.status) && (
        <div className="mt-2 flex flex-wrap gap-1">
          {next && <Button size="sm" disabled={busy} onClick={() => onForward(next)}>{t(MOVE_LABEL[next]!)}</Button>}
          <Button size="sm" variant="ghost" className="text-red-700" disabled={busy} onClick={onCancel}>{t("orders.cancelOrder")}</Button>
        </div>
      )}
    </Card>
  );
}

function CancelDialog({ order, error, busy, onClose, onConfirm }: { order: Order | null; error: unknown; busy: boolean; onClose: () => void; onConfirm: (reason: string) => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <Dialog open={!!order} onClose={onClose} title={`${t("orders.cancelOrder")} ${order?.reference ?? ""}`}
      footer={<>
        <Button variant="secondary" onClick={onClose}>{t("common.back")}</Button>
        <Button variant="destructive" disabled={busy} onClick={() => {
          const r = reason.trim();
          setMissing(!r);
          if (r) onConfirm(r);
        }}>{t("orders.confirmCancel")}</Button>
      </>}>
      {error ? <ProblemAlert className="mb-3" error={error} /> : null}
      <Field label={t("orders.cancelReason")} error={missing ? t("valid.required") : reason.length > 500 ? t("valid.tooLong", { max: 500 }) : undefined}>
        {(p) => <Textarea {...p} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
    </Dialog>
  );
}
