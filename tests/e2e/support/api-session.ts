// An API client signed in through next-auth's credentials endpoint, as the login form does:
// for end-to-end tests of HTTP routes without a page.
import { type APIRequestContext, type PlaywrightWorkerArgs, expect } from "@playwright/test";
import { DEMO_PASSWORD } from "./sign-in";

export async function signedInApi(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  email: string,
): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: DEMO_PASSWORD, json: "true" },
  });
  expect(signIn.ok(), `${email} signs in`).toBe(true);
  expect((await api.storageState()).cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  return api;
}
