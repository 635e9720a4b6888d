// Words for the fleet settings' choices, typed by the server's own input so a new value fails
// to compile here instead of showing blank.
import type { Weekday } from "~/domain";
import type { RouterInputs } from "~/trpc/react";

type FleetInput = RouterInputs["admin"]["updateFleetSettings"];

export const SERVICE_MODES: readonly (readonly [NonNullable<FleetInput["serviceMode"]>, string])[] = [
  ["SCHEDULED", "Scheduled lot walking"],
  ["ON_CALL", "On call only"],
  ["HYBRID", "Both: scheduled and on call"],
];

export const PAYMENT_TERMS: readonly (readonly [NonNullable<FleetInput["paymentTerms"]>, string])[] = [
  ["NET_30", "Net 30"],
  ["NET_60", "Net 60"],
  ["PREPAID", "Prepaid"],
];

export const FREQUENCIES: readonly (readonly [NonNullable<FleetInput["lotWalkingFrequency"]>, string])[] = [
  ["WEEKLY", "Every week"],
  ["BIWEEKLY", "Every two weeks"],
  ["MONTHLY", "Every month"],
];

export const weekdayLabel = (day: Weekday) => day[0]!.toUpperCase() + day.slice(1);

/** "DEFAULT" stands for no choice (null): the service mode's default. */
export const INVOICING_CADENCES: readonly (readonly [
  NonNullable<FleetInput["invoicingCadence"]> | "DEFAULT",
  string,
])[] = [
  ["DEFAULT", "By service mode (on call: per repair; lot walks: monthly)"],
  ["PER_REPAIR", "One invoice per repair"],
  ["PER_WALK", "One invoice per lot walk"],
  ["WEEKLY", "Weekly"],
  ["MONTHLY", "Monthly"],
];
