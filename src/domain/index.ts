// Public API of the business rules. Pure TypeScript: no framework, database or Node import,
// so the same code runs on the server and in the browser (offline estimates and approvals).

export {
  DomainError,
  InvalidAmount,
  REFUSALS,
  type RefusalCode,
  type RefusalKind,
  type TrpcErrorCode,
  isRefusalCode,
} from "./errors";
export { TRPC_BODY_BYTES, TRPC_MAX_BATCH_CALLS } from "./api-limits";
export {
  type Cents,
  assertCents,
  assertNonNegativeCents,
  dollarsToCents,
  formatCents,
  percentOfCents,
  sumCents,
} from "./money";
export { type BasisPoints, assertPercentBasisPoints, formatBasisPoints, percentToBasisPoints } from "./percent";
export { ordinalWord } from "./ordinal";
export {
  clock24Text,
  dateText,
  dateTimeText,
  dayMonthText,
  groupedInteger,
  hourMinuteText,
  localIsoDate,
  shortDateTimeText,
  timeText,
  utcWeekdayMonthDayText,
  weekdayDateTimeText,
  weekdayMonthDayText,
} from "./display-format";
export { byName } from "./name-order";
export {
  InvalidBusinessTime,
  businessYear,
  countInSameMonth,
  dayKey,
  monthKey,
  sameBusinessDay,
} from "./business-month";
export {
  type CustomTiersCents,
  DEFAULT_PRICING_RULES,
  DEFAULT_TIERS_CENTS,
  PricingError,
  type PricingErrorCode,
  type PricingRules,
  type TierSource,
  assertPricingRules,
  tierOrdinal,
  tierPrice,
} from "./pricing-rules";
export { type VolumeDiscountInput, monthPosition, volumeDiscountCents } from "./volume-discount";
export {
  type PriceQuote,
  type PriceRepairInput,
  type PriceSource,
  overriddenQuote,
  warrantyQuote,
  priceRepair,
  quotesDiffer,
} from "./pricing";
export { type EstimateJobInput, type JobEstimate, estimateJob } from "./estimate";
export { type FrozenQuote, freezeQuote, isFrozen, repriceIfNotFrozen } from "./frozen-quote";
export {
  type ApprovalSettings,
  type AutoApprovalDecision,
  type AutoApprovalInput,
  type AutoApprovalRule,
  type PendingReasonInput,
  autoApprovalDisagrees,
  autoApprovalFor,
  currentApprovalReason,
} from "./approval";
export { type AssigneeCandidate, assignableTechnicians, assignmentRefusal } from "./assignment";
export {
  type AssignmentJob,
  type AssignmentReasons,
  type Ranking,
  type ScoredCandidate,
  type ScoringCandidate,
  InvalidAssignmentWeights,
  PREFERRED_BONUS,
  assertAssignmentWeights,
  WEIGHT_SUM_TOLERANCE,
  assignmentReasons,
  reasonsInWords,
  normaliseWeights,
  rankCandidates,
  weightsProblem,
  weightsSum,
} from "./assignment-score";
export {
  FlagRefused,
  type FlagRefusedCode,
  type FlagState,
  assertFlagResolvable,
  flagIsOpen,
  flagSettledBy,
} from "./flags";
export { WEEKDAYS, type Weekday, isTimeOfDay, isWeekday } from "./week";
export {
  type FleetSettings,
  FleetSettingsRefused,
  type FleetSettingsRefusedCode,
  assertFleetSettings,
  lotWalkingSchedule,
  lotWalkingWeekdays,
} from "./fleet-settings";
export {
  COMBINED_CHECKLIST_MAX,
  COMPLETION_CHECKLIST_MAX,
  ChecklistRefused,
  type ChecklistRefusedCode,
  type ConfirmedChecklistItem,
  checkCompletionChecklist,
  checklistItemsOf,
  completionItemsFor,
  confirmChecklist,
  confirmedChecklistOf,
  missingChecklistItems,
  templateChecklistDone,
  templateChecklistOf,
} from "./completion-checklist";
export {
  type TechnicianSettings,
  TeamRefused,
  type TeamRefusedCode,
  type WorkingHours,
  assertTechnicianSettings,
  workingHoursProblem,
} from "./team";
export {
  IMPORT_COLUMNS,
  type FleetImportCheck,
  type ImportLine,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type RowProblem,
  type UnitRecord,
  UnitRecordRefused,
  assertUnitRecord,
  checkFleetImport,
  normalizeUnitRecord,
  unitRecordProblems,
  type NewUnitFacts,
  acceptedNewUnitFacts,
} from "./unit-records";
export {
  AccountRefused,
  type AccountRefusedCode,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  assertNotLockingOut,
  assertPassword,
  assertRoleChange,
  normalizeEmail,
} from "./accounts";
export { type WithdrawnCapture, captureWithdrawalRefusal } from "./capture-withdrawal";
export {
  STAFF_ONLY_REPAIR_FIELDS,
  type StaffOnlyRepairField,
  type VisibleRepair,
  visibleRepair,
} from "./repair-visibility";
export {
  ACTOR_KINDS,
  type Actor,
  type ActorKind,
  type Role,
  type TechnicianProfile,
  actorKind,
  mayAssignWork,
  overseenTechnicianIds,
  teamOf,
} from "./actors";
export {
  PRICE_FROZEN_STATUSES,
  STATUSES,
  STATUS_LABELS,
  type Status,
  TERMINAL_STATUSES,
  isStatus,
  isTerminal,
} from "./status";
export {
  type DeviceDifference,
  type DeviceOutcome,
  type ServerOutcome,
  describeDeviceDifference,
  deviceDifference,
} from "./device-difference";
export { type UnitEntry, normalizeUnitNumber, resolveUnitEntry } from "./unit-number";
export {
  type VinCheck,
  type VinFacts,
  checkVin,
  decodeVin,
  looksLikeVin,
  normalizeVin,
  vinCheckDigit,
  vinManufacturer,
  vinModelYear,
} from "./vin";
export { ASSET_TAG_MAX_LENGTH, assetTagProblem, normalizeAssetTag } from "./asset-tag";
export { type ScanMatch, type ScannableUnit, matchScannedCode } from "./scan-match";
export { type OcrSuggestion, suggestUnitFromOcr, unitNumberCandidates } from "./unit-number-ocr";
export { type DamageMark, MAX_DAMAGE_MARKS, arrowHead, markFromDrag, parseDamageMarks } from "./damage-marks";
export {
  ACTIONS,
  type Action,
  type Assignee,
  type TransitionCheck,
  type TransitionFacts,
  type TransitionInput,
  TRANSITIONS,
  TransitionRefused,
  type TransitionRefusedCode,
  type TransitionRule,
  allowedActions,
  checkTransition,
  transition,
} from "./transitions";
export {
  type ApprovalToUndo,
  type UndoCheck,
  UNDO_APPROVAL_GRACE_SECONDS,
  UNDO_APPROVAL_SECONDS,
  checkUndoApproval,
} from "./undo-approval";
export {
  type ClaimRef,
  type CustomerRef,
  type Decision,
  type DenialCode,
  OVERRIDE_LOCKED_STATUSES,
  PHOTO_LOCKED_STATUSES,
  type PermissionAction,
  PermissionDenied,
  type PermissionResources,
  type RepairRef,
  type LotWalkRef,
  type TemplateRef,
  type ThreadRef,
  type WalkRef,
  assertAllowed,
  decide,
} from "./permissions";
export { type AuthorizationFacts, type RepairState, authorizeTransition, permissionFor } from "./authorize";
export { HOME_FOR, ROUTE_ACCESS, landingAfterSignIn, mayOpen, sameOriginPath } from "./screens";
export {
  ABANDONED_UPLOAD_DAYS,
  ATTACHMENT_RULES,
  type AttachmentKindName,
  type AttachmentProblem,
  CONTENT_HEAD_BYTES,
  OPEN_UPLOAD_BYTES_PER_USER,
  ORPHAN_BLOB_GRACE_DAYS,
  UPLOAD_CHUNK_BYTES,
  attachmentProblem,
  contentMatchesType,
  mimeBaseType,
} from "./attachment-rules";
export {
  DAMAGE_LABELS,
  DAMAGE_TYPES,
  type DamageTypeName,
  RESIN_VISCOSITIES,
  RESIN_VISCOSITY_LABELS,
  type ResinViscosityName,
  damageLabel,
} from "./damage";
export {
  CENTS_RANGE,
  COUNT_LIMITS,
  type CheckedText,
  DATE_RANGE_TEXT,
  EARLIEST_DATE,
  FIELDS,
  type FieldName,
  INT4_MAX,
  INT4_MIN,
  LATEST_DATE,
  NUMBER_RANGES,
  PASSWORD_INPUT_MAX_LENGTH,
  type TextField,
  type TextKind,
  checkText,
  firstTextProblem,
  normalizeText,
  textProblem,
} from "./form-fields";
export { decideUpload } from "./attachment-access";
export {
  type WalkForCapture,
  WalkRefused,
  type WalkRefusedCode,
  type WalkStatus,
  assertWalkTakesCapture,
  walkFinishStep,
} from "./walks";
export { MUTATION_TYPES, type MutationType, PUSH_BATCH_LIMIT } from "./sync-mutations";
export {
  type ChecklistItem,
  FOLLOW_UP_MAX_DAYS,
  NO_FOLLOW_UP_STATUSES,
  PARTS_QUANTITY,
  PARTS_STATUSES,
  PARTS_STATUS_LABELS,
  PARTS_URGENCIES,
  PARTS_URGENCY_LABELS,
  type PartsRequestDraft,
  type PartsStatus,
  type PartsStep,
  type PartsUrgency,
  QuickActionRefused,
  type QuickActionRefusedCode,
  TEMPLATE_APPLY_MAX,
  TEMPLATE_CHECKLIST_MAX,
  TEMPLATE_LOCKED_STATUSES,
  type TemplateFields,
  type TemplateTarget,
  type UrgencyFacts,
  applyTemplate,
  assertFollowUp,
  checkPartsRequest,
  checkTemplate,
  compareByUrgency,
  favoritesFirst,
  nextPartsStatus,
  sortByUrgency,
  withTemplateNotes,
} from "./quick-actions";
export {
  DEFAULT_DAY_START,
  type DayStop,
  REPAIR_SERVICE_MINUTES,
  type RoutedDay,
  type RoutedStop,
  formatMinutesOfDay,
  minutesOfDay,
  routeDay,
} from "./route-order";
export { type GeoFix, type GeoPoint, distanceKm, isGeoPoint, latestFix } from "./geo";
export {
  type PlannedSlot,
  type ServiceMode,
  WALK_HORIZON_WEEKS,
  WALK_LENGTH_MINUTES,
  type WalkFrequency,
  WalkPlanRefused,
  type WalkPlanRefusedCode,
  type WalkScheduleSettings,
  addDays,
  assertWalkPlan,
  coordinatesProblem,
  generatesWalks,
  isScheduledDay,
  mondayOf,
  generatedWalkTechnician,
  type PreferredTechnician,
  scheduleKey,
  scheduledWalkDates,
  slotsOverlap,
  weekdayOf,
} from "./walk-schedule";
export {
  CADENCE_LABELS,
  INVOICING_CADENCES,
  type InvoiceGroup,
  type InvoiceableRepair,
  type InvoicingCadence,
  defaultCadence,
  effectiveCadence,
  groupForInvoicing,
  isInvoicingCadence,
  isoWeekOf,
  monthOf,
} from "./billing/cadence";
export {
  AGING_BUCKETS,
  AGING_LABELS,
  type AgingBucket,
  INVOICE_STATE_LABELS,
  InvalidInvoice,
  type InvoiceFigures,
  type InvoiceState,
  InvoiceEmpty,
  PRICE_SOURCE_LABELS,
  PaymentRefused,
  type PaymentTermsCode,
  type PriceSourceCode,
  REMINDER_STEPS,
  type StoredInvoiceStatus,
  TERMS_LABELS,
  agingBucket,
  agingSummary,
  assertIssuable,
  assertPayment,
  balanceCents,
  daysBetween,
  dueOn,
  invoiceNumber,
  invoiceState,
  parseInvoiceNumber,
  reminderStepDue,
} from "./billing/invoice-rules";
export {
  EVENT_LABELS,
  EVENT_TYPES,
  type DomainEventInput,
  type EventType,
  type RepairEventPayload,
  WEBHOOK_EVENT_NAMES,
  type WebhookEventName,
  eventGroupKey,
  eventsOfNewRepair,
  eventsOfStatusChange,
  webhookEventName,
} from "./events";
export {
  NEAR_DUPLICATE_BITS,
  PHOTO_CHECK_DEFAULTS,
  WARN_ON_EVERY_CHECK,
  type GrayImage,
  analysisCopy,
  meanBrightness,
  sharpness,
  type PhotoCheck,
  type PhotoCheckPolicy,
  type PhotoCheckResult,
  type PhotoStats,
  type PhotoVerdict,
  type RgbaImage,
  checkPhoto,
  differenceHash,
  hashDistance,
  isNearDuplicate,
  photoStats,
  photoVerdict,
} from "./photo-checks";
export {
  PEER_REVIEW_DEFAULT_PERCENT,
  REVIEW_SCORE,
  type ReviewRubric,
  drawnForReview,
  type Reviewer,
  mayReview,
  rubricProblem,
} from "./peer-review";
export {
  WARRANTY_MONTHS_DEFAULT,
  type WarrantyClaimProblem,
  countsInPricingHistory,
  warrantyClaimProblem,
  warrantyEndsOn,
} from "./warranty";
export {
  TRAINING_THRESHOLDS_DEFAULT,
  TRAINING_WINDOW_DAYS,
  type TrainingFacts,
  type TrainingFlagReason,
  type TrainingThresholds,
  trainingFlagReasons,
} from "./training-flags";
export {
  type Backtest,
  INSPECTION_LEAD_DAYS,
  RISK_WINDOW_DAYS,
  type UnitRisk,
  type UnitRiskFacts,
  backtest,
  forecastMonthly,
  lastThreeMonthsMean,
  meanAbsoluteError,
  mtbfDays,
  pooledSeasonalIndex,
  sameMonthLastYear,
  seasonalIndex,
  suggestedActions,
  unitRisk,
} from "./maintenance-forecast";
export { AUDIENCE_HOME, type Audience, audiencesOf, notificationTitle } from "./notifications";
export * from "./notification-preferences";
export {
  SURVEY_COMMENT_MAX,
  SURVEY_CREATE_WITHIN_DAYS,
  SURVEY_REMINDER_DAYS,
  SURVEY_STARS,
  ratingOf,
  surveyAnswerProblem,
} from "./survey";
export {
  type PairablePhoto,
  type PhotoPair,
  photoPairProblem,
  photoPairsOf,
  unpairedDamagePhotos,
} from "./photo-pairs";
