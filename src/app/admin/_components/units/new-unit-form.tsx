"use client";
// Registers one vehicle of the customer's fleet.
import { type FormEvent, useState } from "react";
import { api } from "~/trpc/react";
import { FormStatus } from "../form-status";
import { converted } from "../form-values";
import { EMPTY_UNIT, UnitFields, unitRecordOf } from "./unit-fields";

export function NewUnitForm({ customerId }: { customerId: string }) {
  const utils = api.useUtils();
  const [draft, setDraft] = useState(EMPTY_UNIT);
  const [problem, setProblem] = useState<string | null>(null);
  const create = api.admin.createUnit.useMutation({
    onSuccess: () => {
      setDraft(EMPTY_UNIT);
      void utils.unit.fleet.invalidate();
      void utils.admin.invalidate();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const record = converted(() => unitRecordOf(draft), setProblem);
    if (record) create.mutate({ customerId, ...record });
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="new-unit-heading">
      <h3 id="new-unit-heading">Add a unit</h3>
      <UnitFields
        idPrefix="new-unit"
        value={draft}
        onChange={(next) => {
          setDraft(next);
          create.reset();
        }}
      />
      <FormStatus
        error={create.error}
        problem={problem}
        saved={create.isSuccess}
        savedText={create.data ? `Unit ${create.data.unitNumber} added` : "Saved"}
      />
      <button type="submit" disabled={create.isPending}>
        Add unit
      </button>
    </form>
  );
}
