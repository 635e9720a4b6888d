// A plain link, not next/link: this page is part of every screen's first load (the root
// layout's not-found boundary), and "/" only redirects to the user's home on the server anyway.
export default function NotFound() {
  return (
    <main className="login">
      <div className="card">
        <h1>Page not found</h1>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above: a full navigation is what "/" needs */}
          <a href="/">Go to my home</a>
        </p>
      </div>
    </main>
  );
}
