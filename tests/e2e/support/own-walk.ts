// A technician of the spec's own, sent to a demo customer's lot today: the demo technicians'
// walks belong to other specs, and a spec that ends a walk must not take another's.
import { randomUUID } from "node:crypto";
import type { PlaywrightWorkerArgs } from "@playwright/test";
import { signedInApi } from "./api-session";
import { trpcMutation, trpcQuery } from "./trpc";

type Result<T> = Promise<{ ok: true; data: T } | { ok: false; message: string }>;
const ok = async <T>(result: Result<T>) => {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

/** A new technician's email (password demo1234, as the demo users), sent to `customerName`'s
 * lot today when one is given, else with no walk at all. */
export async function technicianWithWalkAt(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  customerName: string | null,
): Promise<string> {
  const admin = await signedInApi(playwright, baseURL, "admin@demo.test");
  try {
    const email = `walker.${randomUUID().slice(0, 8)}@demo.test`;
    const { technician } = await ok(
      trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
        role: "TECHNICIAN",
        email,
        name: "Wes Walker",
        password: "demo1234",
      }),
    );
    if (customerName) {
      const [customer] = await ok(trpcQuery<{ id: string }[]>(admin, "admin.customers", { search: customerName }));
      await ok(
        trpcMutation(admin, "walk.start", { id: randomUUID(), customerId: customer!.id, technicianId: technician.id }),
      );
    }
    return email;
  } finally {
    await admin.dispose();
  }
}
