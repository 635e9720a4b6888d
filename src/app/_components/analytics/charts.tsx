"use client";
// The analytics screens' charts and map, each its own chunk loaded in the browser when drawn.
import dynamic from "next/dynamic";

const loading = () => (
  <p className="an-chart an-loading muted" role="status">
    Loading chart…
  </p>
);

export const Chart = dynamic(() => import("./uplot-chart"), { ssr: false, loading });
export const GeoMap = dynamic(() => import("./geo-leaflet"), { ssr: false, loading });
