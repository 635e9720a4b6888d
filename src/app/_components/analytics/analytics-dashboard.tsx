"use client";
// One dashboard for three audiences: the business (/admin/analytics), a manager's team
// (/manager/analytics) and a customer's own fleet (/portal/analytics). The server decides the
// scope from who asks; this draws what it answers. The period lives in the address, so a reload
// or a shared link shows the same period, and every CSV link asks for exactly what is drawn.
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { formatCents, groupedInteger } from "~/domain";
import { PERIOD_KINDS, type PeriodInput, type PeriodKind } from "~/domain/analytics";
import { api } from "~/trpc/react";
import { AtRiskPanel } from "./at-risk-panel";
import { Chart, GeoMap } from "./charts";
import { CostSettingsForm } from "./cost-settings-form";
import { KpiStrip } from "./kpi-strip";
import { PeriodPicker } from "./period-picker";

export type Audience = "business" | "team" | "customer";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAMAGE_LABELS: Record<string, string> = {
  CHIP: "Chip",
  CRACK: "Crack",
  STAR_BREAK: "Star break",
  BULLS_EYE: "Bull's eye",
  COMBINATION_BREAK: "Combination",
  HALF_MOON: "Half moon",
  OTHER: "Other",
  UNKNOWN: "Unknown",
};
const money = (cents: number) => formatCents(cents);
const minutes = (value: number | null) => (value === null ? "no data" : `${value} min`);

function usePeriod(): [PeriodInput, (next: PeriodInput) => void] {
  const params = useSearchParams();
  const period = useMemo((): PeriodInput => {
    const kind = params.get("kind");
    const valid = (PERIOD_KINDS as readonly string[]).includes(kind ?? "") ? (kind as PeriodKind) : "month";
    return {
      kind: valid,
      ...(params.get("anchor") ? { anchor: params.get("anchor")! } : {}),
      ...(valid === "custom" ? { from: params.get("from") ?? "", to: params.get("to") ?? "" } : {}),
    };
  }, [params]);
  const set = useCallback((next: PeriodInput) => {
    const query = new URLSearchParams({ kind: next.kind });
    if (next.anchor) query.set("anchor", next.anchor);
    if (next.kind === "custom") {
      query.set("from", next.from ?? "");
      query.set("to", next.to ?? "");
    }
    window.history.pushState(null, "", `?${query.toString()}`);
  }, []);
  return [period, set];
}

/** The CSV link of one table or chart for the period drawn. */
export function csvHref(table: string, period: PeriodInput): string {
  const query = new URLSearchParams({ kind: period.kind });
  if (period.anchor) query.set("anchor", period.anchor);
  if (period.from) query.set("from", period.from);
  if (period.to) query.set("to", period.to);
  return `/api/analytics/${table}.csv?${query.toString()}`;
}

function Csv({ table, period, what }: { table: string; period: PeriodInput; what: string }) {
  return (
    <a className="an-csv" href={csvHref(table, period)} download>
      Download {what} (CSV)
    </a>
  );
}

export function AnalyticsDashboard({ audience }: { audience: Audience }) {
  const [period, setPeriod] = usePeriod();
  const customValid = period.kind !== "custom" || (period.from && period.to);
  const dashboard = api.analytics.dashboard.useQuery(
    { period },
    { enabled: Boolean(customValid), placeholderData: (previous) => previous, retry: false },
  );
  const d = dashboard.data;
  const empty = d ? d.kpis.repairs === 0 : false;

  return (
    <div className="an">
      <PeriodPicker period={period} onChange={setPeriod} resolved={d?.period} />
      {dashboard.error && (
        <p className="error" role="alert">
          {dashboard.error.message}
        </p>
      )}
      {!d && !dashboard.error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {d && (
        <div aria-busy={dashboard.isFetching} data-testid="analytics-body">
          <KpiStrip dashboard={d} />
          {empty && (
            <p className="empty" role="status">
              No repairs were completed from {d.period.current.from} to {d.period.current.to}: the tables and charts
              below are empty.
            </p>
          )}
          {d.profit && (
            <section className="an-section" aria-labelledby="an-profit">
              <h2 id="an-profit">Profit margin</h2>
              <dl className="an-facts">
                <dt>Revenue</dt>
                <dd>{money(d.profit.revenueCents)}</dd>
                <dt>Costs (materials and technicians&apos; time)</dt>
                <dd>{money(d.profit.costCents)}</dd>
                <dt>Profit</dt>
                <dd>{money(d.profit.profitCents)}</dd>
                <dt>Margin</dt>
                <dd data-testid="margin">
                  {d.profit.marginPercent === null ? "no data" : `${d.profit.marginPercent}%`}
                </dd>
              </dl>
              {audience === "business" && <CostSettingsForm />}
            </section>
          )}

          <section className="an-section" aria-labelledby="an-revenue">
            <h2 id="an-revenue">Revenue by {d.revenue.bucket}</h2>
            {empty ? (
              <p className="empty">No revenue in this period.</p>
            ) : (
              <Chart
                label={`Revenue by ${d.revenue.bucket}, ${d.period.current.from} to ${d.period.current.to}`}
                kind="line"
                x={d.revenue.points.map((p) => Date.parse(`${p.start}T12:00:00Z`) / 1000)}
                series={[
                  { label: "Revenue", values: d.revenue.points.map((p) => p.revenueCents / 100), color: "#1d4ed8" },
                ]}
                format={(v) => `$${groupedInteger(v)}`}
              />
            )}
            <Csv table="revenue" period={period} what="revenue" />
          </section>

          {audience !== "customer" && (
            <section className="an-section" aria-labelledby="an-technicians">
              <h2 id="an-technicians">Technicians</h2>
              {d.technicians.length === 0 ? (
                <p className="empty">No technician completed a repair in this period.</p>
              ) : (
                <div className="an-table-wrap">
                  <table className="an-table" data-testid="technicians-table">
                    <thead>
                      <tr>
                        <th scope="col">Technician</th>
                        <th scope="col">Repairs</th>
                        <th scope="col">Per day</th>
                        <th scope="col">Avg. completion</th>
                        <th scope="col">Revenue</th>
                        <th scope="col">Callback rate</th>
                        <th scope="col">Satisfaction</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.technicians.map((t) => (
                        <tr key={t.technicianId}>
                          <th scope="row">{t.name}</th>
                          <td>{t.repairs}</td>
                          <td>{t.repairsPerDay}</td>
                          <td>{minutes(t.averageCompletionMinutes)}</td>
                          <td>{money(t.revenueCents)}</td>
                          <td>{t.callbackRatePercent === null ? "no data" : `${t.callbackRatePercent}%`}</td>
                          <td>{t.satisfaction ?? "no data"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <Csv table="technicians" period={period} what="technicians" />
            </section>
          )}

          <section className="an-section" aria-labelledby="an-customers">
            <h2 id="an-customers">{audience === "customer" ? "Your fleet" : "Customers"}</h2>
            {d.customers.length === 0 ? (
              <p className="empty">No customer had a repair completed in this period.</p>
            ) : (
              <div className="an-table-wrap">
                <table className="an-table" data-testid="customers-table">
                  <thead>
                    <tr>
                      <th scope="col">Customer</th>
                      <th scope="col">Repairs</th>
                      <th scope="col">Avg. price</th>
                      <th scope="col">Revenue</th>
                      <th scope="col">Lifetime value</th>
                      <th scope="col">Avg. days to pay</th>
                      <th scope="col">Overdue</th>
                      <th scope="col">Satisfaction</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.customers.map((c) => (
                      <tr key={c.customerId}>
                        <th scope="row">{c.name}</th>
                        <td>{c.repairs}</td>
                        <td>{money(c.averagePriceCents)}</td>
                        <td>{money(c.revenueCents)}</td>
                        <td>{money(c.lifetimeValueCents)}</td>
                        <td>{c.averageDaysToPay ?? "no data"}</td>
                        <td>{money(c.overdueCents)}</td>
                        <td>{satisfactionTrend(c.satisfaction, c.previousSatisfaction)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Csv table="customers" period={period} what="customers" />
          </section>

          <section className="an-section" aria-labelledby="an-types">
            <h2 id="an-types">Repair types</h2>
            {d.damageTypes.length === 0 ? (
              <p className="empty">No repairs to break down.</p>
            ) : (
              <>
                <Chart
                  label="Completed repairs by damage type"
                  kind="bars"
                  x={d.damageTypes.map((_, i) => i)}
                  categories={d.damageTypes.map((t) => DAMAGE_LABELS[t.damageType] ?? t.damageType)}
                  series={[{ label: "Repairs", values: d.damageTypes.map((t) => t.repairs), color: "#0f766e" }]}
                />
                <ul className="an-legend" data-testid="damage-types">
                  {d.damageTypes.map((t) => (
                    <li key={t.damageType}>
                      {DAMAGE_LABELS[t.damageType] ?? t.damageType}: {t.repairs}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Csv table="damage-types" period={period} what="repair types" />
          </section>

          <section className="an-section" aria-labelledby="an-heat">
            <h2 id="an-heat">Peak days and hours</h2>
            {empty ? <p className="empty">No completions to place on the week.</p> : <HeatGrid grid={d.weekdayHour} />}
            <Csv table="weekday-hour" period={period} what="days and hours" />
          </section>

          <section className="an-section" aria-labelledby="an-geo">
            <h2 id="an-geo">Where repairs are done</h2>
            {d.geo.length === 0 ? (
              <p className="empty">No repair in this period has capture GPS.</p>
            ) : (
              <GeoMap cells={d.geo} label="Heat map of repairs by capture location" />
            )}
            <Csv table="geo" period={period} what="locations" />
          </section>

          <section className="an-section" aria-labelledby="an-all">
            <h2 id="an-all">Every repair of the period</h2>
            <Csv table="repairs" period={period} what={`all ${d.kpis.repairs} completed repairs`} />
          </section>
        </div>
      )}
      <AtRiskPanel audience={audience} />
    </div>
  );
}

function HeatGrid({ grid }: { grid: number[][] }) {
  const most = Math.max(1, ...grid.flat());
  return (
    <div className="an-table-wrap">
      <table className="an-heat" aria-label="Completed repairs by weekday and hour">
        <thead>
          <tr>
            <th scope="col">Day</th>
            {Array.from({ length: 24 }, (_, h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((hours, d) => (
            <tr key={WEEKDAYS[d]}>
              <th scope="row">{WEEKDAYS[d]}</th>
              {hours.map((count, h) => (
                <td
                  key={h}
                  title={`${WEEKDAYS[d]} ${h}:00 – ${count} repairs`}
                  style={{ background: count ? `rgba(185, 28, 28, ${0.1 + (0.85 * count) / most})` : undefined }}
                >
                  {count || ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A customer's average stars and how they moved since the previous period ("no data" without answers). */
function satisfactionTrend(now: number | null, before: number | null): string {
  if (now === null) return before === null ? "no data" : `no data (was ${before})`;
  if (before === null) return String(now);
  const change = Math.round((now - before) * 10) / 10;
  if (change === 0) return `${now} (steady)`;
  return `${now} (${change > 0 ? "up" : "down"} ${Math.abs(change)} from ${before})`;
}
