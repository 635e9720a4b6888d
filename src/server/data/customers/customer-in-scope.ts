// The customer a request is about: the one named, else the customer user's own company. One
// the actor may not reach is "not found", so nothing is said about another company.
import "server-only";
import { type Actor, decide } from "~/domain/index";
import { InvalidRequest, NotFound } from "../../errors";

export function customerInScope(
  actor: Actor,
  named: string | undefined,
  action: "customer.settings.view" | "customer.priceList.view",
): string {
  const customerId = named ?? actor.customerId;
  if (!customerId) throw new InvalidRequest("CUSTOMER_REQUIRED", "Choose a customer.");
  if (!decide(actor, action, { customerId }).allowed) throw new NotFound("Customer");
  return customerId;
}
