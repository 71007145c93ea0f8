// The dashboard's only way to the API: same-origin fetches through the gateway, the session cookie
// travelling by itself, the CSRF token echoed on unsafe methods, and every error answer turned
// into an ApiError carrying the RFC 9457 problem the service sent.

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = "ApiError";
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
  /** The last segment of the problem type, e.g. "invalid-credentials". */
  get slug(): string {
    return problemSlug(this.problem);
  }
}

export function problemSlug(problem: Pick<Problem, "type">): string {
  if (!problem.type) return "";
  const t = problem.type.replace(/\/+$/, "");
  return t.slice(t.lastIndexOf("/") + 1);
}

/** Reads a cookie by name from a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Turns any error answer into a Problem: problem+json as sent, other JSON or text wrapped, and the
 * gateway's Retry-After carried over so the page can say how long to wait.
 */
export async function toProblem(response: Response): Promise<Problem> {
  const type = response.headers.get("content-type") ?? "";
  let body: unknown = undefined;
  try {
    body = type.includes("json") ? await response.json() : await response.text();
  } catch {
    body = undefined;
  }
  const problem: Problem =
    body && typeof body === "object" && !Array.isArray(body)
      ? { ...(body as Record<string, unknown>), status: response.status }
      : { status: response.status, detail: typeof body === "string" && body.length < 300 ? body || undefined : undefined };
  const retryAfter = response.headers.get("retry-after");
  if (retryAfter && problem.retryAfterSeconds === undefined && /^\d+$/.test(retryAfter)) {
    problem.retryAfterSeconds = Number(retryAfter);
  }
  if (Array.isArray(problem.errors)) {
    problem.errors = problem.errors.filter((e): e is FieldError => !!e && typeof e.field === "string");
  }
  return problem;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  cookies?: () => string;
  /** Called when an answer says the session is gone, so the app can show the sign-in page. */
  onUnauthenticated?: () => void;
}

export function createApi(options: ApiClientOptions = {}) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const cookies = options.cookies ?? (() => (typeof document === "undefined" ? "" : document.cookie));
  let csrfFetched: Promise<void> | null = null;

  async function csrfToken(): Promise<string | undefined> {
    let token = readCookie(cookies(), "XSRF-TOKEN");
    if (!token) {
      csrfFetched ??= doFetch("/api/identity/csrf", { credentials: "same-origin" }).then(() => undefined);
      await csrfFetched;
      csrfFetched = null;
      token = readCookie(cookies(), "XSRF-TOKEN");
    }
    return token;
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    if (UNSAFE.has(method)) {
      const token = await csrfToken();
      if (token) headers["X-XSRF-TOKEN"] = token;
    }
    let response: Response;
    try {
      response = await doFetch(path, { method, headers, body: payload, credentials: "same-origin" });
    } catch {
      throw new ApiError({ status: 0, type: "https://dinechat.io/problems/network", title: "Network error" });
    }
    if (!response.ok) {
      const problem = await toProblem(response);
      if (response.status === 401 && !path.startsWith("/api/identity/login")) options.onUnauthenticated?.();
      throw new ApiError(problem);
    }
    if (response.status === 204 || response.status === 202) return undefined as T;
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("json")) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: <T>(path: string) => request<T>("GET", path),
    post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
    put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body ?? {}),
    patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body ?? {}),
    del: <T = void>(path: string) => request<T>("DELETE", path),
    upload: <T>(path: string, form: FormData) => request<T>("POST", path, form),
  };
}

export type Api = ReturnType<typeof createApi>;

/** Builds a query string from the defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
