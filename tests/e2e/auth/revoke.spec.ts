// A session the server ended stays ended: a copy of the cookie taken before sign-out or before
// an admin reset the password is refused (401), and the new password signs in.
import { type APIRequestContext, type PlaywrightWorkerArgs, expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { trpcMutation } from "../support/trpc";

async function signInWith(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  email: string,
  password: string,
): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await api.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  return api;
}

const me = (api: APIRequestContext) => api.get("/api/trpc/session.me");

test("after sign-out, the old session cookie replayed gets 401", async ({ playwright, baseURL }) => {
  const api = await signedInApi(playwright, baseURL!, "tech@demo.test");
  expect((await me(api)).status()).toBe(200);
  const copied = await api.storageState();

  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  expect((await api.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).ok()).toBe(true);

  const replay = await playwright.request.newContext({ baseURL, storageState: copied });
  const response = await me(replay);
  expect(response.status()).toBe(401);
  expect(await response.text()).toContain("UNAUTHORIZED");
  await Promise.all([api.dispose(), replay.dispose()]);
});

test("a password reset by an admin ends the user's sessions; the new password signs in", async ({
  playwright,
  baseURL,
  browser,
}) => {
  const email = `reset.${Date.now()}@rs.example`;
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const created = await trpcMutation<{ id: string }>(admin, "admin.createUser", {
    role: "ADMIN",
    name: "Reset Test",
    email,
    password: "first-pass-1",
  });
  expect(created).toMatchObject({ ok: true });
  const userId = (created as { data: { id: string } }).data.id;

  const user = await signInWith(playwright, baseURL!, email, "first-pass-1");
  expect((await me(user)).status()).toBe(200);
  const copied = await user.storageState();

  expect(await trpcMutation(admin, "admin.resetPassword", { userId, password: "second-pass-2" })).toMatchObject({
    ok: true,
  });
  expect((await me(user)).status()).toBe(401);
  // The 401 removed the cookie, so the pages no longer treat this client as signed in.
  expect((await user.storageState()).cookies.some((c) => c.name.endsWith("session-token"))).toBe(false);
  // A page opened with a copy of the ended cookie goes to the sign-in page, which then stays.
  const tab = await browser.newContext({ storageState: copied });
  const page = await tab.newPage();
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/login");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel("Password")).toBeVisible();
  await tab.close();

  const again = await signInWith(playwright, baseURL!, email, "second-pass-2");
  expect((await me(again)).status()).toBe(200);
  await Promise.all([admin.dispose(), user.dispose(), again.dispose()]);
});
