"use client";
// Which tab and which customer the admin is looking at, kept in the address (?tab=&customer=)
// so a reload, the back button or a shared link opens the same place. history.pushState is
// picked up by Next's router without a server round trip.
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";

export const ADMIN_TABS = [
  { id: "customers", label: "Customers" },
  { id: "technicians", label: "Technicians" },
  { id: "units", label: "Units" },
  { id: "users", label: "Users" },
  { id: "billing", label: "Billing" },
  { id: "business", label: "Business settings" },
  { id: "quality", label: "Quality" },
  { id: "audit", label: "Audit" },
  { id: "api", label: "API keys" },
  { id: "webhooks", label: "Webhooks" },
  { id: "outbox", label: "Outbox" },
] as const;
export type AdminTab = (typeof ADMIN_TABS)[number]["id"];

const isTab = (value: string | null): value is AdminTab => ADMIN_TABS.some((t) => t.id === value);

export function useAdminLocation() {
  const params = useSearchParams();
  const requested = params.get("tab");
  const tab: AdminTab = isTab(requested) ? requested : "customers";
  const customerId = params.get("customer");
  const go = useCallback(
    (change: { tab?: AdminTab; customerId?: string | null }) => {
      const next = new URLSearchParams(params.toString());
      if (change.tab) next.set("tab", change.tab);
      if (change.customerId) next.set("customer", change.customerId);
      else if (change.customerId === null) next.delete("customer");
      window.history.pushState(null, "", `?${next.toString()}`);
    },
    [params],
  );
  return { tab, customerId, go };
}
