// What a technician's device caches before walking lots (sync.prepare): their walks of the
// fortnight around today, the approval settings and price lists of every customer they may
// serve (so an unscheduled walk can start offline), and every unit with the history its offline
// estimates need, and today's stops in driving order. Two reads per customer and a fixed handful
// more, whatever the fleet size.
import "server-only";
import type { QualitySettings } from "~/domain/quality-settings";
import { businessDate } from "../../data/settings/business-day";
import {
  PRICE_FROZEN_STATUSES,
  assertAllowed,
  countsInPricingHistory,
  checklistItemsOf,
  completionItemsFor,
  decide,
  isTerminal,
  templateChecklistOf,
} from "~/domain";
import { config } from "../../config";
import type { Db, DbTx } from "../../db";
import type { Prisma } from "../../db/generated/client";
import { InvalidRequest } from "../../errors";
import type { ServiceContext } from "../../service-context";
import { loadPricingRules } from "../../data/pricing/load-pricing-rules";
import { recordOfflineCopies } from "../../data/sync/offline-copies";
import { COMPLETED_STATUSES, customerCompletedThisMonth } from "../../data/pricing/price-history";
import { repairRef } from "../../data/repairs/load-repair-for";
import { loadTechnicianDay } from "../../data/route/technician-day";
import { templateFields, templatesUsableBy } from "../../data/templates/template-view";
import { THREAD_SELECT, messageViews, threadTitle, unreadCounts } from "../../data/messages/thread-view";
import { mayReachThread } from "../../data/messages/threads";
import { readQuality } from "../../data/settings/quality-settings";
import type {
  PrepareSnapshot,
  PreparedCustomer,
  PreparedDay,
  PreparedOpenWork,
  PreparedTemplate,
  PreparedThread,
  PreparedUnit,
  PreparedWalk,
  PreparedWork,
} from "./sync-output";

/** Work the technician can do from the phone: approved or assigned to them, or begun. */
const WORK_STATUSES = ["APPROVED", "ASSIGNED", "IN_PROGRESS"] as const;

const WINDOW_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function prepareSnapshot(db: Db, ctx: ServiceContext, now = new Date()): Promise<PrepareSnapshot> {
  const technician = ctx.actor.technician;
  if (!technician)
    throw new InvalidRequest("TECHNICIAN_REQUIRED", "Only a technician's account has lot walks to prepare.");
  return db.$transaction(async (tx) => {
    const found = await tx.lotWalk.findMany({
      where: { technicianId: technician.id, status: { in: ["SCHEDULED", "IN_PROGRESS"] }, OR: walkWindow(now) },
      select: {
        id: true,
        customerId: true,
        status: true,
        scheduledFor: true,
        scheduledTime: true,
        site: { select: { name: true, latitude: true, longitude: true } },
        startedAt: true,
        customer: { select: { blockedTechnicians: { where: { id: technician.id }, select: { id: true } } } },
      },
      orderBy: [{ scheduledFor: "asc" }, { startedAt: "asc" }],
    });
    // A lot where the technician may not capture (the customer blocked them): neither its walk
    // nor any of its data goes to the device.
    const walks = found
      .filter(
        (w) =>
          decide(ctx.actor, "repair.capture", {
            technicianId: technician.id,
            customerId: w.customerId,
            blockedByCustomer: w.customer.blockedTechnicians.length > 0,
          }).allowed,
      )
      .map(({ customer: _customer, ...walk }) => walk);
    // Every lot the technician may serve, not only the scheduled ones: a walk can be started
    // on the spot, offline (the walks' customers are among these).
    const servable = await tx.customer.findMany({
      where: { blockedTechnicians: { none: { id: technician.id } } },
      select: { id: true },
    });
    const customerIds = servable.map((c) => c.id);
    for (const customerId of customerIds) assertAllowed(ctx.actor, "customer.priceList.view", { customerId });
    const quality = await readQuality(tx);
    const myWork = await preparedWork(tx, ctx, technician.id, quality);
    const customers = await preparedCustomers(tx, customerIds, now, await favoriteIds(tx, technician.id));
    await recordOfflineCopies(
      tx,
      technician.id,
      customers.map((c) => ({
        customerId: c.id,
        settingsVersion: c.settingsVersion,
        pricingVersion: c.pricing.version,
      })),
      now,
    );
    return {
      preparedAt: now,
      technician: { id: technician.id, name: ctx.actor.name },
      walks: walks as PreparedWalk[],
      customers,
      units: await preparedUnits(tx, ctx, customerIds),
      myWork,
      openWork: await openWork(tx, ctx, customerIds, quality),
      templates: await usableTemplates(tx, technician.id),
      today: await preparedDay(tx, technician.id, now),
      quality: {
        photoChecks: quality.photoChecks,
        completionSteps: quality.completionSteps,
        requirePhotoPairs: quality.requirePhotoPairs,
      },
      threads: await preparedThreads(
        tx,
        ctx,
        myWork.map((r) => r.id),
      ),
    };
  });
}

/** Scheduled within today ± 7 business days, or started in that time without a schedule (a walk begun on the lot). */
function walkWindow(now: Date): Prisma.LotWalkWhereInput[] {
  const today = Date.parse(new Intl.DateTimeFormat("en-CA", { timeZone: config().BUSINESS_TIME_ZONE }).format(now));
  const scheduledFor = { gte: new Date(today - WINDOW_DAYS * DAY_MS), lte: new Date(today + WINDOW_DAYS * DAY_MS) };
  return [
    { scheduledFor },
    { scheduledFor: null, startedAt: { gte: new Date(now.getTime() - (WINDOW_DAYS + 1) * DAY_MS) } },
  ];
}

async function favoriteIds(tx: DbTx, technicianId: string): Promise<Set<string>> {
  const rows = await tx.technicianFavoriteCustomer.findMany({ where: { technicianId }, select: { customerId: true } });
  return new Set(rows.map((r) => r.customerId));
}

async function preparedCustomers(
  tx: DbTx,
  customerIds: string[],
  now: Date,
  favorites: ReadonlySet<string>,
): Promise<PreparedCustomer[]> {
  const customers = await tx.customer.findMany({ where: { id: { in: customerIds } }, orderBy: { name: "asc" } });
  const prepared: PreparedCustomer[] = [];
  // The customers a technician may serve, tens at most: two small reads each.
  for (const c of customers) {
    prepared.push({
      id: c.id,
      name: c.name,
      favorite: favorites.has(c.id),
      address: c.address,
      settingsVersion: c.settingsVersion,
      approval: {
        autoApproveLotRepairs: c.autoApproveLotRepairs,
        maxAutoApproveCents: c.maxAutoApproveCents,
        requirePhotoForApproval: c.requirePhotoForApproval,
      },
      pricing: await loadPricingRules(tx, c.id),
      completedThisMonth: await customerCompletedThisMonth(tx, c.id, now),
      completionChecklist: checklistItemsOf(c.completionChecklist),
    });
  }
  return prepared;
}

async function preparedUnits(tx: DbTx, ctx: ServiceContext, customerIds: string[]): Promise<PreparedUnit[]> {
  const units = await tx.unit.findMany({
    where: { customerId: { in: customerIds } },
    select: {
      id: true,
      customerId: true,
      unitNumber: true,
      assetTag: true,
      vin: true,
      make: true,
      model: true,
      windshieldSeq: true,
    },
    orderBy: [{ customerId: "asc" }, { unitNumber: "asc" }],
  });
  // All repairs of these fleets in one read, grouped per unit here (never one query per unit).
  const repairs = await tx.repair.findMany({
    where: { customerId: { in: customerIds } },
    orderBy: { createdAt: "asc" },
  });
  const byUnit = new Map<string, typeof repairs>();
  for (const r of repairs) {
    const key = `${r.unitId}:${r.windshieldSeq}`;
    const list = byUnit.get(key);
    if (list) list.push(r);
    else byUnit.set(key, [r]);
  }
  return units.map((unit) => {
    const onWindshield = byUnit.get(`${unit.id}:${unit.windshieldSeq}`) ?? [];
    return {
      ...unit,
      completedOnWindshield: onWindshield.filter(
        (r) => COMPLETED_STATUSES.includes(r.status) && countsInPricingHistory(r),
      ).length,
      openRepairs: onWindshield.filter((r) => !isTerminal(r.status) && !PRICE_FROZEN_STATUSES.includes(r.status))
        .length,
      // Counts cover every repair; the lines only those the actor may see (a technician: their own).
      history: onWindshield
        .filter((r) => decide(ctx.actor, "repair.view", repairRef(r)).allowed)
        .map((r) => ({
          id: r.id,
          damageType: r.damageType,
          status: r.status,
          completedAt: r.completedAt,
          priceCents: r.priceCents,
          tierOrdinal: r.tierOrdinal,
        })),
    };
  });
}

const WORK_INCLUDE = {
  customer: { select: { name: true, address: true, completionChecklist: true } },
  unit: { select: { unitNumber: true, make: true, model: true } },
  attachments: {
    where: { kind: "PHOTO" },
    select: { id: true, photoStage: true, mimeType: true, uploadedAt: true, pairedWithId: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.RepairInclude;
type WorkRow = Prisma.RepairGetPayload<{ include: typeof WORK_INCLUDE }>;

/**
 * The repairs on the technician's name still to be done (My work), whatever the customer: an
 * assigned request is on-call work, not a lot walk's. One read with what the card shows; only
 * what the actor may view (a blocked lot's work is unassigned by whoever blocks, not hidden here).
 */
async function preparedWork(
  tx: DbTx,
  ctx: ServiceContext,
  technicianId: string,
  quality: QualitySettings,
): Promise<PreparedWork[]> {
  const repairs = await tx.repair.findMany({
    where: { technicianId, status: { in: [...WORK_STATUSES] } },
    include: WORK_INCLUDE,
    orderBy: [{ customer: { name: "asc" } }, { urgent: "desc" }, { createdAt: "asc" }],
  });
  return repairs
    .filter((r) => decide(ctx.actor, "repair.view", repairRef(r)).allowed)
    .map((r) => ({ ...workCard(r, quality), status: r.status as (typeof WORK_STATUSES)[number] }));
}

/** Unassigned work statuses a technician may take with Assign to Me (the claim transition). */
const OPEN_STATUSES = ["REQUESTED", "APPROVED"] as const;
/** The phone lists the oldest open work first, urgent before; more than this waits for the office. */
const OPEN_WORK_LIMIT = 100;

/**
 * Unassigned work at the customers this technician may serve (Assign to Me on the phone): one
 * read, each repair checked by the domain's claim rule. Taking one needs the network.
 */
async function openWork(
  tx: DbTx,
  ctx: ServiceContext,
  customerIds: string[],
  quality: QualitySettings,
): Promise<PreparedOpenWork[]> {
  const repairs = await tx.repair.findMany({
    where: { technicianId: null, status: { in: [...OPEN_STATUSES] }, customerId: { in: customerIds } },
    include: WORK_INCLUDE,
    orderBy: [{ urgent: "desc" }, { createdAt: "asc" }],
    take: OPEN_WORK_LIMIT,
  });
  // customerIds are those that have not blocked the technician.
  return repairs
    .filter((r) => decide(ctx.actor, "repair.claim", { repair: repairRef(r), blockedByCustomer: false }).allowed)
    .map((r) => ({ ...workCard(r, quality), status: r.status as (typeof OPEN_STATUSES)[number] }));
}

/** What a card of My work (or of open work) shows of a repair. */
function workCard(r: WorkRow, quality: QualitySettings): Omit<PreparedWork, "status"> {
  return {
    id: r.id,
    origin: r.origin,
    customerId: r.customerId,
    customerName: r.customer.name,
    siteAddress: r.customer.address,
    unitId: r.unitId,
    unitNumber: r.unit.unitNumber,
    make: r.unit.make,
    model: r.unit.model,
    damageType: r.damageType,
    damagePosition: r.damagePosition,
    customerNotes: r.customerNotes,
    technicianNotes: r.technicianNotes,
    estimateCents: r.overrideCents ?? r.estimateCents,
    approvalKind: r.approvalKind,
    approvedAt: r.approvedAt,
    startedAt: r.startedAt,
    createdAt: r.createdAt,
    urgent: r.urgent,
    completionChecklist: completionItemsFor(
      checklistItemsOf(r.customer.completionChecklist),
      templateChecklistOf(r.checklist),
      quality.completionSteps[r.damageType],
    ),
    photos: r.attachments.map((a) => ({
      id: a.id,
      stage: a.photoStage,
      mimeType: a.mimeType,
      uploaded: a.uploadedAt !== null,
      pairedWithId: a.pairedWithId,
    })),
  };
}

/** Today's walks and on-call work in driving order (the /walk home's "Today", offline). */
async function preparedDay(tx: DbTx, technicianId: string, now: Date): Promise<PreparedDay> {
  const day = businessDate(now);
  const routed = await loadTechnicianDay(tx, technicianId, day, now);
  if (!routed) return { day, startTime: "", startKind: null, stops: [], unlocated: [], totalKm: 0 };
  return {
    day,
    startTime: routed.startTime,
    startKind: routed.start?.kind ?? null,
    stops: routed.stops,
    unlocated: routed.unlocated,
    totalKm: routed.totalKm,
  };
}

/** The templates the technician may apply on the lot: the company's and their own. */
async function usableTemplates(tx: DbTx, technicianId: string): Promise<PreparedTemplate[]> {
  const rows = await tx.repairTemplate.findMany({
    where: templatesUsableBy(technicianId),
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => {
    const t = templateFields(row);
    return { id: row.id, ...t, checklist: [...t.checklist] };
  });
}

/** The newest messages of each thread the phone keeps; older ones are read online. */
const THREAD_MESSAGES_ON_PHONE = 30;

/**
 * The message threads of My work's repairs, readable offline: two reads for the threads and
 * their unread counts, then each thread's newest messages (a technician's open work: tens).
 */
async function preparedThreads(tx: DbTx, ctx: ServiceContext, repairIds: string[]): Promise<PreparedThread[]> {
  if (repairIds.length === 0) return [];
  const threads = await tx.messageThread.findMany({
    where: { repairId: { in: repairIds }, lastMessageAt: { not: null } },
    select: THREAD_SELECT,
    orderBy: { lastMessageAt: "desc" },
  });
  const reachable = threads.filter((t) => mayReachThread(ctx.actor, t));
  const unread = await unreadCounts(
    tx,
    ctx.actor.userId,
    reachable.map((t) => t.id),
  );
  const prepared: PreparedThread[] = [];
  for (const t of reachable) {
    const newest = await tx.message.findMany({
      where: { threadId: t.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: THREAD_MESSAGES_ON_PHONE,
    });
    prepared.push({
      threadId: t.id,
      repairId: t.repairId!,
      title: threadTitle(t),
      unread: unread.get(t.id) ?? 0,
      messages: await messageViews(tx, ctx.actor.userId, newest.reverse()),
    });
  }
  return prepared;
}
