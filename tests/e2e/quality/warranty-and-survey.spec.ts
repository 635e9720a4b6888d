// Warranty and survey end to end, with a fleet, technician and customer user of the spec's own:
// an on-call repair is completed (through the API, as the technician's phone would); the
// customer opens a warranty claim on it from /portal and gets a $0 follow-up linked to it; the
// office sends the survey, the customer answers it from its link without signing in, the link
// then refuses a second answer, and the technician's rating on /manager/quality changes.
import { createHash, randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { ok, uniqueUnit } from "../manager/setup";
import { signedInApi } from "../support/api-session";
import { signIn } from "../support/sign-in";
import { trpcMutation, trpcQuery } from "../support/trpc";

const PASSWORD = "demo1234";

async function ownFleet(admin: APIRequestContext) {
  const suffix = randomUUID().slice(0, 6);
  const name = `Quality Fleet ${suffix}`;
  const customer = await ok(trpcMutation<{ id: string }>(admin, "admin.createCustomer", { name }));
  await ok(
    trpcMutation(admin, "admin.updateCustomer", {
      customerId: customer.id,
      contactEmail: `fleet.${suffix}@fleet.example`,
    }),
  );
  const techName = `Quinn Quality ${suffix}`;
  const techEmail = `quality.tech.${suffix}@demo.test`;
  const { technician } = await ok(
    trpcMutation<{ technician: { id: string } }>(admin, "admin.createUser", {
      role: "TECHNICIAN",
      email: techEmail,
      name: techName,
      password: PASSWORD,
    }),
  );
  const userEmail = `quality.user.${suffix}@fleet.example`;
  await ok(
    trpcMutation(admin, "admin.createUser", {
      role: "CUSTOMER",
      email: userEmail,
      name: "Quincy Customer",
      password: PASSWORD,
      customerId: customer.id,
    }),
  );
  return { suffix, name, customer, technician, techName, techEmail, userEmail };
}

async function completedRepair(
  playwright: Parameters<typeof signedInApi>[0],
  baseURL: string,
  admin: APIRequestContext,
  fleet: Awaited<ReturnType<typeof ownFleet>>,
) {
  const unitNumber = uniqueUnit("QA");
  const unit = await ok(
    trpcMutation<{ id: string }>(admin, "admin.createUnit", { customerId: fleet.customer.id, unitNumber }),
  );
  const repair = await ok(
    trpcMutation<{ id: string }>(admin, "repair.request", { id: randomUUID(), unitId: unit.id, damageType: "CHIP" }),
  );
  await ok(trpcMutation(admin, "repair.assign", { repairId: repair.id, technicianId: fleet.technician.id }));
  const tech = await signedInApi(playwright, baseURL, fleet.techEmail);
  await ok(trpcMutation(tech, "repair.start", { repairId: repair.id }));
  const after = {
    id: randomUUID(),
    kind: "PHOTO",
    photoStage: "AFTER",
    mimeType: "image/jpeg",
    sizeBytes: 120_000,
    sha256: createHash("sha256").update(randomUUID()).digest("hex"),
  };
  await ok(trpcMutation(tech, "repair.complete", { repairId: repair.id, attachments: [after] }));
  return { unitNumber, repairId: repair.id };
}

test("a customer opens a warranty claim from /portal: a $0 follow-up linked to the repair", async ({
  page,
  playwright,
  baseURL,
}) => {
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const fleet = await ownFleet(admin);
  const { unitNumber, repairId } = await completedRepair(playwright, baseURL!, admin, fleet);

  await signIn(page, fleet.userEmail);
  await expect(page).toHaveURL(/\/portal$/);
  // The units' histories are far down the portal and load once scrolled to.
  await page.getByRole("heading", { name: "Units", exact: true }).scrollIntoViewIfNeeded();
  await page.locator("summary").filter({ hasText: unitNumber }).click();
  const what = `the chip repair of unit ${unitNumber}`;
  await page.getByRole("button", { name: `Warranty claim for ${what}` }).click();
  const form = page.getByRole("form", { name: `Warranty claim for ${what}` });
  await form.getByLabel("What went wrong").fill("The chip spread overnight");
  await form.getByRole("button", { name: "Open warranty claim" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Warranty repair opened" })).toContainText("$0");

  const followUps = await ok(
    trpcQuery<{
      items: Array<{
        id: string;
        followUpOfId: string | null;
        estimateCents: number | null;
        estimateSource: string | null;
      }>;
    }>(admin, "repair.list", { customerId: fleet.customer.id }),
  );
  const followUp = followUps.items.find((r) => r.followUpOfId === repairId);
  expect(followUp).toMatchObject({ estimateCents: 0, estimateSource: "WARRANTY" });
});

test("a customer answers the survey from its link, once, and the technician's rating changes", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await signedInApi(playwright, baseURL!, "admin@demo.test");
  const fleet = await ownFleet(admin);
  await completedRepair(playwright, baseURL!, admin, fleet);

  await signIn(page, "manager@demo.test");
  await expect(page).toHaveURL(/\/manager$/);
  await page.goto("/manager/quality");
  const rating = page.getByRole("cell", { name: `Customer rating of ${fleet.techName}` });
  await expect(rating).toHaveText("none yet");
  await page.getByRole("button", { name: /Check now/ }).click();
  const link = page.getByRole("link", { name: `Survey link for ${fleet.name}` });
  await expect(link).toBeVisible();
  const url = await link.getAttribute("href");

  // The customer's contact, not signed in, from the link in the mail.
  const visitor = await browser.newContext();
  try {
    const survey = await visitor.newPage();
    await survey.goto(new URL(url!).pathname);
    await expect(survey.getByText(`please rate our windshield repair by ${fleet.techName}`)).toBeVisible();
    await survey.getByLabel("2 stars").check();
    await survey.getByLabel("Comment (optional)").fill("Took a while");
    await survey.getByRole("button", { name: "Send my rating" }).click();
    await expect(survey.getByRole("status")).toContainText("your answer (2 stars) is recorded");
    // A tampered link is not a survey.
    await survey.goto(`${new URL(url!).pathname}x`);
    await expect(survey.getByRole("alert")).toContainText("This survey link is not valid");
  } finally {
    await visitor.close();
  }

  await page.reload();
  await expect(rating).toHaveText("2.00");
});
