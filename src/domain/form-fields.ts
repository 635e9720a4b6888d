import { normalizeUnitNumber } from "./unit-number";

// Every text field a person types: its label, its longest length and the characters it may
// hold, declared once for the server's input schemas, the device's checks and the forms'
// maxLength. Ranges of numbers and dates follow, matched to the database's column types so a
// value that passes here can always be stored.

/**
 * What text may hold, once normalised to NFC (the same letters typed two ways are one value)
 * and trimmed:
 * - "identifier": unit numbers, names, phones: one line without controls, and without
 *   invisible or direction-changing characters that would make two look-alike values differ;
 * - "line": one line of free text without controls;
 * - "multiline": notes and reasons: new lines and tabs allowed, no other controls.
 * No kind may hold a lone surrogate (half of a character, which the database cannot store).
 */
export type TextKind = "identifier" | "line" | "multiline";
export type TextField = {
  readonly label: string;
  readonly maxLength: number;
  readonly kind: TextKind;
  /** The field's own spelling rule, applied once the text is accepted (unit numbers: normalizeUnitNumber). */
  readonly normalize?: (value: string) => string;
};

const field = (label: string, maxLength: number, kind: TextKind, normalize?: (value: string) => string): TextField =>
  normalize ? { label, maxLength, kind, normalize } : { label, maxLength, kind };

export const FIELDS = {
  /** Stored as normalizeUnitNumber spells it, so "ab-12" and "AB-12" are one unit everywhere. */
  unitNumber: field("Unit number", 50, "identifier", normalizeUnitNumber),
  assetTag: field("Asset tag", 40, "identifier"),
  vin: field("VIN", 50, "identifier"),
  make: field("Make", 100, "line"),
  model: field("Model", 100, "line"),
  personName: field("Name", 200, "identifier"),
  companyName: field("Name", 200, "identifier"),
  siteContactName: field("Site contact's name", 200, "identifier"),
  email: field("Email", 200, "identifier"),
  contactEmail: field("Contact email", 200, "identifier"),
  phone: field("Phone", 50, "identifier"),
  address: field("Address", 500, "multiline"),
  /** A customer site: "Main lot", "North yard". */
  siteName: field("Site name", 200, "line"),
  damagePosition: field("Position", 200, "line"),
  technicianNotes: field("Technician notes", 4000, "multiline"),
  customerNotes: field("Notes for the customer", 4000, "multiline"),
  pricingNotes: field("Notes on the agreement (internal)", 4000, "multiline"),
  /** Why a price was overridden, a repair denied or cancelled, a flag resolved, a walk approved. */
  reason: field("Reason", 1000, "multiline"),
  /** A message in a thread between a customer and the office (shown as text, never as HTML). */
  messageBody: field("Message", 4000, "multiline"),
  /** What a customer adds to a walk request or a windshield report. */
  requestNote: field("Note", 1000, "multiline"),
  search: field("Search", 100, "line"),
  /** "HH:MM" of working hours and lot-walking times. */
  timeOfDay: field("Time", 5, "line"),
  /** Filters and cursors the office screens send back (audit log, queue changes). */
  filter: field("Filter", 100, "line"),
  mimeType: field("File type", 100, "line"),
  partsItem: field("Part", 200, "line"),
  partsNote: field("Note", 1000, "multiline"),
  followUpNote: field("What to follow up", 1000, "multiline"),
  customerMessage: field("Message to the customer", 2000, "multiline"),
  templateName: field("Template name", 100, "line"),
  checklistItem: field("Checklist item", 200, "line"),
  /** An item of a customer's completion checklist (fleet settings), confirmed on every completion. */
  completionItem: field("Checklist item", 120, "line"),
  invoiceLine: field("Description", 200, "line"),
  paymentReference: field("Reference", 100, "line"),
  pointsNote: field("Note", 500, "line"),
  warrantyReason: field("What went wrong", 1000, "multiline"),
  surveyComment: field("Comment", 2000, "multiline"),
  reviewNotes: field("Notes", 2000, "multiline"),
} as const satisfies Record<string, TextField>;
export type FieldName = keyof typeof FIELDS;

/** Longest password a form sends (sign-in reads at most MAX_PASSWORD_LENGTH of it). */
export const PASSWORD_INPUT_MAX_LENGTH = 1000;

// C0 controls, DEL and C1 controls; multi-line text keeps \t and \n. Matching controls is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_TAB_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
// With the u flag a lone surrogate is a code point of its own: \p{Cs} matches only those.
const LONE_SURROGATE = /\p{Cs}/u;
// Format characters (zero-width spaces and joiners, bidi marks, embeddings, overrides and
// isolates, the BOM, soft hyphen, tags), private-use characters, line and paragraph
// separators, every space but the plain one, and the Hangul fillers that render as nothing.
const INVISIBLE = /[\p{Cf}\p{Co}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0]/u;

/** The stored form of `value`: NFC and trimmed; multi-line text ends its lines with \n. */
export function normalizeText(value: string, kind: TextKind): string {
  const nfc = value.normalize("NFC").trim();
  return kind === "multiline" ? nfc.replace(/\r\n?/g, "\n") : nfc;
}

/** Why `value` (normalized) may not be stored as this kind of text, as the end of a sentence; null when it may. */
export function textProblem(value: string, kind: TextKind): string | null {
  if (LONE_SURROGATE.test(value)) return "contains a broken character (half of a character pair)";
  if ((kind === "multiline" ? CONTROL_BUT_TAB_NEWLINE : CONTROL).test(value))
    return kind === "multiline"
      ? "contains a control character (only new lines and tabs are allowed)"
      : "contains a control character (a new line or tab, for instance)";
  if (kind === "identifier" && INVISIBLE.test(value))
    return "contains an invisible or direction-changing character (a zero-width space or a right-to-left mark, for instance)";
  return null;
}

export type CheckedText = { ok: true; value: string } | { ok: false; problem: string };

/** `value` as stored for `field`, or the sentence saying why it is refused ("Unit number contains…"). */
export function checkText(value: string, field: TextField): CheckedText {
  const text = normalizeText(value, field.kind);
  // Checked before the field's own rule, which could turn a refused tab into a space.
  const problem = textProblem(text, field.kind);
  if (problem) return { ok: false, problem: `${field.label} ${problem}.` };
  const normalized = field.normalize ? field.normalize(text) : text;
  if (normalized.length > field.maxLength)
    return { ok: false, problem: `${field.label} has at most ${field.maxLength} characters.` };
  return { ok: true, value: normalized };
}

/** The first refusal among the given fields' values (absent ones skipped), or null: what the device checks before queueing. */
export function firstTextProblem(values: Partial<Record<FieldName, string | null | undefined>>): string | null {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null) continue;
    const checked = checkText(value, FIELDS[name as FieldName]);
    if (!checked.ok) return checked.problem;
  }
  return null;
}

// PostgreSQL's integer (int4): every amount in cents and every count is stored in one.
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;

/** Money in cents as the database stores it: $21,474,836.47 at most. */
export const CENTS_RANGE = { min: INT4_MIN, max: INT4_MAX } as const;

/**
 * Dates of the business's records (captures, walks, completions, a windshield's replacement):
 * a device whose clock or data went wrong is refused rather than stored decades away.
 */
export const EARLIEST_DATE = new Date(Date.UTC(2000, 0, 1));
export const LATEST_DATE = new Date(Date.UTC(2100, 0, 1));
export const DATE_RANGE_TEXT = "must be between 2000 and 2100";

/** Ranges of the numbers a capture or an estimate carries. */
export const NUMBER_RANGES = {
  latitude: { min: -90, max: 90 },
  longitude: { min: -180, max: 180 },
  windshieldTemperatureC: { min: -60, max: 90 },
  /** Breaks captured together on one unit, counted from 0. */
  breakIndex: { min: 0, max: 99 },
  /** Breaks a customer may ask an estimate for at once. */
  breaksPerEstimate: { min: 1, max: 20 },
  /** Units and repairs listed on a signed walk summary. */
  unitsPerWalkSummary: { min: 0, max: 2000 },
  repairsPerSummaryUnit: { min: 0, max: 100 },
} as const;

/** How many items one request may carry. */
export const COUNT_LIMITS = {
  attachmentsPerRepair: 20,
  /** Repairs approved, denied or cancelled together. */
  repairsPerDecision: 500,
  /** Technicians named at once (a team, a customer's preferred or blocked list). */
  techniciansPerList: 200,
  weekdays: 7,
  repairsPerPage: 100,
  /** Size a file's metadata may claim before its kind's own limit is checked (attachment-rules.ts). */
  attachmentBytes: 50 * 1024 * 1024,
} as const;
