// The manager's queue on a tablet: search and filters narrow it on the server; a walk of 100
// finds shows 30 cards and 30 more at a time; "Approve whole walk" approves all of it after a
// confirmation that states the count and total, and Undo within 10 seconds puts every one back
// exactly as it was.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import superjson from "superjson";
import { signedInApi } from "../support/api-session";
import { signInAndLand } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";
import { ok, repairById, uniqueUnit, walkWithFinds } from "./setup";

test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

type QueuePage = { matching: { repairs: number; groups: number } };

/** A customer of the test's own whose every find waits for approval, and its name to search by. */
async function customer(admin: APIRequestContext) {
  const name = `Queue fleet ${randomUUID().slice(0, 8)}`;
  const { id } = await ok(trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name }));
  await ok(trpcMutation(admin, "admin.updateFleetSettings", { customerId: id, autoApproveLotRepairs: false }));
  return { id, name };
}

test("search and filters narrow the queue", async ({ page, playwright, baseURL }) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const { id: first, name: firstName } = await customer(admin);
  const { id: second, name: secondName } = await customer(admin);
  const firstUnits = [uniqueUnit("QF"), uniqueUnit("QF"), uniqueUnit("QF")];
  const secondUnits = [uniqueUnit("QS"), uniqueUnit("QS")];
  const { repairs } = await walkWithFinds(
    tech,
    first,
    firstUnits.map((unitNumber) => ({ unitNumber })),
  );
  await walkWithFinds(
    tech,
    second,
    secondUnits.map((unitNumber) => ({ unitNumber })),
  );
  await ok(trpcMutation(admin, "repair.markUrgent", { repairId: repairs[1]!.id, urgent: true }));

  await signInAndLand(page, "manager@demo.test", "/manager");
  const queue = page.getByRole("region", { name: "Waiting for approval" });
  const search = queue.getByRole("searchbox", { name: "Search unit, customer or technician" });
  await search.fill(firstName);
  const cards = queue.getByRole("article");
  await expect(cards).toHaveCount(3);
  await expect(queue.getByRole("status").filter({ hasText: "3 repairs on 1 walk" })).toBeVisible();

  await queue.getByRole("checkbox", { name: "Urgent only" }).check();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAccessibleName(`Unit ${firstUnits[1]}`);

  await queue.getByRole("button", { name: "Clear filters" }).click();
  await expect(search).toHaveValue("");
  await queue.getByRole("combobox", { name: "Customer" }).selectOption({ label: `${secondName} (2)` });
  await expect(cards).toHaveCount(2);
  await search.fill(secondUnits[1]!.toLowerCase());
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAccessibleName(`Unit ${secondUnits[1]}`);
  await queue.getByRole("combobox", { name: "Sort" }).selectOption({ label: "Highest price first" });
  await expect(cards).toHaveCount(1);
});

/** A finished walk of `count` finds, pushed as a device would in batches of 50. */
async function bigWalk(walker: APIRequestContext, customerId: string, count: number) {
  const walkId = randomUUID();
  const deviceId = randomUUID();
  const units = Array.from({ length: count }, (_, i) => `BIG-${walkId.slice(0, 4).toUpperCase()}-${i + 1}`);
  const mutations = [
    { type: "walk.start", payload: { id: walkId, customerId } },
    ...units.map((unitNumber) => ({
      type: "repair.capture",
      payload: { id: randomUUID(), walkId, customerId, damageType: "CHIP", unitNumber },
    })),
    // Finished, so the walk is not among the technician's walks to prepare, which other suites count.
    {
      type: "walk.finish",
      payload: {
        walkId,
        endedAt: new Date(),
        siteContactName: "Lot supervisor",
        signedSummary: { units: units.map((unitNumber) => ({ unitNumber, repairs: [] })), totalCents: 0 },
        signature: {
          id: randomUUID(),
          kind: "SIGNATURE",
          mimeType: "image/png",
          sizeBytes: 4_000,
          sha256: "0".repeat(64),
        },
      },
    },
  ].map((m) => ({ id: randomUUID(), ...m }));
  for (let i = 0; i < mutations.length; i += 50) {
    const response = await walker.post("/api/trpc/sync.push", {
      data: superjson.serialize({ deviceId, mutations: mutations.slice(i, i + 50) }),
    });
    expect(response.ok()).toBe(true);
  }
  return { walkId, units };
}

test("a walk of 100 shows 30 cards and the rest on demand; 'Approve whole walk' approves all 100 after its confirmation, and Undo restores them", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const tech = await signedInApi(playwright, baseURL!, "tech@demo.test");
  const { id: customerId, name } = await customer(admin);
  const { walkId, units } = await bigWalk(tech, customerId, 100);
  const before = await repairById(admin, (await pendingIds(admin, customerId))[0]!);

  await signInAndLand(page, "manager@demo.test", "/manager");
  const queue = page.getByRole("region", { name: "Waiting for approval" });
  await queue.getByRole("searchbox", { name: "Search unit, customer or technician" }).fill(name);
  await expect(queue.getByRole("status").filter({ hasText: "100 repairs on 1 walk" })).toBeVisible();
  const group = queue.getByTestId("queue-group");
  await expect(group).toHaveCount(1);
  // A page's worth of its cards, and the rest on demand; the walk's approval covers all 100.
  const cards = group.getByRole("article");
  await expect(cards).toHaveCount(30);
  await expect(group.getByText("30 of 100 repairs shown")).toBeVisible();
  await group.getByRole("button", { name: "Show 30 more of this walk (70 not shown)" }).click();
  await expect(cards).toHaveCount(60);
  await expect(group.getByText("60 of 100 repairs shown")).toBeVisible();
  await group.getByRole("button", { name: "Approve whole walk" }).click();
  await expect(group.getByRole("group")).toContainText("Approve 100 repairs for $5,000.00?");
  await group.getByRole("button", { name: "Approve 100 repairs" }).click();

  const undoBar = page.getByRole("status").filter({ hasText: "Approved 100 repairs of" });
  await expect(undoBar).toBeVisible();
  await expect(queue.getByText("Nothing matches this search and these filters.")).toBeVisible();
  expect((await ok(trpcQuery<QueuePage>(admin, "manager.queue", { customerId, status: "APPROVED" }))).matching).toEqual(
    { repairs: 100, groups: 1 },
  );

  await undoBar.getByRole("button", { name: /^Undo/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Undone: 100 repairs" })).toBeVisible();
  await expect(queue.getByRole("status").filter({ hasText: "100 repairs on 1 walk" })).toBeVisible();
  // Exactly as before: status and every field of the approval (its history gains the approval and its undo).
  const after = await repairById(admin, before.id);
  const approvalOf = (r: typeof before) => ({
    status: r.status,
    approvalKind: r.approvalKind,
    approvalRule: r.approvalRule,
    approvedById: r.approvedById,
    approvedAt: r.approvedAt,
  });
  expect(approvalOf(after)).toEqual(approvalOf(before));
  expect(before.status).toBe("PENDING_APPROVAL");
  expect((await pendingIds(admin, customerId)).length).toBe(100);
  expect(units).toHaveLength(100);
  expect(walkId).toBeTruthy();
});

async function pendingIds(admin: APIRequestContext, customerId: string): Promise<string[]> {
  const page = await ok(
    trpcQuery<{ groups: { repairs: { id: string }[] }[] }>(admin, "manager.queue", {
      customerId,
      sort: "oldest",
      repairs: 500,
    }),
  );
  return page.groups.flatMap((g) => g.repairs.map((r) => r.id)).sort();
}
