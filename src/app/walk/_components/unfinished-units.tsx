"use client";
// Units kept as drafts on this walk: continue one, or discard it after a confirmation.
import { useState } from "react";
import { rsDb } from "~/client/store/db";
import { damageLabel } from "~/domain";
import { discardDraft, draftHasContent, draftsOfWalk } from "~/client/store/unit-drafts";
import { useLiveQuery } from "../_hooks/use-live-query";
import { useNow } from "../_hooks/use-now";
import { ageText } from "./format";

export function UnfinishedUnits({ walkId, onContinue }: { walkId: string; onContinue: (unitNumber: string) => void }) {
  const drafts = useLiveQuery(
    async () => (await draftsOfWalk(rsDb(), walkId)).filter(draftHasContent),
    `drafts-${walkId}`,
  );
  const [confirming, setConfirming] = useState<string | null>(null);
  const now = useNow();
  if (!drafts?.length) return null;
  return (
    <section className="card" aria-labelledby="unfinished-title">
      <h2 id="unfinished-title">Unfinished units</h2>
      <ul className="plain">
        {drafts.map(({ draft, files }) => {
          const photos = files.filter((f) => f.role !== "VOICE").length;
          const what = [
            damageLabel(draft.fields.damageType),
            draft.fields.damagePosition.trim(),
            `${photos} photo${photos === 1 ? "" : "s"}`,
            files.some((f) => f.role === "VOICE") && "voice note",
          ].filter(Boolean);
          return (
            <li key={draft.id} aria-label={`Unfinished unit ${draft.unitNumber}`}>
              <p>
                <strong>{draft.unitNumber}</strong> · {what.join(" · ")} ·{" "}
                <span className="muted">{ageText(draft.updatedAt, now)}</span>
              </p>
              {confirming === draft.id ? (
                <div className="row" role="group" aria-label={`Discard unit ${draft.unitNumber}?`}>
                  <span>Discard what was entered for {draft.unitNumber}?</span>
                  <button type="button" className="danger" onClick={() => void discardDraft(rsDb(), draft.id)}>
                    Yes, discard
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                    Keep it
                  </button>
                </div>
              ) : (
                <div className="row">
                  <button type="button" onClick={() => onContinue(draft.unitNumber)}>
                    Continue {draft.unitNumber}
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(draft.id)}>
                    Discard…
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
