// Webhooks end to end: an admin subscribes a receiver this test starts on loopback (the e2e server
// allows private targets, WEBHOOK_ALLOW_PRIVATE) to repair.completed for a fleet of the spec's own;
// a repair of that fleet is completed through the API, as a technician's phone would; the receiver
// gets it within seconds with a valid RS-Signature; the delivery log shows 200; Replay sends the
// same RS-Delivery again.
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "../admin/admin-screen";
import { ok, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { trpcMutation } from "../support/trpc";

type Got = { delivery: string; event: string; signed: boolean; body: { type: string; data: { repairId: string } } };

/** Checks RS-Signature as a customer's server would: t=<s>,v1=<hex HMAC-SHA256 of "<t>.<body>">. */
function validSignature(secret: string, header: string, raw: string): boolean {
  const t = /t=(\d+)/.exec(header)?.[1];
  const v1 = /v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!t || !v1 || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${raw}`).digest();
  return timingSafeEqual(Buffer.from(v1, "hex"), expected);
}

test("an admin's webhook receives repair.completed signed; the log shows 200; replay resends the same delivery", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  let secret = "";
  const got: Got[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      got.push({
        delivery: String(req.headers["rs-delivery"]),
        event: String(req.headers["rs-event"]),
        signed: validSignature(secret, String(req.headers["rs-signature"] ?? ""), raw),
        body: JSON.parse(raw) as Got["body"],
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${randomUUID().slice(0, 6)}`;

  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const suffix = randomUUID().slice(0, 6);
  const fleet = `Webhook Fleet ${suffix}`;
  const customer = await ok(trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name: fleet }));
  const techEmail = `webhook.tech.${suffix}@demo.test`;
  const { technician } = await ok(
    trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
      role: "TECHNICIAN",
      email: techEmail,
      name: "Wes Webhook",
      password: "demo1234",
    }),
  );

  await signInAsAdmin(page);
  await page.goto("/admin?tab=webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 2 })).toBeVisible();
  await page.getByLabel("Receiver URL").fill(url);
  await expect(page.getByLabel("repair.completed")).toBeChecked();
  await page.getByLabel("Customer (leave empty for business-wide)").selectOption({ label: fleet });
  await page.getByRole("button", { name: "Add webhook" }).click();
  secret = (await page.getByTestId("webhook-secret").textContent()) ?? "";
  expect(secret).toMatch(/^whsec_/);
  const row = page.getByRole("article", { name: `Webhook ${url}` });
  await expect(row).toContainText(fleet);

  const unit = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: customer.id, unitNumber: uniqueUnit("WH") }),
  );
  const repair = await ok(
    trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
  );
  await ok(trpcMutation(admin, "repair.assign", { repairId: repair.id, technicianId: technician.id }));
  const tech = await signedInApi(playwright, baseURL!, techEmail);
  await ok(trpcMutation(tech, "repair.start", { repairId: repair.id }));
  const after = {
    id: randomUUID(),
    kind: "PHOTO",
    photoStage: "AFTER",
    mimeType: "image/jpeg",
    sizeBytes: 120_000,
    sha256: createHash("sha256").update(suffix).digest("hex"),
  };
  await ok(trpcMutation(tech, "repair.complete", { repairId: repair.id, attachments: [after] }));

  const completed = () => got.filter((g) => g.event === "repair.completed" && g.body.data.repairId === repair.id);
  await expect.poll(() => completed().length, { timeout: 20_000 }).toBe(1);
  const first = completed()[0]!;
  expect(first.signed).toBe(true);
  expect(first.body.type).toBe("repair.completed");

  await row.getByRole("button", { name: "Delivery log" }).click();
  const delivery = row.getByTestId("webhook-delivery").filter({ hasText: first.delivery });
  await expect(delivery).toContainText("repair.completed");
  await expect(delivery).toContainText("delivered");
  await expect(delivery.getByRole("cell", { name: "200", exact: true })).toBeVisible();

  await delivery.getByRole("button", { name: /^Replay/ }).click();
  await expect(row.getByRole("status").filter({ hasText: "Replayed" })).toContainText("HTTP 200");
  expect(completed()).toHaveLength(2);
  expect(completed()[1]).toMatchObject({ delivery: first.delivery, signed: true });

  await admin.dispose();
  await tech.dispose();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
