// Nine finds of one walk priced differently on the device are flagged; the manager settles them
// all with one note in three actions: select the customer's flags, write the note, resolve.
import { expect, test } from "@playwright/test";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { newCustomer, repairById, uniqueUnit, walkWithFinds } from "./setup";

test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

test("nine flags are resolved with one note in three actions, each showing its repair's status", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const customerId = await newCustomer(admin, { autoApproveLotRepairs: false });
  const units = Array.from({ length: 9 }, () => uniqueUnit("BULK"));
  const { repairs } = await walkWithFinds(
    tech,
    customerId,
    units.map((unitNumber) => ({ unitNumber, deviceEstimateCents: 4000 })),
  );

  await signInAndLand(page, "manager@demo.test", "/manager");
  const flags = page.getByRole("region", { name: "Flagged by sync" });
  const card = flags.getByRole("article", { name: `Unit ${units[0]}` });
  await expect(card.getByTestId("flag-status")).toHaveText("Now: Waiting for approval");
  const group = flags
    .getByRole("region", { name: /^Flags of / })
    .filter({ has: page.getByRole("article", { name: `Unit ${units[0]}` }) });
  await expect(group.getByRole("article")).toHaveCount(9);

  await group.getByRole("checkbox", { name: /^Select the 9 flags of / }).check(); // 1
  await flags.getByLabel("What was done about the 9 flags selected?").fill("Price list was stale; kept the server's"); // 2
  await flags.getByRole("button", { name: "Resolve 9 flags" }).click(); // 3
  await expect(group).toHaveCount(0);
  for (const repair of repairs) expect((await repairById(admin, repair.id)).flagResolvedAt).not.toBeNull();
});
