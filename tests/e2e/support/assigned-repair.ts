// The set-up of the specs that follow one assigned repair through a technician's phone: a repair
// requested for a unit and assigned by the manager to the demo technician, then the technician's
// phone signed in, prepared for offline, showing that unit on "My work", and offline.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, type BrowserContext, type Locator, type Page, expect } from "@playwright/test";
import { ok, technicianIdOf } from "../manager/setup";
import { signedInApi } from "./api-session";
import { openPhone } from "./phone";
import { signIn } from "./sign-in";
import { trpcMutation, trpcQuery } from "./trpc";
import { prepareForOffline, waitForServiceWorkerControl } from "./walk-device";

type Playwright = Parameters<typeof signedInApi>[0];

/** Requested for `unitId` and assigned to Taylor Tech; `serverRepair()` reads it back as the admin. */
export async function repairAssignedToTaylor<R>(
  playwright: Playwright,
  baseURL: string,
  admin: APIRequestContext,
  request: { unitId: string; damageType: string },
): Promise<{ id: string; serverRepair: () => Promise<R> }> {
  const requested = await ok(trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), ...request }));
  const manager = await signedInApi(playwright, baseURL, "manager@demo.test");
  await ok(
    trpcMutation(manager, "repair.assign", {
      repairId: requested.id,
      technicianId: await technicianIdOf(admin, "Taylor Tech"),
    }),
  );
  return { id: requested.id, serverRepair: () => ok(trpcQuery<R>(admin, "repair.byId", { id: requested.id })) };
}

/** The technician's phone, offline once prepared, with `unitNumber`'s card shown on "My work". Close `context` after. */
export async function technicianOfflineWithCard(
  testInfo: Parameters<typeof openPhone>[0],
  baseURL: string,
  unitNumber: string,
): Promise<{ context: BrowserContext; page: Page; card: Locator }> {
  const context = await openPhone(testInfo, baseURL);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const card = page.getByRole("region", { name: "My work" }).getByRole("button", { name: new RegExp(unitNumber) });
    await signIn(page, "tech@demo.test");
    await expect(page).toHaveURL(/\/walk$/);
    await prepareForOffline(page);
    await waitForServiceWorkerControl(page);
    await expect(card).toBeVisible();
    await context.setOffline(true);
    return { context, page, card };
  } catch (error) {
    await context.close();
    throw error;
  }
}
