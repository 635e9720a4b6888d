"use client";
// A repair's voice notes, played in place: the bytes come from the attachment's content route,
// which answers only someone who may see the repair. Nothing loads until play is pressed.
type VoiceAttachment = { id: string; kind: string; uploadedAt: Date | null };

export function VoiceNotes({
  attachments,
  unitNumber,
  className = "",
}: {
  attachments: VoiceAttachment[];
  unitNumber: string;
  className?: string;
}) {
  const notes = attachments.filter((a) => a.kind === "VOICE");
  if (notes.length === 0) return null;
  return (
    <ul className={`voice-notes ${className}`.trim()} aria-label={`Voice notes of unit ${unitNumber}`}>
      {notes.map((note, i) => (
        <li key={note.id}>
          <strong>Voice note {notes.length > 1 ? i + 1 : ""}</strong>{" "}
          {note.uploadedAt ? (
            <audio
              controls
              preload="none"
              src={`/api/attachments/${note.id}/content`}
              aria-label={`Voice note ${i + 1} of unit ${unitNumber}`}
            />
          ) : (
            <span className="muted">not uploaded yet</span>
          )}
        </li>
      ))}
    </ul>
  );
}
