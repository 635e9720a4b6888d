// The admin adds or edits one of a customer's sites: name, address text and coordinates (typed
// or picked on the map; no geocoding service is reachable). One site per customer is primary:
// generated walks go there. The first site becomes primary on its own; making another primary
// clears the old one in the same transaction, under the customer's lock, so two admins saving at
// once never leave two primaries. Audited.
import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FIELDS, WalkPlanRefused, assertAllowed, coordinatesProblem } from "~/domain";
import type { Db } from "../../db";
import { auditChange } from "../../data/audit-change";
import { lockCustomer } from "../../data/customers/lock-customer";
import { SITE_SELECT, assertSiteOfCustomer, sitesOf } from "../../data/planning/sites";
import { textInput } from "../../data/shared-inputs";
import type { ServiceContext } from "../../service-context";

export const saveSiteInput = z.object({
  customerId: z.uuid(),
  /** An existing site to edit; absent for a new one. */
  siteId: z.uuid().optional(),
  name: textInput(FIELDS.siteName, { required: true }),
  address: textInput(FIELDS.address),
  latitude: z.number(),
  longitude: z.number(),
  isPrimary: z.boolean().default(false),
});
export type SaveSiteInput = z.input<typeof saveSiteInput>;

export async function saveSite(db: Db, ctx: ServiceContext, raw: SaveSiteInput) {
  const { customerId, siteId, isPrimary, ...fields } = saveSiteInput.parse(raw);
  assertAllowed(ctx.actor, "customer.sites.edit", { customerId });
  const problem = coordinatesProblem(fields.latitude, fields.longitude);
  if (problem) throw new WalkPlanRefused("INVALID_COORDINATES", problem);
  return db.$transaction(async (tx) => {
    await lockCustomer(tx, customerId);
    const before = siteId ? await assertSiteOfCustomer(tx, siteId, customerId) : null;
    const others = await tx.customerSite.count({ where: { customerId, ...(siteId ? { id: { not: siteId } } : {}) } });
    // The only site is the primary one; the primary stays primary until another takes its place.
    const primary = isPrimary || others === 0 || Boolean(before?.isPrimary);
    if (primary) {
      const demoted = await tx.customerSite.findMany({
        where: { customerId, isPrimary: true, ...(siteId ? { id: { not: siteId } } : {}) },
        select: SITE_SELECT,
      });
      for (const old of demoted) {
        await tx.customerSite.update({ where: { id: old.id }, data: { isPrimary: false } });
        await auditChange(tx, ctx, {
          action: "customer.site.update",
          entityType: "CustomerSite",
          entityId: old.id,
          before: old,
          after: { ...old, isPrimary: false },
        });
      }
    }
    const after = siteId
      ? await tx.customerSite.update({
          where: { id: siteId },
          data: { ...fields, isPrimary: primary },
          select: SITE_SELECT,
        })
      : await tx.customerSite.create({
          data: { id: randomUUID(), customerId, ...fields, isPrimary: primary },
          select: SITE_SELECT,
        });
    await auditChange(tx, ctx, {
      action: siteId ? "customer.site.update" : "customer.site.create",
      entityType: "CustomerSite",
      entityId: after.id,
      before,
      after,
    });
    return { site: after, sites: await sitesOf(tx, customerId) };
  });
}
