"use client";
// The operational KPIs with their targets, each beside the previous period's figure.
import { formatCents } from "~/domain";
import type { RouterOutputs } from "~/trpc/react";

type Dashboard = RouterOutputs["analytics"]["dashboard"];

type Kpi = {
  id: string;
  label: string;
  value: number | null;
  previous: number | null;
  show: (v: number) => string;
  target?: string;
  /** Whether the figure meets its target. */
  good?: (v: number) => boolean;
};

export function KpiStrip({ dashboard: d }: { dashboard: Dashboard }) {
  const t = d.targets;
  const kpis: Kpi[] = [
    {
      id: "repairs",
      label: "Repairs completed",
      value: d.kpis.repairs,
      previous: d.previousKpis.repairs,
      show: String,
    },
    {
      id: "revenue",
      label: "Revenue",
      value: d.kpis.revenueCents,
      previous: d.previousKpis.revenueCents,
      show: (v) => formatCents(v),
    },
    {
      id: "completion",
      label: "Repair completion time",
      value: d.kpis.completionMinutes,
      previous: d.previousKpis.completionMinutes,
      show: (v) => `${v} min`,
      target: `≤ ${t.completionMinutes / 60} h`,
      good: (v) => v <= t.completionMinutes,
    },
    {
      id: "response",
      label: "Response to a request",
      value: d.kpis.responseMinutes,
      previous: d.previousKpis.responseMinutes,
      show: (v) => `${v} min`,
      target: `≤ ${t.responseMinutes} min`,
      good: (v) => v <= t.responseMinutes,
    },
    {
      id: "utilization",
      label: "Technician utilization",
      value: d.kpis.utilizationPercent,
      previous: d.previousKpis.utilizationPercent,
      show: (v) => `${v}%`,
      target: `${t.utilizationPercent}%`,
      good: (v) => v >= t.utilizationPercent,
    },
    {
      id: "invoice-accuracy",
      label: "Invoice accuracy",
      value: d.kpis.invoiceAccuracyPercent,
      previous: d.previousKpis.invoiceAccuracyPercent,
      show: (v) => `${v}%`,
      target: `${t.invoiceAccuracyPercent}%`,
      good: (v) => v >= t.invoiceAccuracyPercent,
    },
    {
      id: "satisfaction",
      label: "Customer satisfaction",
      value: d.kpis.satisfaction,
      previous: d.previousKpis.satisfaction,
      show: (v) => `${v} of 5`,
      target: `${t.satisfaction} of 5`,
      good: (v) => v >= t.satisfaction,
    },
  ];
  return (
    <ul className="an-kpis" aria-label="Key figures">
      {kpis.map((k) => (
        <li
          key={k.id}
          className={
            k.value !== null && k.good ? (k.good(k.value) ? "an-kpi on-target" : "an-kpi off-target") : "an-kpi"
          }
          data-testid={`kpi-${k.id}`}
        >
          <span className="an-kpi-label">{k.label}</span>
          <strong className="an-kpi-value">{k.value === null ? "no data" : k.show(k.value)}</strong>
          {k.target && <span className="an-kpi-target">Target {k.target}</span>}
          <span className="an-kpi-previous muted">
            Previous: {k.previous === null ? "no data" : k.show(k.previous)}
          </span>
        </li>
      ))}
    </ul>
  );
}
