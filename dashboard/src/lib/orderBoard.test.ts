import { describe, expect, it } from "vitest";
import { applyEvent, canMove, forwardMove, groupByStatus, liveChange, nextStatuses, replaceOrder, type Order } from "./orderBoard";

const order = (id: string, status: Order["status"], placedAt = "2026-12-24T18:00:00Z"): Order => ({
  id, reference: `A-${id}`, branchId: "b", status, source: "whatsapp", fulfilment: "takeaway", lines: [],
  subtotal: "10.00", deliveryFee: "0.00", total: "10.00", currency: "EUR", placedAt,
});

describe("the orders board", () => {
  it("moves one step at a time, and may cancel until completed", () => {
    expect(forwardMove("pending")).toBe("accepted");
    expect(forwardMove("ready")).toBe("completed");
    expect(forwardMove("completed")).toBeNull();
    expect(canMove("pending", "preparing")).toBe(false);
    expect(canMove("ready", "cancelled")).toBe(true);
    expect(nextStatuses("cancelled")).toEqual([]);
  });

  it("adds a new WhatsApp order to Pending and says it arrived", () => {
    const change = applyEvent([order("1", "accepted")], { kind: "order.placed", order: order("2", "pending", "2026-12-24T18:05:00Z") });
    expect(change.arrived?.id).toBe("2");
    expect(groupByStatus(change.orders).pending.map((o) => o.id)).toEqual(["2"]);
  });

  it("ignores a replayed placement and never moves an order backwards", () => {
    const board = [order("1", "preparing")];
    expect(applyEvent(board, { kind: "order.placed", order: order("1", "pending") })).toEqual({ orders: board, arrived: null });
    expect(applyEvent(board, { kind: "order.status_changed", order: order("1", "accepted") }).orders[0].status).toBe("preparing");
    expect(applyEvent(board, { kind: "order.status_changed", order: order("1", "ready") }).orders[0].status).toBe("ready");
    const done = [order("1", "completed")];
    expect(applyEvent(done, { kind: "order.status_changed", order: order("1", "cancelled") }).orders[0].status).toBe("completed");
  });

  it("lists open columns oldest first and closed columns newest first", () => {
    const columns = groupByStatus([
      order("late", "pending", "2026-12-24T18:10:00Z"), order("early", "pending", "2026-12-24T18:00:00Z"),
      order("c1", "completed", "2026-12-24T17:00:00Z"), order("c2", "completed", "2026-12-24T17:30:00Z"),
    ]);
    expect(columns.pending.map((o) => o.id)).toEqual(["early", "late"]);
    expect(columns.completed.map((o) => o.id)).toEqual(["c2", "c1"]);
    expect(replaceOrder([order("1", "pending")], order("1", "accepted"))[0].status).toBe("accepted");
  });

  it("reads order-service's stream events, which name the order rather than carry it", () => {
    // As LiveOrders.Change goes over the wire (order.placed, then order.status_changed).
    const placed = { kind: "PLACED", tenantId: "t", orderId: "0b7c5f9e-1", reference: "A-1042", from: null, status: "pending",
      total: "33.00", currency: "USD", at: "2026-11-23T16:00:00Z" };
    expect(liveChange(placed)).toEqual({ orderId: "0b7c5f9e-1", reference: "A-1042", status: "pending" });
    expect(liveChange({ ...placed, kind: "STATUS_CHANGED", from: "pending", status: "accepted", total: null })?.status).toBe("accepted");
    expect(liveChange({ orderId: "x", status: "lost" })).toBeNull();
    expect(liveChange("heartbeat")).toBeNull();
    expect(liveChange(null)).toBeNull();
  });
});
