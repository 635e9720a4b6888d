"use client";
// Fleet editing: add a unit, correct one (found with the unit picker), import the fleet's own
// CSV (all rows or none, each bad row named), and report a windshield replaced (the office
// confirms it before the unit's pricing restarts on the new windshield).
import { type ChangeEvent, type FormEvent, useRef, useState } from "react";
import { FIELDS, localIsoDate } from "~/domain";
import { api } from "~/trpc/react";
import { UnitPicker } from "./unit-picker";

type UnitFields = { unitNumber: string; vin: string; make: string; model: string; year: string };
const EMPTY: UnitFields = { unitNumber: "", vin: "", make: "", model: "", year: "" };

const toInput = (f: UnitFields) => ({
  unitNumber: f.unitNumber,
  vin: f.vin || null,
  make: f.make || null,
  model: f.model || null,
  year: f.year ? Number(f.year) : null,
});

function UnitFieldInputs({
  prefix,
  value,
  onChange,
}: {
  prefix: string;
  value: UnitFields;
  onChange: (v: UnitFields) => void;
}) {
  const input = (key: keyof UnitFields, label: string, maxLength: number, required = false) => (
    <>
      <label htmlFor={`${prefix}-${key}`}>{label}</label>
      <input
        id={`${prefix}-${key}`}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        maxLength={maxLength}
        required={required}
      />
    </>
  );
  return (
    <>
      {input("unitNumber", "Unit number", FIELDS.unitNumber.maxLength, true)}
      {input("vin", "VIN (optional)", FIELDS.vin.maxLength)}
      {input("make", "Make (optional)", FIELDS.make.maxLength)}
      {input("model", "Model (optional)", FIELDS.model.maxLength)}
      {input("year", "Year (optional)", 4)}
    </>
  );
}

export function FleetEditor() {
  const utils = api.useUtils();
  const units = api.unit.fleet.useQuery({});
  const reports = api.portal.windshieldReports.useQuery();
  const refresh = () => {
    void utils.unit.fleet.invalidate();
    void utils.portal.units.invalidate();
  };

  const [added, setAdded] = useState<UnitFields>(EMPTY);
  const [addNote, setAddNote] = useState<string | null>(null);
  const create = api.portal.createUnit.useMutation({
    onSuccess: (unit) => {
      setAddNote(`Unit ${unit.unitNumber} added.`);
      setAdded(EMPTY);
      refresh();
    },
  });

  const [editId, setEditId] = useState("");
  const [edited, setEdited] = useState<UnitFields>(EMPTY);
  const [editNote, setEditNote] = useState<string | null>(null);
  const update = api.portal.updateUnit.useMutation({
    onSuccess: (unit) => {
      setEditNote(`Unit ${unit.unitNumber} saved.`);
      refresh();
    },
  });
  function pick(unitId: string) {
    setEditId(unitId);
    setEditNote(null);
    const unit = units.data?.find((u) => u.id === unitId);
    setEdited(
      unit
        ? {
            unitNumber: unit.unitNumber,
            vin: unit.vin ?? "",
            make: unit.make ?? "",
            model: unit.model ?? "",
            year: unit.year ? String(unit.year) : "",
          }
        : EMPTY,
    );
  }

  const [csvNote, setCsvNote] = useState<string[]>([]);
  const importCsv = api.portal.importUnitsCsv.useMutation({
    onSuccess: (result) => {
      if (result.ok) {
        setCsvNote([`${result.imported} units imported.`]);
        refresh();
      } else
        setCsvNote([
          "Nothing was imported:",
          ...result.fileProblems,
          ...result.rowProblems.map((p) => `line ${p.line}: ${p.problems.join("; ")}`),
        ]);
    },
  });
  async function onCsv(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setCsvNote([]);
    importCsv.mutate({ csv: await file.text() });
    event.target.value = "";
  }

  const [reportUnit, setReportUnit] = useState("");
  const [replacedOn, setReplacedOn] = useState("");
  const reportId = useRef(crypto.randomUUID());
  const report = api.portal.reportWindshield.useMutation({
    onSuccess: () => {
      reportId.current = crypto.randomUUID();
      setReportUnit("");
      setReplacedOn("");
      void utils.portal.windshieldReports.invalidate();
    },
  });

  const submit = (run: () => void) => (event: FormEvent) => {
    event.preventDefault();
    run();
  };
  const fleet = units.data ?? [];

  return (
    <div className="card" id="fleet">
      <h2>Edit your fleet</h2>
      <form aria-label="Add a unit" onSubmit={submit(() => !create.isPending && create.mutate(toInput(added)))}>
        <h3>Add a unit</h3>
        <UnitFieldInputs prefix="add" value={added} onChange={setAdded} />
        {create.error && (
          <p className="error" role="alert">
            {create.error.message}
          </p>
        )}
        {addNote && <p role="status">{addNote}</p>}
        <p>
          <button type="submit" disabled={create.isPending}>
            Add unit
          </button>
        </p>
      </form>

      <form
        aria-label="Edit a unit"
        onSubmit={submit(() => !update.isPending && update.mutate({ unitId: editId, ...toInput(edited) }))}
      >
        <h3>Edit a unit</h3>
        <label htmlFor="edit-unit">Unit to edit</label>
        <UnitPicker id="edit-unit" units={fleet} value={editId} onChange={pick} />
        {editId && <UnitFieldInputs prefix="edit" value={edited} onChange={setEdited} />}
        {update.error && (
          <p className="error" role="alert">
            {update.error.message}
          </p>
        )}
        {editNote && <p role="status">{editNote}</p>}
        {editId && (
          <p>
            <button type="submit" disabled={update.isPending}>
              Save unit
            </button>
          </p>
        )}
      </form>

      <div aria-label="Import units" role="group">
        <h3>Import units from a CSV file</h3>
        <p className="muted">
          Columns: unit_number (required), vin, make, model, year. Units already listed are refused.
        </p>
        <label htmlFor="units-csv">CSV file</label>
        <input id="units-csv" type="file" accept=".csv,text/csv" onChange={(e) => void onCsv(e)} />
        {importCsv.error && (
          <p className="error" role="alert">
            {importCsv.error.message}
          </p>
        )}
        {csvNote.length > 0 && (
          <ul data-testid="csv-result">
            {csvNote.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>

      <form
        aria-label="Report a windshield replaced"
        onSubmit={submit(
          () => !report.isPending && report.mutate({ id: reportId.current, unitId: reportUnit, replacedOn }),
        )}
      >
        <h3>Report a windshield replaced</h3>
        <p className="muted">The office confirms it; then pricing starts again on the new windshield.</p>
        <label htmlFor="report-unit">Unit</label>
        <UnitPicker id="report-unit" units={fleet} value={reportUnit} onChange={setReportUnit} />
        <label htmlFor="report-date">Replaced on</label>
        <input
          id="report-date"
          type="date"
          max={localIsoDate(new Date())}
          value={replacedOn}
          onChange={(e) => setReplacedOn(e.target.value)}
          required
        />
        {report.error && (
          <p className="error" role="alert">
            {report.error.message}
          </p>
        )}
        <p>
          <button type="submit" disabled={!reportUnit || !replacedOn || report.isPending}>
            Report replaced
          </button>
        </p>
        {(reports.data ?? []).length > 0 && (
          <ul aria-label="Windshield reports">
            {reports.data!.map((r) => (
              <li key={r.id}>
                Unit {r.unitNumber}, replaced {r.replacedOn}:{" "}
                <span className="badge">
                  {r.status === "PENDING" ? "waiting for the office" : r.status.toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
        )}
      </form>
    </div>
  );
}
