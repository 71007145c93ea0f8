import { useI18n } from "@/lib/i18n";
import type { MessageKey } from "@/lib/messages";
import type { OpeningHours } from "@/lib/session";
import { hhmm } from "@/lib/format";
import type { HoursDay } from "@/lib/validation";
import { Checkbox, Input } from "./ui/form";

export const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** The week as the editor shows it: one row per day (the first period of the day), defaults for days not set. */
export function weekFrom(hours: OpeningHours[], branchId: string | null): HoursDay[] {
  return DAYS.map((day) => {
    const row = hours.find((h) => h.branchId === branchId && h.day.toLowerCase() === day);
    if (!row) return { dayOfWeek: day, closed: false, opensAt: "12:00", closesAt: "23:00" };
    return { dayOfWeek: day, closed: row.closed, opensAt: hhmm(row.opensAt) || "12:00", closesAt: hhmm(row.closesAt) || "23:00" };
  });
}

export function weekBody(days: HoursDay[], branchId: string | null) {
  return {
    branchId,
    days: days.map((d) => (d.closed ? { dayOfWeek: d.dayOfWeek, closed: true } : { dayOfWeek: d.dayOfWeek, closed: false, opensAt: d.opensAt, closesAt: d.closesAt })),
  };
}

export function WeeklyHoursEditor({ days, onChange, errors, disabled }: { days: HoursDay[]; onChange: (days: HoursDay[]) => void; errors: (field: string) => string | undefined; disabled?: boolean }) {
  const { t } = useI18n();
  const update = (i: number, patch: Partial<HoursDay>) => onChange(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <div className="space-y-2">
      {days.map((d, i) => (
        <div key={d.dayOfWeek} className="grid grid-cols-[8rem_6rem_1fr_1fr] items-start gap-3" data-testid={`hours-${d.dayOfWeek}`}>
          <div className="pt-2 text-sm font-medium">{t(`day.${d.dayOfWeek}` as MessageKey)}</div>
          <Checkbox className="pt-2" label={t("hours.closed")} checked={d.closed} disabled={disabled} onChange={(e) => update(i, { closed: e.target.checked })} />
          {!d.closed && (
            <>
              <div>
                <Input type="time" aria-label={`${t(`day.${d.dayOfWeek}` as MessageKey)} ${t("hours.opens")}`} value={d.opensAt} disabled={disabled} onChange={(e) => update(i, { opensAt: e.target.value })} aria-invalid={!!errors(`days[${i}].opensAt`)} />
                {errors(`days[${i}].opensAt`) && <p className="mt-1 text-xs text-red-600">{errors(`days[${i}].opensAt`)}</p>}
              </div>
              <div>
                <Input type="time" aria-label={`${t(`day.${d.dayOfWeek}` as MessageKey)} ${t("hours.closes")}`} value={d.closesAt} disabled={disabled} onChange={(e) => update(i, { closesAt: e.target.value })} aria-invalid={!!errors(`days[${i}].closesAt`)} />
                {errors(`days[${i}].closesAt`) && <p className="mt-1 text-xs text-red-600">{errors(`days[${i}].closesAt`)}</p>}
              </div>
            </>
          )}
        </div>
      ))}
      <p className="text-xs text-slate-500">{t("hours.pastMidnight")}</p>
    </div>
  );
}
