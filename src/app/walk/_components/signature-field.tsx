"use client";
// The site contact signs on the screen (finger, stylus or mouse); signature_pad loads on demand.
import { useEffect, useRef, useState } from "react";
import { type SignatureField as Field, signatureField } from "~/client/capture/signature";

export function SignatureField({ onReady }: { onReady: (field: Field | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [field, setField] = useState<Field | null>(null);
  useEffect(() => {
    let made: Field | null = null;
    let live = true;
    void signatureField(canvas.current!).then((f) => {
      if (!live) return f.destroy();
      made = f;
      setField(f);
      onReady(f);
    });
    return () => {
      live = false;
      made?.destroy();
      onReady(null);
    };
  }, [onReady]);
  return (
    <div className="field">
      <span className="label" id="signature-label">
        Signature
      </span>
      <canvas ref={canvas} className="signature" aria-labelledby="signature-label" role="img" />
      <button type="button" className="secondary" onClick={() => field?.clear()} disabled={!field}>
        Clear signature
      </button>
    </div>
  );
}
