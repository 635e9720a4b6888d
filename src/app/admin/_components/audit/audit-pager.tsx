// Newer and older pages of the audit log; nothing to show when it all fits on one page.
export function AuditPager({
  page,
  busy,
  onNewer,
  onOlder,
}: {
  page: number;
  busy: boolean;
  onNewer: (() => void) | null;
  onOlder: (() => void) | null;
}) {
  if (!onNewer && !onOlder) return null;
  return (
    <nav className="admin-actions" aria-label="Audit pages">
      <button type="button" className="secondary" disabled={!onNewer || busy} onClick={() => onNewer?.()}>
        ← Newer
      </button>
      <span className="muted" aria-live="polite">
        Page {page}
      </span>
      <button type="button" className="secondary" disabled={!onOlder || busy} onClick={() => onOlder?.()}>
        Older →
      </button>
    </nav>
  );
}
