// What a browser sees of the site's defences: its pages' Permissions-Policy, and a form that a
// page of another site posts to the API, refused before it reaches a mutation.
import { expect, test } from "@playwright/test";
import { signInAndLand } from "../support/sign-in";

test("pages allow camera, microphone and GPS to the site itself only; no HSTS over http", async ({ page }) => {
  const response = await page.goto("/login");
  expect(response?.headers()["permissions-policy"]).toBe("camera=(self), microphone=(self), geolocation=(self)");
  expect(response?.headers()["strict-transport-security"]).toBeUndefined();
});

test("a form posted to a tRPC mutation from another site is refused with 403 CROSS_SITE_REQUEST", async ({
  page,
  baseURL,
}) => {
  await signInAndLand(page, "tech@demo.test", "/walk");
  // The attacker's page, on a site of its own (answered by the test: no DNS, no policy of ours;
  // the app's own pages would not even let a form leave for another site: form-action 'self').
  await page.route("http://attacker.test/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Win a prize</title><body></body>" }),
  );
  await page.goto("http://attacker.test/");
  const target = new URL("/api/trpc/walk.start", baseURL).href;
  const answer = page.waitForResponse((r) => r.url() === target);
  await page.evaluate((action) => {
    const form = document.createElement("form");
    form.method = "POST";
    form.action = action;
    form.enctype = "text/plain";
    const field = document.createElement("input");
    field.name = '{"json":{"id":"00000000-0000-4000-8000-000000000000","customerId":"x","a":"';
    field.value = '"}}';
    form.append(field);
    document.body.append(form);
    form.submit();
  }, target);
  const response = await answer;
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ code: "CROSS_SITE_REQUEST" });
});
