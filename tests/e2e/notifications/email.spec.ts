// Email notifications, end to end, on a server of the spec's own whose SMTP_URL points at an SMTP
// server the spec starts: a technician's synced walk with repairs needing approval makes ONE mail
// for the customer's user, whose link opens /portal on that repair.
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { headerOf, startSmtpPeer, type SmtpPeer } from "../../support/smtp-peer";
import { newCustomer, ok, technicianIdOf, uniqueUnit, walkWithFinds } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { ownServer, type OwnServer } from "../support/own-server";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation } from "../support/trpc";

const PORT = Number(process.env.E2E_PORT ?? 3217) + 10;

let smtp: SmtpPeer;
let server: OwnServer;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  smtp = await startSmtpPeer();
  // The spec's server inherits these (own-server.ts passes the environment on).
  process.env.SMTP_URL = smtp.url;
  process.env.NOTIFICATION_GATHER_SECONDS = "2";
  server = ownServer(PORT, mkdtempSync(path.join(tmpdir(), "rs-e2e-mail-")));
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
  delete process.env.SMTP_URL;
  delete process.env.NOTIFICATION_GATHER_SECONDS;
});

test("a synced walk's repairs needing approval make one mail whose link opens the repair on /portal", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(180_000);
  const admin = await signedInApi(playwright, server.baseURL, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false, requirePhotoForApproval: false });
  const email = `mailed.${randomUUID().slice(0, 8)}@demo.test`;
  await ok(
    trpcMutation(admin, "admin.createUser", {
      role: "CUSTOMER",
      customerId,
      email,
      name: "Mia Mailed",
      password: "demo1234",
    }),
  );
  const units = [uniqueUnit("EM"), uniqueUnit("EM")];
  const { repairs } = await walkWithFinds(
    admin,
    customerId,
    units.map((unitNumber) => ({ unitNumber })),
    await technicianIdOf(admin, "Taylor Tech"),
  );

  const mine = () => smtp.mails.filter((m) => JSON.stringify(m.to).includes(email));
  await expect.poll(() => mine().length, { timeout: 60_000 }).toBe(1);
  // Nothing more comes for the walk (one mail per walk, not per repair).
  await new Promise((r) => setTimeout(r, 8_000));
  expect(mine()).toHaveLength(1);
  const [mail] = mine();
  expect(mail!.subject).toContain("(2 units)");
  for (const unit of units) expect(mail!.text).toContain(unit);
  expect(headerOf(mail!, "X-RS-Delivery")).toMatch(/^[0-9a-f-]{36}$/);
  const link = new URL(/(http\S+\/portal\S*)/.exec(mail!.text ?? "")![1]!);
  expect(link.pathname).toBe("/portal");
  const repairId = link.searchParams.get("repair")!;
  expect(repairs.map((r) => r.id)).toContain(repairId);

  const page = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
  await signInAndLand(page, email, "/portal");
  await page.goto(`${link.pathname}${link.search}${link.hash}`);
  const row = page.locator(`#repair-${repairId}`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("aria-current", "true");
  await expect(row).toContainText(units[repairs.findIndex((r) => r.id === repairId)]!);
});

test("a daily digest gathers the day's news into one mail, sent early from the admin's outbox", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(240_000);
  const admin = await signedInApi(playwright, server.baseURL, "admin@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false, requirePhotoForApproval: false });
  const email = `digest.${randomUUID().slice(0, 8)}@demo.test`;
  await ok(
    trpcMutation(admin, "admin.createUser", {
      role: "CUSTOMER",
      customerId,
      email,
      name: "Dana Digest",
      password: "demo1234",
    }),
  );
  const mine = () => smtp.mails.filter((m) => JSON.stringify(m.to).includes(email));

  // The customer's user asks for one email a day on its own settings screen.
  const portal = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
  await signInAndLand(portal, email, "/portal");
  await portal.goto("/portal/notifications");
  await portal
    .getByRole("group", { name: "How often" })
    .getByLabel(/^Email/)
    .selectOption("daily");
  await portal.getByRole("button", { name: "Save settings" }).click();
  await expect(portal.getByText("Saved.")).toBeVisible();

  // Two walks the same day, three repairs waiting for approval: at once, they would be two mails.
  const technicianId = await technicianIdOf(admin, "Taylor Tech");
  await walkWithFinds(admin, customerId, [{ unitNumber: uniqueUnit("DG") }], technicianId);
  await walkWithFinds(
    admin,
    customerId,
    [{ unitNumber: uniqueUnit("DG") }, { unitNumber: uniqueUnit("DG") }],
    technicianId,
  );
  // Held for the end of the day.
  await new Promise((r) => setTimeout(r, 8_000));
  expect(mine()).toHaveLength(0);

  const office = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
  await signInAndLand(office, "admin@demo.test", "/admin");
  await office.goto("/admin?tab=outbox");
  await office.getByRole("button", { name: "Send held digests now…" }).click();
  await office.getByRole("button", { name: "Send them now" }).click();
  await expect(office.getByRole("status")).toContainText("within seconds");

  await expect.poll(() => mine().length, { timeout: 60_000 }).toBe(1);
  await new Promise((r) => setTimeout(r, 5_000));
  expect(mine()).toHaveLength(1);
  const [mail] = mine();
  expect(mail!.subject).toMatch(/^Your summary: \d+ updates today$/);
  // One line per kind of news: the three repairs of both walks are one line.
  expect(mail!.text).toMatch(/needs approval \(.*\) x3: http/);
});
