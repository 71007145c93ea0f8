import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "@/lib/i18n";
import { useFieldErrors } from "@/lib/forms";
import { api, type Me } from "@/lib/session";
import { emailProblem } from "@/lib/validation";
import { Button } from "@/components/ui/button";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { EmptyState, Loading, Notice, ProblemAlert } from "@/components/ui/feedback";
import { Field, Input, Select } from "@/components/ui/form";

interface Member { userId: string; email: string; name: string; role: string; invitationPending: boolean }

export function TeamPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const errors = useFieldErrors();
  const members = useQuery({ queryKey: ["members"], queryFn: () => api.get<Member[]>("/api/identity/members") });
  const [form, setForm] = useState({ email: "", name: "", role: "staff" });
  const refresh = () => queries.invalidateQueries({ queryKey: ["members"] });
  const invite = useMutation({ mutationFn: () => api.post<Member>("/api/identity/members", form), onSuccess: () => { setForm({ ...form, email: "", name: "" }); refresh(); }, onError: (e) => errors.fromError(e, t) });
  const change = useMutation({ mutationFn: ({ id, role }: { id: string; role: string }) => api.patch(`/api/identity/members/${id}`, { role }), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: string) => api.del(`/api/identity/members/${id}`), onSuccess: refresh });
  return (
    <div className="space-y-4">
      <PageHeader title={t("team.title")} />
      <Card>
        <CardBody>
          {members.isPending && <Loading />}
          {(members.error || change.error || remove.error) && <ProblemAlert className="mb-3" error={members.error ?? change.error ?? remove.error} />}
          {members.data?.length === 1 && <EmptyState title={t("team.empty")} />}
          <ul className="divide-y divide-slate-100">
            {members.data?.map((m) => (
              <li key={m.userId} className="flex flex-wrap items-center gap-3 py-3 text-sm" data-testid="member">
                <div className="min-w-0 flex-1"><div className="font-medium">{m.name}</div><div className="text-slate-500">{m.email}</div></div>
                {m.invitationPending && <Badge tone="amber">{t("team.pending")}</Badge>}
                <Select className="w-36" value={m.role} disabled={m.userId === me.user.id} aria-label={`${t("common.role")} ${m.name}`} onChange={(e) => change.mutate({ id: m.userId, role: e.target.value })}>
                  <option value="owner">{t("team.owner")}</option><option value="staff">{t("team.staff")}</option>
                </Select>
                <Button size="sm" variant="ghost" className="text-red-700" disabled={m.userId === me.user.id} onClick={() => remove.mutate(m.userId)}>{t("team.remove")}</Button>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("team.invite")} />
        <CardBody>
          <form className="grid grid-cols-1 items-end gap-3 sm:grid-cols-4" noValidate onSubmit={(e) => {
            e.preventDefault();
            if (errors.setClient({ email: emailProblem(form.email), name: form.name.trim() ? undefined : { key: "valid.required" } })) invite.mutate();
          }}>
            <Field label={t("common.name")} error={errors.error("name", t)}>{(p) => <Input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
            <Field label={t("common.email")} error={errors.error("email", t)}>{(p) => <Input {...p} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}</Field>
            <Field label={t("common.role")}>{(p) => <Select {...p} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}><option value="staff">{t("team.staff")}</option><option value="owner">{t("team.owner")}</option></Select>}</Field>
            <Button type="submit" disabled={invite.isPending}>{t("team.invite")}</Button>
          </form>
          {invite.error && <ProblemAlert className="mt-3" error={invite.error} />}
          {invite.isSuccess && <Notice tone="success" className="mt-3">{t("team.inviteSent", { email: invite.data.email })}</Notice>}
        </CardBody>
      </Card>
    </div>
  );
}
