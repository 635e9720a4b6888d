"use client";
// Corrects a unit's record; its repairs and windshields are untouched.
import type { FormEvent } from "react";
import { type RouterOutputs, api } from "~/trpc/react";
import { FormStatus } from "../form-status";
import { useDraft } from "../use-draft";
import { UnitFields, unitDraftOf, unitRecordOf } from "./unit-fields";

type Unit = RouterOutputs["unit"]["fleet"][number];

export function EditUnitForm({ unit }: { unit: Unit }) {
  const utils = api.useUtils();
  const { draft, change, saved, submit, problem, edited } = useDraft(() => unitDraftOf(unit));
  const save = api.admin.updateUnit.useMutation({
    onSuccess: (result) => {
      saved(unitDraftOf(result));
      void utils.unit.fleet.invalidate();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(() => ({ unitId: unit.id, ...unitRecordOf(draft) }), save.mutate);
  };
  return (
    <form onSubmit={onSubmit} aria-label={`Edit unit ${unit.unitNumber}`}>
      <UnitFields idPrefix={`unit-${unit.id}`} value={draft} onChange={change} />
      <FormStatus error={save.error} problem={problem} saved={save.isSuccess && !edited} />
      <button type="submit" disabled={save.isPending}>
        Save unit
      </button>
    </form>
  );
}
