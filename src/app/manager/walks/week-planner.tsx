"use client";
// The office's week of walks: a row per technician the user plans for and one for unassigned
// walks, a column per day, previous and next week. Choosing a walk opens its card: move it,
// cancel it with a reason, (re)assign it. A one-off walk is planned below; "Generate now" runs
// every customer's schedule at once (it also runs daily and when an admin saves a schedule).
import { type FormEvent, useState } from "react";
import { FIELDS, addDays, utcWeekdayMonthDayText } from "~/domain";
import { type RouterOutputs, api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { ManagerNav } from "../_components/manager-nav";
import { TechnicianAssign, type TechnicianOption } from "./technician-assign";

type Week = RouterOutputs["schedule"]["week"];
type Walk = Week["walks"][number];

const dayLabel = (date: string) => utcWeekdayMonthDayText(new Date(`${date}T12:00:00Z`));

export function WeekPlanner() {
  const [day, setDay] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<string | null>(null);
  const week = api.schedule.week.useQuery(day ? { day } : {});
  const utils = api.useUtils();
  const refresh = () => utils.schedule.week.invalidate();
  const generate = api.schedule.generateNow.useMutation({ onSuccess: refresh });
  const data = week.data;
  const walk = data?.walks.find((w) => w.id === selected) ?? null;
  const rows: { id: string | null; name: string }[] = data
    ? [...data.technicians, { id: null, name: "Unassigned" }]
    : [];

  return (
    <section className="mgr">
      <h1>Walk planning</h1>
      <ManagerNav />
      <div className="mgr-actions" role="group" aria-label="Week">
        {/* Until a week is shown there is no week to step from: a tap would be lost. */}
        <button type="button" disabled={!data} onClick={() => data && setDay(addDays(data.monday, -7))}>
          ← Previous week
        </button>
        <button type="button" onClick={() => setDay(undefined)}>
          This week
        </button>
        <button type="button" disabled={!data} onClick={() => data && setDay(addDays(data.monday, 7))}>
          Next week →
        </button>
        <button type="button" className="secondary" disabled={generate.isPending} onClick={() => generate.mutate()}>
          Generate now
        </button>
      </div>
      {generate.data && (
        <p className="admin-saved" role="status">
          Generated {generate.data.created} walk(s) for {generate.data.customers} customer(s)
          {generate.data.removed > 0 ? `; removed ${generate.data.removed} no longer scheduled` : ""}.
        </p>
      )}
      {generate.error && (
        <p className="error" role="alert">
          {generate.error.message}
        </p>
      )}
      <QueryState isLoading={week.isLoading} error={week.error} isEmpty={!data} empty="Nothing to show.">
        {data && (
          <>
            <h2 data-testid="week-of">Week of {dayLabel(data.monday)}</h2>
            <div className="mgr-week-scroll">
              <table className="mgr-week" aria-label={`Walks of the week of ${data.monday}`}>
                <thead>
                  <tr>
                    <th scope="col">Technician</th>
                    {data.days.map((d) => (
                      <th key={d} scope="col" aria-current={d === data.today ? "date" : undefined}>
                        {dayLabel(d)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id ?? "unassigned"} data-testid={`week-row-${row.name}`}>
                      <th scope="row">{row.name}</th>
                      {data.days.map((d) => (
                        <td key={d}>
                          {data.walks
                            .filter((w) => w.date === d && w.technicianId === row.id)
                            .map((w) => (
                              <button
                                key={w.id}
                                type="button"
                                className="mgr-walk-chip"
                                aria-pressed={w.id === selected}
                                data-status={w.status}
                                onClick={() => setSelected(w.id === selected ? null : w.id)}
                              >
                                {w.time ?? "Any time"} {w.customerName}
                                {w.siteName ? ` · ${w.siteName}` : ""}
                                {w.requestedByCustomer ? " (requested)" : ""}
                              </button>
                            ))}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {walk && <WalkCard key={walk.id} walk={walk} week={data} onChanged={refresh} />}
            <OneOffWalk week={data} onCreated={refresh} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function WalkCard({ walk, week, onChanged }: { walk: Walk; week: Week; onChanged: () => Promise<void> }) {
  const [date, setDate] = useState(walk.date ?? "");
  const [time, setTime] = useState(walk.time ?? "");
  const [reason, setReason] = useState("");
  const move = api.schedule.moveWalk.useMutation({ onSuccess: onChanged });
  const cancel = api.schedule.cancelWalk.useMutation({ onSuccess: onChanged });
  const assign = api.schedule.assignWalk.useMutation({ onSuccess: onChanged });
  const error = move.error ?? cancel.error ?? assign.error;
  const blocked = new Set(week.customers.find((c) => c.id === walk.customerId)?.blockedTechnicianIds ?? []);
  const planned = walk.status === "SCHEDULED";
  const ranking = api.assignment.rankForWalk.useQuery({ walkId: walk.id }, { enabled: planned });
  const top = ranking.data?.ranked[0];
  const options = ranking.data
    ? rankedOptions(ranking.data, walk.technicianId, week)
    : week.technicians.filter((t) => !blocked.has(t.id));
  const onMove = (event: FormEvent) => {
    event.preventDefault();
    move.mutate({ walkId: walk.id, date, time: time || null });
  };
  const onCancel = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate({ walkId: walk.id, reason });
  };
  return (
    <article className="mgr-card" aria-label={`Walk at ${walk.customerName} on ${walk.date}`}>
      <h2 className="mgr-unit">
        {walk.customerName}
        {walk.siteName ? ` · ${walk.siteName}` : ""}
      </h2>
      <dl className="mgr-facts">
        <div>
          <dt>When</dt>
          <dd>
            {walk.date} {walk.time ?? "(any time)"}
          </dd>
        </div>
        <div>
          <dt>Technician</dt>
          <dd data-testid="walk-technician">{walk.technicianName ?? "Unassigned"}</dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            {walk.requestedByCustomer
              ? "Requested by the customer on the portal"
              : walk.origin === "SCHEDULE"
                ? "The customer's schedule"
                : walk.origin === "ONE_OFF"
                  ? "Planned once"
                  : "Started on the lot"}
            {walk.changedByHand && !walk.requestedByCustomer ? ", changed by hand" : ""}
          </dd>
        </div>
        {walk.requestNote && (
          <div>
            <dt>The customer's note</dt>
            <dd>{walk.requestNote}</dd>
          </div>
        )}
        {walk.assignmentReasons.length > 0 && (
          <div>
            <dt>Why this technician</dt>
            <dd>{walk.assignmentReasons.join(" ")}</dd>
          </div>
        )}
      </dl>
      {error && (
        <p className="error" role="alert">
          {error.message}
        </p>
      )}
      {planned ? (
        <>
          {top && (
            <details className="mgr-rank-row">
              <summary>
                Why {top.name} is recommended (score {top.total.toFixed(2)})
              </summary>
              <ul className="mgr-reasons">
                {top.factors.map((f) => (
                  <li key={f.factor}>{f.words}</li>
                ))}
                {top.preferredBonus > 0 && <li>Preferred by the customer: +{top.preferredBonus.toFixed(2)}</li>}
              </ul>
            </details>
          )}
          <TechnicianAssign
            options={options}
            current={walk.technicianId}
            recommended={top && { id: top.technicianId, name: top.name }}
            pending={assign.isPending}
            onAssign={(technicianId) => assign.mutate({ walkId: walk.id, technicianId })}
          />
          <form className="mgr-inline-form" onSubmit={onMove} aria-label="Move walk">
            <label htmlFor="move-date">Date</label>
            <input id="move-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
            <label htmlFor="move-time">Time</label>
            <input id="move-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
            <button type="submit" disabled={move.isPending}>
              Move
            </button>
          </form>
          <form className="mgr-inline-form" onSubmit={onCancel} aria-label="Cancel walk">
            <label htmlFor="cancel-reason">Reason</label>
            <input
              id="cancel-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={FIELDS.reason.maxLength}
              required
            />
            <button type="submit" className="mgr-danger" disabled={cancel.isPending}>
              Cancel walk
            </button>
          </form>
        </>
      ) : (
        <p className="muted">
          This walk is {walk.status.toLowerCase().replace("_", " ")}: it can no longer be changed.
        </p>
      )}
    </article>
  );
}

type Ranking = RouterOutputs["assignment"]["rankForWalk"];

/** Smart assignment's order, best first with its score; the technician on the walk now stays a choice. */
function rankedOptions(ranking: Ranking, current: string | null, week: Week): TechnicianOption[] {
  const options: TechnicianOption[] = ranking.ranked.map((c, i) => ({
    id: c.technicianId,
    name: c.name,
    note: `${i === 0 ? "recommended, " : ""}score ${c.total.toFixed(2)}`,
  }));
  if (current && !options.some((o) => o.id === current)) {
    const name = week.technicians.find((t) => t.id === current)?.name ?? "Assigned technician";
    options.unshift({ id: current, name, note: "assigned now" });
  }
  return options;
}

function OneOffWalk({ week, onCreated }: { week: Week; onCreated: () => Promise<void> }) {
  const [customerId, setCustomerId] = useState("");
  const [siteId, setSiteId] = useState("");
  const [date, setDate] = useState(week.today);
  const [time, setTime] = useState("");
  const [technicianId, setTechnicianId] = useState("");
  const create = api.schedule.createWalk.useMutation({ onSuccess: onCreated });
  const customer = week.customers.find((c) => c.id === customerId);
  const blocked = new Set(customer?.blockedTechnicianIds ?? []);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      customerId,
      siteId: siteId || null,
      date,
      time: time || null,
      technicianId: technicianId || null,
    });
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="one-off-heading">
      <h2 id="one-off-heading">Plan a one-off walk</h2>
      <div className="mgr-inline-form">
        <label htmlFor="one-off-customer">Customer</label>
        <select
          id="one-off-customer"
          value={customerId}
          required
          onChange={(e) => {
            setCustomerId(e.target.value);
            setSiteId(week.customers.find((c) => c.id === e.target.value)?.sites[0]?.id ?? "");
          }}
        >
          <option value="">Choose…</option>
          {week.customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <label htmlFor="one-off-site">Site</label>
        <select id="one-off-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
          <option value="">No site</option>
          {customer?.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.isPrimary ? " (primary)" : ""}
            </option>
          ))}
        </select>
        <label htmlFor="one-off-date">Date</label>
        <input id="one-off-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
        <label htmlFor="one-off-time">Time</label>
        <input id="one-off-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        <label htmlFor="one-off-technician">Technician</label>
        <select id="one-off-technician" value={technicianId} onChange={(e) => setTechnicianId(e.target.value)}>
          <option value="">Unassigned</option>
          {week.technicians
            .filter((t) => !blocked.has(t.id))
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
        </select>
        <button type="submit" disabled={create.isPending}>
          Plan walk
        </button>
      </div>
      {create.error && (
        <p className="error" role="alert">
          {create.error.message}
        </p>
      )}
      {create.isSuccess && (
        <p className="admin-saved" role="status">
          Walk planned.
        </p>
      )}
    </form>
  );
}
