import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n";
import { api } from "@/lib/session";
import { query } from "@/lib/api";
import { isGuestPhone } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Notice, ProblemAlert } from "@/components/ui/feedback";
import { Field, Input } from "@/components/ui/form";

interface Export { phone: string; generatedAt: string; orders: unknown[]; messages: unknown[] }
interface Erasure { orders: number; messages: number; dailyFigures: number; auditEntries: number }

export function PrivacyPage() {
  const { t } = useI18n();
  const [phone, setPhone] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const exported = useMutation({ mutationFn: () => api.get<Export>(`/api/analytics/privacy/export${query({ phone: phone.trim() })}`) });
  const erased = useMutation({ mutationFn: () => api.post<Erasure>("/api/analytics/privacy/erase", { phone: phone.trim() }), onSettled: () => setConfirming(false) });
  const check = () => { const ok = isGuestPhone(phone.trim()); setInvalid(!ok); return ok; };
  const download = () => {
    const blob = new Blob([JSON.stringify(exported.data, null, 2)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `guest-${phone.replace(/\D/g, "")}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={t("privacy.title")} description={t("privacy.intro")} />
      <Card>
        <CardBody className="space-y-3">
          <Field label={t("common.phone")} error={invalid ? t("valid.phone") : undefined}>{(p) => <Input {...p} type="tel" dir="ltr" value={phone} onChange={(e) => setPhone(e.target.value)} />}</Field>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => check() && exported.mutate()} disabled={exported.isPending}>{t("privacy.export")}</Button>
            <Button variant="destructive" onClick={() => check() && setConfirming(true)}>{t("privacy.erase")}</Button>
          </div>
          {(exported.error || erased.error) && <ProblemAlert error={exported.error ?? erased.error} />}
          {exported.data && (
            <Notice tone="success">
              {t("privacy.exported", { orders: exported.data.orders.length, messages: exported.data.messages.length })}{" "}
              <Button variant="link" size="sm" onClick={download}>{t("privacy.download")}</Button>
            </Notice>
          )}
          {erased.data && <Notice tone="success">{t("privacy.erased", { orders: erased.data.orders, messages: erased.data.messages })}</Notice>}
        </CardBody>
      </Card>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title={t("privacy.erase")}
        footer={<><Button variant="secondary" onClick={() => setConfirming(false)}>{t("common.cancel")}</Button><Button variant="destructive" disabled={erased.isPending} onClick={() => erased.mutate()}>{t("privacy.erase")}</Button></>}>
        <p className="text-sm">{t("privacy.eraseConfirm", { phone })}</p>
      </Dialog>
    </div>
  );
}
