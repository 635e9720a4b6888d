import { type Actor, actorKind, type TechnicianProfile, teamOf } from "./actors";
import { DomainError } from "./errors";
import { type Cents, formatCents } from "./money";
import { type Status } from "./status";

// Who may do what (docs/architecture.md, "People"), as one function. The transition table
// says which kind of actor may change a status; this adds who owns what, team boundaries
// and money limits. A customer user never reaches another customer's data.

export type RepairRef = {
  customerId: string;
  /** null = unassigned (explicit, and visible to whoever may assign it). */
  technicianId: string | null;
  priceCents: Cents;
  status: Status;
};
export type CustomerRef = { customerId: string };
/** technicianId is null while a planned walk waits for the office to assign it. */
export type WalkRef = { technicianId: string | null; customerId: string };
/** A walk at a customer's lot, and whether that customer has blocked the walk's technician from its lots. */
export type LotWalkRef = WalkRef & { blockedByCustomer: boolean };

/** A repair someone wants to take, and whether its customer has blocked the one taking it. */
export type ClaimRef = { repair: RepairRef; blockedByCustomer: boolean };
/** A template's owner: a technician's own, or company-wide (null). */
export type TemplateRef = { ownerTechnicianId: string | null };

/** A message thread: a repair's (its repair as the rules see it) or the customer's general one (repair null). */
export type ThreadRef = { customerId: string; repair: RepairRef | null };

/** The resource each action is decided on. */
export type PermissionResources = {
  "repair.view": RepairRef;
  /** Capturing a repair happens on a walk; so does receiving a lot's units before walking it (sync.prepare). */
  "repair.capture": LotWalkRef;
  "repair.request": CustomerRef;
  "repair.approve": RepairRef;
  "repair.deny": RepairRef;
  "repair.assign": { repair: RepairRef; targetTechnicianId: string };
  "repair.overridePrice": { repair: RepairRef; amountCents: Cents; reason: string };
  "repair.start": RepairRef;
  "repair.complete": RepairRef;
  /** A damage or after photo added to an existing repair (from the device, offline). */
  "repair.addPhoto": RepairRef;
  "repair.cancel": RepairRef;
  "repair.invoice": RepairRef;
  "repair.close": RepairRef;
  /** Settling a flag raised when a device and the server disagreed. */
  "repair.resolveFlag": RepairRef;
  /** "Assign to Me": a technician takes unassigned work at a customer that has not blocked them. */
  "repair.claim": ClaimRef;
  /** Quick actions on a repair the actor works or oversees: urgency, send to the customer, follow-up, parts. */
  "repair.markUrgent": RepairRef;
  "repair.sendToCustomer": RepairRef;
  "repair.followUp": RepairRef;
  "repair.requestParts": RepairRef;
  /** A saved pattern (damage, position, notes, checklist) written onto an open repair. */
  "repair.applyTemplate": RepairRef;
  /** The office's side of a parts request on this repair: acknowledge, fulfil, cancel. */
  "parts.manage": RepairRef;
  /** A technician's own star on a customer they may serve. */
  "customer.favorite": { customerId: string; blockedByCustomer: boolean };
  /** What was sent to a customer's portal inbox. */
  "customer.inbox.view": CustomerRef;
  /** Creating, editing, deleting a repair template; ownerTechnicianId null = company-wide. */
  "template.manage": TemplateRef;
  "customer.create": null;
  "customer.settings.view": CustomerRef;
  "customer.settings.edit": CustomerRef;
  "customer.preferences.edit": CustomerRef;
  /** The customer's price list and approval settings, cached on devices for offline estimates. */
  "customer.priceList.view": CustomerRef;
  /** A customer's invoices, credit notes and payments (also their PDF). */
  "invoice.view": CustomerRef;
  /** Generating, issuing, voiding invoices and recording payments: the business's books. */
  "invoice.manage": null;
  /** A customer's points balance, ledger and referral. */
  "rewards.view": CustomerRef;
  /** Redeeming a customer's points, setting who referred it, granting points the check found missing. */
  "rewards.manage": CustomerRef;
  /** Confirming a windshield replacement: pricing history restarts on the new windshield. */
  "unit.replaceWindshield": CustomerRef;
  /** A customer reports a windshield replaced; the office confirms it before pricing restarts. */
  "unit.reportWindshield": CustomerRef;
  /** Reading and writing a message thread between a customer and the office. */
  "message.thread": ThreadRef;
  /** A customer asks for a lot walk on a date, or withdraws that request before the office plans it. */
  "walk.request": CustomerRef;
  /** Registering, editing and importing a customer's units. */
  "unit.edit": CustomerRef;
  /** Starting a walk at a customer's lot. */
  "walk.start": LotWalkRef;
  /** Finishing a walk (its site contact's signature). */
  "walk.write": WalkRef;
  /** A walk's record and what came with it (the site contact's signature). */
  "walk.view": WalkRef;
  /** A technician's day in driving order (their walks and on-call work, with sites). */
  "technician.day.view": { technicianId: string };
  /**
   * The office plans a walk: creates a one-off, moves, cancels or (re)assigns one. `walk` is the
   * walk as it stands (a new one: unassigned), `targetTechnicianId` who will walk it afterwards.
   */
  "walk.plan": { walk: WalkRef; targetTechnicianId: string | null; targetBlocked: boolean };
  /** Generating the planned walks of every customer's schedule now. */
  "walk.generate": null;
  /** A customer's sites (addresses and coordinates of its lots). */
  "customer.sites.view": CustomerRef;
  "customer.sites.edit": CustomerRef;
  "audit.view": null;
  /** Accounts, roles, passwords, technicians' rights and teams. */
  "user.manage": null;
};

export type PermissionAction = keyof PermissionResources;

export type DenialCode =
  | "FORBIDDEN" // this role never may
  | "INACTIVE_TECHNICIAN"
  | "OTHER_CUSTOMER" // a customer user reaching outside their company
  | "NOT_YOURS" // a technician reaching a repair or walk that is not theirs
  | "OUTSIDE_TEAM" // a manager reaching beyond self + managed technicians
  | "UNASSIGNED" // work must be assigned before it is started or completed
  | "OVER_APPROVAL_LIMIT"
  | "TECHNICIAN_BLOCKED" // the customer has blocked this technician from its lots
  | "REASON_REQUIRED"
  | "INVALID_AMOUNT"
  | "PRICE_LOCKED" // invoiced, closed, denied or cancelled: the price can no longer be overridden
  | "REPAIR_CLOSED" // denied, cancelled, invoiced or closed: its record no longer takes photos
  | "ALREADY_ASSIGNED"; // "Assign to Me" on work someone already has

export type Decision = { allowed: true } | { allowed: false; code: DenialCode; reason: string };

export class PermissionDenied extends DomainError {
  constructor(
    readonly code: DenialCode,
    readonly action: PermissionAction,
    message: string,
  ) {
    super(message);
  }
}

/** Statuses in which a price override is refused: the invoice (or the end of the repair) fixed it. */
export const OVERRIDE_LOCKED_STATUSES: readonly Status[] = ["INVOICED", "CLOSED", "DENIED", "CANCELLED"];

const ALLOW: Decision = { allowed: true };
const deny = (code: DenialCode, reason: string): Decision => ({ allowed: false, code, reason });

type Staff = { technician: TechnicianProfile; team: ReadonlySet<string> };
type Who =
  | { kind: "admin" }
  | { kind: "customer"; customerId: string }
  | ({ kind: "technician" } & Staff)
  | ({ kind: "manager" } & Staff);

/** What each kind may do; a missing kind is refused as FORBIDDEN. */
type Rules<R> = {
  admin?: (resource: R) => Decision;
  customer?: (customerId: string, resource: R) => Decision;
  technician?: (staff: Staff, resource: R) => Decision;
  manager?: (staff: Staff, resource: R) => Decision;
};

const always = (): Decision => ALLOW;

const ownCompany = (customerId: string, resource: { customerId: string }): Decision =>
  customerId === resource.customerId ? ALLOW : deny("OTHER_CUSTOMER", "this belongs to another customer");

/** A plain technician reaches only the repairs assigned to them. */
const ownRepair = ({ technician }: Staff, repair: RepairRef): Decision =>
  repair.technicianId === technician.id ? ALLOW : deny("NOT_YOURS", "this repair is not assigned to you");

/** A manager reaches their own, their managed technicians' and unassigned work. */
const teamOrUnassigned = ({ team }: Staff, repair: RepairRef): Decision =>
  repair.technicianId === null || team.has(repair.technicianId)
    ? ALLOW
    : deny("OUTSIDE_TEAM", "this repair belongs to a technician outside your team");

/** Doing the work needs a technician on it. */
const teamWork = (staff: Staff, repair: RepairRef): Decision =>
  repair.technicianId === null
    ? deny("UNASSIGNED", "assign this repair before working on it")
    : teamOrUnassigned(staff, repair);

const ownWalk = ({ technician }: Staff, walk: WalkRef): Decision =>
  walk.technicianId === technician.id ? ALLOW : deny("NOT_YOURS", "this walk is not yours");

const teamWalk = ({ team }: Staff, walk: WalkRef): Decision =>
  walk.technicianId === null || team.has(walk.technicianId)
    ? ALLOW
    : deny("OUTSIDE_TEAM", "this walk belongs to a technician outside your team");

/** A customer may block technicians from its lots: whoever acts, a blocked technician neither walks nor captures there. */
const notBlocked = (walk: LotWalkRef): Decision =>
  walk.blockedByCustomer
    ? deny("TECHNICIAN_BLOCKED", "this customer has blocked this technician from its lots")
    : ALLOW;

/** Work on a customer's lot: the walk's own rule for who may act, then the customer's block list. */
const onLot: Rules<LotWalkRef> = {
  admin: notBlocked,
  technician: (staff, walk) =>
    all(
      () => ownWalk(staff, walk),
      () => notBlocked(walk),
    ),
  manager: (staff, walk) =>
    all(
      () => teamWalk(staff, walk),
      () => notBlocked(walk),
    ),
};

const withinLimit = (technician: TechnicianProfile, cents: Cents, what: string): Decision =>
  technician.approvalLimitCents === null || cents <= technician.approvalLimitCents
    ? ALLOW
    : deny(
        "OVER_APPROVAL_LIMIT",
        `${what} ${formatCents(cents)} is over your ${formatCents(technician.approvalLimitCents)} approval limit`,
      );

/** Statuses in which a repair takes no more photos: refused or withdrawn, or its invoice is made. */
export const PHOTO_LOCKED_STATUSES: readonly Status[] = ["DENIED", "CANCELLED", "INVOICED", "CLOSED"];

const takesPhotos = (repair: RepairRef): Decision =>
  PHOTO_LOCKED_STATUSES.includes(repair.status)
    ? deny("REPAIR_CLOSED", `a repair that is ${repair.status.toLowerCase()} takes no more photos`)
    : ALLOW;

/** Unassigned work only, and never at a customer that has blocked the one taking it. */
function claim(_staff: Staff, { repair, blockedByCustomer }: ClaimRef): Decision {
  if (repair.technicianId !== null) return deny("ALREADY_ASSIGNED", "this repair is already assigned");
  return blockedByCustomer ? deny("TECHNICIAN_BLOCKED", "this customer has blocked you from its lots") : ALLOW;
}

const notBlockingMe = (_staff: Staff, { blockedByCustomer }: { blockedByCustomer: boolean }): Decision =>
  blockedByCustomer ? deny("TECHNICIAN_BLOCKED", "this customer has blocked you from its lots") : ALLOW;

/** Runs checks in order; the first refusal wins. */
const all = (...checks: (() => Decision)[]): Decision => {
  for (const check of checks) {
    const decision = check();
    if (!decision.allowed) return decision;
  }
  return ALLOW;
};

/** Approving or denying a pending repair: the same authority, including the manager's money limit. */
const decideOnPending: Rules<RepairRef> = {
  admin: always,
  customer: ownCompany,
  manager: (staff, repair) =>
    all(
      () => teamOrUnassigned(staff, repair),
      () => withinLimit(staff.technician, repair.priceCents, "the repair's price"),
    ),
};

const POLICIES: { [A in PermissionAction]: Rules<PermissionResources[A]> } = {
  "repair.view": { admin: always, customer: ownCompany, technician: ownRepair, manager: teamOrUnassigned },
  "repair.capture": onLot,
  "repair.request": { admin: always, customer: ownCompany },
  "repair.approve": decideOnPending,
  "repair.deny": decideOnPending,
  "repair.assign": {
    admin: always,
    manager: (staff, { repair, targetTechnicianId }) =>
      all(
        () => (staff.technician.canAssignWork ? ALLOW : deny("FORBIDDEN", "you may not assign work")),
        () => teamOrUnassigned(staff, repair),
        () =>
          staff.team.has(targetTechnicianId)
            ? ALLOW
            : deny("OUTSIDE_TEAM", "you may assign work only to yourself or technicians you manage"),
      ),
  },
  "repair.overridePrice": {
    admin: (resource) => overrideBasics(resource),
    manager: (staff, resource) =>
      all(
        () => (staff.technician.canOverridePricing ? ALLOW : deny("FORBIDDEN", "you may not override prices")),
        () => overrideBasics(resource),
        () => teamOrUnassigned(staff, resource.repair),
        // The price before the override too: otherwise a manager could lower a repair over their
        // limit to within it and then approve it; such a repair is left to a higher limit.
        () => withinLimit(staff.technician, resource.repair.priceCents, "the repair's price"),
        () => withinLimit(staff.technician, resource.amountCents, "the override"),
      ),
  },
  "repair.start": { admin: always, technician: ownRepair, manager: teamWork },
  "repair.complete": { admin: always, technician: ownRepair, manager: teamWork },
  // Whoever may work the repair, while it is still open (or just completed: an after photo).
  "repair.addPhoto": {
    admin: takesPhotos,
    technician: (staff, repair) =>
      all(
        () => ownRepair(staff, repair),
        () => takesPhotos(repair),
      ),
    manager: (staff, repair) =>
      all(
        () => teamWork(staff, repair),
        () => takesPhotos(repair),
      ),
  },
  "repair.cancel": { admin: always, customer: ownCompany, manager: teamOrUnassigned },
  "repair.invoice": { admin: always },
  "repair.close": { admin: always },
  "repair.resolveFlag": { admin: always, manager: teamOrUnassigned },
  // Only a technician (or manager) can take work for themself; an admin has no technician profile.
  "repair.claim": { technician: claim, manager: claim },
  "repair.markUrgent": { admin: always, technician: ownRepair, manager: teamOrUnassigned },
  "repair.sendToCustomer": { admin: always, technician: ownRepair, manager: teamOrUnassigned },
  "repair.followUp": { admin: always, technician: ownRepair, manager: teamOrUnassigned },
  "repair.requestParts": { admin: always, technician: ownRepair, manager: teamOrUnassigned },
  "repair.applyTemplate": { admin: always, technician: ownRepair, manager: teamOrUnassigned },
  "parts.manage": { admin: always, manager: teamOrUnassigned },
  "customer.favorite": { technician: notBlockingMe, manager: notBlockingMe },
  "customer.inbox.view": { admin: always, customer: ownCompany },
  "template.manage": {
    admin: always,
    // A manager keeps the company-wide patterns as well as their own.
    manager: ({ technician }, { ownerTechnicianId }) =>
      ownerTechnicianId === null || ownerTechnicianId === technician.id
        ? ALLOW
        : deny("NOT_YOURS", "this template belongs to another technician"),
    technician: ({ technician }, { ownerTechnicianId }) =>
      ownerTechnicianId === technician.id ? ALLOW : deny("NOT_YOURS", "you may change only your own templates"),
  },
  "customer.create": { admin: always },
  "customer.settings.view": { admin: always, customer: ownCompany },
  "customer.settings.edit": { admin: always },
  "customer.preferences.edit": { admin: always, customer: ownCompany },
  "customer.priceList.view": { admin: always, customer: ownCompany, technician: always, manager: always },
  "invoice.view": { admin: always, manager: always, customer: ownCompany },
  "invoice.manage": { admin: always },
  "rewards.view": { admin: always, customer: ownCompany },
  "rewards.manage": { admin: always },
  "unit.replaceWindshield": { admin: always, manager: always },
  "unit.reportWindshield": { admin: always, customer: ownCompany },
  // The office (admins, managers within their team) and the customer's users; a technician only
  // the threads of their own repairs (answered from the phone).
  "message.thread": {
    admin: always,
    customer: ownCompany,
    manager: (staff, { repair }) => (repair ? teamOrUnassigned(staff, repair) : ALLOW),
    technician: (staff, { repair }) =>
      repair
        ? ownRepair(staff, repair)
        : deny("FORBIDDEN", "a technician answers only the threads of their own repairs"),
  },
  "walk.request": { admin: always, customer: ownCompany },
  // A customer user keeps their own fleet's list: adds, edits and imports units.
  "unit.edit": { admin: always, customer: ownCompany },
  "walk.start": onLot,
  "walk.write": { admin: always, technician: ownWalk, manager: teamWalk },
  // The customer signed the walk's summary: they may read it, like their repairs.
  "walk.view": { admin: always, customer: ownCompany, technician: ownWalk, manager: teamWalk },
  "technician.day.view": {
    admin: always,
    technician: ({ technician }, { technicianId }) =>
      technicianId === technician.id ? ALLOW : deny("NOT_YOURS", "you may see only your own day"),
    manager: ({ team }, { technicianId }) =>
      team.has(technicianId) ? ALLOW : deny("OUTSIDE_TEAM", "this technician is outside your team"),
  },
  "walk.plan": {
    admin: ({ targetBlocked }) => notBlockedTarget(targetBlocked),
    manager: (staff, { walk, targetTechnicianId, targetBlocked }) =>
      all(
        () => teamWalk(staff, walk),
        () =>
          targetTechnicianId === null || staff.team.has(targetTechnicianId)
            ? ALLOW
            : deny("OUTSIDE_TEAM", "you may plan walks only for yourself or technicians you manage"),
        () => notBlockedTarget(targetBlocked),
      ),
  },
  "walk.generate": { admin: always, manager: always },
  "customer.sites.view": { admin: always, manager: always },
  "customer.sites.edit": { admin: always },
  "audit.view": { admin: always },
  "user.manage": { admin: always },
};

const notBlockedTarget = (blocked: boolean): Decision =>
  blocked ? deny("TECHNICIAN_BLOCKED", "this customer has blocked this technician from its lots") : ALLOW;

function overrideBasics({ repair, amountCents, reason }: PermissionResources["repair.overridePrice"]): Decision {
  if (!reason.trim()) return deny("REASON_REQUIRED", "a price override needs a reason");
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    return deny("INVALID_AMOUNT", "an override is a whole number of cents, zero or more");
  }
  if (OVERRIDE_LOCKED_STATUSES.includes(repair.status)) {
    return deny("PRICE_LOCKED", `the price of a repair that is ${repair.status.toLowerCase()} cannot be changed`);
  }
  return ALLOW;
}

function whoIs(actor: Actor): Who | Decision {
  const kind = actorKind(actor);
  if (kind === "admin") return { kind };
  if (kind === "customer") {
    return actor.customerId
      ? { kind, customerId: actor.customerId }
      : deny("FORBIDDEN", "this account belongs to no customer");
  }
  const technician = actor.technician;
  if (!technician) return deny("FORBIDDEN", "this account has no technician profile");
  if (!technician.isActive) return deny("INACTIVE_TECHNICIAN", "this technician account is not active");
  return { kind, technician, team: teamOf(technician) };
}

/** May `actor` do `action` on `resource`? A refusal carries a code for programs and a reason for people. */
export function decide<A extends PermissionAction>(
  actor: Actor,
  action: A,
  resource: PermissionResources[A],
): Decision {
  const who = whoIs(actor);
  if ("allowed" in who) return who;
  const rules: Rules<PermissionResources[A]> = POLICIES[action];
  const forbidden = deny("FORBIDDEN", `a ${who.kind} may not ${action}`);
  switch (who.kind) {
    case "admin":
      return rules.admin ? rules.admin(resource) : forbidden;
    case "customer":
      return rules.customer ? rules.customer(who.customerId, resource) : forbidden;
    case "technician":
      return rules.technician ? rules.technician(who, resource) : forbidden;
    case "manager":
      return rules.manager ? rules.manager(who, resource) : forbidden;
  }
}

/** Throws PermissionDenied when `decide` refuses. */
export function assertAllowed<A extends PermissionAction>(
  actor: Actor,
  action: A,
  resource: PermissionResources[A],
): void {
  const decision = decide(actor, action, resource);
  if (!decision.allowed) throw new PermissionDenied(decision.code, action, decision.reason);
}
