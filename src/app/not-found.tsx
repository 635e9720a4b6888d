import Link from "next/link";

export default function NotFound() {
  return (
    <main className="login">
      <div className="card">
        <h1>Page not found</h1>
        <p>
          <Link href="/">Go to my home</Link>
        </p>
      </div>
    </main>
  );
}
