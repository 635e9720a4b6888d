// Whether a capture that never reached the server may be withdrawn from the device: not when
// other prices were derived from it. A repair completed on the spot counts toward the
// windshield's later tiers; a break's price depends on its place in its job, so a job's breaks
// go from the last one back.

export type WithdrawnCapture = { completedOnSpot: boolean; laterBreaksInJob: number };

/** Why the capture cannot be withdrawn, in words a screen can show; null when it can. */
export function captureWithdrawalRefusal(capture: WithdrawnCapture): string | null {
  if (capture.completedOnSpot)
    return "This repair was completed on the spot and priced the unit's later repairs: it cannot be deleted.";
  if (capture.laterBreaksInJob > 0) return "Later breaks of this job were priced after it: delete them first.";
  return null;
}
