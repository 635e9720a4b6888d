import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

// Shown (with HTTP 403) by the proxy when a signed-in role opens a screen that is not theirs.
export default function ForbiddenPage() {
  return (
    <main className="login">
      <div className="card">
        <h1>403 · Not allowed</h1>
        <p>Your account cannot open this screen. If you think it should, ask an administrator.</p>
        {/* The screens follow the role given at sign-in (the server's rights follow at once). */}
        <p className="muted">
          If an administrator has just changed your role, sign out and sign in again to open your new screens.
        </p>
        <p>
          <Link className="button" href="/">
            Go to my home
          </Link>
        </p>
      </div>
    </main>
  );
}
