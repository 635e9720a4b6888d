// A repair's card on the manager's tablet: when and where it was captured, the technician's
// voice note played in place, and its photos in the in-app viewer (zoom, swipe, before/after
// side by side, Escape closes and focus returns to the thumbnail).
import { createHash, randomUUID } from "node:crypto";
import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { canvasJpeg, recordedTone } from "../support/browser-media";
import { signInAndLand } from "../support/sign-in";
import { newCustomer, uniqueUnit, walkWithFinds } from "./setup";

test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

/** A voice note and two photos (damage, after) made by the browser itself. */
async function mediaFrom(page: Page) {
  const voice = await recordedTone(page);
  return { voice, damage: await canvasJpeg(page, "#b33"), after: await canvasJpeg(page, "#3b3") };
}

const attachment = (bytes: Buffer, kind: string, mimeType: string, photoStage?: string) => ({
  id: randomUUID(),
  kind,
  mimeType,
  sizeBytes: bytes.length,
  sha256: createHash("sha256").update(bytes).digest("hex"),
  ...(photoStage ? { photoStage } : {}),
});

async function upload(device: APIRequestContext, id: string, bytes: Buffer) {
  const response = await device.put(`/api/uploads/${id}?offset=0`, {
    data: bytes,
    headers: { "Content-Type": "application/octet-stream" },
  });
  expect(response.status()).toBe(200);
}

test("a card shows capture time and GPS, plays the voice note, and opens photos in the viewer", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const media = await mediaFrom(page);
  const voice = attachment(media.voice, "VOICE", "audio/webm");
  const damage = attachment(media.damage, "PHOTO", "image/jpeg", "DAMAGE");
  const after = attachment(media.after, "PHOTO", "image/jpeg", "AFTER");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const unit = uniqueUnit("CARD");
  await walkWithFinds(tech, customerId, [
    { unitNumber: unit, latitude: 39.7392, longitude: -104.9903, attachments: [voice, damage, after] },
  ]);
  await upload(tech, voice.id, media.voice);
  await upload(tech, damage.id, media.damage);
  await upload(tech, after.id, media.after);

  await signInAndLand(page, "manager@demo.test", "/manager");
  const queue = page.getByRole("region", { name: "Waiting for approval" });
  await queue.getByRole("searchbox", { name: "Search unit, customer or technician" }).fill(unit);
  const card = queue.getByRole("article", { name: `Unit ${unit}` });
  await expect(card.getByTestId("captured-at")).not.toBeEmpty();
  await expect(card.getByTestId("repair-gps")).toHaveText("39.73920, -104.99030");
  await card.getByRole("button", { name: `Show map of unit ${unit}` }).click();
  await expect(card.getByRole("region", { name: `Where unit ${unit} was captured` })).toBeVisible();

  // The voice note plays (muted: a test has no one to listen, and autoplay allows a muted start).
  const audio = card.locator("audio");
  await expect(audio).toHaveAccessibleName(`Voice note 1 of unit ${unit}`);
  const played = await audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    await element.play();
    await new Promise((resolve) => setTimeout(resolve, 600));
    return { time: element.currentTime, error: element.error?.code ?? null };
  });
  expect(played.error).toBeNull();
  expect(played.time).toBeGreaterThan(0);

  // Photos: the viewer opens on the tapped one, zooms, swipes to the next, shows both side by side.
  const thumbnail = card.getByRole("button", { name: `Open damage photo of unit ${unit}` });
  await thumbnail.click();
  const viewer = page.getByRole("dialog", { name: `Photos of unit ${unit}` });
  await expect(viewer).toContainText(`damage photo of unit ${unit} (1 of 2)`);
  await viewer.getByRole("button", { name: "Zoom in" }).click();
  await expect(viewer.getByRole("img", { name: `damage photo of unit ${unit}` })).toHaveAttribute("data-zoom", "1.5");
  await viewer.getByRole("button", { name: "Zoom out" }).click();
  const stage = viewer.getByTestId("photo-stage");
  const box = (await stage.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(viewer).toContainText(`after photo of unit ${unit} (2 of 2)`);
  await viewer.getByRole("button", { name: "Before and after" }).click();
  await expect(viewer.getByRole("img")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
  await expect(thumbnail).toBeFocused();
});
