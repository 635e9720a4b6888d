"use client";
// A voice note: record, stop, play back, or delete and record again.
import { useEffect, useRef, useState } from "react";
import { playbackUrl, startVoiceNote, type VoiceRecording } from "~/client/capture/voice";
import type { CapturedFile } from "~/client/store/captured-file";

export function VoiceField({
  voice,
  onChange,
}: {
  voice: CapturedFile | null;
  onChange: (voice: CapturedFile | null) => void;
}) {
  const recording = useRef<VoiceRecording | null>(null);
  const [state, setState] = useState<"idle" | "starting" | "recording" | "saving">("idle");
  const [error, setError] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);

  useEffect(() => {
    if (!voice) return setUrl(null);
    const playback = playbackUrl(voice.blob);
    setUrl(playback.url);
    return playback.revoke;
  }, [voice]);
  useEffect(() => () => recording.current?.cancel(), []);

  async function start() {
    setError(null);
    setState("starting");
    try {
      recording.current = await startVoiceNote();
      setState("recording");
    } catch (e) {
      setError((e as Error).message);
      setState("idle");
    }
  }

  async function stop() {
    setState("saving");
    try {
      onChange(await recording.current!.stop());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      recording.current = null;
      setState("idle");
    }
  }

  return (
    <div className="field">
      <span className="label">Voice note</span>
      {state === "recording" || state === "saving" ? (
        <button type="button" className="danger" onClick={() => void stop()} disabled={state === "saving"}>
          Stop recording
        </button>
      ) : (
        !voice && (
          <button type="button" className="secondary" onClick={() => void start()} disabled={state === "starting"}>
            Record voice note
          </button>
        )
      )}
      {state === "recording" && (
        <p role="status" className="muted">
          Recording…
        </p>
      )}
      {voice && url && (
        <div className="row">
          <audio controls src={url} aria-label="Voice note playback" />
          <button type="button" className="secondary" onClick={() => onChange(null)}>
            Delete voice note
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
