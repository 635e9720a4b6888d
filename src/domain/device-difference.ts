// After sync the phone shows what the server decided beside its own offline estimate. When they
// disagree the technician should see what differs — the price, the approval decision, or both —
// since each means something different to say to the customer on the lot.
import { formatCents } from "./money";
import type { Status } from "./status";

export type DeviceOutcome = { estimateCents: number; autoApproved: boolean };
export type ServerOutcome = { status: Status; estimateCents: number | null };

export type DeviceDifference = {
  /** server minus device, in cents; 0 when the prices agree or the server has no price. */
  priceCents: number;
  decision: boolean;
};

type Decision = "approved" | "waiting for approval" | "denied" | "not decided";

/** The capture's approval as the server recorded it: anything past approval was approved. */
function serverDecision(status: Status): Decision {
  if (status === "PENDING_APPROVAL") return "waiting for approval";
  if (status === "DENIED") return "denied";
  if (status === "REQUESTED" || status === "CANCELLED") return "not decided";
  return "approved";
}

function deviceDecision(device: DeviceOutcome): Decision {
  return device.autoApproved ? "approved" : "waiting for approval";
}

export function deviceDifference(device: DeviceOutcome, server: ServerOutcome): DeviceDifference {
  return {
    priceCents: server.estimateCents === null ? 0 : server.estimateCents - device.estimateCents,
    decision: deviceDecision(device) !== serverDecision(server.status),
  };
}

/** One sentence for the phone, or null when device and server agree. */
export function describeDeviceDifference(device: DeviceOutcome, server: ServerOutcome): string | null {
  const { priceCents, decision } = deviceDifference(device, server);
  const price =
    priceCents === 0
      ? null
      : `${formatCents(Math.abs(priceCents))} ${priceCents > 0 ? "more" : "less"} than the device estimate`;
  const verdict = decision
    ? `${deviceDecision(device)} on the device, ${serverDecision(server.status)} on the server`
    : null;
  if (price && verdict) return `Price and decision differ: ${price}; ${verdict}.`;
  if (price) return `Price differs: ${price}.`;
  if (verdict) return `Decision differs: ${verdict}.`;
  return null;
}
