// One audit entry: when, who, what on which record, from where, and each field before → after.
import { dateTimeText } from "~/domain";
import type { RouterOutputs } from "~/trpc/react";
import { ChangesList } from "./changes-list";
import type { Names } from "./format-change";

type Entry = RouterOutputs["admin"]["auditLog"]["items"][number];

export function AuditEntry({ entry, names }: { entry: Entry; names: Names }) {
  const record = names.get(entry.entityId) ?? entry.entityId;
  return (
    <li className="admin-log-entry" aria-label={`${entry.action} ${dateTimeText(entry.createdAt)}`}>
      <p>
        <strong>{entry.action}</strong> · {entry.entityType} <span className="muted">{record}</span>
      </p>
      <p className="muted">
        <time dateTime={entry.createdAt.toISOString()}>{dateTimeText(entry.createdAt)}</time> ·{" "}
        {entry.actorName ?? entry.actorEmail ?? "System"}
        {entry.ip && ` · ${entry.ip}`}
      </p>
      <ChangesList changes={entry.changes} names={names} />
    </li>
  );
}
