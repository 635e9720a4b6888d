// GET /api/docs: the API reference (Scalar's offline bundle from our origin, no CDN) reading
// /api/v1/openapi.json. Its own policy: scripts from 'self' only (the bundle and its init file,
// no inline script); Scalar writes <style> elements, hence style-src 'unsafe-inline'.
import "server-only";

export const SCALAR_BUNDLE = "/scalar/api-reference-1.76.0.js";

export const DOCS_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>RS Systems API reference</title>
  </head>
  <body>
    <noscript>The reference needs JavaScript; the document itself is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</noscript>
    <div id="app"></div>
    <script src="/scalar/before.js"></script>
    <script src="${SCALAR_BUNDLE}"></script>
    <script src="/scalar/init.js"></script>
  </body>
</html>
`;

export function docsPageResponse(): Response {
  return new Response(HTML, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": DOCS_POLICY,
      "Cache-Control": "public, max-age=300",
    },
  });
}
