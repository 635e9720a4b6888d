// The demo business created by `npm start` on an empty database: 3 fleet customers with 20+
// units each and some repair history, 4 technicians (1 manager over 2), an admin and 2
// customer users. Deterministic (seeded random), and historic prices come from src/domain,
// exactly as completing those repairs would have priced them.
import "server-only";
import { randomUUID } from "node:crypto";
import {
  DEFAULT_PRICING_RULES,
  type PricingRules,
  autoApprovalFor,
  countInSameMonth,
  dayKey,
  freezeQuote,
  priceRepair,
  scheduleKey,
} from "~/domain";
import { DEFAULT_REWARD_SETTINGS } from "~/domain/rewards";
import { hashPassword } from "../auth/passwords";
import { config } from "../config";
import type { Db } from "../db";
import { estimateFields, frozenFields } from "../data/pricing/quote-repair";
import { grantRewardsForCompletion } from "../data/rewards/grant-rewards";
import type { DamageType, Prisma } from "../db/generated/client";
import { seedDemoInvoices } from "./demo-invoices";

export const DEMO_PASSWORD = "demo1234";
export const DEMO_LOGINS = [
  { role: "admin", email: "admin@demo.test" },
  { role: "manager", email: "manager@demo.test" },
  { role: "technician", email: "tech@demo.test" },
  { role: "customer", email: "customer@demo.test" },
] as const;

const DAMAGE: DamageType[] = ["CHIP", "CHIP", "STAR_BREAK", "BULLS_EYE", "CRACK", "COMBINATION_BREAK", "HALF_MOON"];
const POSITIONS = [
  "driver side, lower",
  "passenger side, lower",
  "center, upper",
  "driver side, upper",
  "passenger side, center",
];

/** Small deterministic PRNG (mulberry32) so every fresh demo database looks the same. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type CustomerPlan = {
  name: string;
  contactEmail: string;
  address: string;
  unitPrefix: string;
  units: number;
  makes: [string, string][];
  settings: Partial<Prisma.CustomerCreateInput>;
  /** Its lots, the first one primary (real-looking Denver-area positions: no geocoding service is reachable). */
  sites: { name: string; address: string; latitude: number; longitude: number }[];
  pricing?: Omit<Prisma.CustomerPricingCreateWithoutCustomerInput, "version">;
};

const CUSTOMERS: CustomerPlan[] = [
  {
    name: "Summit Car Rentals",
    contactEmail: "fleet@summitrentals.example",
    address: "1200 Airport Blvd, Denver, CO",
    sites: [
      { name: "Airport rental lot", address: "1200 Airport Blvd, Denver, CO", latitude: 39.8467, longitude: -104.6745 },
      { name: "Downtown branch", address: "1650 Welton St, Denver, CO", latitude: 39.7451, longitude: -104.9894 },
    ],
    unitPrefix: "SR-",
    units: 24,
    makes: [
      ["Toyota", "Camry"],
      ["Ford", "Escape"],
      ["Nissan", "Altima"],
      ["Chevrolet", "Malibu"],
    ],
    settings: {
      fleetSize: 140,
      lotWalkingEnabled: true,
      lotWalkingSchedule: { monday: true, thursday: true },
      lotWalkingTime: "07:30",
      autoApproveLotRepairs: true,
      maxAutoApproveCents: 5000,
      requirePhotoForApproval: true,
      serviceMode: "SCHEDULED",
      paymentTerms: "NET_30",
    },
  },
  {
    name: "Interstate Freight Lines",
    contactEmail: "maintenance@interstatefreight.example",
    address: "88 Logistics Way, Commerce City, CO",
    sites: [
      {
        name: "Commerce City terminal",
        address: "88 Logistics Way, Commerce City, CO",
        latitude: 39.8133,
        longitude: -104.9197,
      },
    ],
    unitPrefix: "TRK-",
    units: 26,
    makes: [
      ["Freightliner", "Cascadia"],
      ["Kenworth", "T680"],
      ["Peterbilt", "579"],
      ["Volvo", "VNL 860"],
    ],
    settings: {
      fleetSize: 60,
      lotWalkingEnabled: true,
      lotWalkingSchedule: { tuesday: true },
      lotWalkingTime: "06:00",
      lotWalkingFrequency: "BIWEEKLY",
      autoApproveLotRepairs: true,
      maxAutoApproveCents: 10000,
      requirePhotoForApproval: true,
      serviceMode: "HYBRID",
      paymentTerms: "NET_60",
    },
    pricing: {
      useCustomPricing: true,
      repair1Cents: 6000,
      repair2Cents: 5000,
      repair3Cents: 4500,
      repair4Cents: null,
      repair5PlusCents: null,
      volumeDiscountThreshold: 10,
      volumeDiscountBasisPoints: 1000,
      notes:
        "Heavy-truck windshields: higher first tiers agreed in the 2026 contract; 10% off from the 10th repair of a month.",
    },
  },
  {
    name: "Valley Auto Dealers",
    contactEmail: "service@valleyauto.example",
    address: "455 Motor Mile, Lakewood, CO",
    sites: [
      { name: "Showroom lot", address: "455 Motor Mile, Lakewood, CO", latitude: 39.7105, longitude: -105.0812 },
      { name: "Pre-owned lot", address: "510 Motor Mile, Lakewood, CO", latitude: 39.7092, longitude: -105.0868 },
    ],
    unitPrefix: "VA-",
    units: 21,
    makes: [
      ["Honda", "CR-V"],
      ["Subaru", "Outback"],
      ["Jeep", "Grand Cherokee"],
      ["Hyundai", "Tucson"],
    ],
    settings: {
      fleetSize: 35,
      serviceMode: "ON_CALL",
      paymentTerms: "PREPAID",
      autoApproveLotRepairs: false,
      maxAutoApproveCents: 0,
      // A dealer showing cars to buyers: every repair is confirmed step by step.
      completionChecklist: ["Resin cured under UV", "Pit filled and polished", "Customer shown the result"],
    },
  },
];

function rulesOf(pricing: CustomerPlan["pricing"]): PricingRules {
  if (!pricing) return DEFAULT_PRICING_RULES;
  return {
    version: 1,
    useCustomPricing: pricing.useCustomPricing ?? false,
    tiersCents: [
      pricing.repair1Cents ?? null,
      pricing.repair2Cents ?? null,
      pricing.repair3Cents ?? null,
      pricing.repair4Cents ?? null,
      pricing.repair5PlusCents ?? null,
    ],
    volumeDiscountThreshold: pricing.volumeDiscountThreshold ?? 10,
    volumeDiscountBasisPoints: pricing.volumeDiscountBasisPoints ?? 0,
  };
}

export async function seedDemoBusiness(
  db: Db,
  now = new Date(),
  timeZone = config().BUSINESS_TIME_ZONE,
): Promise<void> {
  const rand = random(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const day = 24 * 60 * 60 * 1000;

  await db.$transaction(
    async (tx) => {
      const user = (email: string, name: string, role: "ADMIN" | "TECHNICIAN" | "CUSTOMER") =>
        tx.user.create({ data: { email, name, role, passwordHash } });

      const admin = await user("admin@demo.test", "Alex Admin", "ADMIN");
      const workingHours = {
        monday: { start: "07:00", end: "16:00" },
        tuesday: { start: "07:00", end: "16:00" },
        wednesday: { start: "07:00", end: "16:00" },
        thursday: { start: "07:00", end: "16:00" },
        friday: { start: "07:00", end: "15:00" },
      };
      const technician = async (
        email: string,
        name: string,
        extra: Partial<Prisma.TechnicianCreateWithoutUserInput> = {},
      ) => {
        const u = await user(email, name, "TECHNICIAN");
        return tx.technician.create({ data: { userId: u.id, workingHours, phone: "+1 303 555 0100", ...extra } });
      };
      // Each technician's day starts from a base (the driving order's first leg).
      const base = (baseLatitude: number, baseLongitude: number) => ({ baseLatitude, baseLongitude });
      const tech = await technician("tech@demo.test", "Taylor Tech", {
        customerRating: "4.80",
        ...base(39.7392, -104.9903),
      });
      const tech2 = await technician("tech2@demo.test", "Jordan Rivera", {
        customerRating: "4.60",
        ...base(39.6478, -104.9878),
      });
      const tech3 = await technician("tech3@demo.test", "Sam Okafor", {
        customerRating: "4.90",
        ...base(39.8028, -105.0875),
      });
      await technician("manager@demo.test", "Morgan Manager", {
        isManager: true,
        approvalLimitCents: 15000,
        canAssignWork: true,
        canOverridePricing: true,
        managedTechnicians: { connect: [{ id: tech.id }, { id: tech2.id }] },
        customerRating: "4.70",
        ...base(39.73, -104.96),
      });

      const customers = [];
      for (const plan of CUSTOMERS) {
        const customer = await tx.customer.create({
          data: {
            name: plan.name,
            contactEmail: plan.contactEmail,
            address: plan.address,
            ...plan.settings,
            preferredTechnicians: plan.unitPrefix === "SR-" ? { connect: [{ id: tech.id }] } : undefined,
            blockedTechnicians: plan.unitPrefix === "VA-" ? { connect: [{ id: tech3.id }] } : undefined,
            pricing: { create: { useCustomPricing: false, ...plan.pricing } },
            sites: { create: plan.sites.map((site, i) => ({ ...site, isPrimary: i === 0 })) },
          },
          include: { sites: { where: { isPrimary: true } } },
        });
        customers.push({ customer, plan });
      }

      const requesterOf = new Map<string, string>();
      const customerUser = async (email: string, name: string, customerId: string) => {
        const u = await user(email, name, "CUSTOMER");
        await tx.customerUser.create({ data: { userId: u.id, customerId, isPrimaryContact: true } });
        requesterOf.set(customerId, u.id);
      };
      await customerUser("customer@demo.test", "Casey Customer", customers[0]!.customer.id);
      await customerUser("customer2@demo.test", "Devon Fleet", customers[1]!.customer.id);

      for (const [index, { customer, plan }] of customers.entries()) {
        const rules = rulesOf(plan.pricing);
        const walkTech = index === 1 ? tech2 : tech;
        const completedAt: Date[] = [];
        // Two finished walks in the past with the repairs they found, and today's walk scheduled.
        const pastWalks = [40, 12].map((daysAgo) => ({
          id: randomUUID(),
          at: new Date(now.getTime() - daysAgo * day),
        }));
        for (const walk of pastWalks) {
          await tx.lotWalk.create({
            data: {
              id: walk.id,
              customerId: customer.id,
              technicianId: walkTech.id,
              status: "COMPLETED",
              scheduledFor: walk.at,
              startedAt: walk.at,
              endedAt: new Date(walk.at.getTime() + 2 * 60 * 60 * 1000),
              siteContactName: "Lot supervisor",
              signedAt: new Date(walk.at.getTime() + 2 * 60 * 60 * 1000),
            },
          });
        }
        // Today is the business's day (a date column holds no time zone).
        const today = new Date(`${dayKey(now, timeZone)}T00:00:00Z`);
        if (plan.settings.lotWalkingEnabled) {
          await tx.lotWalk.create({
            data: {
              id: randomUUID(),
              customerId: customer.id,
              technicianId: walkTech.id,
              status: "SCHEDULED",
              origin: "SCHEDULE",
              scheduledFor: today,
              siteId: customer.sites[0]?.id,
              scheduledTime: typeof plan.settings.lotWalkingTime === "string" ? plan.settings.lotWalkingTime : null,
              // Today's walk of the schedule, as if the office had planned it: its key keeps
              // generation from adding a second one today, and the mark keeps it as it is.
              scheduleKey: scheduleKey(customer.id, dayKey(now, timeZone)),
              changedByHandAt: now,
            },
          });
        } else if (plan.unitPrefix === "VA-") {
          // A one-off walk the office planned for Jordan: with the Interstate walk and on-call
          // work, a day with several stops to put in driving order.
          await tx.lotWalk.create({
            data: {
              id: randomUUID(),
              customerId: customer.id,
              technicianId: tech2.id,
              status: "SCHEDULED",
              origin: "ONE_OFF",
              scheduledFor: today,
              siteId: customer.sites[0]?.id,
              scheduledTime: "10:00",
            },
          });
        }

        for (let n = 1; n <= plan.units; n++) {
          const [make, model] = pick(plan.makes);
          const unit = await tx.unit.create({
            data: {
              customerId: customer.id,
              unitNumber: `${plan.unitPrefix}${String(100 + n)}`,
              make,
              model,
              year: 2019 + Math.floor(rand() * 7),
            },
          });
          // What every seeded repair of this unit shares (a new id each time).
          const onUnit = (technicianId: string | null, origin: "LOT_WALK" | "CUSTOMER_REQUEST") => ({
            id: randomUUID(),
            customerId: customer.id,
            unitId: unit.id,
            windshieldSeq: 1,
            technicianId,
            origin,
          });
          // About a third of the units have history: 1-4 completed repairs from the past walks.
          const history = rand() < 0.35 ? 1 + Math.floor(rand() * 4) : 0;
          for (let i = 0; i < history; i++) {
            // The older walk's repairs first, so a windshield's ordinals follow the calendar.
            const walk = pastWalks[i < Math.ceil(history / 2) ? 0 : 1]!;
            const when = new Date(walk.at.getTime() + (i + 1) * 7 * 60 * 1000);
            const quote = freezeQuote(
              priceRepair({
                completedOnWindshield: i,
                customerCompletedThisMonth: countInSameMonth(completedAt, when, timeZone),
                rules,
              }),
            );
            completedAt.push(when);
            await tx.repair.create({
              data: {
                ...onUnit(walkTech.id, "LOT_WALK"),
                walkId: walk.id,
                status: walk === pastWalks[0] ? "INVOICED" : "COMPLETED",
                damageType: pick(DAMAGE),
                damagePosition: pick(POSITIONS),
                technicianNotes: "Imported from the previous system (no photos kept).",
                ...estimateFields(quote),
                ...frozenFields(quote),
                approvalKind: "AUTO",
                approvalRule: "WITHIN_LIMIT",
                approvalReason: "approved under the customer's auto-approval settings at the time",
                capturedAt: when,
                startedAt: when,
                completedAt: when,
                invoicedAt: walk === pastWalks[0] ? new Date(walk.at.getTime() + 7 * day) : null,
                createdById: walkTech.userId,
                createdAt: when,
              },
            });
          }
          // Open work so every screen has something to show.
          if (n === 3 || n === 7) {
            const quote = priceRepair({
              completedOnWindshield: history,
              customerCompletedThisMonth: countInSameMonth(completedAt, now, timeZone),
              rules,
            });
            const decision = autoApprovalFor({
              estimateCents: quote.cents,
              hasDamagePhoto: false,
              settings: {
                autoApproveLotRepairs: plan.settings.autoApproveLotRepairs ?? false,
                maxAutoApproveCents: plan.settings.maxAutoApproveCents ?? 10000,
                requirePhotoForApproval: plan.settings.requirePhotoForApproval ?? true,
              },
            });
            await tx.repair.create({
              data: {
                ...onUnit(walkTech.id, "LOT_WALK"),
                walkId: pastWalks[1]!.id,
                status: "PENDING_APPROVAL",
                damageType: "CRACK",
                damagePosition: "driver side, lower",
                technicianNotes: "Crack about 4 inches; customer decision needed.",
                ...estimateFields(quote),
                approvalRule: decision.rule,
                approvalReason: decision.reason,
                capturedAt: pastWalks[1]!.at,
                createdById: walkTech.userId,
              },
            });
          }
          if (n === 5 && requesterOf.has(customer.id)) {
            const quote = priceRepair({ completedOnWindshield: history, customerCompletedThisMonth: 0, rules });
            await tx.repair.create({
              data: {
                ...onUnit(null, "CUSTOMER_REQUEST"),
                status: "REQUESTED",
                damageType: "CHIP",
                customerNotes: "Chip noticed by the driver this morning, passenger side.",
                ...estimateFields(quote),
                approvalKind: "REQUEST",
                approvalRule: "CUSTOMER_REQUEST",
                approvalReason: "requested by the customer at the price shown",
                approvedAt: new Date(now.getTime() - 3 * 60 * 60 * 1000),
                createdById: requesterOf.get(customer.id)!,
              },
            });
          }
        }
      }

      // Rewards: Valley Auto Dealers came through Summit Car Rentals; every completed repair
      // earned its points (and Valley's first one both referral bonuses), dated when completed.
      await tx.customer.update({
        where: { id: customers[2]!.customer.id },
        data: { referredByCustomerId: customers[0]!.customer.id },
      });
      const done = await tx.repair.findMany({
        where: { status: { in: ["COMPLETED", "INVOICED", "CLOSED"] } },
        select: { id: true },
      });
      await grantRewardsForCompletion(tx, done, { createdById: admin.id, settings: DEFAULT_REWARD_SETTINGS });
      await tx.$executeRaw`
        UPDATE "PointsEntry" p SET "createdAt" = r."completedAt"
        FROM "Repair" r WHERE r.id = p."repairId" AND r."completedAt" IS NOT NULL`;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await seedDemoInvoices(db, timeZone);
}
