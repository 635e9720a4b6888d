// The service worker's push handler in Chromium: Playwright's browser cannot reach a real push
// service here, so the push is delivered to the /walk worker through the DevTools protocol
// (ServiceWorker.deliverPushMessage), as a push service's message would arrive; the test reads the
// notification it showed. The click handler is covered by unit tests (service-worker/push.test.ts):
// no protocol command clicks a system notification.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";

test("a push to the /walk worker shows its notification with the repair's link", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["notifications"], { origin: baseURL! });
  await signInAndLand(page, "tech@demo.test", "/walk");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const cdp = await context.newCDPSession(page);
  const registrations: { registrationId: string; scopeURL: string }[] = [];
  cdp.on("ServiceWorker.workerRegistrationUpdated", (event: { registrations: typeof registrations }) => {
    registrations.push(...event.registrations);
  });
  await cdp.send("ServiceWorker.enable");
  await expect.poll(() => registrations.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const origin = new URL(baseURL!).origin;
  const registration = registrations.find((r) => r.scopeURL.startsWith(origin))!;
  const tag = `e2e-${Date.now()}`;
  await cdp.send("ServiceWorker.deliverPushMessage", {
    origin,
    registrationId: registration.registrationId,
    data: JSON.stringify({ title: "Approval needed", body: "Unit AB-12 waits", url: "/manager?repair=r1", tag }),
  });
  const shown = () =>
    page.evaluate(async () => {
      const worker = await navigator.serviceWorker.ready;
      return (await worker.getNotifications()).map((n) => ({
        title: n.title,
        body: n.body,
        tag: n.tag,
        data: n.data as unknown,
      }));
    });
  await expect
    .poll(async () => (await shown()).find((n) => n.tag === tag), { timeout: 10_000 })
    .toEqual({
      title: "Approval needed",
      body: "Unit AB-12 waits",
      tag,
      data: { url: `${origin}/manager?repair=r1` },
    });
});
