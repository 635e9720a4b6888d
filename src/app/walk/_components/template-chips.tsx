"use client";
// The repair templates the technician may apply (prepared for offline): one tap fills the damage
// type, the position and the notes; the server gives the repair the template's checklist.
import { byName } from "~/domain";
import { type SnapshotTemplateRow, rsDb } from "~/client/store/db";
import { useLiveQuery } from "../_hooks/use-live-query";

export function TemplateChips({
  appliedId,
  onApply,
}: {
  appliedId: string | undefined;
  onApply: (template: SnapshotTemplateRow) => void;
}) {
  const templates = useLiveQuery(() => rsDb().snapshotTemplates.orderBy("id").toArray(), "templates");
  if (!templates?.length) return null;
  const sorted = [...templates].sort((a, b) => byName(a.name, b.name));
  return (
    <div className="chips template-chips" role="group" aria-label="Templates">
      {sorted.map((t) => (
        <button
          key={t.id}
          type="button"
          className="secondary"
          aria-pressed={t.id === appliedId}
          onClick={() => onApply(t)}
        >
          {t.id === appliedId ? `✓ ${t.name}` : t.name}
        </button>
      ))}
    </div>
  );
}
