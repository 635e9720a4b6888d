"use client";
// "Today" on /walk's home: the day's walks and on-call work in driving order, as the last prepare
// answered (drawn offline, and from the remembered answer before the device database loads). A
// walk's stop leads to its card in the walk list (Start walk), a repair's to its card in My work.
import { EMPTY_TODAY, HOME_VIEWS, type TodayView } from "~/client/store/home-views";
import { useDeviceQuery } from "../_hooks/use-device-query";

export function TodayRoute() {
  const today = useDeviceQuery((store) => store.today(), "today", { remember: HOME_VIEWS.today, empty: EMPTY_TODAY });
  if (!today || (today.stops.length === 0 && today.unlocated.length === 0)) return null;
  return (
    <section aria-labelledby="today-title" className="card today-route">
      <h2 id="today-title">Today&apos;s driving order</h2>
      <p className="muted">
        {/* The business's day when prepared: prepare again on a new day. */}
        Prepared for {today.day} · from {today.startTime} · {today.totalKm} km
      </p>
      <ol className="today-stops">
        {today.stops.map((stop) => (
          <TodayStop key={`${stop.kind}-${stop.id}`} stop={stop} />
        ))}
      </ol>
      {today.unlocated.length > 0 && (
        <p className="muted">
          Not placed (no site location):{" "}
          {today.unlocated
            .map((s) => (s.kind === "walk" ? s.customerName : `${s.customerName} ${s.unitNumber}`))
            .join(", ")}
        </p>
      )}
    </section>
  );
}

function TodayStop({ stop }: { stop: NonNullable<TodayView>["stops"][number] }) {
  const what = stop.kind === "walk" ? "Lot walk" : `Repair · unit ${stop.unitNumber}`;
  return (
    <li aria-label={`Stop ${stop.position}: ${stop.customerName}`}>
      <a href={stop.kind === "walk" ? `#walk-${stop.id}` : `#work-${stop.id}`}>
        <strong>{stop.customerName}</strong> · {stop.siteName}
      </a>
      <br />
      <span className="muted">
        {what} · {stop.legKm} km · ETA {stop.eta}
        {stop.plannedTime && <> · planned {stop.plannedTime}</>}
      </span>
      {stop.lateByMinutes > 0 && <strong className="route-late"> · late by {stop.lateByMinutes} min</strong>}
      {stop.address && (
        <>
          <br />
          <span className="muted">{stop.address}</span>
        </>
      )}
    </li>
  );
}
