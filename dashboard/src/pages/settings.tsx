import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n";
import { api, useCatalog, type Me } from "@/lib/session";
import { Button } from "@/components/ui/button";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { Notice, ProblemAlert } from "@/components/ui/feedback";
import { Field, Input } from "@/components/ui/form";

export function SettingsPage({ me, owner }: { me: Me; owner: boolean }) {
  const { t } = useI18n();
  const catalog = useCatalog();
  const queries = useQueryClient();
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [code, setCode] = useState("");
  const start = useMutation({ mutationFn: () => api.post<{ secret: string; otpauthUri: string }>("/api/identity/totp/setup"), onSuccess: setSetup });
  const enable = useMutation({ mutationFn: () => api.post("/api/identity/totp/enable", { code }), onSuccess: () => { setSetup(null); queries.invalidateQueries({ queryKey: ["me"] }); } });
  const disable = useMutation({ mutationFn: () => api.del("/api/identity/totp"), onSuccess: () => queries.invalidateQueries({ queryKey: ["me"] }) });
  const b = catalog.data?.business;
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("settings.title")} />
      <Card>
        <CardHeader title={t("settings.business")} />
        <CardBody className="text-sm">
          {!b && <Notice>{t("settings.noCatalog")}</Notice>}
          {b && (
            <dl className="grid grid-cols-2 gap-x-6 gap-y-2">
              <dt className="text-slate-500">{t("auth.businessName")}</dt><dd>{b.name}</dd>
              <dt className="text-slate-500">{t("auth.timeZone")}</dt><dd>{b.timeZone}</dd>
              <dt className="text-slate-500">{t("auth.currency")}</dt><dd>{b.currency}</dd>
              <dt className="text-slate-500">{t("auth.defaultLanguage")}</dt><dd>{t(`lang.${b.defaultLanguage}` as "lang.english")}</dd>
              <dt className="text-slate-500">{t("settings.branches")}</dt><dd>{catalog.data!.branches.map((x) => x.name).join(", ")}</dd>
            </dl>
          )}
          {owner && <p className="mt-3"><a className="text-brand-700 hover:underline" href="/onboarding">{t("onboarding.title")}</a></p>}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("settings.security")} actions={me.user.totpEnabled ? <Badge tone="green">TOTP</Badge> : undefined} />
        <CardBody className="space-y-3 text-sm">
          {(start.error || enable.error || disable.error) && <ProblemAlert error={start.error ?? enable.error ?? disable.error} />}
          {me.user.totpEnabled ? (
            <div className="flex items-center justify-between"><span>{t("settings.totpOn")}</span><Button variant="secondary" onClick={() => disable.mutate()}>{t("settings.totpDisable")}</Button></div>
          ) : setup ? (
            <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); enable.mutate(); }}>
              <p>{t("settings.totpSecret")}</p>
              <code className="block rounded bg-slate-100 px-3 py-2 font-mono tracking-wider" dir="ltr">{setup.secret}</code>
              <Field label={t("auth.totpCode")}>{(p) => <Input {...p} inputMode="numeric" maxLength={6} className="w-40" value={code} onChange={(e) => setCode(e.target.value.replace(/\D/g, ""))} />}</Field>
              <Button type="submit" disabled={code.length !== 6 || enable.isPending}>{t("settings.totpEnable")}</Button>
            </form>
          ) : (
            <div className="flex items-center justify-between"><span>{t("settings.totpOff")}</span><Button onClick={() => start.mutate()}>{t("settings.totpSetup")}</Button></div>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
