import { useQuery, type QueryClient } from "@tanstack/react-query";
import { ApiError, createApi } from "./api";
import type { IdentityConfig } from "./signIn";

export const api = createApi({
  onUnauthenticated: () => window.dispatchEvent(new Event("dinechat:signed-out")),
});

export interface Me {
  user: { id: string; email: string; name: string; totpEnabled: boolean };
  tenantId: string | null;
  businessName: string | null;
  role: "owner" | "staff" | "platform_admin" | null;
  memberships: { tenantId: string; businessName: string; role: string }[];
}

export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: async () => {
      try {
        return await api.get<Me>("/api/identity/me");
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * Forgets everything the signed-in person's business showed (another account may sign in next in
 * this browser), then tells the mounted "me" query that nobody is signed in, so the app re-renders
 * to the login page. Clearing the whole cache instead would leave the mounted query holding the old
 * person: the app would stay in the signed-in shell and every request would answer 401.
 */
export function forgetSession(queries: QueryClient, me: Me | null = null): void {
  queries.removeQueries({ predicate: (query) => query.queryKey[0] !== "me" });
  queries.setQueryData(["me"], me);
}

/** How this server lets people sign in (public, read before anyone is signed in). */
export function useIdentityConfig() {
  return useQuery({
    queryKey: ["identity-config"],
    queryFn: () => api.get<IdentityConfig>("/api/identity/config"),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

// ---- the catalog (order-service): the business's profile, branches, hours, policies, menus ----

export interface Business {
  tenantId: string;
  name: string;
  type: string;
  defaultLanguage: string;
  timeZone: string;
  currency: string;
  settings: { allowScheduledOrders: boolean; allowDelivery: boolean; allowTakeaway: boolean; allowOnSite: boolean };
}
export interface Branch {
  id: string;
  name: string;
  address?: { city?: string | null; street?: string | null; building?: string | null } | null;
  contactPhoneNumber?: string | null;
  whatsappPhoneNumberId?: string | null;
  whatsappPhoneNumber?: string | null;
  minOrderValue?: number | string | null;
  avgPreparationTimeMinutes?: number | null;
  active: boolean;
}
export interface OpeningHours { id: string; branchId: string | null; day: string; opensAt: string | null; closesAt: string | null; closed: boolean }
export interface HourOverride { id: string; branchId: string | null; date: string; closed: boolean; opensAt: string | null; closesAt: string | null; note: string | null }
export interface Policy { id: string; branchId: string | null; type: string; title: string | null; description: string }
export interface OptionGroup { id: string; name: string; kind: string; required: boolean; minChoices: number; maxChoices: number; options: { id: string; name: string; priceDelta: number | string | null; available: boolean }[] }
export interface Item {
  id: string; name: string; description: string | null; price: number | string; cost: number | string | null; availability: string;
  tags: string[]; allergens: string[]; ingredients: string[]; featured: boolean; sortOrder: number; preparationTimeMinutes: number | null;
  imageUrl: string | null; optionGroups: OptionGroup[];
}
export interface Menu { id: string; name: string; description: string | null; shared: boolean; branchIds: string[]; items: Item[] }
export interface Catalog { business: Business; branches: Branch[]; openingHours: OpeningHours[]; hourOverrides: HourOverride[]; policies: Policy[]; menus: Menu[] }

/** The catalog, or null when the business has not been set up yet (order-service answers 404). */
export function useCatalog(enabled = true) {
  return useQuery({
    queryKey: ["catalog"],
    enabled,
    queryFn: async () => {
      try {
        return await api.get<Catalog>("/api/catalog");
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    staleTime: 30_000,
  });
}

/** What sign-up asked, kept for onboarding's first step (Me does not carry it). */
export interface SignUpDefaults { businessName: string; businessType: string; timeZone: string; currency: string; defaultLanguage: string }
const DEFAULTS_KEY = "dinechat.signup";
export function rememberSignUp(d: SignUpDefaults) {
  try { sessionStorage.setItem(DEFAULTS_KEY, JSON.stringify(d)); } catch { /* private mode */ }
}
export function signUpDefaults(): SignUpDefaults | null {
  try { return JSON.parse(sessionStorage.getItem(DEFAULTS_KEY) ?? "null"); } catch { return null; }
}

/** The zone and currency every date and price is shown in. */
export function useBusinessFormat() {
  const catalog = useCatalog();
  const fallback = signUpDefaults();
  return {
    timeZone: catalog.data?.business.timeZone ?? fallback?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    currency: catalog.data?.business.currency ?? fallback?.currency ?? "EUR",
  };
}
