import type { Metadata } from "next";
import { WebhooksPanel } from "../../_components/webhooks-panel";
import { TopBar } from "../../_components/top-bar";
import { requireKind } from "../../_components/require-kind";
import { UntilHydrated } from "~/app/_components/until-hydrated";

export const metadata: Metadata = { title: "Webhooks" };

// The customer's own webhooks; only its primary contact may manage them (the service refuses others).
export default async function Page() {
  const { actor } = await requireKind("customer");
  return (
    <>
      <TopBar title="Webhooks" userName={actor.name} />
      <main>
        <UntilHydrated>
          <WebhooksPanel />
        </UntilHydrated>
      </main>
    </>
  );
}
