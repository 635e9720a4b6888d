import { DomainError } from "./errors";
import { type Weekday, WEEKDAYS, isTimeOfDay, isWeekday } from "./week";

// A customer's fleet settings as the admin edits them. Checked whole, after
// a partial change is merged, so no combination of edits can leave them contradictory.

export type FleetSettingsRefusedCode =
  | "INVALID_FLEET_SIZE"
  | "INVALID_WEEKDAY"
  | "SCHEDULE_WITHOUT_DAYS"
  | "INVALID_TIME_OF_DAY"
  | "INVALID_AUTO_APPROVE_LIMIT"
  | "TECHNICIAN_PREFERRED_AND_BLOCKED";

export class FleetSettingsRefused extends DomainError {
  constructor(
    readonly code: FleetSettingsRefusedCode,
    message: string,
  ) {
    super(message);
  }
}

export type FleetSettings = {
  fleetSize: number;
  lotWalkingEnabled: boolean;
  lotWalkingWeekdays: readonly string[];
  /** "HH:MM" or null (no fixed time). */
  lotWalkingTime: string | null;
  maxAutoApproveCents: number;
  preferredTechnicianIds: readonly string[];
  blockedTechnicianIds: readonly string[];
};

/** Throws FleetSettingsRefused naming the first contradiction. */
export function assertFleetSettings(settings: FleetSettings): void {
  const refuse = (code: FleetSettingsRefusedCode, message: string): never => {
    throw new FleetSettingsRefused(code, message);
  };
  if (!Number.isSafeInteger(settings.fleetSize) || settings.fleetSize < 0)
    refuse("INVALID_FLEET_SIZE", "The fleet size is a whole number, 0 or more.");
  const badDay = settings.lotWalkingWeekdays.find((d) => !isWeekday(d));
  if (badDay !== undefined) refuse("INVALID_WEEKDAY", `"${badDay}" is not a weekday (monday to sunday).`);
  if (settings.lotWalkingEnabled && settings.lotWalkingWeekdays.length === 0) {
    refuse("SCHEDULE_WITHOUT_DAYS", "Choose at least one weekday for lot walking, or turn lot walking off.");
  }
  if (settings.lotWalkingTime !== null && !isTimeOfDay(settings.lotWalkingTime)) {
    refuse("INVALID_TIME_OF_DAY", `"${settings.lotWalkingTime}" is not a time of day (HH:MM, 00:00 to 23:59).`);
  }
  if (!Number.isSafeInteger(settings.maxAutoApproveCents) || settings.maxAutoApproveCents < 0) {
    refuse("INVALID_AUTO_APPROVE_LIMIT", "The auto-approve limit is a whole number of cents, 0 or more.");
  }
  const blocked = new Set(settings.blockedTechnicianIds);
  if (settings.preferredTechnicianIds.some((id) => blocked.has(id))) {
    refuse(
      "TECHNICIAN_PREFERRED_AND_BLOCKED",
      "A technician cannot be both preferred and blocked by the same customer.",
    );
  }
}

/** The stored schedule, {"monday": true, ...}, from the chosen weekdays. */
export function lotWalkingSchedule(weekdays: readonly Weekday[]): Partial<Record<Weekday, true>> {
  return Object.fromEntries(WEEKDAYS.filter((d) => weekdays.includes(d)).map((d) => [d, true]));
}

/** The weekdays of a stored schedule, in week order; anything else in it is ignored. */
export function lotWalkingWeekdays(schedule: unknown): Weekday[] {
  if (schedule === null || typeof schedule !== "object") return [];
  const days = schedule as Record<string, unknown>;
  return WEEKDAYS.filter((d) => days[d] === true);
}
