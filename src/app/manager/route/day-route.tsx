"use client";
// A technician's day in driving order: pick a technician of the team and a day, see the stops
// numbered with each leg and estimated arrival, and the same order on the map.
import { useState } from "react";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";
import { ManagerNav } from "../_components/manager-nav";
import { RouteMap } from "./route-map";

export function DayRoute() {
  const team = api.manager.team.useQuery();
  const [chosen, setChosen] = useState<string>("");
  // Until a day is picked the server answers for the business's today (its time zone, not the tablet's).
  const [picked, setPicked] = useState<string | null>(null);
  const technicianId = chosen || team.data?.[0]?.technicianId || "";
  const route = api.route.day.useQuery(
    { technicianId, ...(picked ? { day: picked } : {}) },
    { enabled: Boolean(technicianId) },
  );
  const data = route.data;
  const day = picked ?? data?.day ?? "";
  return (
    <section className="mgr">
      <h1>Driving order</h1>
      <ManagerNav />
      <div className="mgr-actions">
        <label>
          Technician{" "}
          <select value={technicianId} onChange={(e) => setChosen(e.target.value)}>
            {(team.data ?? []).map((t) => (
              <option key={t.technicianId} value={t.technicianId}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Day <input type="date" value={day} required onChange={(e) => e.target.value && setPicked(e.target.value)} />
        </label>
      </div>
      <QueryState
        isLoading={team.isLoading || (Boolean(technicianId) && route.isLoading)}
        error={team.error ?? route.error}
        isEmpty={!data || (data.stops.length === 0 && data.unlocated.length === 0)}
        empty="No walks or on-call work for this technician on this day."
      >
        {data && (
          <>
            <p className="muted">
              {data.stops.length} stops · {data.totalKm} km in this order ({data.nearestNeighbourKm} km nearest first) ·
              leaves{" "}
              {data.start
                ? data.start.kind === "base"
                  ? "the base"
                  : "the last known position"
                : "from the first stop"}{" "}
              at {data.startTime} · {data.averageSpeedKmh} km/h average
            </p>
            <RouteMap
              start={data.start ? { ...data.start, label: "Start" } : null}
              stops={data.stops.map((s) => ({
                position: s.position,
                latitude: s.latitude,
                longitude: s.longitude,
                label: `${s.position}. ${s.customerName}, ${s.siteName}`,
              }))}
            />
            <table aria-label="Stops in driving order">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Stop</th>
                  <th>Address</th>
                  <th>Leg</th>
                  <th>ETA</th>
                </tr>
              </thead>
              <tbody>
                {data.stops.map((s) => (
                  <tr key={`${s.kind}-${s.id}`}>
                    <td>{s.position}</td>
                    <td>
                      <strong>{s.customerName}</strong> · {s.siteName}
                      <br />
                      <span className="muted">
                        {s.kind === "walk" ? "Lot walk" : `Repair · unit ${s.unitNumber}`}
                        {s.plannedTime && <> · planned {s.plannedTime}</>}
                      </span>
                    </td>
                    <td>{s.address}</td>
                    <td>{s.legKm} km</td>
                    <td>
                      {s.eta}
                      {s.waitMinutes > 0 && <span className="muted"> · waits {s.waitMinutes} min</span>}
                      {s.lateByMinutes > 0 && <strong className="route-late"> · late by {s.lateByMinutes} min</strong>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.unlocated.length > 0 && (
              <>
                <h2>Without a location</h2>
                <p className="muted">These have no site with coordinates: add one to the customer to place them.</p>
                <ul>
                  {data.unlocated.map((s) => (
                    <li key={`${s.kind}-${s.id}`}>
                      {s.customerName} · {s.kind === "walk" ? "Lot walk" : `Repair · unit ${s.unitNumber}`}
                      {s.plannedTime && <> · planned {s.plannedTime}</>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
