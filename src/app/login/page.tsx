import type { Metadata } from "next";
import { Suspense } from "react";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default function LoginPage() {
  return (
    <main className="login">
      <div className="card">
        <h1>RS Systems</h1>
        <p className="muted">Sign in to walk lots, approve work or follow your fleet&apos;s repairs.</p>
        <Suspense>
          <LoginForm />
        </Suspense>
      </div>
    </main>
  );
}
