// The site contact's signature on a canvas (signature_pad, loaded on first use), as a PNG blob.
import type SignaturePad from "signature_pad";
import type { CapturedFile } from "../store/captured-file";
import { sha256Hex } from "./sha256";

export type SignatureField = {
  pad: SignaturePad;
  isEmpty(): boolean;
  clear(): void;
  toFile(): Promise<CapturedFile>;
  destroy(): void;
};

export async function signatureField(canvas: HTMLCanvasElement): Promise<SignatureField> {
  const { default: Pad } = await import("signature_pad");
  fitToDisplay(canvas);
  const pad = new Pad(canvas, { penColor: "#14212b", backgroundColor: "rgba(255,255,255,0)" });
  return {
    pad,
    isEmpty: () => pad.isEmpty(),
    clear: () => pad.clear(),
    toFile: async () => {
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The signature could not be saved."))), "image/png"),
      );
      return { blob, mimeType: "image/png", sha256: await sha256Hex(blob) };
    },
    destroy: () => pad.off(),
  };
}

/** Crisp lines on high-density screens: the drawing buffer follows the device pixel ratio. */
function fitToDisplay(canvas: HTMLCanvasElement): void {
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  const { width, height } = canvas.getBoundingClientRect();
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.getContext("2d")?.scale(ratio, ratio);
}
