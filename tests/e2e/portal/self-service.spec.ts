// The customer's self-service on /portal, each test with a customer, customer user and
// technician of its own: messages about a repair between the customer, the office and the
// technician's phone; editing a unit and importing a CSV; a status change shown live.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, type Page, type PlaywrightWorkerArgs, expect, test } from "@playwright/test";
import { newCustomer, ok } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn, signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";
import { prepareForOffline, waitForServiceWorkerControl } from "../support/walk-device";

type World = {
  admin: APIRequestContext;
  customer: APIRequestContext;
  customerId: string;
  customerEmail: string;
  techEmail: string;
  technicianId: string;
};

async function ownWorld(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<World> {
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const tag = randomUUID().slice(0, 8);
  const customerEmail = `portal.${tag}@demo.test`;
  await ok(
    trpcMutation(admin, "admin.createUser", {
      role: "CUSTOMER",
      email: customerEmail,
      name: "Pat Portal",
      password: "demo1234",
      customerId,
    }),
  );
  const techEmail = `portal.tech.${tag}@demo.test`;
  const { technician } = await ok(
    trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
      role: "TECHNICIAN",
      email: techEmail,
      name: "Toni Thread",
      password: "demo1234",
    }),
  );
  const customer = await signedInApi(playwright, baseURL, customerEmail);
  return { admin, customer, customerId, customerEmail, techEmail, technicianId: technician.id };
}

/** A unit of the world's customer and a repair the customer requested on it. */
async function requestedRepair(world: World, unitNumber: string) {
  const unit = await ok(
    trpcMutation<{ id: string }>(world.admin, "admin.createUnit", { customerId: world.customerId, unitNumber }),
  );
  return ok(
    trpcMutation<{ id: string }>(world.customer, "repair.request", {
      id: randomUUID(),
      unitId: unit.id,
      damageType: "CHIP",
    }),
  );
}

const openWorkRow = (page: Page, unitNumber: string) =>
  page
    .locator(".card", { has: page.getByRole("heading", { name: "Open work" }) })
    .getByRole("row", { name: new RegExp(unitNumber) });

test("a customer and the office exchange messages about a repair, and the technician answers from the phone", async ({
  playwright,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const world = await ownWorld(playwright, testInfo.project.use.baseURL!);
  const repair = await requestedRepair(world, "MSG-1");
  await ok(trpcMutation(world.admin, "repair.assign", { repairId: repair.id, technicianId: world.technicianId }));

  const portal = await browser.newPage();
  await signInAndLand(portal, world.customerEmail, "/portal");
  await openWorkRow(portal, "MSG-1").getByRole("button", { name: "Messages about MSG-1" }).click();
  const thread = portal.getByTestId("thread");
  await expect(thread.getByRole("heading", { name: "Unit MSG-1 · Chip" })).toBeVisible();
  await thread.getByLabel("Your message").fill("<b>Is the van</b> ready by Friday?");
  await thread.getByRole("button", { name: "Send" }).click();
  // Shown as text: the markup is visible as typed, never rendered.
  await expect(thread.getByTestId("message")).toContainText("<b>Is the van</b> ready by Friday?");
  await expect(thread.locator("b")).toHaveCount(0);

  await test.step("the office answers from /manager/messages", async () => {
    const office = await browser.newPage();
    await signInAndLand(office, "admin@demo.test", "/admin");
    await office.goto("/manager/messages");
    const messages = office.locator("#messages");
    const entry = messages.getByRole("listitem").filter({ hasText: "Unit MSG-1 · Chip" });
    await expect(entry.getByTestId("thread-unread")).toHaveText("1 new");
    await entry.getByRole("button", { name: "Unit MSG-1 · Chip" }).click();
    const officeThread = office.getByTestId("thread");
    await expect(officeThread.getByTestId("message")).toContainText("ready by Friday?");
    await officeThread.getByLabel("Your message").fill("Toni comes Thursday morning.");
    await officeThread.getByRole("button", { name: "Send" }).click();
    await expect(officeThread.getByTestId("message")).toHaveCount(2);
    await office.close();
  });

  await test.step("the technician reads the thread offline after prepare, and answers once online", async () => {
    const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
    const phone = await context.newPage();
    await signIn(phone, world.techEmail);
    await expect(phone).toHaveURL(/\/walk$/);
    await prepareForOffline(phone);
    await waitForServiceWorkerControl(phone);
    await context.setOffline(true);
    await phone
      .getByRole("region", { name: "My work" })
      .getByRole("button", { name: /Unit MSG-1/ })
      .click();
    const work = phone.getByRole("dialog", { name: "Unit MSG-1" });
    const messages = work.getByRole("region", { name: "Messages" });
    await expect(messages.getByTestId("phone-message")).toHaveCount(2);
    await expect(messages).toContainText("Toni comes Thursday morning.");
    await expect(messages.getByRole("button", { name: "Send answer" })).toBeDisabled();
    await expect(messages).toContainText("Needs a connection");
    await context.setOffline(false);
    await messages.getByLabel("Answer").fill("Confirmed, Thursday 9:00.");
    await messages.getByRole("button", { name: "Send answer" }).click();
    await expect(messages.getByTestId("phone-message")).toHaveCount(3);
    await context.close();
  });

  // The open portal picks the answer up by itself (live status), no reload.
  await expect(thread.getByTestId("message")).toHaveCount(3, { timeout: 10_000 });
  await expect(thread.getByTestId("message").nth(2)).toContainText("Toni Thread (Technician)");
  await portal.close();
});

test("a customer adds and edits a unit, and imports the fleet's CSV", async ({ playwright, page }, testInfo) => {
  const world = await ownWorld(playwright, testInfo.project.use.baseURL!);
  await signInAndLand(page, world.customerEmail, "/portal");

  const add = page.getByRole("form", { name: "Add a unit" });
  await add.getByLabel("Unit number").fill("  van   7 ");
  await add.getByLabel("Make (optional)").fill("Ford");
  await add.getByRole("button", { name: "Add unit" }).click();
  await expect(add.getByRole("status")).toHaveText("Unit VAN 7 added.");
  await add.getByLabel("Unit number").fill("Van 7");
  await add.getByRole("button", { name: "Add unit" }).click();
  await expect(add.getByRole("alert")).toContainText("Unit VAN 7 is already registered");

  const edit = page.getByRole("form", { name: "Edit a unit" });
  await edit.getByLabel("Unit to edit").fill("van 7");
  await edit
    .getByRole("group", { name: "Matching units" })
    .getByRole("button", { name: /^VAN 7/ })
    .click();
  await edit.getByLabel("Model (optional)").fill("Transit");
  await edit.getByRole("button", { name: "Save unit" }).click();
  await expect(edit.getByRole("status")).toHaveText("Unit VAN 7 saved.");

  const csv = page.getByRole("group", { name: "Import units" });
  await csv.getByLabel("CSV file").setInputFiles({
    name: "fleet.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("unit_number,make,model\nCSV-1,Ram,ProMaster\nCSV-2,Ford,E-350\n"),
  });
  await expect(csv.getByTestId("csv-result")).toHaveText("2 units imported.");
  await csv.getByLabel("CSV file").setInputFiles({
    name: "again.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("unit_number\ncsv-1\nCSV-3\n"),
  });
  await expect(csv.getByTestId("csv-result")).toContainText("Nothing was imported");

  // The request form's picker finds the new units by number, make or model.
  const request = page.getByRole("form", { name: "Request a repair" });
  await request.getByLabel("Unit", { exact: true }).fill("promaster");
  const matches = request.getByRole("group", { name: "Matching units" });
  await expect(matches.getByRole("button")).toHaveCount(1);
  await matches.getByRole("button", { name: /^CSV-1/ }).click();
  await expect(page.getByTestId("request-estimate")).toContainText("Price: $50.00");
});

test("a status change shows live on an open /portal, without a reload", async ({ playwright, page }, testInfo) => {
  const world = await ownWorld(playwright, testInfo.project.use.baseURL!);
  const repair = await requestedRepair(world, "LIVE-1");
  await signInAndLand(page, world.customerEmail, "/portal");
  const row = openWorkRow(page, "LIVE-1");
  await expect(row).toContainText("Requested by customer");
  await expect(page.getByTestId("live-status")).toContainText("Live: checked at");

  const changedAt = Date.now();
  await ok(trpcMutation(world.admin, "repair.assign", { repairId: repair.id, technicianId: world.technicianId }));
  await expect(row).toContainText("Assigned to technician", { timeout: 5_000 });
  testInfo.annotations.push({ type: "live status shown after", description: `${Date.now() - changedAt} ms` });
});
