"use client";
// Repair templates: saved patterns (damage type, position, notes, checklist). A manager keeps
// company-wide ones and applies one to many open repairs at once; the server answers how many
// took it and why any did not.
import { useState } from "react";
import { DAMAGE_LABELS, DAMAGE_TYPES, type DamageTypeName, FIELDS, TEMPLATE_CHECKLIST_MAX } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { ManagerNav } from "../_components/manager-nav";

export function TemplatesScreen() {
  const templates = api.template.list.useQuery();
  const [chosen, setChosen] = useState<string | null>(null);
  const items = templates.data ?? [];
  return (
    <section className="mgr">
      <h1>Repair templates</h1>
      <ManagerNav />
      <div className="mgr-layout">
        <div className="mgr-main">
          <section className="card" aria-labelledby="templates-heading">
            <h2 id="templates-heading">Templates</h2>
            <QueryState
              isLoading={templates.isLoading}
              error={templates.error}
              isEmpty={items.length === 0}
              empty="No templates yet."
            >
              <ul className="mgr-plain">
                {items.map((t) => (
                  <li key={t.id} className="mgr-row">
                    <span>
                      <strong>{t.name}</strong> · {DAMAGE_LABELS[t.damageType]}
                      {t.damagePosition ? `, ${t.damagePosition}` : ""}
                      {t.companyWide ? " · company-wide" : " · yours"}
                      {t.checklist.length > 0 && ` · ${t.checklist.length} checklist items`}
                    </span>
                    <button type="button" aria-pressed={chosen === t.id} onClick={() => setChosen(t.id)}>
                      Apply “{t.name}”
                    </button>
                  </li>
                ))}
              </ul>
            </QueryState>
          </section>
          {chosen && <ApplyToMany templateId={chosen} name={items.find((t) => t.id === chosen)?.name ?? ""} />}
        </div>
        <div className="mgr-side">
          <NewTemplateForm />
        </div>
      </div>
    </section>
  );
}

function NewTemplateForm() {
  const utils = api.useUtils();
  const [name, setName] = useState("");
  const [damageType, setDamageType] = useState<DamageTypeName>("CHIP");
  const [position, setPosition] = useState("");
  const [notes, setNotes] = useState("");
  const [checklist, setChecklist] = useState("");
  const [companyWide, setCompanyWide] = useState(true);
  const save = api.template.save.useMutation({
    onSuccess: () => {
      setName("");
      setPosition("");
      setNotes("");
      setChecklist("");
      void utils.template.invalidate();
    },
  });
  return (
    <form
      className="card"
      aria-label="New template"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          name,
          damageType,
          damagePosition: position || null,
          notes,
          checklist: checklist.split("\n").filter((line) => line.trim() !== ""),
          companyWide,
        });
      }}
    >
      <h2>New template</h2>
      <label htmlFor="template-name">{FIELDS.templateName.label}</label>
      <input
        id="template-name"
        required
        maxLength={FIELDS.templateName.maxLength}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <label htmlFor="template-damage">Damage type</label>
      <select id="template-damage" value={damageType} onChange={(e) => setDamageType(e.target.value as DamageTypeName)}>
        {DAMAGE_TYPES.map((type) => (
          <option key={type} value={type}>
            {DAMAGE_LABELS[type]}
          </option>
        ))}
      </select>
      <label htmlFor="template-position">{FIELDS.damagePosition.label}</label>
      <input
        id="template-position"
        maxLength={FIELDS.damagePosition.maxLength}
        value={position}
        onChange={(e) => setPosition(e.target.value)}
      />
      <label htmlFor="template-notes">Notes</label>
      <textarea
        id="template-notes"
        maxLength={FIELDS.technicianNotes.maxLength}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      <label htmlFor="template-checklist">Checklist (one item a line, at most {TEMPLATE_CHECKLIST_MAX})</label>
      <textarea id="template-checklist" value={checklist} onChange={(e) => setChecklist(e.target.value)} />
      <label className="mgr-check">
        <input type="checkbox" checked={companyWide} onChange={(e) => setCompanyWide(e.target.checked)} /> For the whole
        company
      </label>
      <div className="mgr-actions">
        <button type="submit" className="mgr-primary" disabled={save.isPending}>
          Save template
        </button>
      </div>
      {save.error && (
        <p className="error" role="alert">
          {save.error.message}
        </p>
      )}
    </form>
  );
}

/** Open repairs the manager oversees, ticked to take the template in one go. */
function ApplyToMany({ templateId, name }: { templateId: string; name: string }) {
  const open = api.repair.list.useQuery({
    status: ["REQUESTED", "PENDING_APPROVAL", "APPROVED", "ASSIGNED", "IN_PROGRESS"],
    limit: 100,
  });
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const apply = api.template.applyTo.useMutation({ onSuccess: () => setPicked(new Set()) });
  const items = open.data?.items ?? [];
  const toggle = (id: string) =>
    setPicked((now) => {
      const next = new Set(now);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <section className="card" aria-labelledby="apply-heading">
      <h2 id="apply-heading">Apply “{name}” to repairs</h2>
      <QueryState isLoading={open.isLoading} error={open.error} isEmpty={items.length === 0} empty="No open repairs.">
        <ul className="mgr-plain">
          {items.map((r) => (
            <li key={r.id} className="mgr-row">
              <label className="mgr-check">
                <input
                  type="checkbox"
                  checked={picked.has(r.id)}
                  onChange={() => toggle(r.id)}
                  aria-label={`Unit ${r.unit.unitNumber}`}
                />
                Unit {r.unit.unitNumber} · {r.customer.name} · {DAMAGE_LABELS[r.damageType]}
              </label>
            </li>
          ))}
        </ul>
        <div className="mgr-actions">
          <button
            type="button"
            className="mgr-primary"
            disabled={picked.size === 0 || apply.isPending}
            onClick={() => apply.mutate({ templateId, repairIds: [...picked] })}
          >
            Apply to {picked.size} {picked.size === 1 ? "repair" : "repairs"}
          </button>
        </div>
      </QueryState>
      {apply.data && (
        <div className="mgr-ok" role="status">
          Applied to {apply.data.applied.length} {apply.data.applied.length === 1 ? "repair" : "repairs"}.
          {apply.data.skipped.length > 0 && (
            <ul>
              {apply.data.skipped.map((s) => (
                <li key={s.repairId}>
                  Not applied to {items.find((r) => r.id === s.repairId)?.unit.unitNumber ?? "a repair"}: {s.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {apply.error && (
        <p className="error" role="alert">
          {apply.error.message}
        </p>
      )}
    </section>
  );
}
