"use client";
// The price and approval decision, shown as the technician fills the form: computed on the
// device from the prepared price list with the same rules the server applies on sync.
import { useEffect, useState } from "react";
import { formatCents } from "~/domain";
import { type DeviceEstimate, deviceEstimate } from "~/client/estimate/device-estimate";
import { rsDb } from "~/client/store/db";
import { type EstimateQuestion, estimateFactsFor } from "~/client/store/estimate-facts";
import { sentence } from "./format";

export function useDeviceEstimate(question: EstimateQuestion): {
  estimate: DeviceEstimate | null;
  error: string | null;
} {
  const [answer, setAnswer] = useState<{ estimate: DeviceEstimate | null; error: string | null }>({
    estimate: null,
    error: null,
  });
  const { customerId, unitNumber, breakIndex, completedOnSpot, hasDamagePhoto, hasAfterPhoto } = question;
  useEffect(() => {
    let current = true;
    estimateFactsFor(rsDb(), { customerId, unitNumber, breakIndex, completedOnSpot, hasDamagePhoto, hasAfterPhoto })
      .then((facts) => current && setAnswer({ estimate: deviceEstimate(facts), error: null }))
      .catch((error: Error) => current && setAnswer({ estimate: null, error: error.message }));
    return () => {
      current = false;
    };
  }, [customerId, unitNumber, breakIndex, completedOnSpot, hasDamagePhoto, hasAfterPhoto]);
  return answer;
}

export function EstimatePreview({ estimate, error }: { estimate: DeviceEstimate | null; error: string | null }) {
  return (
    <section aria-label="Estimate" className={`estimate ${estimate?.decision.autoApproved ? "approved" : "pending"}`}>
      <p role="status" aria-live="polite">
        {error ? (
          <span className="error">{error}</span>
        ) : !estimate ? (
          "Estimating…"
        ) : (
          <>
            <span className="estimate-price">Estimate {formatCents(estimate.quote.cents)}</span>
            <span className="estimate-decision">{sentence(estimate.decision.reason)}</span>
          </>
        )}
      </p>
      {estimate && <p className="muted">{estimate.quote.explanation}</p>}
    </section>
  );
}
