"use client";
// A customer's sites (its lots): name, address and coordinates, typed or picked on the map.
// The primary site is where generated walks go; the first site is primary on its own.
import dynamic from "next/dynamic";
import { type FormEvent, useState } from "react";
import { FIELDS, coordinatesProblem } from "~/domain";
import { api } from "~/trpc/react";
import { CheckField, TextField } from "../fields";
import { FormStatus } from "../form-status";

const SiteMapPicker = dynamic(() => import("./site-map-picker"), {
  ssr: false,
  loading: () => (
    <p className="admin-site-map muted" role="status">
      Loading map…
    </p>
  ),
});

type Draft = {
  siteId?: string;
  name: string;
  address: string;
  latitude: string;
  longitude: string;
  isPrimary: boolean;
};
const EMPTY: Draft = { name: "", address: "", latitude: "", longitude: "", isPrimary: false };

export function CustomerSites({ customerId }: { customerId: string }) {
  const sites = api.schedule.sites.useQuery({ customerId });
  const utils = api.useUtils();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const save = api.schedule.saveSite.useMutation({
    onSuccess: () => {
      setDraft(EMPTY);
      void utils.schedule.sites.invalidate({ customerId });
    },
  });
  const change = (patch: Partial<Draft>) => {
    setProblem(null);
    save.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const latitude = Number(draft.latitude);
  const longitude = Number(draft.longitude);
  const placed =
    draft.latitude.trim() !== "" && draft.longitude.trim() !== "" && coordinatesProblem(latitude, longitude) === null
      ? { latitude, longitude }
      : null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const wrong =
      draft.latitude.trim() === "" || draft.longitude.trim() === ""
        ? "Type the latitude and longitude, or click the map."
        : coordinatesProblem(latitude, longitude);
    if (wrong) return setProblem(wrong);
    save.mutate({
      customerId,
      siteId: draft.siteId,
      name: draft.name,
      address: draft.address,
      latitude,
      longitude,
      isPrimary: draft.isPrimary,
    });
  };
  const list = sites.data ?? [];
  return (
    <section className="card" aria-labelledby="sites-heading">
      <h3 id="sites-heading">Sites</h3>
      {list.length === 0 ? (
        <p className="muted">No sites yet: generated walks have no place until one is added.</p>
      ) : (
        <ul className="admin-sites">
          {list.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>
              {s.isPrimary && <span className="badge"> Primary</span>} · {s.address || "no address"} ·{" "}
              {s.latitude.toFixed(5)}, {s.longitude.toFixed(5)}{" "}
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  change({
                    siteId: s.id,
                    name: s.name,
                    address: s.address,
                    latitude: String(s.latitude),
                    longitude: String(s.longitude),
                    isPrimary: s.isPrimary,
                  })
                }
              >
                Edit {s.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} aria-label={draft.siteId ? "Edit site" : "Add a site"}>
        <h4>{draft.siteId ? `Edit ${draft.name || "site"}` : "Add a site"}</h4>
        <div className="admin-row">
          <TextField
            id="site-name"
            label={FIELDS.siteName.label}
            value={draft.name}
            onChange={(name) => change({ name })}
            required
            maxLength={FIELDS.siteName.maxLength}
          />
          <TextField
            id="site-address"
            label={FIELDS.address.label}
            value={draft.address}
            onChange={(address) => change({ address })}
            maxLength={FIELDS.address.maxLength}
          />
        </div>
        <div className="admin-row">
          <TextField
            id="site-latitude"
            label="Latitude"
            inputMode="decimal"
            value={draft.latitude}
            onChange={(value) => change({ latitude: value })}
            hint="-90 to 90"
          />
          <TextField
            id="site-longitude"
            label="Longitude"
            inputMode="decimal"
            value={draft.longitude}
            onChange={(value) => change({ longitude: value })}
            hint="-180 to 180"
          />
        </div>
        <SiteMapPicker
          sites={list}
          picked={placed}
          onPick={(p) => change({ latitude: String(p.latitude), longitude: String(p.longitude) })}
        />
        <CheckField
          label="Primary site (generated walks go here)"
          checked={draft.isPrimary}
          onChange={(isPrimary) => change({ isPrimary })}
        />
        <FormStatus error={save.error} problem={problem} saved={save.isSuccess} savedText="Site saved" />
        <div className="mgr-actions">
          <button type="submit" disabled={save.isPending}>
            {draft.siteId ? "Save site" : "Add site"}
          </button>
          {draft.siteId && (
            <button type="button" className="secondary" onClick={() => change(EMPTY)}>
              New site instead
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
