import { useEffect, type ReactNode } from "react";
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import {
  BarChart3, BookOpen, CalendarDays, ClipboardList, Clock, CreditCard, LogOut, MessageSquare, Rocket, Settings, Shield, ShieldCheck, Users,
} from "lucide-react";
import { cn } from "@/lib/cn";
import { ApiError } from "@/lib/api";
import { LANGUAGE_NAMES, LANGUAGES, useI18n, type Language } from "@/lib/i18n";
import type { MessageKey } from "@/lib/messages";
import { api, forgetSession, useCatalog, useMe, type Me } from "@/lib/session";
import { Loading, ProblemAlert } from "@/components/ui/feedback";
import { Select } from "@/components/ui/form";
import { AcceptInvitationPage, ForgotPasswordPage, LoginPage, SignUpPage } from "@/pages/auth";
import { OnboardingPage } from "@/pages/onboarding";
import { OrdersPage } from "@/pages/orders";
import { ReservationsPage } from "@/pages/reservations";
import { InboxPage } from "@/pages/inbox";
import { MenuPage } from "@/pages/menu";
import { HoursPage } from "@/pages/hours";
import { AnalyticsPage } from "@/pages/analytics";
import { BillingPage } from "@/pages/billing";
import { TeamPage } from "@/pages/team";
import { AuditPage } from "@/pages/audit";
import { PrivacyPage } from "@/pages/privacy";
import { SettingsPage } from "@/pages/settings";

type Area = { to: string; label: MessageKey; icon: typeof MessageSquare; ownerOnly?: boolean };

const AREAS: Area[] = [
  { to: "/orders", label: "nav.orders", icon: ClipboardList },
  { to: "/inbox", label: "nav.inbox", icon: MessageSquare },
  { to: "/reservations", label: "nav.reservations", icon: CalendarDays },
  { to: "/menu", label: "nav.menu", icon: BookOpen },
  { to: "/hours", label: "nav.hours", icon: Clock },
  { to: "/analytics", label: "nav.analytics", icon: BarChart3, ownerOnly: true },
  { to: "/billing", label: "nav.billing", icon: CreditCard, ownerOnly: true },
  { to: "/team", label: "nav.team", icon: Users, ownerOnly: true },
  { to: "/audit", label: "nav.audit", icon: ShieldCheck, ownerOnly: true },
  { to: "/privacy", label: "nav.privacy", icon: Shield, ownerOnly: true },
  { to: "/settings", label: "nav.settings", icon: Settings },
];

export function App() {
  const me = useMe();
  const queries = useQueryClient();
  useEffect(() => {
    const signedOut = () => forgetSession(queries);
    window.addEventListener("dinechat:signed-out", signedOut);
    return () => window.removeEventListener("dinechat:signed-out", signedOut);
  }, [queries]);

  if (me.isPending) return <Loading className="justify-center" />;
  if (me.isError) return <div className="p-8"><ProblemAlert error={me.error} onRetry={() => me.refetch()} /></div>;

  return (
    <Routes>
      <Route path="/login" element={me.data ? <Navigate to="/" replace /> : <LoginPage />} />
      <Route path="/signup" element={me.data ? <Navigate to="/" replace /> : <SignUpPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<AcceptInvitationPage mode="reset" />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage mode="invitation" />} />
      <Route path="*" element={me.data ? <SignedIn me={me.data} /> : <Navigate to="/login" replace />} />
    </Routes>
  );
}

function SignedIn({ me }: { me: Me }) {
  const owner = me.role === "owner" || me.role === "platform_admin";
  const catalog = useCatalog(!!me.tenantId);
  const location = useLocation();
  if (!me.tenantId) return <Shell me={me}><ProblemAlert error={new ApiError({ status: 403, type: "https://dinechat.io/problems/no-business" })} /></Shell>;
  if (catalog.isPending) return <Shell me={me}><Loading /></Shell>;
  const needsOnboarding = catalog.data === null;
  const home = needsOnboarding && owner ? "/onboarding" : "/orders";
  const guard = (element: ReactNode, ownerOnly = false) => (ownerOnly && !owner ? <Navigate to="/orders" replace /> : element);
  return (
    <Shell me={me} onboarding={needsOnboarding && owner}>
      {catalog.isError && <ProblemAlert className="mb-4" error={catalog.error} onRetry={() => catalog.refetch()} />}
      <Routes>
        <Route path="/" element={<Navigate to={home} replace />} />
        <Route path="/onboarding" element={guard(<OnboardingPage />, true)} />
        <Route path="/orders" element={<OrdersPage />} />
        <Route path="/inbox" element={<InboxPage />} />
        <Route path="/reservations" element={<ReservationsPage owner={owner} />} />
        <Route path="/menu" element={<MenuPage owner={owner} />} />
        <Route path="/hours" element={<HoursPage owner={owner} />} />
        <Route path="/analytics" element={guard(<AnalyticsPage owner={me.role === "owner"} />, true)} />
        <Route path="/billing" element={guard(<BillingPage />, true)} />
        <Route path="/team" element={guard(<TeamPage me={me} />, true)} />
        <Route path="/audit" element={guard(<AuditPage />, true)} />
        <Route path="/privacy" element={guard(<PrivacyPage />, true)} />
        <Route path="/settings" element={<SettingsPage me={me} owner={owner} />} />
        <Route path="*" element={<Navigate to={home} replace state={{ from: location.pathname }} />} />
      </Routes>
    </Shell>
  );
}

function Shell({ me, onboarding, children }: { me: Me; onboarding?: boolean; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const owner = me.role === "owner" || me.role === "platform_admin";
  const signOut = async () => {
    await api.post("/api/identity/logout").catch(() => undefined);
    forgetSession(queries);
    navigate("/login", { replace: true });
  };
  return (
    <div className="flex min-h-full">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-e border-slate-200 bg-white">
        <div className="border-b border-slate-100 px-5 py-4">
          <div className="text-lg font-bold text-brand-700">{t("app.name")}</div>
          <div className="truncate text-sm text-slate-600" data-testid="business-name">{me.businessName}</div>
        </div>
        <nav className="flex-1 overflow-y-auto px-3 py-3" aria-label="main">
          {onboarding && <NavItem to="/onboarding" icon={Rocket} label={t("nav.onboarding")} />}
          {AREAS.filter((a) => !a.ownerOnly || owner).map((a) => (
            <NavItem key={a.to} to={a.to} icon={a.icon} label={t(a.label)} />
          ))}
        </nav>
        <div className="space-y-2 border-t border-slate-100 px-4 py-3">
          <label className="block text-xs text-slate-500">
            {t("nav.language")}
            <Select className="mt-1" value={language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
              {LANGUAGES.map((l) => <option key={l} value={l}>{LANGUAGE_NAMES[l]}</option>)}
            </Select>
          </label>
          <div className="truncate text-xs text-slate-500">{me.user.email}</div>
          <button className="flex items-center gap-2 text-sm text-slate-700 hover:text-slate-900" onClick={signOut}>
            <LogOut className="h-4 w-4 rtl:rotate-180" aria-hidden /> {t("nav.signOut")}
          </button>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-6 py-6">{children}</main>
    </div>
  );
}

function NavItem({ to, icon: Icon, label }: { to: string; icon: typeof MessageSquare; label: string }) {
  return (
    <NavLink
      to={to}
      className={({ isActive }) =>
        cn("mb-0.5 flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium", isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100")
      }
    >
      <Icon className="h-4 w-4" aria-hidden />
      {label}
    </NavLink>
  );
}
