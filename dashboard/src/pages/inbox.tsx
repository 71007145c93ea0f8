import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle, Bot, Send, User, UserCheck } from "lucide-react";
import { cn } from "@/lib/cn";
import { formatDateTime, formatTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { isMissingEndpoint } from "@/lib/problems";
import { api, useBusinessFormat } from "@/lib/session";
import { useEventStream } from "@/lib/sse";
import { Button } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { EmptyState, Loading, Notice, ProblemAlert } from "@/components/ui/feedback";
import { Textarea } from "@/components/ui/form";
import { useToast } from "@/components/ui/toast";
import { LiveBadge } from "@/components/LiveBadge";

interface LastMessage { text: string | null; direction: string; author: string; type: string; at: string }
export interface ConversationSummary {
  conversationKey: string; guestPhone: string; guestName: string | null; handoff: "assistant" | "staff" | "escalated";
  handoffReason: string | null; silencedUntil: string | null; reengageAt: string | null; language: string | null; lastMessage: LastMessage | null;
}
interface Message { id: string; direction: "inbound" | "outbound"; author: string; type: string; text: string | null; status: string | null; at: string }
interface Conversation { summary: ConversationSummary; messages: Message[] }

const LIST = ["conversations"];

export function InboxPage() {
  const { t, locale } = useI18n();
  const { timeZone } = useBusinessFormat();
  const queries = useQueryClient();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const selected = params.get("c");
  const list = useQuery({ queryKey: LIST, queryFn: () => api.get<ConversationSummary[]>("/api/conversations?limit=100") });
  const refresh = (data: unknown) => {
    queries.invalidateQueries({ queryKey: LIST });
    const key = (data as { conversationKey?: string } | null)?.conversationKey;
    if (key) queries.invalidateQueries({ queryKey: ["conversation", key] });
    else queries.invalidateQueries({ queryKey: ["conversation"] });
    if ((data as { state?: string } | null)?.state === "escalated") toast(t("inbox.escalated"), "error");
  };
  const stream = useEventStream("/api/conversations/stream", { message: refresh, handoff: refresh }, () => refresh(null));
  const conversations = list.data ?? [];

  if (list.error && isMissingEndpoint(list.error)) return <div><PageHeader title={t("inbox.title")} /><Notice tone="warning">{t("common.notYetAvailable")}</Notice></div>;
  return (
    <div>
      <PageHeader title={t("inbox.title")} actions={<LiveBadge state={stream} />} />
      {list.isPending && <Loading />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.data && conversations.length === 0 && <EmptyState title={t("inbox.empty")} />}
      {conversations.length > 0 && (
        <Card className="grid h-[calc(100vh-9rem)] grid-cols-[20rem_1fr] overflow-hidden">
          <ul className="overflow-y-auto border-e border-slate-200" aria-label={t("inbox.title")}>
            {conversations.map((c) => (
              <li key={c.conversationKey}>
                <button data-testid="conversation" data-guest={c.guestPhone}
                  className={cn("block w-full border-b border-slate-100 px-4 py-3 text-start hover:bg-slate-50", selected === c.conversationKey && "bg-brand-50",
                    c.handoff === "escalated" && "border-s-4 border-s-red-500")}
                  onClick={() => setParams({ c: c.conversationKey })}>
                  <div className="flex items-center justify-between gap-2">
                    <span className="truncate font-medium">{c.guestName || `+${c.guestPhone}`}</span>
                    <span className="shrink-0 text-xs text-slate-400">{c.lastMessage ? formatTime(c.lastMessage.at, timeZone, locale) : ""}</span>
                  </div>
                  <div className="mt-0.5 flex items-center gap-1">
                    <HandoffBadge state={c.handoff} />
                    <span className="truncate text-xs text-slate-500">{c.lastMessage?.text ?? ""}</span>
                  </div>
                </button>
              </li>
            ))}
          </ul>
          {selected ? <ConversationView key={selected} conversationKey={selected} /> : <div className="flex items-center justify-center text-sm text-slate-500">{t("inbox.pick")}</div>}
        </Card>
      )}
    </div>
  );
}

function HandoffBadge({ state }: { state: ConversationSummary["handoff"] }) {
  const { t } = useI18n();
  if (state === "escalated") return <Badge tone="red"><AlertTriangle className="me-1 h-3 w-3" />{t("inbox.escalated")}</Badge>;
  if (state === "staff") return <Badge tone="blue"><UserCheck className="me-1 h-3 w-3" />{t("inbox.staff")}</Badge>;
  return <Badge><Bot className="me-1 h-3 w-3" />{t("inbox.assistant")}</Badge>;
}

function ConversationView({ conversationKey }: { conversationKey: string }) {
  const { t, locale } = useI18n();
  const { timeZone } = useBusinessFormat();
  const queries = useQueryClient();
  const [text, setText] = useState("");
  const end = useRef<HTMLDivElement>(null);
  const key = ["conversation", conversationKey];
  const conversation = useQuery({ queryKey: key, queryFn: () => api.get<Conversation>(`/api/conversations/${encodeURIComponent(conversationKey)}`) });
  const after = () => { queries.invalidateQueries({ queryKey: key }); queries.invalidateQueries({ queryKey: LIST }); };
  const takeOver = useMutation({ mutationFn: () => api.post(`/api/conversations/${encodeURIComponent(conversationKey)}/takeover`), onSuccess: after });
  const handBack = useMutation({ mutationFn: () => api.post(`/api/conversations/${encodeURIComponent(conversationKey)}/handback`), onSuccess: after });
  const reply = useMutation({
    mutationFn: () => api.post(`/api/conversations/${encodeURIComponent(conversationKey)}/replies`, { text: text.trim() }),
    onSuccess: () => { setText(""); after(); },
  });
  const messages = conversation.data?.messages ?? [];
  // A block body: newer Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: "end" });
  }, [messages.length]);
  const summary = conversation.data?.summary;
  const mine = summary?.handoff === "staff";
  const error = takeOver.error ?? handBack.error ?? reply.error;

  return (
    <section className="flex min-h-0 flex-col" data-testid="conversation-view">
      <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0 flex-1">
          <div className="font-semibold">{summary?.guestName || (summary ? `+${summary.guestPhone}` : "")}</div>
          {summary?.guestName && <div className="text-xs text-slate-500">+{summary.guestPhone}</div>}
        </div>
        {summary && <HandoffBadge state={summary.handoff} />}
        {summary && !mine && <Button size="sm" onClick={() => takeOver.mutate()} disabled={takeOver.isPending}>{t("inbox.takeOver")}</Button>}
        {summary && mine && <Button size="sm" variant="secondary" onClick={() => handBack.mutate()} disabled={handBack.isPending}>{t("inbox.handBack")}</Button>}
      </header>
      {summary?.handoff === "escalated" && summary.handoffReason && <Notice tone="warning" className="m-3">{summary.handoffReason}</Notice>}
      <div className="min-h-0 flex-1 space-y-2 overflow-y-auto bg-slate-50 px-4 py-3">
        {conversation.isPending && <Loading />}
        {conversation.error && <ProblemAlert error={conversation.error} onRetry={() => conversation.refetch()} />}
        {messages.map((m) => {
          const inbound = m.direction === "inbound";
          const Icon = inbound ? User : m.author === "staff" ? UserCheck : Bot;
          return (
            <div key={m.id} className={cn("flex", inbound ? "justify-start" : "justify-end")} data-testid="message" data-author={m.author}>
              <div className={cn("max-w-[75%] rounded-lg px-3 py-2 text-sm shadow-sm", inbound ? "bg-white" : m.author === "staff" ? "bg-sky-100" : "bg-emerald-100")}>
                <div className="mb-0.5 flex items-center gap-1 text-[11px] text-slate-500">
                  <Icon className="h-3 w-3" /> {inbound ? t("inbox.guest") : m.author === "staff" ? t("inbox.staff") : t("inbox.assistant")}
                  <span title={formatDateTime(m.at, timeZone, locale)}>· {formatTime(m.at, timeZone, locale)}</span>
                </div>
                <div className="whitespace-pre-wrap break-words" dir="auto">{m.text ?? `[${m.type}]`}</div>
              </div>
            </div>
          );
        })}
        <div ref={end} />
      </div>
      <div className="border-t border-slate-200 p-3">
        {error && <ProblemAlert className="mb-2" error={error} />}
        <p className="mb-2 text-xs text-slate-500">{mine ? t("inbox.youHaveIt") : t("inbox.assistantHasIt")}</p>
        <form className="flex gap-2" onSubmit={(e) => { e.preventDefault(); if (text.trim()) reply.mutate(); }}>
          <Textarea className="min-h-10 flex-1" rows={2} maxLength={4096} dir="auto" placeholder={t("inbox.reply")} aria-label={t("inbox.reply")} value={text} disabled={!mine}
            onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); if (text.trim()) reply.mutate(); } }} />
          <Button type="submit" disabled={!mine || !text.trim() || reply.isPending}><Send className="h-4 w-4 rtl:-scale-x-100" /> {t("inbox.send")}</Button>
        </form>
      </div>
    </section>
  );
}
