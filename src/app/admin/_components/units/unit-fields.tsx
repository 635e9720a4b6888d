// A unit's record as typed: number and asset tag (each unique in the fleet), VIN, make, model, year. The server
// normalizes and checks it (VIN format, plausible year).
import { FIELDS } from "~/domain";
import { TextField } from "../fields";
import { orNull, wholeNumber } from "../form-values";

export type UnitDraft = {
  unitNumber: string;
  assetTag: string;
  vin: string;
  make: string;
  model: string;
  year: string;
};

export const EMPTY_UNIT: UnitDraft = { unitNumber: "", assetTag: "", vin: "", make: "", model: "", year: "" };

export const unitDraftOf = (u: {
  unitNumber: string;
  assetTag: string | null;
  vin: string | null;
  make: string | null;
  model: string | null;
  year: number | null;
}): UnitDraft => ({
  unitNumber: u.unitNumber,
  assetTag: u.assetTag ?? "",
  vin: u.vin ?? "",
  make: u.make ?? "",
  model: u.model ?? "",
  year: u.year === null ? "" : String(u.year),
});

export const unitRecordOf = (d: UnitDraft) => ({
  unitNumber: d.unitNumber,
  assetTag: orNull(d.assetTag),
  vin: orNull(d.vin),
  make: orNull(d.make),
  model: orNull(d.model),
  year: d.year.trim() ? wholeNumber(d.year, "Year") : null,
});

export function UnitFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: UnitDraft;
  onChange: (next: UnitDraft) => void;
}) {
  const set = (field: keyof UnitDraft) => (text: string) => onChange({ ...value, [field]: text });
  return (
    <div className="admin-row">
      <TextField
        id={`${idPrefix}-number`}
        label={FIELDS.unitNumber.label}
        value={value.unitNumber}
        onChange={set("unitNumber")}
        required
        maxLength={FIELDS.unitNumber.maxLength}
      />
      <TextField
        id={`${idPrefix}-asset-tag`}
        label={`${FIELDS.assetTag.label} (optional)`}
        value={value.assetTag}
        onChange={set("assetTag")}
        maxLength={FIELDS.assetTag.maxLength}
        autoCapitalize="characters"
      />
      <TextField
        id={`${idPrefix}-vin`}
        label={`${FIELDS.vin.label} (optional)`}
        value={value.vin}
        onChange={set("vin")}
        maxLength={FIELDS.vin.maxLength}
        autoCapitalize="characters"
      />
      <TextField
        id={`${idPrefix}-make`}
        label={`${FIELDS.make.label} (optional)`}
        value={value.make}
        onChange={set("make")}
        maxLength={FIELDS.make.maxLength}
      />
      <TextField
        id={`${idPrefix}-model`}
        label={`${FIELDS.model.label} (optional)`}
        value={value.model}
        onChange={set("model")}
        maxLength={FIELDS.model.maxLength}
      />
      <TextField
        id={`${idPrefix}-year`}
        label="Year (optional)"
        inputMode="numeric"
        value={value.year}
        onChange={set("year")}
      />
    </div>
  );
}
