// The business-wide settings for the admin's form, with the defaults until an admin saves them.
import "server-only";
import { assertAllowed } from "~/domain";
import type { BusinessSettings } from "~/domain/business-settings";
import type { Db } from "../../db";
import type { ServiceContext } from "../../service-context";
import { readBusinessSettings } from "../../data/settings/business-settings";

export async function getBusinessSettings(db: Db, ctx: ServiceContext): Promise<BusinessSettings> {
  assertAllowed(ctx.actor, "user.manage", null);
  return readBusinessSettings(db);
}
