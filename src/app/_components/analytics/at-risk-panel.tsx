"use client";
// Predictive maintenance: the units most likely to need a repair soon, ranked, with the next
// likely repair, the day to inspect by and what to do; per customer a summary (office only);
// how the risk is computed; and how accurate the forecast is (its backtest).
import { useState } from "react";
import { dateTimeText } from "~/domain";
import { api } from "~/trpc/react";
import type { Audience } from "./analytics-dashboard";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function AtRiskPanel({ audience }: { audience: Audience }) {
  const [limit, setLimit] = useState(20);
  const risk = api.analytics.atRisk.useQuery({ limit }, { placeholderData: (previous) => previous });
  const accuracy = api.analytics.accuracy.useQuery();
  const r = risk.data;
  return (
    <section className="an-section" aria-labelledby="an-risk">
      <h2 id="an-risk">Units at risk</h2>
      {risk.error && (
        <p className="error" role="alert">
          {risk.error.message}
        </p>
      )}
      {!r && !risk.error && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {r && (
        <>
          <p>
            {r.atRisk} of {r.counted} units at or above risk {r.threshold} (an alert is raised when a unit crosses it).
            {r.computedAt && ` Computed ${dateTimeText(new Date(r.computedAt))}.`}
          </p>
          {r.units.length === 0 ? (
            <p className="empty">No units yet.</p>
          ) : (
            <div className="an-table-wrap">
              <table className="an-table" data-testid="at-risk-table">
                <thead>
                  <tr>
                    {audience !== "customer" && <th scope="col">Customer</th>}
                    <th scope="col">Unit</th>
                    <th scope="col">Risk</th>
                    <th scope="col">Days between repairs</th>
                    <th scope="col">Next likely repair</th>
                    <th scope="col">Inspect by</th>
                    <th scope="col">Suggested action</th>
                  </tr>
                </thead>
                <tbody>
                  {r.units.map((u) => (
                    <tr key={u.unitId} className={u.score >= r.threshold ? "an-high" : undefined}>
                      {audience !== "customer" && <td>{u.customerName}</td>}
                      <th scope="row">{u.unitNumber}</th>
                      <td>{u.score}</td>
                      <td>{u.mtbfDays ?? "too few repairs"}</td>
                      <td>{u.nextLikelyRepairOn ?? "–"}</td>
                      <td>{u.recommendedInspectionOn ?? "–"}</td>
                      <td>{u.actions.join(" ") || "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {r.counted > r.units.length && (
            <button type="button" onClick={() => setLimit((l) => l * 5)}>
              Show more units
            </button>
          )}
          <a className="an-csv" href="/api/analytics/at-risk.csv" download>
            Download units at risk (CSV)
          </a>
          {audience !== "customer" && r.customers.length > 0 && (
            <>
              <h3>By customer</h3>
              <div className="an-table-wrap">
                <table className="an-table">
                  <thead>
                    <tr>
                      <th scope="col">Customer</th>
                      <th scope="col">Units</th>
                      <th scope="col">At risk</th>
                      <th scope="col">Average risk</th>
                      <th scope="col">Suggested actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.customers.slice(0, 50).map((c) => (
                      <tr key={c.customerId}>
                        <th scope="row">{c.customerName}</th>
                        <td>{c.units}</td>
                        <td>{c.atRisk}</td>
                        <td>{c.averageScore}</td>
                        <td>{c.actions.join(" ") || "–"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <details className="an-help">
            <summary>How the risk is computed</summary>
            <p>
              Mean time between failures (MTBF) is the days from the first to the last repair on the unit&apos;s current
              windshield, divided by the repairs less one. Breaks are taken as random events at the rate λ = 1 / MTBF (a
              unit with fewer than two repairs takes its fleet&apos;s rate: the customer&apos;s repairs of the last year
              per unit per day). The coming month&apos;s seasonal factor s (below) scales it, and the risk is the chance
              of a repair within 30 days: risk = 100 × (1 − e<sup>−30·λ·s</sup>). The next likely repair is the last
              repair plus the MTBF (not before today); the inspection is recommended 14 days before it.
            </p>
            <p>
              Season (repairs per month relative to the average, from the business&apos;s last 3 years; 1 everywhere
              with under 2 years of history): {r.season.map((s, m) => `${MONTHS[m]} ${s.toFixed(2)}`).join(", ")}.
            </p>
          </details>
        </>
      )}
      <details className="an-help" data-testid="accuracy-panel">
        <summary>How accurate is this</summary>
        {accuracy.data ? (
          <p>
            On a seeded 3-year history of {accuracy.data.customers} customers ({accuracy.data.seeds} seeds), trained on
            the first {accuracy.data.trainMonths} months and predicting each customer&apos;s monthly repairs for the
            last {accuracy.data.testMonths}, the forecast is off by {accuracy.data.model} repairs a month on average,
            against {accuracy.data.sameMonthLastYear} for &ldquo;same month last year&rdquo; and{" "}
            {accuracy.data.lastThreeMonths} for &ldquo;average of the last 3 months&rdquo;
            {accuracy.data.beatsBoth ? ": better than both on every seed." : "."}
          </p>
        ) : (
          <p className="muted">Loading…</p>
        )}
      </details>
    </section>
  );
}
