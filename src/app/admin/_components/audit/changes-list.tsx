// The fields an audit entry changed, each as before → after.
import { type Names, formatValue } from "./format-change";

export type Changes = Record<string, { before: unknown; after: unknown }>;

export function ChangesList({ changes, names }: { changes: Changes; names?: Names }) {
  const fields = Object.entries(changes);
  if (fields.length === 0) return <p className="muted">No field changed.</p>;
  return (
    <dl className="admin-changes">
      {fields.map(([field, { before, after }]) => (
        <div key={field} className="admin-change">
          <dt>{field}</dt>
          <dd>
            <span className="admin-before">{formatValue(field, before, names)}</span>
            <span className="muted"> → </span>
            <span className="admin-after">{formatValue(field, after, names)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
