import { ApiError, problemSlug, type Problem } from "./api";
import type { MessageKey } from "./messages";
import type { Translate } from "./i18n";

export interface Explained {
  /** One sentence a restaurant owner understands, in the chosen language. */
  message: string;
  /** The API's own detail when it adds something specific (which field, which rule). */
  detail?: string;
  /** Field name (as the API names it, e.g. "price" or "optionGroups[0].name") → what is wrong. */
  fields: Record<string, string>;
}

const KNOWN = new Set([
  "invalid-credentials", "totp-required", "unauthenticated", "forbidden", "csrf", "no-business", "not-found",
  "conflict", "payload-too-large", "image-too-large", "unsupported-image", "invalid-token", "invalid-transition",
  "provider-unavailable", "premium-required",
]);

/** Says what went wrong in plain words: by the problem's type first, then by its status. */
export function explainProblem(error: unknown, t: Translate): Explained {
  const problem: Problem =
    error instanceof ApiError ? error.problem : { status: -1, detail: error instanceof Error ? error.message : String(error) };
  const slug = problemSlug(problem);
  const fields: Record<string, string> = {};
  for (const e of problem.errors ?? []) fields[e.field] = e.message;
  const detail = typeof problem.detail === "string" && problem.detail.length <= 300 ? problem.detail : undefined;

  if (problem.status === 0 || slug === "network") return { message: t("problem.network"), fields };
  if (slug === "throttled") {
    const minutes = Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 900) / 60));
    return { message: t("problem.throttled", { minutes }), fields };
  }
  if (slug === "rate-limited" || problem.status === 429) {
    return { message: t("problem.rate-limited", { seconds: problem.retryAfterSeconds ?? 30 }), fields };
  }
  if (slug === "booking-refused") {
    return { message: t("problem.booking-refused", { detail: detail ?? "" }), fields };
  }
  if (slug === "invalid-input" || slug === "invalid-request" || problem.status === 400) {
    // A form error: the field list is the useful part; the detail names the rule when there is no list.
    return { message: t("problem.invalid-input"), detail: Object.keys(fields).length ? undefined : detail, fields };
  }
  if (KNOWN.has(slug)) return { message: t(`problem.${slug}` as MessageKey), detail: slug === "conflict" ? detail : undefined, fields };
  if (problem.status === 401) return { message: t("problem.unauthenticated"), fields };
  if (problem.status === 402) return { message: t("problem.premium-required"), fields };
  if (problem.status === 403) return { message: t("problem.forbidden"), fields };
  if (problem.status === 404) return { message: t("problem.not-found"), fields };
  if (problem.status === 409) return { message: t("problem.conflict"), detail, fields };
  if (problem.status === 413) return { message: t("problem.payload-too-large"), fields };
  if (problem.status === 502 || problem.status === 503 || problem.status === 504) return { message: t("problem.unavailable"), fields };
  if (problem.status >= 500) return { message: t("problem.server"), fields };
  if (problem.status === -1) return { message: t("problem.server"), fields };
  return { message: t("problem.generic", { status: problem.status }), detail, fields };
}

/** True when the endpoint is simply not there yet on this server (a service still being built). */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && problemSlug(error.problem) !== "not-found";
}
