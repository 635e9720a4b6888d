import type { Metadata, Viewport } from "next";
import Script from "next/script";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "RS Systems", template: "%s · RS Systems" },
  description: "Windshield repair: lot walks, approvals and fleet history",
  applicationName: "RS Systems",
  // Installable app (public/manifest.webmanifest); iOS reads only the apple-touch-icon and appleWebApp.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [{ url: "/icons/icon-192.png", type: "image/png", sizes: "192x192" }],
    apple: "/icons/apple-touch-icon.png",
  },
  appleWebApp: { capable: true, title: "RS Systems", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5cad" };

// The empty "beforeInteractive" script: Next runs such scripts before it starts its router, and
// hydrates only once they ran, a task later. That yield splits the framework's start-up in two
// tasks (src/instrumentation-client.ts says which parts). It needs no network, and the browser
// never prepares a script element without text, so no page's policy has to allow it.
//
// No tRPC React provider here: @tanstack/react-query loads only on the screens whose layouts
// wrap them in TRPCReactProvider (manager, admin, portal). /walk talks to the server through the
// vanilla tRPC client (src/client/) and stays without it.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Script id="start-up-yield" strategy="beforeInteractive">
          {""}
        </Script>
      </body>
    </html>
  );
}
