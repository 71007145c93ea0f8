import { describe, expect, it } from "vitest";
import { ApiError, createApi, readCookie } from "./api";
import { explainProblem } from "./problems";
import { translator } from "./i18n";

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json", ...headers },
  });
}

describe("the API client", () => {
  it("echoes the CSRF cookie on unsafe requests and not on reads", async () => {
    const seen: { method: string; csrf: string | null }[] = [];
    const api = createApi({
      cookies: () => "other=1; XSRF-TOKEN=abc%20123",
      fetch: async (_url, init) => {
        seen.push({ method: init?.method ?? "GET", csrf: new Headers(init?.headers).get("X-XSRF-TOKEN") });
        return json(200, {});
      },
    });
    await api.get("/api/catalog");
    await api.post("/api/orders/1/status", { status: "accepted" });
    expect(seen).toEqual([
      { method: "GET", csrf: null },
      { method: "POST", csrf: "abc 123" },
    ]);
  });

  it("fetches a CSRF token first when the cookie is missing", async () => {
    let cookie = "";
    const urls: string[] = [];
    const api = createApi({
      cookies: () => cookie,
      fetch: async (url, init) => {
        urls.push(`${init?.method ?? "GET"} ${url}`);
        if (String(url) === "/api/identity/csrf") {
          cookie = "XSRF-TOKEN=fresh";
          return new Response(null, { status: 204 });
        }
        expect(new Headers(init?.headers).get("X-XSRF-TOKEN")).toBe("fresh");
        return json(201, { ok: true });
      },
    });
    expect(await api.post("/api/identity/signup", {})).toEqual({ ok: true });
    expect(urls).toEqual(["GET /api/identity/csrf", "POST /api/identity/signup"]);
  });

  it("turns a problem+json answer into an ApiError with its fields and Retry-After", async () => {
    const api = createApi({
      cookies: () => "XSRF-TOKEN=t",
      fetch: async () =>
        json(400, {
          type: "https://dinechat.io/problems/invalid-request",
          title: "Bad Request",
          status: 400,
          detail: "The request has 1 invalid field(s).",
          errors: [{ field: "price", message: "a non-negative amount with at most two decimals" }],
        }, { "retry-after": "12" }),
    });
    const error = (await api.post("/api/catalog/items", {}).catch((e) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.slug).toBe("invalid-request");
    expect(error.problem.errors).toEqual([{ field: "price", message: "a non-negative amount with at most two decimals" }]);
    expect(error.problem.retryAfterSeconds).toBe(12);
  });

  it("reports a dropped connection as a network problem, and a 401 to the app", async () => {
    let signedOut = 0;
    const offline = createApi({ fetch: async () => { throw new TypeError("Failed to fetch"); } });
    const e1 = (await offline.get("/api/orders").catch((e) => e)) as ApiError;
    expect(e1.status).toBe(0);

    const expired = createApi({ onUnauthenticated: () => signedOut++, fetch: async () => json(401, { type: "https://dinechat.io/problems/unauthenticated", status: 401 }) });
    await expired.get("/api/orders").catch(() => undefined);
    expect(signedOut).toBe(1);
  });

  it("reads cookies by exact name", () => {
    expect(readCookie("a=1; XSRF-TOKEN=x; XSRF-TOKEN2=y", "XSRF-TOKEN")).toBe("x");
    expect(readCookie("", "XSRF-TOKEN")).toBeUndefined();
  });
});

describe("problems in plain words", () => {
  const t = translator("en");
  const err = (problem: Record<string, unknown>) => new ApiError({ status: 500, ...problem } as never);

  it("says a wrong password plainly, in the chosen language", () => {
    const e = err({ status: 401, type: "https://dinechat.io/problems/invalid-credentials" });
    expect(explainProblem(e, t).message).toBe("That email and password don't match. Check them and try again.");
    expect(explainProblem(e, translator("fr")).message).toContain("ne correspondent pas");
  });

  it("turns a lockout's Retry-After into minutes", () => {
    const e = err({ status: 429, type: "https://dinechat.io/problems/throttled", retryAfterSeconds: 840 });
    expect(explainProblem(e, t).message).toBe("Too many attempts. Please wait 14 minutes before trying again.");
  });

  it("maps field errors to their fields", () => {
    const e = err({ status: 400, type: "https://dinechat.io/problems/invalid-request", errors: [{ field: "price", message: "required" }] });
    const explained = explainProblem(e, t);
    expect(explained.message).toBe("Some fields need your attention.");
    expect(explained.fields).toEqual({ price: "required" });
  });

  it("keeps the detail of a refused booking, and hides server internals", () => {
    const refused = err({ status: 409, type: "https://dinechat.io/problems/booking-refused", detail: "We are fully booked at 20:00." });
    expect(explainProblem(refused, t).message).toBe("That booking isn't possible: We are fully booked at 20:00.");
    const crash = err({ status: 500, detail: "NullPointerException at io.dinechat..." });
    expect(explainProblem(crash, t).message).toBe("Something went wrong on our side. Try again; if it keeps happening, contact support.");
    expect(explainProblem(crash, t).detail).toBeUndefined();
  });

  it("says a service is restarting when the gateway answers 503", () => {
    expect(explainProblem(err({ status: 503, service: "order-service" }), t).message).toContain("busy or restarting");
  });
});
