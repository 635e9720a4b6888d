"use client";
// Photos from the camera (or the gallery), compressed in a web worker before they are kept.
// A file the shared rules refuse is not added, and the reason is shown. A damage photo can be
// marked (circles, arrows) with a finger; the marks are kept beside it, the photo stays as taken.
import { type ChangeEvent, useEffect, useState } from "react";
import { UNREADABLE_PHOTO, preparePhoto } from "~/client/capture/photo";
import type { CapturedPhoto } from "~/client/store/captured-file";
import type { PhotoStage } from "~/client/sync/contract";
import { DamageMarksOverlay, marksSentence } from "../../_components/damage-marks-overlay";
import { MarkDamage } from "./mark-damage";

export type PhotoItem = CapturedPhoto & { key: string };

type Props = {
  stage: PhotoStage;
  label: string;
  photos: PhotoItem[];
  onChange: (photos: PhotoItem[]) => void;
  onBusy: (stage: PhotoStage, busy: boolean) => void;
};

export function PhotoField({ stage, label, photos, onChange, onBusy }: Props) {
  const [working, setWorking] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  // What the photo checks said of each photo just taken: shown beside it until it is removed.
  const [warnings, setWarnings] = useState<Record<string, string[]>>({});
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [marking, setMarking] = useState<string | null>(null);

  useEffect(() => onBusy(stage, working > 0), [stage, working, onBusy]);
  useEffect(() => {
    const made = Object.fromEntries(photos.map((p) => [p.key, URL.createObjectURL(p.blob)]));
    setUrls(made);
    return () => Object.values(made).forEach((url) => URL.revokeObjectURL(url));
  }, [photos]);

  async function add(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    setProblem(null);
    setWorking((n) => n + files.length);
    const added: PhotoItem[] = [];
    for (const file of files) {
      try {
        const result = await preparePhoto(file);
        if (result.ok) {
          const key = crypto.randomUUID();
          added.push({ ...result.file, stage, key });
          const messages = result.warnings.flatMap((w) => (w.message ? [w.message] : []));
          if (messages.length) setWarnings((all) => ({ ...all, [key]: messages }));
        } else setProblem(result.problem.message);
      } catch (error) {
        console.error("photo could not be prepared", error);
        setProblem(UNREADABLE_PHOTO.message);
      } finally {
        setWorking((n) => n - 1);
      }
    }
    if (added.length) onChange([...photos, ...added]);
  }

  const noun = stage === "AFTER" ? "After photo" : "Damage photo";
  const marked = marking ? photos.find((p) => p.key === marking) : undefined;
  return (
    <div className="field">
      <label className="button secondary file-button">
        {label}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          multiple
          className="visually-hidden"
          onChange={(e) => void add(e)}
        />
      </label>
      <p role="status" className="muted">
        {working > 0 ? "Compressing photo…" : `${photos.length} ${noun.toLowerCase()}${photos.length === 1 ? "" : "s"}`}
      </p>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {photos.length > 0 && (
        <ul className="thumbs plain">
          {photos.map((p, i) => (
            <li key={p.key}>
              {urls[p.key] && (
                <span className="thumb">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a local object URL: next/image cannot optimise it */}
                  <img src={urls[p.key]} alt={`${noun} ${i + 1}`} width={96} height={72} />
                  {p.marks?.length ? (
                    <DamageMarksOverlay marks={p.marks} aspect={0.75} label={marksSentence(p.marks)} />
                  ) : null}
                </span>
              )}
              {stage === "DAMAGE" && urls[p.key] && (
                <button type="button" className="secondary" onClick={() => setMarking(p.key)}>
                  Mark damage on photo {i + 1}
                </button>
              )}
              {warnings[p.key] && (
                <p role="alert" className="notice">
                  {noun} {i + 1}: {warnings[p.key]!.join(" ")} You may keep it or remove it and retake it.
                </p>
              )}
              <button
                type="button"
                className="secondary"
                onClick={() => onChange(photos.filter((x) => x.key !== p.key))}
                aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {marked && urls[marked.key] && (
        <MarkDamage
          url={urls[marked.key]!}
          label={`${noun.toLowerCase()} ${photos.indexOf(marked) + 1}`}
          initial={marked.marks ?? []}
          onDone={(marks) => {
            setMarking(null);
            const { marks: _old, ...bare } = marked;
            const next = marks?.length ? { ...bare, marks } : bare;
            onChange(photos.map((x) => (x.key === marked.key ? next : x)));
          }}
        />
      )}
    </div>
  );
}
