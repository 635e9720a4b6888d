"use client";
// The office's quality page: the peer-review queue (rubric: photo and repair quality 1-5, notes;
// never one's own work), each technician's figures over 90 days with any training flag and the
// repairs behind it, the customer surveys sent (with the link of those unanswered), and recent
// completed repairs, where the office opens a warranty claim.
import { useState } from "react";
import { DAMAGE_LABELS, dateText } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { ManagerNav } from "../_components/manager-nav";
import { CompletedRepairs } from "./completed-repairs";

type Review = RouterOutputs["quality"]["reviewQueue"][number];

export function QualityScreen() {
  const utils = api.useUtils();
  const runNow = api.quality.runNow.useMutation({ onSuccess: () => void utils.quality.invalidate() });
  return (
    <>
      <ManagerNav />
      <p className="muted">
        Photos are checked on the phone for blur, light and size, and on the server for the same picture used on two
        repairs (those repairs are flagged on the approvals page). No machine-learning damage detection runs.
      </p>
      <button type="button" onClick={() => runNow.mutate()} disabled={runNow.isPending}>
        Check now (surveys, review draw, training flags)
      </button>
      {runNow.error && <p role="alert">{runNow.error.message}</p>}
      <ReviewQueue />
      <Technicians />
      <Surveys />
      <CompletedRepairs />
    </>
  );
}

function ReviewQueue() {
  const queue = api.quality.reviewQueue.useQuery();
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">Peer reviews</h2>
      <QueryState
        isLoading={queue.isLoading}
        error={queue.error}
        isEmpty={!queue.data?.length}
        empty="No repair of your team is waiting for review."
      >
        <ul className="mgr-list">
          {queue.data?.map((r) => (
            <ReviewItem key={r.id} review={r} />
          ))}
        </ul>
      </QueryState>
    </section>
  );
}

function ReviewItem({ review }: { review: Review }) {
  const utils = api.useUtils();
  const [photoQuality, setPhotoQuality] = useState("");
  const [repairQuality, setRepairQuality] = useState("");
  const [notes, setNotes] = useState("");
  const submit = api.quality.submitReview.useMutation({ onSuccess: () => void utils.quality.invalidate() });
  const what = `${DAMAGE_LABELS[review.damageType]} on unit ${review.unitNumber} by ${review.technicianName}`;
  return (
    <li>
      <form
        aria-label={`Review of ${what}`}
        onSubmit={(event) => {
          event.preventDefault();
          submit.mutate({
            id: review.id,
            photoQuality: Number(photoQuality),
            repairQuality: Number(repairQuality),
            notes,
          });
        }}
      >
        <p>
          <strong>{what}</strong> · {review.customerName} · completed{" "}
          {review.completedAt && dateText(review.completedAt)}
        </p>
        <p>
          {review.photos.map((p) => (
            // eslint-disable-next-line @next/next/no-img-element -- private, session-checked bytes
            <img
              key={p.id}
              src={`/api/attachments/${p.id}/content`}
              alt={`${p.photoStage === "AFTER" ? "After" : "Damage"} photo of unit ${review.unitNumber}`}
              width={96}
              height={72}
              style={{ objectFit: "cover", marginRight: 4 }}
            />
          ))}
        </p>
        {(
          [
            ["Photo quality", photoQuality, setPhotoQuality],
            ["Repair quality", repairQuality, setRepairQuality],
          ] as const
        ).map(([label, value, set]) => (
          <label key={label} className="field">
            {label}
            <select required value={value} onChange={(e) => set(e.target.value)}>
              <option value="">Choose 1 to 5</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="field">
          Notes
          <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </label>
        {submit.error && <p role="alert">{submit.error.message}</p>}
        <button type="submit" disabled={submit.isPending}>
          Save review
        </button>
      </form>
    </li>
  );
}

function Technicians() {
  const rows = api.quality.technicians.useQuery();
  return (
    <section aria-labelledby="tech-quality-heading">
      <h2 id="tech-quality-heading">Technicians, last 90 days</h2>
      <QueryState isLoading={rows.isLoading} error={rows.error} isEmpty={!rows.data?.length} empty="No technicians.">
        <table>
          <thead>
            <tr>
              <th scope="col">Technician</th>
              <th scope="col">Customer rating</th>
              <th scope="col">Completed</th>
              <th scope="col">Warranty callbacks</th>
              <th scope="col">Survey average</th>
              <th scope="col">Review average</th>
              <th scope="col">Training flag</th>
            </tr>
          </thead>
          <tbody>
            {rows.data?.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td aria-label={`Customer rating of ${t.name}`}>
                  {t.rating === null ? "none yet" : t.rating.toFixed(2)}
                </td>
                <td>{t.completed}</td>
                <td>{t.callbacks}</td>
                <td>{t.surveyAverage === null ? "–" : `${t.surveyAverage} (${t.surveys})`}</td>
                <td>{t.reviewAverage === null ? "–" : `${t.reviewAverage} (${t.reviews})`}</td>
                <td>
                  {t.flag
                    ? t.flag.reasons.map((r) => (
                        <details key={r.sentence}>
                          <summary>{r.sentence}</summary>
                          Repairs behind it: {r.evidence.map((id) => id.slice(0, 8)).join(", ")}
                        </details>
                      ))
                    : "none"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}

function Surveys() {
  const surveys = api.quality.surveys.useQuery();
  return (
    <section aria-labelledby="surveys-heading">
      <h2 id="surveys-heading">Customer surveys</h2>
      <QueryState
        isLoading={surveys.isLoading}
        error={surveys.error}
        isEmpty={!surveys.data?.length}
        empty="No survey sent yet: one goes to the customer's contact after each completed walk or on-call repair."
      >
        <ul className="mgr-list">
          {surveys.data?.map((s) => (
            <li key={s.id}>
              {s.what} for {s.customerName}, {dateText(s.createdAt)}:{" "}
              {s.answeredAt ? (
                <>
                  {s.stars} stars{s.comment ? ` "${s.comment}"` : ""}
                </>
              ) : (
                <>
                  not answered{s.remindedAt ? " (reminded)" : ""} ·{" "}
                  {s.link && (
                    <a href={s.link} aria-label={`Survey link for ${s.customerName}`}>
                      Survey link
                    </a>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      </QueryState>
    </section>
  );
}
