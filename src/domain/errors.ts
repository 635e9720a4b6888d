// Every refusal the app answers with has a stable code. This table is the one place that says
// which HTTP status and which tRPC code each one travels with: the tRPC error mapping
// (src/server/api/trpc.ts) and the HTTP routes (src/server/http/refusal-response.ts) both read
// it, and screens and retry policies branch on the code, never on the message.

/** The tRPC error codes a refusal may travel as (a subset of @trpc/server's, kept here to stay pure). */
export type TrpcErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE_CONTENT"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_SERVER_ERROR";

export type RefusalKind = { readonly status: number; readonly trpc: TrpcErrorCode };

const badRequest = { status: 400, trpc: "BAD_REQUEST" } as const;
const unauthorized = { status: 401, trpc: "UNAUTHORIZED" } as const;
const forbidden = { status: 403, trpc: "FORBIDDEN" } as const;
const notFound = { status: 404, trpc: "NOT_FOUND" } as const;
const conflict = { status: 409, trpc: "CONFLICT" } as const;

export const REFUSALS = {
  // Requests as such
  UNAUTHORIZED: unauthorized, // signed out, or the session ended
  BAD_INPUT: badRequest, // the input's shape (zod)
  SERVER_ERROR: { status: 500, trpc: "INTERNAL_SERVER_ERROR" }, // unexpected: the only one worth retrying
  NOT_FOUND: notFound, // also when the actor may not see the record, so nothing leaks
  CROSS_SITE_REQUEST: forbidden, // a page of another site sent it (src/server/http/cross-site.ts)
  JSON_REQUIRED: { status: 415, trpc: "UNSUPPORTED_MEDIA_TYPE" }, // a form posted to the tRPC API
  BODY_TOO_LARGE: { status: 413, trpc: "PAYLOAD_TOO_LARGE" }, // over its route's limit (src/server/http/body-limit.ts)
  RATE_LIMITED: { status: 429, trpc: "TOO_MANY_REQUESTS" }, // a public API key's token bucket is empty
  SCOPE_MISSING: forbidden, // the API key was not given the scope this operation needs
  IDEMPOTENCY_KEY_REUSED: { status: 422, trpc: "UNPROCESSABLE_CONTENT" }, // same Idempotency-Key, another request
  IDEMPOTENCY_IN_PROGRESS: conflict, // the first request with this Idempotency-Key is still running
  INVALID_WEBHOOK_URL: badRequest, // malformed, or (in production) pointing at a private address
  WEBHOOK_DISABLED: conflict, // replay or test of a disabled webhook: enable it first

  // Who may do what (permissions.ts)
  FORBIDDEN: forbidden,
  INACTIVE_TECHNICIAN: forbidden,
  OTHER_CUSTOMER: forbidden,
  NOT_YOURS: forbidden,
  OUTSIDE_TEAM: forbidden,
  UNASSIGNED: forbidden,
  OVER_APPROVAL_LIMIT: forbidden,
  REASON_REQUIRED: forbidden,
  PRICE_LOCKED: forbidden,
  REPAIR_CLOSED: conflict, // denied, cancelled, invoiced or closed: no more photos
  TECHNICIAN_BLOCKED: forbidden, // the customer has blocked this technician from its lots
  ALREADY_ASSIGNED: conflict, // "Assign to Me" on work someone already has
  WALK_CHANGED: conflict, // "approve whole walk" confirmed for a count the walk no longer has
  /** A value that should be money, a count or a percentage is not a usable number. */
  INVALID_AMOUNT: badRequest,

  // Statuses (transitions.ts)
  NO_SUCH_TRANSITION: conflict,
  ACTOR_NOT_ALLOWED: conflict,
  PRECONDITION_FAILED: conflict,

  // Prices, business time (pricing-rules.ts, business-month.ts)
  INVALID_PRICING_RULES: badRequest,
  INVALID_REPAIR_COUNT: badRequest,
  INVALID_OVERRIDE: badRequest,
  INVALID_BUSINESS_TIME: badRequest,
  INVALID_PERIOD: badRequest, // an analytics period ending before it starts, or a custom one over 5 years

  // Accounts, teams, fleet settings, units (accounts.ts, team.ts, fleet-settings.ts, unit-records.ts)
  WEAK_PASSWORD: badRequest,
  ROLE_CHANGE_REFUSED: badRequest,
  OWN_ACCOUNT: badRequest,
  EMAIL_IN_USE: badRequest,
  MANAGES_SELF: badRequest,
  MANAGEMENT_CYCLE: badRequest,
  TEAM_WITHOUT_MANAGER: badRequest,
  INVALID_APPROVAL_LIMIT: badRequest,
  INVALID_WORKING_HOURS: badRequest,
  INVALID_FLEET_SIZE: badRequest,
  INVALID_WEEKDAY: badRequest,
  SCHEDULE_WITHOUT_DAYS: badRequest,
  INVALID_TIME_OF_DAY: badRequest,
  INVALID_AUTO_APPROVE_LIMIT: badRequest,
  TECHNICIAN_PREFERRED_AND_BLOCKED: badRequest,
  INVALID_UNIT: badRequest,
  UNIT_NUMBER_IN_USE: badRequest,
  ASSET_TAG_IN_USE: badRequest,
  CUSTOMER_REQUIRED: badRequest,

  // Smart assignment (assignment-score.ts)
  INVALID_ASSIGNMENT_WEIGHTS: badRequest, // the five weights must add up to 1
  NO_ELIGIBLE_TECHNICIAN: conflict, // nobody the actor may choose can take this work

  // Flags (flags.ts)
  NOT_FLAGGED: badRequest,
  FLAG_ALREADY_RESOLVED: badRequest,
  NOTE_REQUIRED: badRequest,

  // Walks and captures (walks.ts)
  WALK_NOT_STARTED: badRequest,
  WALK_CANCELLED: badRequest,
  WALK_COMPLETED: badRequest,
  WALK_ALREADY_FINISHED: badRequest,
  TECHNICIAN_REQUIRED: badRequest,
  ID_IN_USE: badRequest,

  // Planned walks and customer sites (walk-schedule.ts)
  WALK_IN_PAST: badRequest,
  WALKS_OVERLAP: conflict, // the technician already has a walk in that time window
  INVALID_WALK_DATE: badRequest,
  SITE_OF_OTHER_CUSTOMER: badRequest,
  INVALID_COORDINATES: badRequest,
  WALK_REQUEST_NOT_CANCELLABLE: conflict, // the office planned or started the walk the customer asked for
  WINDSHIELD_REPORT_OPEN: conflict, // a report on this unit already waits for the office
  WINDSHIELD_REPORT_DECIDED: conflict, // confirmed or rejected already
  WALK_NOT_PLANNED: conflict, // started, finished or cancelled: it can no longer be moved or reassigned

  // Quick actions, parts requests, follow-ups, templates (quick-actions.ts)
  INVALID_PARTS_REQUEST: badRequest,
  PARTS_REQUEST_CLOSED: conflict, // fulfilled or cancelled, or the step is out of order
  INVALID_FOLLOW_UP: badRequest,
  INVALID_TEMPLATE: badRequest,
  TEMPLATE_NOT_APPLICABLE: conflict, // the repair is done or ended: its record is history

  // The completion checklist of a customer's fleet settings (completion-checklist.ts)
  INVALID_CHECKLIST: badRequest, // too many items, too long, repeated
  CHECKLIST_INCOMPLETE: conflict, // a completion that does not confirm every item the customer requires

  // Quality: warranty claims, surveys, peer reviews (warranty.ts, peer-review.ts, survey.ts)
  WARRANTY_NOT_COMPLETED: conflict, // a claim on a repair that was never completed
  WARRANTY_EXPIRED: conflict, // the message gives the warranty's last day
  SURVEY_ANSWERED: conflict, // a survey link used a second time
  INVALID_SURVEY: badRequest, // stars outside 1-5, a comment too long
  REVIEW_NOT_ALLOWED: forbidden, // a manager's own work, or a reviewer who is not a manager
  INVALID_REVIEW: badRequest, // a rubric score outside 1-5
  PHOTO_PAIR_REQUIRED: conflict, // a completion with a damage photo that has no after photo (photo-pairs.ts)

  // Invoices and payments (billing/invoice-rules.ts)
  INVALID_INVOICE: badRequest, // discounts above the repairs, a number out of range
  INVOICE_EMPTY: badRequest, // an invoice with no repair line
  PAYMENT_REFUSED: badRequest, // zero, negative, above the balance, on a void or draft invoice
  INVOICE_NOT_DRAFT: conflict, // issued, paid or void: an issued invoice is never edited
  INVOICE_HAS_PAYMENTS: conflict, // paid in part: payments are refunded before it can be voided
  // Rewards and referrals (rewards.ts)
  INVALID_REWARD_SETTINGS: badRequest,
  INVALID_REDEMPTION: badRequest, // 0 or fewer points, or worth less than a cent
  POINTS_OVER_BALANCE: conflict, // redeeming more points than the customer has
  INVALID_REFERRAL: badRequest, // self-referral, or a referral both ways

  // Attachments and their uploads (attachment-rules.ts; docs/sync-protocol.md §3)
  WRONG_FILE_TYPE: { status: 415, trpc: "UNSUPPORTED_MEDIA_TYPE" },
  FILE_TOO_LARGE: { status: 413, trpc: "PAYLOAD_TOO_LARGE" },
  EMPTY_FILE: badRequest,
  OFFSET_MISMATCH: conflict,
  CHECKSUM_MISMATCH: { status: 422, trpc: "UNPROCESSABLE_CONTENT" },
  CHUNK_TOO_LARGE: badRequest,
  EMPTY_CHUNK: badRequest,
  MORE_BYTES_THAN_DECLARED: badRequest,
  CONTENT_NOT_OF_TYPE: { status: 415, trpc: "UNSUPPORTED_MEDIA_TYPE" },
  UPLOAD_QUOTA_EXCEEDED: { status: 429, trpc: "TOO_MANY_REQUESTS" },
} as const satisfies Record<string, RefusalKind>;

export type RefusalCode = keyof typeof REFUSALS;

export function isRefusalCode(code: unknown): code is RefusalCode {
  return typeof code === "string" && Object.hasOwn(REFUSALS, code);
}

// Every rule broken inside the domain surfaces as a DomainError with a stable `code` from the
// table above, so server code can map it to a response (and the UI to a message) without
// parsing text.
export abstract class DomainError extends Error {
  abstract readonly code: RefusalCode;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    // Keeps `instanceof` working whatever the compile target.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A value that should be money, a count or a percentage is not a usable number. */
export class InvalidAmount extends DomainError {
  readonly code = "INVALID_AMOUNT";
}
