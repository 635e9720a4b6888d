"use client";
// A repair's before/after pairs side by side (loaded when opened): each damage photo with the
// after photo that names it, or "no after photo yet". Office and portal alike; the bytes come from
// the session-checked content route, so a customer sees only their own repairs' photos.
import { useState } from "react";
import { photoPairsOf } from "~/domain";
import { api } from "~/trpc/react";

export function PhotoPairs({ repairId, what }: { repairId: string; what: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" className="secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? "Hide before/after" : "Before/after"}
        <span className="sr-only"> photos of {what}</span>
      </button>
      {open && <Pairs repairId={repairId} what={what} />}
    </div>
  );
}

function Pairs({ repairId, what }: { repairId: string; what: string }) {
  const repair = api.repair.byId.useQuery({ id: repairId });
  if (repair.isLoading) return <p className="muted">Loading photos…</p>;
  if (repair.error) return <p role="alert">{repair.error.message}</p>;
  const photos = (repair.data?.attachments ?? [])
    .filter((a) => a.kind === "PHOTO")
    .map((a) => ({ ...a, stage: a.photoStage }));
  const pairs = photoPairsOf(photos);
  if (pairs.length === 0) return <p className="muted">No damage photo on this repair.</p>;
  const img = (id: string, alt: string) => (
    // eslint-disable-next-line @next/next/no-img-element -- private, session-checked bytes
    <img src={`/api/attachments/${id}/content`} alt={alt} width={160} height={120} style={{ objectFit: "cover" }} />
  );
  return (
    <ul aria-label={`Before/after photos of ${what}`} className="photo-pairs">
      {pairs.map(({ before, after }, i) => (
        <li key={before.id} style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
          <figure>
            {before.uploadedAt ? img(before.id, `Before ${i + 1} of ${what}`) : <span>not uploaded yet</span>}
            <figcaption>Before</figcaption>
          </figure>
          <figure>
            {after?.uploadedAt ? (
              img(after.id, `After ${i + 1} of ${what}`)
            ) : (
              <span>{after ? "not uploaded yet" : "No after photo yet"}</span>
            )}
            <figcaption>After</figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
