// Voice notes with MediaRecorder, in the first format this browser records that the server
// accepts: iOS Safari records audio/mp4, Chrome and Firefox audio/webm (Opus).
import type { CapturedFile } from "../store/captured-file";
import { sha256Hex } from "./sha256";

export const VOICE_TYPES = ["audio/mp4", "audio/webm;codecs=opus", "audio/webm"] as const;

export function pickVoiceType(
  isSupported: (type: string) => boolean = (t) => MediaRecorder.isTypeSupported(t),
): string | null {
  return VOICE_TYPES.find((type) => isSupported(type)) ?? null;
}

export type VoiceRecording = { stop(): Promise<CapturedFile>; cancel(): void };

/** Starts recording from the microphone; throws with a sentence when it cannot. */
export async function startVoiceNote(): Promise<VoiceRecording> {
  if (typeof MediaRecorder === "undefined" || !navigator.mediaDevices?.getUserMedia)
    throw new Error("This device cannot record voice notes.");
  const mimeType = pickVoiceType();
  if (!mimeType) throw new Error("This browser records no audio format the server accepts.");
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    throw new Error("The microphone is not available: allow it for this app to record voice notes.");
  }
  const recorder = new MediaRecorder(stream, { mimeType });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) chunks.push(event.data);
  };
  recorder.start(250);
  const release = () => stream.getTracks().forEach((track) => track.stop());
  return {
    stop: () =>
      new Promise<CapturedFile>((resolve, reject) => {
        recorder.onstop = async () => {
          release();
          const type = (recorder.mimeType || mimeType).split(";")[0]!;
          const blob = new Blob(chunks, { type });
          try {
            resolve({ blob, mimeType: type, sha256: await sha256Hex(blob) });
          } catch (error) {
            reject(error as Error);
          }
        };
        recorder.stop();
      }),
    cancel: () => {
      recorder.onstop = null;
      if (recorder.state !== "inactive") recorder.stop();
      release();
    },
  };
}

/** An object URL to play a stored note; revoke it when the player goes away. */
export function playbackUrl(blob: Blob): { url: string; revoke(): void } {
  const url = URL.createObjectURL(blob);
  return { url, revoke: () => URL.revokeObjectURL(url) };
}
