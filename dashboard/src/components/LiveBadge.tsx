import { useI18n } from "@/lib/i18n";
import type { StreamState } from "@/lib/sse";
import { cn } from "@/lib/cn";

export function LiveBadge({ state }: { state: StreamState }) {
  const { t } = useI18n();
  const live = state === "open";
  return (
    <span data-testid="live-state" data-state={state} className={cn("inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium", live ? "bg-emerald-50 text-emerald-700" : "bg-amber-50 text-amber-700")}>
      <span className={cn("h-2 w-2 rounded-full", live ? "bg-emerald-500 animate-pulse" : "bg-amber-500")} />
      {live ? t("nav.live") : t("nav.offline")}
    </span>
  );
}
