/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // Styles in the HTML rather than render-blocking stylesheets: the browser paints the server's
    // HTML (/walk's first screen) before the framework's scripts arrive and run, so that first
    // paint is the largest one (LCP) instead of a paint after hydration. Pages allow inline
    // styles (style-src 'unsafe-inline').
    inlineCss: true,
  },
  // Server-only packages loaded from node_modules at run time rather than bundled.
  serverExternalPackages: [
    "pg",
    "pdfkit",
    "@prisma/adapter-pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "bcryptjs",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // /walk uses the camera, the microphone (voice notes) and GPS, from its own pages only.
          { key: "Permissions-Policy", value: "camera=(self), microphone=(self), geolocation=(self)" },
        ],
      },
      // Pages get theirs from src/proxy.ts; API answers and files are never documents that run anything
      // (/api/docs, the API reference page, sets its own: src/server/public-api/docs-page.ts).
      {
        source: "/api/:path((?!docs$).*)",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
