// The orders board's state: columns by status, the moves each status allows (the same as
// order-service's OrderStatus), and how a live event from the stream changes the board.

export type OrderStatus = "pending" | "accepted" | "preparing" | "ready" | "completed" | "cancelled";

export const COLUMNS: OrderStatus[] = ["pending", "accepted", "preparing", "ready", "completed", "cancelled"];

export interface OrderLine {
  itemId: string;
  name: string;
  quantity: number;
  unitPrice: string;
  options: { optionId: string; group?: string; name: string; priceDelta: string }[];
  lineTotal: string;
  notes?: string | null;
}

export interface Order {
  id: string;
  reference: string;
  branchId: string;
  status: OrderStatus;
  cancelReason?: string | null;
  source: "whatsapp" | "dashboard" | string;
  customerName?: string | null;
  customerPhone?: string | null;
  language?: string | null;
  fulfilment: "takeaway" | "delivery" | "on_site" | string;
  deliveryAddress?: { text: string } | null;
  scheduledFor?: string | null;
  notes?: string | null;
  paymentMethod?: string | null;
  lines: OrderLine[];
  subtotal: string;
  deliveryFee: string;
  total: string;
  currency: string;
  estimatedReadyAt?: string | null;
  placedAt: string;
  completedAt?: string | null;
  cancelledAt?: string | null;
  history?: { from: string | null; to: string; reason?: string | null; by: string; at: string }[];
}

const NEXT: Record<OrderStatus, OrderStatus[]> = {
  pending: ["accepted", "cancelled"],
  accepted: ["preparing", "cancelled"],
  preparing: ["ready", "cancelled"],
  ready: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

/** Where the order may go from here (cancelling needs a reason). */
export function nextStatuses(status: OrderStatus): OrderStatus[] {
  return NEXT[status] ?? [];
}

/** The one forward move the card's main button makes, if any. */
export function forwardMove(status: OrderStatus): OrderStatus | null {
  return nextStatuses(status).find((s) => s !== "cancelled") ?? null;
}

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return nextStatuses(from).includes(to);
}

export function isClosed(status: OrderStatus): boolean {
  return status === "completed" || status === "cancelled";
}

const RANK: Record<OrderStatus, number> = { pending: 0, accepted: 1, preparing: 2, ready: 3, completed: 4, cancelled: 4 };

export type BoardEvent = { kind: "order.placed" | "order.status_changed"; order: Order };

export interface BoardChange {
  orders: Order[];
  /** An order the board had not seen: the page plays the sound and shows the toast. */
  arrived: Order | null;
}

/**
 * What order-service's stream sends (its LiveOrders.Change): which order changed and its new
 * status, not the order itself; the board reads the order (GET /api/orders/{orderId}) to show it.
 */
export interface LiveChange {
  orderId: string;
  reference: string | null;
  status: OrderStatus;
}

/** Reads a stream event's data; null when it is not a change the board understands. */
export function liveChange(data: unknown): LiveChange | null {
  if (!data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  if (typeof d.orderId !== "string" || typeof d.status !== "string" || !(d.status in RANK)) return null;
  return { orderId: d.orderId, reference: typeof d.reference === "string" ? d.reference : null, status: d.status as OrderStatus };
}

/**
 * Applies a live event. Events can arrive twice (reconnects replay) or late (a status change
 * overtaken by the page's own refetch), so an order never moves backwards on the board.
 */
export function applyEvent(orders: Order[], event: BoardEvent): BoardChange {
  const incoming = event.order;
  const index = orders.findIndex((o) => o.id === incoming.id);
  if (index < 0) {
    const arrived = event.kind === "order.placed" && incoming.status === "pending" ? incoming : null;
    return { orders: sortOrders([...orders, incoming]), arrived };
  }
  const current = orders[index];
  if (RANK[incoming.status] < RANK[current.status] || (isClosed(current.status) && current.status !== incoming.status)) {
    return { orders, arrived: null };
  }
  const next = orders.slice();
  next[index] = incoming;
  return { orders: next, arrived: null };
}

/** Oldest first: the kitchen works from the top. */
export function sortOrders(orders: Order[]): Order[] {
  return orders.slice().sort((a, b) => a.placedAt.localeCompare(b.placedAt));
}

/** Columns for the board; closed columns show the most recent first and only the latest few. */
export function groupByStatus(orders: Order[], closedLimit = 20): Record<OrderStatus, Order[]> {
  const columns = Object.fromEntries(COLUMNS.map((s) => [s, [] as Order[]])) as Record<OrderStatus, Order[]>;
  for (const o of sortOrders(orders)) columns[o.status]?.push(o);
  for (const s of ["completed", "cancelled"] as const) columns[s] = columns[s].reverse().slice(0, closedLimit);
  return columns;
}

/** After a move the API answers the updated order; the board takes it in place. */
export function replaceOrder(orders: Order[], updated: Order): Order[] {
  return orders.map((o) => (o.id === updated.id ? updated : o));
}
