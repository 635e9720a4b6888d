// The admin hears a technician's voice note from a unit's repairs (Units tab), as the manager
// does on a card; the note's bytes are the admin's to fetch and another company's user gets 404.
import { createHash, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { recordedTone } from "../support/browser-media";
import { newCustomer, uniqueUnit, walkWithFinds } from "../manager/setup";
import { signInAsAdmin } from "./admin-screen";

test.use({ viewport: { width: 820, height: 1180 } });

test("a voice note plays in the admin's unit repairs, and only the right people may fetch it", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const stranger = await signedInApi(playwright, baseURL!, "customer@demo.test");
  const bytes = await recordedTone(page);
  const voice = {
    id: randomUUID(),
    kind: "VOICE",
    mimeType: "audio/webm",
    sizeBytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
  };
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const unit = uniqueUnit("VOICE");
  await walkWithFinds(tech, customerId, [{ unitNumber: unit, attachments: [voice] }]);
  const uploaded = await tech.put(`/api/uploads/${voice.id}?offset=0`, {
    data: bytes,
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(uploaded.status()).toBe(200);

  // The bytes: the admin's to fetch; a user of another company is told nothing exists.
  const content = `/api/attachments/${voice.id}/content`;
  const asAdmin = await admin.get(content);
  expect(asAdmin.status()).toBe(200);
  expect(Buffer.from(await asAdmin.body()).equals(bytes)).toBe(true);
  expect((await stranger.get(content)).status()).toBe(404);

  await signInAsAdmin(page);
  await page.goto(`/admin?tab=units&customer=${customerId}`);
  const row = page.getByRole("list", { name: "Units" }).getByRole("listitem", { name: `Unit ${unit}` });
  await row.getByRole("button", { name: `Repairs of unit ${unit}` }).click();
  const repairs = row.getByRole("region", { name: `Repairs of unit ${unit}` });
  await expect(repairs.getByText("Chip", { exact: false }).first()).toBeVisible();

  // It plays (muted: a test has no one to listen, and autoplay allows a muted start).
  const audio = repairs.locator("audio");
  await expect(audio).toHaveAccessibleName(`Voice note 1 of unit ${unit}`);
  const played = await audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { time: element.currentTime, error: element.error?.code ?? null, ready: element.readyState };
  });
  expect(played.error).toBeNull();
  expect(played.time).toBeGreaterThan(0);
  expect(played.ready).toBeGreaterThan(0);

  await row.getByRole("button", { name: `Hide repairs of unit ${unit}` }).click();
  await expect(repairs).toHaveCount(0);
});
