// Builders for integration tests: the people and fleet of a small windshield-repair business,
// created straight in the database, and actors loaded the way a request loads them.
import { createHash, randomUUID } from "node:crypto";
import { createCaller } from "~/server/api/root";
import type { RequestOrigin } from "~/server/audit/write-audit";
import { type ActorWithIdentity, loadActor } from "~/server/auth/actor";
import type { Db } from "~/server/db";
import type { PhotoStage, Prisma, Role } from "~/server/db/generated/client";
import type { ServiceContext } from "~/server/service-context";
import type { AttachmentInput } from "~/server/data/shared-inputs";

export const ORIGIN: RequestOrigin = { ip: "203.0.113.7", userAgent: "RS-Field/1.0 (integration test)" };

type CustomerSettings = Partial<Omit<Prisma.CustomerUncheckedCreateInput, "id" | "name">>;
type PricingSettings = Partial<Omit<Prisma.CustomerPricingUncheckedCreateInput, "id" | "customerId">>;

export async function createCustomer(
  db: Db,
  name: string,
  options: { settings?: CustomerSettings; pricing?: PricingSettings } = {},
) {
  return db.customer.create({
    data: { name, ...options.settings, ...(options.pricing ? { pricing: { create: options.pricing } } : {}) },
  });
}

async function createUser(db: Db, role: Role, name: string) {
  return db.user.create({
    data: { name, role, email: `${name.toLowerCase()}-${randomUUID()}@example.test`, passwordHash: "not-used" },
  });
}

export type Person = { userId: string; actor: ActorWithIdentity };
export type Staff = Person & { technicianId: string };

export async function actorFor(db: Db, userId: string): Promise<ActorWithIdentity> {
  const actor = await loadActor(db, userId);
  if (!actor) throw new Error(`no active user ${userId}`);
  return actor;
}

export async function createTechnician(
  db: Db,
  name: string,
  rights: Partial<
    Pick<
      Prisma.TechnicianUncheckedCreateInput,
      "isManager" | "approvalLimitCents" | "canAssignWork" | "canOverridePricing" | "isActive"
    >
  > & {
    manages?: string[];
  } = {},
): Promise<Staff> {
  const { manages = [], ...profile } = rights;
  const user = await createUser(db, "TECHNICIAN", name);
  const technician = await db.technician.create({
    data: { userId: user.id, ...profile, managedTechnicians: { connect: manages.map((id) => ({ id })) } },
  });
  return { userId: user.id, technicianId: technician.id, actor: await actorFor(db, user.id) };
}

export async function createAdmin(db: Db, name = "Ada"): Promise<Person> {
  const user = await createUser(db, "ADMIN", name);
  return { userId: user.id, actor: await actorFor(db, user.id) };
}

export async function createCustomerUser(db: Db, customerId: string, name = "Carla"): Promise<Person> {
  const user = await createUser(db, "CUSTOMER", name);
  await db.customerUser.create({ data: { userId: user.id, customerId } });
  return { userId: user.id, actor: await actorFor(db, user.id) };
}

export const createUnit = (db: Db, customerId: string, unitNumber: string) =>
  db.unit.create({ data: { customerId, unitNumber } });

export const createWalk = (db: Db, customerId: string, technicianId: string) =>
  db.lotWalk.create({
    data: { id: randomUUID(), customerId, technicianId, status: "IN_PROGRESS", startedAt: new Date() },
  });

export const contextFor = (person: Person): ServiceContext => ({ actor: person.actor, origin: ORIGIN });

export const callerFor = (db: Db, person: Person | null) =>
  createCaller({ db, actor: person?.actor ?? null, origin: ORIGIN });

/** Photo metadata as a device sends it before uploading the bytes. */
export function photo(stage: PhotoStage): AttachmentInput {
  const sha256 = createHash("sha256").update(randomUUID()).digest("hex");
  return { id: randomUUID(), kind: "PHOTO", photoStage: stage, mimeType: "image/jpeg", sizeBytes: 120_000, sha256 };
}

/**
 * Acme (auto-approves lot repairs up to $100 with a damage photo) and Globex; Tina works for
 * manager Maya ($150 approval limit, may assign and override), Theo is outside Maya's team.
 */
export async function createWorld(db: Db) {
  const acme = await createCustomer(db, "Acme Rentals", {
    settings: { autoApproveLotRepairs: true, maxAutoApproveCents: 10_000, requirePhotoForApproval: true },
  });
  const globex = await createCustomer(db, "Globex Trucking");
  const tina = await createTechnician(db, "Tina");
  const theo = await createTechnician(db, "Theo");
  const maya = await createTechnician(db, "Maya", {
    isManager: true,
    approvalLimitCents: 15_000,
    canAssignWork: true,
    canOverridePricing: true,
    manages: [tina.technicianId],
  });
  const admin = await createAdmin(db);
  const carla = await createCustomerUser(db, acme.id, "Carla");
  const gus = await createCustomerUser(db, globex.id, "Gus");
  const walk = await createWalk(db, acme.id, tina.technicianId);
  return { acme, globex, tina, theo, maya, admin, carla, gus, walk };
}
export type World = Awaited<ReturnType<typeof createWorld>>;
