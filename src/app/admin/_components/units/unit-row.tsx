"use client";
// One unit: what is on file, its current windshield, its repairs (opened on request), and its
// edit and windshield actions.
import { useState } from "react";
import { dateText } from "~/domain";
import { type RouterOutputs } from "~/trpc/react";
import { EditUnitForm } from "./edit-unit-form";
import { UnitRepairs } from "./unit-repairs";
import { WindshieldReplaced } from "./windshield-replaced";

type Unit = RouterOutputs["unit"]["fleet"][number];

export function UnitRow({ unit }: { unit: Unit }) {
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const vehicle = [unit.year, unit.make, unit.model].filter(Boolean).join(" ");
  return (
    <li className="admin-unit" aria-label={`Unit ${unit.unitNumber}`}>
      <div className="admin-unit-facts">
        <strong>{unit.unitNumber}</strong>
        <span>{vehicle || <span className="muted">no vehicle details</span>}</span>
        <span className="muted">{unit.vin ?? "no VIN"}</span>
        {unit.assetTag && <span className="muted">Asset tag {unit.assetTag}</span>}
        <span>
          Windshield #{unit.windshieldSeq}
          {unit.windshieldReplacedAt && ` (since ${dateText(unit.windshieldReplacedAt)})`} ·{" "}
          {unit.completedOnWindshield} repairs on it
        </span>
      </div>
      <div className="admin-actions">
        <button type="button" className="secondary" aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? "Close" : "Edit"}
        </button>
        <button type="button" className="secondary" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
          {history ? "Hide repairs" : "Repairs"}
          <span className="sr-only"> of unit {unit.unitNumber}</span>
        </button>
        <WindshieldReplaced unitId={unit.id} unitNumber={unit.unitNumber} />
      </div>
      {editing && <EditUnitForm unit={unit} />}
      {history && <UnitRepairs unitId={unit.id} unitNumber={unit.unitNumber} />}
    </li>
  );
}
