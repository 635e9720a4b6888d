// Signs out through next-auth's own endpoints with two fetches, instead of importing
// next-auth/react into every screen (about 9 KB gzipped of first-load JavaScript on /walk).
// Queued work on the device is not touched: it belongs to the device until the server confirms it.
import { tellServiceWorkerSignedOut } from "../pwa/signed-out";

export class SignOutFailed extends Error {}

export async function signOut(callbackUrl = "/login"): Promise<void> {
  await tellServiceWorkerSignedOut();
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch {
    throw new SignOutFailed(
      "You seem to be offline: sign out once you have a connection. Your queued work stays on this device.",
    );
  }
  window.location.assign(callbackUrl);
}
