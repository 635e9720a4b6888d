import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";

// The `api.*` hooks of these screens need the tRPC React provider (react-query); it lives in
// the layouts that use it, not the root one, so /walk does not download it.
export default function Layout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
