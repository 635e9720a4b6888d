// How completed, uninvoiced repairs are gathered into invoices: the customer's cadence decides
// the groups. Per repair and per walk are invoiced as soon as there is something to bill; a week
// or a month waits until it has ended on the business's calendar, so a running period never gets
// two invoices.

export const INVOICING_CADENCES = ["PER_REPAIR", "PER_WALK", "WEEKLY", "MONTHLY"] as const;
export type InvoicingCadence = (typeof INVOICING_CADENCES)[number];

export const CADENCE_LABELS: Readonly<Record<InvoicingCadence, string>> = {
  PER_REPAIR: "One invoice per repair",
  PER_WALK: "One invoice per lot walk",
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
};

export type ServiceModeForCadence = "SCHEDULED" | "ON_CALL" | "HYBRID";

/** On-call customers pay per repair; lot-walk customers (scheduled, hybrid) once a month. */
export function defaultCadence(serviceMode: ServiceModeForCadence): InvoicingCadence {
  return serviceMode === "ON_CALL" ? "PER_REPAIR" : "MONTHLY";
}

/** The cadence in force: the admin's choice, else the service mode's default (null = not chosen). */
export function effectiveCadence(
  serviceMode: ServiceModeForCadence,
  chosen: InvoicingCadence | null | undefined,
): InvoicingCadence {
  return chosen ?? defaultCadence(serviceMode);
}

export function isInvoicingCadence(value: unknown): value is InvoicingCadence {
  return typeof value === "string" && (INVOICING_CADENCES as readonly string[]).includes(value);
}

/** A completed repair waiting for its invoice, as grouping needs it. */
export type InvoiceableRepair = {
  id: string;
  /** Its business day of completion, "yyyy-mm-dd". */
  completedOn: string;
  walkId: string | null;
  /** Its walk is over (completed or cancelled): no more repairs will join it. */
  walkEnded: boolean;
};

export type InvoiceGroup = {
  /** Stable per period: "repair:<id>", "walk:<id>", "week:2026-W49", "month:2026-11". */
  key: string;
  periodStart: string;
  periodEnd: string;
  walkId: string | null;
  repairIds: string[];
};

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Math.floor(Date.UTC(y!, m! - 1, d!) / DAY_MS);
}

function dayText(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Monday..Sunday of the ISO week holding `day`, and its name ("2026-W01"). */
export function isoWeekOf(day: string): { key: string; start: string; end: string } {
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: weekday 0 = Monday.
  const weekday = (((n + 3) % 7) + 7) % 7;
  const monday = n - weekday;
  const thursday = monday + 3;
  const isoYear = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - dayNumber(`${isoYear}-01-01`)) / 7) + 1;
  return { key: `${isoYear}-W${String(week).padStart(2, "0")}`, start: dayText(monday), end: dayText(monday + 6) };
}

/** First and last day of the calendar month holding `day`. */
export function monthOf(day: string): { key: string; start: string; end: string } {
  const [y, m] = day.split("-").map(Number);
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  const key = day.slice(0, 7);
  return { key, start: `${key}-01`, end: `${key}-${String(last).padStart(2, "0")}` };
}

/**
 * The invoices to make now for one customer, from its completed, uninvoiced repairs.
 * `today` is the business's day: a week or month is billed only once it has ended (today after its
 * last day). Per walk: the repairs of one walk once the walk is over; repairs outside any walk
 * (on-call work) one invoice each. Groups come sorted by period, then key; repairs by id.
 */
export function groupForInvoicing(
  repairs: readonly InvoiceableRepair[],
  cadence: InvoicingCadence,
  today: string,
): InvoiceGroup[] {
  const groups = new Map<string, InvoiceGroup>();
  const add = (key: string, start: string, end: string, walkId: string | null, repair: InvoiceableRepair) => {
    const group = groups.get(key);
    if (group) {
      group.repairIds.push(repair.id);
      if (repair.completedOn < group.periodStart) group.periodStart = repair.completedOn;
      if (repair.completedOn > group.periodEnd) group.periodEnd = repair.completedOn;
      return;
    }
    groups.set(key, { key, periodStart: start, periodEnd: end, walkId, repairIds: [repair.id] });
  };
  for (const repair of repairs) {
    const day = repair.completedOn;
    switch (cadence) {
      case "PER_REPAIR":
        add(`repair:${repair.id}`, day, day, null, repair);
        break;
      case "PER_WALK":
        if (repair.walkId === null) add(`repair:${repair.id}`, day, day, null, repair);
        else if (repair.walkEnded) add(`walk:${repair.walkId}`, day, day, repair.walkId, repair);
        break;
      case "WEEKLY": {
        const week = isoWeekOf(day);
        if (week.end < today) addPeriod(groups, `week:${week.key}`, week.start, week.end, repair);
        break;
      }
      case "MONTHLY": {
        const month = monthOf(day);
        if (month.end < today) addPeriod(groups, `month:${month.key}`, month.start, month.end, repair);
        break;
      }
    }
  }
  const out = [...groups.values()];
  for (const group of out) group.repairIds.sort();
  return out.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.key.localeCompare(b.key));
}

function addPeriod(
  groups: Map<string, InvoiceGroup>,
  key: string,
  start: string,
  end: string,
  repair: InvoiceableRepair,
): void {
  const group = groups.get(key);
  if (group) group.repairIds.push(repair.id);
  else groups.set(key, { key, periodStart: start, periodEnd: end, walkId: null, repairIds: [repair.id] });
}
