import type { Metadata } from "next";
import { ApiKeysPanel } from "../../_components/api-keys-panel";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "API keys" };

// The customer's own API keys; only its primary contact may make or revoke them (the service refuses others).
export default async function Page() {
  const { actor } = await requireKind("customer");
  return (
    <>
      <TopBar title="API keys" userName={actor.name} />
      <main>
        <UntilHydrated>
          <ApiKeysPanel />
        </UntilHydrated>
      </main>
    </>
  );
}
