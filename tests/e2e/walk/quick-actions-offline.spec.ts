// The technician's day on the phone, finished: Mark as Urgent and Request Parts queued offline
// and synced when back online; Assign to Me from the phone's list of open work (online only);
// completing a repair whose template brought a checklist. Each test has its own technician and
// its own fleet, so the demo technicians' work and walks stay other specs'.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { newCustomer, ok, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { PHOTO, prepareForOffline, syncSummary, waitForServiceWorkerControl } from "../support/walk-device";
import { openPhone } from "../support/phone";

type Repair = {
  id: string;
  status: string;
  urgent: boolean;
  technicianId: string | null;
  completionChecklist: { item: string; confirmedAt: string }[] | null;
};

/** A technician of the test's own (password demo1234). */
async function ownTechnician(admin: APIRequestContext) {
  const email = `phone.${randomUUID().slice(0, 8)}@demo.test`;
  const { technician } = await ok(
    trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
      role: "TECHNICIAN",
      email,
      name: "Pat Phone",
      password: "demo1234",
    }),
  );
  return { email, technicianId: technician.id };
}

/** A request on a new unit of `customerId`, assigned to `technicianId` when one is given. */
async function requestAt(admin: APIRequestContext, customerId: string, technicianId: string | null) {
  const unitNumber = uniqueUnit("QO");
  const unit = await ok(trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId, unitNumber }));
  const repair = await ok(
    trpcMutation<Repair>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
  );
  if (technicianId) await ok(trpcMutation(admin, "repair.assign", { repairId: repair.id, technicianId }));
  return { unitNumber, repairId: repair.id };
}

test("offline, Mark as Urgent and Request Parts are saved on the phone and reach the office once online", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const tech = await ownTechnician(admin);
  const { unitNumber, repairId } = await requestAt(admin, customerId, tech.technicianId);
  const serverRepair = () => ok(trpcQuery<Repair>(admin, "repair.byId", { id: repairId }));
  const serverParts = () =>
    ok(trpcQuery<{ item: string; quantity: number; status: string }[]>(admin, "parts.forRepair", { repairId }));

  const context = await openPhone(testInfo, baseURL);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, tech.email);
    await expect(page).toHaveURL(/\/walk$/);
    await prepareForOffline(page);
    await waitForServiceWorkerControl(page);
    const card = page.getByRole("region", { name: "My work" }).getByRole("button", { name: new RegExp(unitNumber) });
    await expect(card).toBeVisible();
    await context.setOffline(true);
    await card.click();
    const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
    const actions = work.getByRole("region", { name: "Quick actions" });

    await test.step("offline: the safe actions are queued, the others say they need a connection", async () => {
      await expect(actions.getByRole("button", { name: "Send to customer — Needs a connection" })).toBeDisabled();
      const urgent = actions.getByRole("button", { name: "Mark as urgent" });
      expect((await urgent.boundingBox())!.height).toBeGreaterThanOrEqual(48);
      await urgent.click();
      await expect(actions.getByText(/Marked urgent.*Saved on this phone/)).toBeVisible();
      await expect(work.getByText("Urgent", { exact: true })).toBeVisible();

      await actions.getByRole("button", { name: "Request parts" }).click();
      await actions.getByRole("textbox", { name: "Part" }).fill("Resin kit, 10 ml");
      await actions.getByRole("spinbutton", { name: "Quantity" }).fill("2");
      await actions.getByRole("button", { name: "Send parts request" }).click();
      await expect(actions.getByText("2 × Resin kit, 10 ml: Saved on this phone, not sent yet")).toBeVisible();
      await expect(work.getByText("Saved on this device, waiting to sync.")).toBeVisible();
    });
    expect((await serverRepair()).urgent).toBe(false);
    expect(await serverParts()).toEqual([]);

    await test.step("online: both reach the server, once", async () => {
      await context.setOffline(false);
      await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
      expect((await serverRepair()).urgent).toBe(true);
      expect(await serverParts()).toMatchObject([{ item: "Resin kit, 10 ml", quantity: 2, status: "REQUESTED" }]);
      await expect(actions.getByText(/Saved on this phone, not sent yet/)).toHaveCount(0);
    });
  } finally {
    await context.close();
  }
});

test("Assign to Me from the phone's open work: it needs a connection, and moves the repair into My work", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const tech = await ownTechnician(admin);
  const { unitNumber, repairId } = await requestAt(admin, customerId, null);

  const context = await openPhone(testInfo, baseURL);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, tech.email);
    await expect(page).toHaveURL(/\/walk$/);
    await prepareForOffline(page);
    const open = page.getByRole("region", { name: "Open work you can take" });
    await expect(open.getByText(`Unit ${unitNumber}`)).toBeVisible();

    await context.setOffline(true);
    await expect(open.getByText("Assign to me needs a connection")).toBeVisible();
    await expect(open.getByRole("button", { name: "Assign to me — Needs a connection" }).first()).toBeDisabled();
    await context.setOffline(false);

    const take = open.getByRole("button", { name: `Assign unit ${unitNumber} to me` });
    expect((await take.boundingBox())!.height).toBeGreaterThanOrEqual(48);
    await take.click();
    await expect(open.getByText(`Unit ${unitNumber} is in My work now.`)).toBeVisible();
    await expect(
      page.getByRole("region", { name: "My work" }).getByRole("button", { name: new RegExp(unitNumber) }),
    ).toBeVisible();
    const stored = await ok(trpcQuery<Repair>(admin, "repair.byId", { id: repairId }));
    expect(stored).toMatchObject({ status: "ASSIGNED", technicianId: tech.technicianId });
  } finally {
    await context.close();
  }
});

test("a repair whose template brought a checklist is completed once its items and the customer's are ticked", async ({
  playwright,
}, testInfo) => {
  test.setTimeout(240_000);
  const baseURL = testInfo.project.use.baseURL!;
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  await ok(trpcMutation(admin, "admin.updateFleetSettings", { customerId, completionChecklist: ["Resin cured"] }));
  const tech = await ownTechnician(admin);
  const { unitNumber, repairId } = await requestAt(admin, customerId, tech.technicianId);
  const template = await ok(
    trpcMutation<{ id: string }>(admin, "template.save", {
      companyWide: true,
      name: `Bull's-eye ${randomUUID().slice(0, 6)}`,
      damageType: "BULLS_EYE",
      checklist: ["Glass cleaned", "Resin cured"],
    }),
  );
  await ok(trpcMutation(admin, "template.applyTo", { templateId: template.id, repairIds: [repairId] }));
  const items = ["Resin cured", "Glass cleaned"];

  const context = await openPhone(testInfo, baseURL);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, tech.email);
    await expect(page).toHaveURL(/\/walk$/);
    await prepareForOffline(page);
    await page
      .getByRole("region", { name: "My work" })
      .getByRole("button", { name: new RegExp(unitNumber) })
      .click();
    const work = page.getByRole("dialog", { name: `Unit ${unitNumber}` });
    await work.getByRole("button", { name: "Start repair" }).click();
    const checklist = work.getByRole("group", { name: "Completion checklist" });
    await expect(checklist.getByRole("checkbox")).toHaveCount(2);
    await work.getByLabel("Add after photo").setInputFiles(PHOTO);
    await expect(work.getByRole("img", { name: /After photo/ })).toBeVisible();
    const complete = work.getByRole("button", { name: "Complete repair" });
    for (const item of items) {
      await expect(complete).toBeDisabled();
      await checklist.getByRole("checkbox", { name: item }).click();
      await expect(checklist.getByRole("checkbox", { name: item })).toBeChecked();
    }
    await expect(complete).toBeEnabled();
    await complete.click();
    await expect(work.getByRole("status").first()).toHaveText(/Completed/);
    await work.getByRole("button", { name: "Back" }).click();
    await expect(syncSummary(page)).toContainText("Everything is synced", { timeout: 60_000 });
    const done = await ok(trpcQuery<Repair>(admin, "repair.byId", { id: repairId }));
    expect(done.status).toBe("COMPLETED");
    expect(done.completionChecklist!.map((c) => c.item)).toEqual(items);
  } finally {
    await context.close();
  }
});
