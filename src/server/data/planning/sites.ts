// A customer's sites as the office screens and planned walks read them, and the check that a
// site belongs to the walk's customer.
import "server-only";
import { WalkPlanRefused } from "~/domain";
import type { Db, DbTx } from "../../db";

export const SITE_SELECT = {
  id: true,
  customerId: true,
  name: true,
  address: true,
  latitude: true,
  longitude: true,
  isPrimary: true,
} as const;

export type SiteView = {
  id: string;
  customerId: string;
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  isPrimary: boolean;
};

/** The customer's sites, primary first, then by name. */
export function sitesOf(db: Db | DbTx, customerId: string): Promise<SiteView[]> {
  return db.customerSite.findMany({
    where: { customerId },
    select: SITE_SELECT,
    orderBy: [{ isPrimary: "desc" }, { name: "asc" }],
  });
}

/** Refuses a site that does not exist or belongs to another customer, with one sentence. */
export async function assertSiteOfCustomer(tx: DbTx, siteId: string, customerId: string): Promise<SiteView> {
  const site = await tx.customerSite.findUnique({ where: { id: siteId }, select: SITE_SELECT });
  if (!site || site.customerId !== customerId)
    throw new WalkPlanRefused("SITE_OF_OTHER_CUSTOMER", "This site is not one of this customer's sites.");
  return site;
}
