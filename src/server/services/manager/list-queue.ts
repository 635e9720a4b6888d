// The manager's queue as a tablet pages through it: what waits (or what was approved, or
// requested), searched by unit, customer or technician, filtered and sorted on the server, one
// page of walks at a time. A walk's repairs stay together under its header; work found off a
// walk is grouped by customer. The groups come in a stable order, so the cursor (the last
// group's sort position) gives the next page even while repairs are decided meanwhile.
import "server-only";
import { z } from "zod";
import { decide, normalizeUnitNumber, sumCents } from "~/domain";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { repairRef } from "../../data/repairs/load-repair-for";
import { type RepairCard, loadRepairCards } from "../../data/repairs/load-repair-cards";
import { visibleRepairsWhere } from "../../data/repairs/visible-repairs-where";

/** Beyond this many repairs in one status the queue says it was cut (a tablet, not a report). */
export const QUEUE_SCAN_LIMIT = 5000;

/** Repairs a page of the queue fills up to (see queueInput.repairs). */
export const QUEUE_PAGE_REPAIRS = 30;

export const QUEUE_STATUSES = ["PENDING_APPROVAL", "APPROVED", "REQUESTED"] as const;
export const QUEUE_SORTS = ["urgency", "oldest", "newest", "price"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const queueInput = z.object({
  search: z.string().trim().max(100).optional(),
  customerId: z.uuid().optional(),
  /** A technician's id, or "none": work nobody has. */
  technicianId: z.union([z.uuid(), z.literal("none")]).optional(),
  status: z.enum(QUEUE_STATUSES).default("PENDING_APPROVAL"),
  flagged: z.boolean().optional(),
  urgent: z.boolean().optional(),
  /** Only repairs waiting at least this many days. */
  olderThanDays: z.number().int().min(1).max(365).optional(),
  sort: z.enum(QUEUE_SORTS).default("urgency"),
  cursor: z.string().max(400).optional(),
  /** Groups (walks) per page. */
  limit: z.number().int().min(1).max(50).default(8),
  /**
   * Walks are added to a page until it holds this many repairs (a walk is never split): what a
   * tablet scrolls through first, not the whole queue, so the page's server time and HTML stay
   * the same with 50 walks waiting as with 3.
   */
  repairs: z.number().int().min(1).max(500).default(QUEUE_PAGE_REPAIRS),
});
export type QueueInput = z.input<typeof queueInput>;

export type QueueWalk = {
  id: string;
  status: string;
  startedAt: Date | null;
  scheduledFor: Date | null;
  technician: { id: string; name: string } | null;
};

export type QueueGroup = {
  /** The walk's id, or "customer:<id>" for work found off a walk. */
  key: string;
  walk: QueueWalk | null;
  customer: { id: string; name: string };
  /**
   * The first of the group's repairs matching the search and filters, in the chosen order: at
   * most a page's worth (`repairs`), so that one walk of 500 finds is not 500 cards at once.
   * The rest come from `manager.queueGroup`.
   */
  repairs: RepairCard[];
  /** All of the group's repairs matching the search and filters (shown or not). */
  matchingRepairs: number;
  totalCents: number;
  urgentCount: number;
  /** Waiting repairs of the walk this person may not approve (over their limit). */
  othersPending: number;
  /** What "Approve whole walk" would approve now (every waiting repair of the walk within this person's rights, filters aside). */
  wholeWalk: { count: number; totalCents: number } | null;
};

export type QueueFacet = { id: string; name: string; count: number };

export type QueuePage = {
  groups: QueueGroup[];
  nextCursor: string | null;
  /** Repairs and groups matching, on every page. */
  matching: { repairs: number; groups: number };
  /** Who can be filtered on, among the repairs in this status (filters aside). */
  facets: { customers: QueueFacet[]; technicians: QueueFacet[] };
  truncated: boolean;
};

type Row = {
  id: string;
  walkId: string | null;
  customerId: string;
  technicianId: string | null;
  status: RepairCard["status"];
  estimateCents: number | null;
  priceCents: number | null;
  urgent: boolean;
  createdAt: Date;
  flaggedReason: string | null;
  flagResolvedAt: Date | null;
  unit: { unitNumber: string };
  customer: { name: string };
  technician: { user: { name: string } } | null;
};

const centsOf = (r: Pick<Row, "priceCents" | "estimateCents">) => r.priceCents ?? r.estimateCents ?? 0;
const groupKey = (r: Pick<Row, "walkId" | "customerId">) => r.walkId ?? `customer:${r.customerId}`;

/** A group's place in the order: numbers compared in turn, then its key. */
type Position = { at: number[]; key: string };

function positionOf(sort: QueueSort, key: string, rows: Row[]): Position {
  const created = rows.map((r) => r.createdAt.getTime());
  const oldest = Math.min(...created);
  switch (sort) {
    case "oldest":
      return { at: [oldest], key };
    case "newest":
      return { at: [-Math.max(...created)], key };
    case "price":
      return { at: [-sumCents(rows.map(centsOf))], key };
    case "urgency":
      // Urgent work first, then what just arrived: the oldest are one choice away ("oldest").
      return { at: [-rows.filter((r) => r.urgent).length, -Math.max(...created)], key };
  }
}

function comparePositions(a: Position, b: Position): number {
  for (let i = 0; i < Math.max(a.at.length, b.at.length); i++) {
    const d = (a.at[i] ?? 0) - (b.at[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

const encodeCursor = (p: Position) => Buffer.from(JSON.stringify(p)).toString("base64url");

const cursorShape = z.object({ at: z.array(z.number()).max(4), key: z.string().max(120) });
function decodeCursor(cursor: string | undefined): Position | null {
  if (!cursor) return null;
  try {
    return cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    return null; // an unreadable cursor starts again at the first page
  }
}

/** What the matching groups are chosen by: the queue's input without its paging. */
type QueueFilters = Omit<z.output<typeof queueInput>, "cursor" | "limit">;

type Ordered = Pick<Row, "id" | "createdAt" | "urgent" | "priceCents" | "estimateCents">;

/** The order of a group's repairs: the same on the rows scanned and on the cards loaded. */
function compareRepairs(sort: QueueSort) {
  return (a: Ordered, b: Ordered): number => {
    const byAge = a.createdAt.getTime() - b.createdAt.getTime();
    switch (sort) {
      case "oldest":
        return byAge || a.id.localeCompare(b.id);
      case "newest":
        return -byAge || a.id.localeCompare(b.id);
      case "price":
        return centsOf(b) - centsOf(a) || byAge || a.id.localeCompare(b.id);
      case "urgency":
        return Number(b.urgent) - Number(a.urgent) || -byAge || a.id.localeCompare(b.id);
    }
  };
}

function matches(input: QueueFilters, now: Date) {
  const search = input.search?.toLowerCase();
  const unitSearch = input.search ? normalizeUnitNumber(input.search) : "";
  const olderThan = input.olderThanDays ? now.getTime() - input.olderThanDays * 86_400_000 : null;
  return (r: Row): boolean =>
    (!input.customerId || r.customerId === input.customerId) &&
    (!input.technicianId || r.technicianId === (input.technicianId === "none" ? null : input.technicianId)) &&
    (input.flagged === undefined || (r.flaggedReason !== null && r.flagResolvedAt === null) === input.flagged) &&
    (input.urgent === undefined || r.urgent === input.urgent) &&
    (olderThan === null || r.createdAt.getTime() <= olderThan) &&
    (!search ||
      r.unit.unitNumber.includes(unitSearch) ||
      r.customer.name.toLowerCase().includes(search) ||
      (r.technician?.user.name.toLowerCase().includes(search) ?? false));
}

function facetsOf(rows: Row[]): QueuePage["facets"] {
  const customers = new Map<string, QueueFacet>();
  const technicians = new Map<string, QueueFacet>();
  for (const r of rows) {
    const c = customers.get(r.customerId) ?? { id: r.customerId, name: r.customer.name, count: 0 };
    c.count += 1;
    customers.set(r.customerId, c);
    const techId = r.technicianId ?? "none";
    const t = technicians.get(techId) ?? { id: techId, name: r.technician?.user.name ?? "Nobody yet", count: 0 };
    t.count += 1;
    technicians.set(techId, t);
  }
  const byName = (a: QueueFacet, b: QueueFacet) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return { customers: [...customers.values()].sort(byName), technicians: [...technicians.values()].sort(byName) };
}

/**
 * The first groups: at most `limit`, and no more once they show `repairs` repairs (at least one
 * group; a group shows at most `repairs` of its own).
 */
function pageOfGroups<G extends { rows: unknown[] }>(groups: G[], limit: number, repairs: number): G[] {
  const page: G[] = [];
  let held = 0;
  for (const group of groups) {
    if (page.length === limit || (page.length > 0 && held >= repairs)) break;
    page.push(group);
    held += Math.min(group.rows.length, repairs);
  }
  return page;
}

/** Every group matching the search and filters, in the chosen order, with what a page needs around them. */
async function matchingGroups(db: Db, ctx: ServiceContext, input: QueueFilters) {
  const pending = input.status === "PENDING_APPROVAL";
  const scanned = await db.repair.findMany({
    where: { AND: [visibleRepairsWhere(ctx.actor), { status: input.status }] },
    select: {
      id: true,
      walkId: true,
      customerId: true,
      technicianId: true,
      status: true,
      estimateCents: true,
      priceCents: true,
      urgent: true,
      createdAt: true,
      flaggedReason: true,
      flagResolvedAt: true,
      unit: { select: { unitNumber: true } },
      customer: { select: { name: true } },
      technician: { select: { user: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: QUEUE_SCAN_LIMIT + 1,
  });
  const truncated = scanned.length > QUEUE_SCAN_LIMIT;
  const visible = scanned
    .slice(0, QUEUE_SCAN_LIMIT)
    .filter((r) => decide(ctx.actor, "repair.view", repairRef(r)).allowed);
  // Waiting work this person may not decide on is counted on its walk, not listed.
  const decidable = (r: Row) => !pending || decide(ctx.actor, "repair.approve", repairRef(r)).allowed;
  const listed = visible.filter(decidable);
  const othersByGroup = new Map<string, number>();
  for (const r of visible) if (!decidable(r)) othersByGroup.set(groupKey(r), (othersByGroup.get(groupKey(r)) ?? 0) + 1);

  const matching = listed.filter(matches(input, new Date()));
  const byGroup = new Map<string, Row[]>();
  for (const r of matching) byGroup.set(groupKey(r), [...(byGroup.get(groupKey(r)) ?? []), r]);
  const ordered = [...byGroup.entries()]
    .map(([key, rows]) => ({ key, rows, position: positionOf(input.sort, key, rows) }))
    .sort((a, b) => comparePositions(a.position, b.position));
  return { pending, listed, matching, ordered, othersByGroup, truncated };
}

/** Each group's first `count` repairs in the chosen order, as cards (one query for all the groups). */
async function cardsOf(db: Db, ctx: ServiceContext, groups: Row[][], sort: QueueSort, count: number) {
  const shown = groups.map((rows) => [...rows].sort(compareRepairs(sort)).slice(0, count));
  const cards = await loadRepairCards(db, ctx.actor, { id: { in: shown.flat().map((r) => r.id) } });
  const cardById = new Map(cards.map((card) => [card.id, card]));
  return shown.map((rows) => rows.flatMap((r) => cardById.get(r.id) ?? []));
}

export async function listQueue(db: Db, ctx: ServiceContext, raw: QueueInput): Promise<QueuePage> {
  const input = queueInput.parse(raw);
  const { pending, listed, matching, ordered, othersByGroup, truncated } = await matchingGroups(db, ctx, input);
  const after = decodeCursor(input.cursor);
  const rest = after ? ordered.filter((g) => comparePositions(g.position, after) > 0) : ordered;
  const page = pageOfGroups(rest, input.limit, input.repairs);
  const nextCursor = rest.length > page.length ? encodeCursor(page.at(-1)!.position) : null;

  const shownCards = await cardsOf(
    db,
    ctx,
    page.map((g) => g.rows),
    input.sort,
    input.repairs,
  );
  const walkIds = page.flatMap((g) => (g.rows[0]!.walkId ? [g.rows[0]!.walkId] : []));
  const walks = await db.lotWalk.findMany({
    where: { id: { in: walkIds } },
    select: {
      id: true,
      status: true,
      startedAt: true,
      scheduledFor: true,
      technician: { select: { id: true, user: { select: { name: true } } } },
    },
  });
  const walkById = new Map<string, QueueWalk>(
    walks.map(({ technician, ...w }) => [
      w.id,
      { ...w, technician: technician && { id: technician.id, name: technician.user.name } },
    ]),
  );

  const groups = page.map(({ key, rows }, index): QueueGroup => {
    const repairs = shownCards[index]!;
    const first = rows[0]!;
    const walk = first.walkId ? (walkById.get(first.walkId) ?? null) : null;
    const wholeWalkRows = walk && pending ? listed.filter((r) => r.walkId === walk.id) : null;
    return {
      key,
      walk,
      customer: { id: first.customerId, name: first.customer.name },
      repairs,
      matchingRepairs: rows.length,
      totalCents: sumCents(rows.map(centsOf)),
      urgentCount: rows.filter((r) => r.urgent).length,
      othersPending: othersByGroup.get(key) ?? 0,
      wholeWalk: wholeWalkRows && {
        count: wholeWalkRows.length,
        totalCents: sumCents(wholeWalkRows.map(centsOf)),
      },
    };
  });
  return {
    groups,
    nextCursor,
    matching: { repairs: matching.length, groups: ordered.length },
    facets: facetsOf(listed),
    truncated,
  };
}

export const queueGroupInput = queueInput.omit({ cursor: true, limit: true }).extend({
  /** The group's key (QueueGroup.key). */
  key: z.string().min(1).max(120),
});
export type QueueGroupInput = z.input<typeof queueGroupInput>;

/** One group's first `repairs` repairs: "Show more" of a walk too long for one page. */
export async function listQueueGroup(
  db: Db,
  ctx: ServiceContext,
  raw: QueueGroupInput,
): Promise<{ repairs: RepairCard[]; matchingRepairs: number }> {
  const input = queueGroupInput.parse(raw);
  const { ordered } = await matchingGroups(db, ctx, input);
  const rows = ordered.find((group) => group.key === input.key)?.rows ?? [];
  const [repairs] = await cardsOf(db, ctx, [rows], input.sort, input.repairs);
  return { repairs: repairs!, matchingRepairs: rows.length };
}
