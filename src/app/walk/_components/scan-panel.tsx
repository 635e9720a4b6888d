"use client";
// Scanning an asset tag or a VIN label: the rear camera, or a still photo picked or taken through
// the file input (works everywhere, camera permission or not). Decoding runs in a worker; this
// chunk and the decoder load on the first tap on Scan only. A refused camera falls back to the
// still photo and to typing, with the sentence that says how to allow it. A photo of a painted
// number is read by OCR (its code and data load on that first use only); the picker proposes the
// unit it names and the technician confirms.
import { type ChangeEvent, useEffect, useRef, useState } from "react";
import type { ScannedCode } from "~/client/scan/scan-protocol";
import { decodeFrame, decodeStill, warmScanner } from "~/client/scan/scanner";

const FRAME_EVERY_MS = 250;

type Props = {
  /** Every code read from one image; the picker decides what they mean. */
  onCodes: (codes: ScannedCode[]) => void;
  /** The text read from a photo of a painted unit number; the picker proposes what it means. */
  onPaintedText: (text: string) => void;
  onClose: () => void;
};

export function ScanPanel({ onCodes, onPaintedText, onClose }: Props) {
  const [camera, setCamera] = useState<"off" | "starting" | "on" | "refused" | "unavailable">("off");
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const paintedFile = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void warmScanner(); // the decoder starts loading (and is kept for offline use) at the first tap
    return () => stopCamera();
  }, []);

  function stopCamera() {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
  }

  async function startCamera() {
    if (!navigator.mediaDevices?.getUserMedia) return setCamera("unavailable");
    setCamera("starting");
    setStatus(null);
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: { ideal: "environment" }, width: { ideal: 1920 } },
        audio: false,
      });
      stream.current = media;
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play();
      }
      setCamera("on");
    } catch (error) {
      const name = error instanceof DOMException ? error.name : "";
      setCamera(name === "NotAllowedError" || name === "SecurityError" ? "refused" : "unavailable");
    }
  }

  // While the camera runs: one frame at a time to the worker, until a code is read.
  useEffect(() => {
    if (camera !== "on") return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      timer = setTimeout(() => void tick(), FRAME_EVERY_MS);
    };
    async function tick() {
      const element = video.current;
      if (stopped || !element || element.readyState < 2) return next();
      const frame = await createImageBitmap(element).catch(() => null);
      if (!frame || stopped) return next();
      const result = await decodeFrame(frame);
      if (stopped) return;
      if (result.ok && result.codes.length > 0) {
        stopCamera();
        setCamera("off");
        onCodes(result.codes);
      } else next();
    }
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [camera, onCodes]);

  async function readStill(event: ChangeEvent<HTMLInputElement>) {
    const picked = event.target.files?.[0];
    event.target.value = "";
    if (!picked) return;
    setBusy(true);
    setStatus("Reading the code…");
    const result = await decodeStill(picked);
    setBusy(false);
    if (!result.ok) return setStatus(`The photo could not be read (${result.error}). Try again, or type the number.`);
    if (result.codes.length === 0)
      return setStatus(
        "No code found in this photo: hold the phone closer, keep the code flat and sharp, and try again.",
      );
    setStatus(null);
    onCodes(result.codes);
  }

  async function readPainted(event: ChangeEvent<HTMLInputElement>) {
    const picked = event.target.files?.[0];
    event.target.value = "";
    if (!picked) return;
    setBusy(true);
    setStatus("Reading the painted number… (the first time loads the reader, about 6 MB)");
    const { readPaintedNumber } = await import("~/client/scan/ocr");
    const result = await readPaintedNumber(picked);
    setBusy(false);
    if (!result.ok)
      return setStatus(
        `The number could not be read (${result.error}). Check the connection the first time, or type the number.`,
      );
    setStatus(null);
    onPaintedText(result.text);
  }

  return (
    <div className="card scan-panel" role="group" aria-labelledby="scan-title">
      <h3 id="scan-title">Scan an asset tag or VIN label</h3>
      <video
        ref={video}
        className="scan-video"
        hidden={camera !== "on" && camera !== "starting"}
        muted
        playsInline
        aria-label="Camera view: point it at the code"
      />
      {camera === "refused" && (
        <p className="error" role="alert">
          The camera is not allowed for this site. To scan, allow it in the browser: tap the lock or settings icon
          beside the address, then Camera, then Allow. Meanwhile take a photo of the code below, or type the unit
          number.
        </p>
      )}
      {camera === "unavailable" && (
        <p className="notice" role="status">
          No camera could be opened here. Take a photo of the code below, or type the unit number.
        </p>
      )}
      <div className="row">
        {camera === "on" || camera === "starting" ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              stopCamera();
              setCamera("off");
            }}
          >
            Stop camera
          </button>
        ) : (
          <button type="button" onClick={() => void startCamera()}>
            Use camera
          </button>
        )}
        <button type="button" className="secondary" disabled={busy} onClick={() => file.current?.click()}>
          Photo of the code
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => paintedFile.current?.click()}>
          Photo of a painted number
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            stopCamera();
            onClose();
          }}
        >
          Close scanner
        </button>
      </div>
      <input
        ref={file}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label="Photo of the code"
        data-testid="scan-file"
        onChange={(e) => void readStill(e)}
      />
      <input
        ref={paintedFile}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label="Photo of a painted number"
        data-testid="ocr-file"
        onChange={(e) => void readPainted(e)}
      />
      <p aria-live="polite" className="muted">
        {camera === "on" ? "Point the camera at the code: it is read as soon as it is sharp." : status}
      </p>
    </div>
  );
}
