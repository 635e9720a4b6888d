"use client";
// The admin's two costs behind the profit margin: materials per repair, a technician's hour.
import { type FormEvent, useEffect, useState } from "react";
import { api } from "~/trpc/react";

const toCents = (text: string) => Math.round(Number(text) * 100);

export function CostSettingsForm() {
  const utils = api.useUtils();
  const costs = api.analytics.costs.useQuery();
  const save = api.analytics.updateCosts.useMutation({
    onSuccess: () => Promise.all([utils.analytics.costs.invalidate(), utils.analytics.dashboard.invalidate()]),
  });
  const [materials, setMaterials] = useState("");
  const [hourly, setHourly] = useState("");
  useEffect(() => {
    if (!costs.data) return;
    setMaterials((costs.data.materialsCostCentsPerRepair / 100).toFixed(2));
    setHourly((costs.data.technicianHourlyCostCents / 100).toFixed(2));
  }, [costs.data]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ materialsCostCentsPerRepair: toCents(materials), technicianHourlyCostCents: toCents(hourly) });
  };
  return (
    <form className="an-costs" onSubmit={submit} aria-label="Costs behind the margin">
      <label>
        Materials cost per repair ($)
        <input inputMode="decimal" value={materials} onChange={(e) => setMaterials(e.target.value)} required />
      </label>
      <label>
        Technician hourly cost ($)
        <input inputMode="decimal" value={hourly} onChange={(e) => setHourly(e.target.value)} required />
      </label>
      <button type="submit" disabled={save.isPending}>
        Save costs
      </button>
      {save.error && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && <p role="status">Costs saved.</p>}
    </form>
  );
}
