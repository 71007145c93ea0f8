import { AlertTriangle, Inbox, Loader2 } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { useI18n } from "@/lib/i18n";
import { explainProblem } from "@/lib/problems";
import { Button } from "./button";

/** An API error shown where it happened, in plain words, with the API's specific detail when useful. */
export function ProblemAlert({ error, onRetry, className }: { error: unknown; onRetry?: () => void; className?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const explained = explainProblem(error, t);
  const fieldLines = Object.entries(explained.fields);
  return (
    <div role="alert" data-testid="problem" className={cn("flex gap-3 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800", className)}>
      <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{explained.message}</p>
        {explained.detail && <p className="mt-1 text-red-700">{explained.detail}</p>}
        {fieldLines.length > 0 && (
          <ul className="mt-1 list-disc ps-5 text-red-700">
            {fieldLines.map(([field, message]) => (
              <li key={field}>
                <span className="font-mono text-xs">{field}</span>: {message}
              </li>
            ))}
          </ul>
        )}
        {onRetry && (
          <Button variant="link" size="sm" className="mt-1 h-auto text-red-800" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )}
      </div>
    </div>
  );
}

export function Notice({ tone = "info", children, className }: { tone?: "info" | "success" | "warning"; children: ReactNode; className?: string }) {
  const tones = {
    info: "border-sky-200 bg-sky-50 text-sky-900",
    success: "border-emerald-200 bg-emerald-50 text-emerald-900",
    warning: "border-amber-200 bg-amber-50 text-amber-900",
  };
  return <div role="status" className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)}>{children}</div>;
}

/** What to do next when there is nothing to show. */
export function EmptyState({ title, action, icon }: { title: ReactNode; action?: ReactNode; icon?: ReactNode }) {
  return (
    <div data-testid="empty-state" className="flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <div className="text-slate-400">{icon ?? <Inbox className="h-8 w-8" aria-hidden />}</div>
      <p className="max-w-md text-sm text-slate-600">{title}</p>
      {action}
    </div>
  );
}

export function Loading({ className }: { className?: string }) {
  const { t } = useI18n();
  return (
    <div className={cn("flex items-center gap-2 py-6 text-sm text-slate-500", className)} role="status">
      <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> {t("common.loading")}
    </div>
  );
}
