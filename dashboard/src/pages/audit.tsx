import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { api, useBusinessFormat } from "@/lib/session";
import { query } from "@/lib/api";
import { Button } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { EmptyState, Loading, ProblemAlert } from "@/components/ui/feedback";
import { Input } from "@/components/ui/form";

interface Entry { auditId: string; actor: { userId: string; role: string; actingAs: boolean }; action: string; entityType: string; entityId: string; before: unknown; after: unknown; clientAddress: string | null; at: string }
interface Page { page: number; size: number; total: number; entries: Entry[] }

export function AuditPage() {
  const { t, locale } = useI18n();
  const { timeZone } = useBusinessFormat();
  const [page, setPage] = useState(0);
  const [action, setAction] = useState("");
  const audit = useQuery({ queryKey: ["audit", page, action], queryFn: () => api.get<Page>(`/api/audit${query({ page, size: 50, action: action || undefined })}`) });
  const members = useQuery({ queryKey: ["members"], queryFn: () => api.get<{ userId: string; name: string }[]>("/api/identity/members") });
  const who = (id: string) => members.data?.find((m) => m.userId === id)?.name ?? id.slice(0, 8);
  const pages = audit.data ? Math.ceil(audit.data.total / audit.data.size) : 0;
  return (
    <div>
      <PageHeader title={t("audit.title")} actions={<Input className="w-64" placeholder="menu_item.updated" aria-label={t("audit.what")} value={action} onChange={(e) => { setAction(e.target.value.trim()); setPage(0); }} />} />
      {audit.isPending && <Loading />}
      {audit.error && <ProblemAlert error={audit.error} onRetry={() => audit.refetch()} />}
      {audit.data?.entries.length === 0 && <EmptyState title={t("audit.empty")} />}
      {audit.data && audit.data.entries.length > 0 && (
        <Card>
          <table className="w-full text-sm">
            <thead className="border-b border-slate-100 text-xs text-slate-500"><tr><th className="px-4 py-2 text-start">{t("audit.when")}</th><th className="text-start">{t("audit.who")}</th><th className="text-start">{t("audit.what")}</th><th className="text-start">IP</th></tr></thead>
            <tbody className="divide-y divide-slate-100">
              {audit.data.entries.map((e) => (
                <tr key={e.auditId} data-testid="audit-entry" className="align-top">
                  <td className="px-4 py-2 whitespace-nowrap">{formatDateTime(e.at, timeZone, locale)}</td>
                  <td className="py-2">{who(e.actor.userId)} <Badge>{e.actor.role}</Badge> {e.actor.actingAs && <Badge tone="red">{t("audit.actingAs")}</Badge>}</td>
                  <td className="py-2">
                    <span className="font-mono text-xs">{e.action}</span>
                    {(e.before != null || e.after != null) && (
                      <details className="mt-1 text-xs"><summary className="cursor-pointer text-slate-500">{e.entityType} {e.entityId.slice(0, 8)}</summary>
                        <pre className="mt-1 max-w-xl overflow-x-auto rounded bg-slate-50 p-2" dir="ltr">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre></details>
                    )}
                  </td>
                  <td className="py-2 text-xs text-slate-500">{e.clientAddress}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <div className="flex items-center justify-end gap-2 border-t border-slate-100 px-4 py-2 text-sm">
              <Button size="sm" variant="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>{t("common.previous")}</Button>
              <span>{page + 1} / {pages}</span>
              <Button size="sm" variant="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t("common.next")}</Button>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
