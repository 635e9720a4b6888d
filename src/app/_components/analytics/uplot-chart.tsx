"use client";
// A uPlot chart, only ever loaded through next/dynamic (charts.tsx): uPlot and its CSS reach the
// browser on the analytics screens alone. Lines for a series over time, bars for categories.
import "uplot/dist/uPlot.min.css";
import uPlot from "uplot";
import { useEffect, useRef } from "react";

export type ChartProps = {
  label: string;
  /** x values: seconds since 1970 for time, 0..n-1 for categories. */
  x: number[];
  series: { label: string; values: number[]; color: string }[];
  kind: "line" | "bars";
  /** Category names (bars) shown under each bar. */
  categories?: string[];
  format?: (value: number) => string;
};

export default function UplotChart({ label, x, series, kind, categories, format }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const serialized = JSON.stringify({ x, series, kind, categories });
  // The formatter of the latest render, read when uPlot draws (a new function is no new chart).
  const formatRef = useRef(format);
  formatRef.current = format;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const show = (v: number) => (formatRef.current ? formatRef.current(v) : String(v));
    const data = JSON.parse(serialized) as Pick<ChartProps, "x" | "series" | "kind" | "categories">;
    const width = Math.max(280, element.clientWidth);
    const bars = data.kind === "bars" ? uPlot.paths.bars!({ size: [0.6, 64] }) : undefined;
    const chart = new uPlot(
      {
        width,
        height: 240,
        scales: { x: { time: data.kind === "line" } },
        axes: [
          data.kind === "bars"
            ? { values: (_u, ticks) => ticks.map((t) => data.categories?.[t] ?? ""), space: 40 }
            : {},
          { values: (_u, ticks) => ticks.map(show), size: 70 },
        ],
        series: [
          {},
          ...data.series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: data.kind === "bars" ? s.color : undefined,
            width: 2,
            paths: bars,
            points: { show: data.kind === "line" && data.x.length < 40 },
            value: (_u: uPlot, v: number | null) => (v === null ? "–" : show(v)),
          })),
        ],
        legend: { show: true },
      },
      [data.x, ...data.series.map((s) => s.values)],
      element,
    );
    const resize = () => chart.setSize({ width: Math.max(280, element.clientWidth), height: 240 });
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.destroy();
    };
  }, [serialized]);

  return <div ref={container} className="an-chart" role="img" aria-label={label} />;
}
