import { DomainError } from "./errors";
import { type Weekday, WEEKDAYS, isTimeOfDay } from "./week";

// A technician's rights and team as the admin edits them. A manager's
// team is the manager and the technicians they manage; management never runs in a circle
// (a manager cannot manage their own manager, directly or further up).

export type TeamRefusedCode =
  "MANAGES_SELF" | "MANAGEMENT_CYCLE" | "TEAM_WITHOUT_MANAGER" | "INVALID_APPROVAL_LIMIT" | "INVALID_WORKING_HOURS";

export class TeamRefused extends DomainError {
  constructor(
    readonly code: TeamRefusedCode,
    message: string,
  ) {
    super(message);
  }
}

/** {"monday": {"start": "08:00", "end": "17:00"}, ...}; a missing day is a day off. */
export type WorkingHours = Partial<Record<Weekday, { start: string; end: string }>>;

export type TechnicianSettings = {
  technicianId: string;
  isManager: boolean;
  /** null = no limit. */
  approvalLimitCents: number | null;
  managedTechnicianIds: readonly string[];
  workingHours: unknown;
};

/**
 * Throws TeamRefused naming the first problem. `teams` holds every manager's managed
 * technicians as they stand; this technician's own entry is taken from `settings`.
 */
export function assertTechnicianSettings(
  settings: TechnicianSettings,
  teams: ReadonlyMap<string, readonly string[]>,
): void {
  const { technicianId, managedTechnicianIds: managed } = settings;
  if (
    settings.approvalLimitCents !== null &&
    (!Number.isSafeInteger(settings.approvalLimitCents) || settings.approvalLimitCents < 0)
  ) {
    throw new TeamRefused(
      "INVALID_APPROVAL_LIMIT",
      "The approval limit is a whole number of cents, 0 or more, or no limit.",
    );
  }
  if (managed.length > 0 && !settings.isManager) {
    throw new TeamRefused(
      "TEAM_WITHOUT_MANAGER",
      "Only a manager manages technicians: make them a manager or empty their team.",
    );
  }
  if (managed.includes(technicianId)) throw new TeamRefused("MANAGES_SELF", "A manager cannot manage themself.");
  const after = new Map(teams);
  after.set(technicianId, managed);
  if (managed.some((id) => reaches(after, id, technicianId))) {
    throw new TeamRefused("MANAGEMENT_CYCLE", "A manager cannot manage their own manager.");
  }
  const problem = workingHoursProblem(settings.workingHours);
  if (problem) throw new TeamRefused("INVALID_WORKING_HOURS", problem);
}

/** Does `from` manage `to`, directly or through the technicians it manages? */
function reaches(teams: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const queue = [from];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...(teams.get(next) ?? []));
  }
  return false;
}

/** Why these working hours are not valid, or null: weekdays only, each "HH:MM" to a later "HH:MM". */
export function workingHoursProblem(hours: unknown): string | null {
  if (hours === null || typeof hours !== "object" || Array.isArray(hours))
    return "Working hours are given per weekday.";
  for (const [day, span] of Object.entries(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) return `"${day}" is not a weekday (monday to sunday).`;
    const { start, end } = (span ?? {}) as { start?: unknown; end?: unknown };
    if (!isTimeOfDay(start) || !isTimeOfDay(end)) return `${day}: give a start and an end as HH:MM.`;
    if (start >= end) return `${day}: the day must end after it starts (${start}-${end}).`;
  }
  return null;
}
