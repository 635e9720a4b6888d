// What the customer's repairs cost now, tier by tier, as the server computed it.
import { dateTimeText, formatBasisPoints, formatCents, ordinalWord } from "~/domain";
import type { RouterOutputs } from "~/trpc/react";
import { TIER_LABELS } from "./tiers";

type Pricing = RouterOutputs["admin"]["customer"]["pricing"];

export function PriceList({ pricing }: { pricing: Pricing }) {
  const discount = pricing.volumeDiscountBasisPoints;
  return (
    <div aria-labelledby="price-list-heading">
      <h4 id="price-list-heading">Effective price list</h4>
      <p className="muted">
        Version {pricing.version} ·{" "}
        {pricing.useCustomPricing ? "custom pricing on" : "custom pricing off: default prices"}
        {pricing.updatedAt && ` · changed ${dateTimeText(pricing.updatedAt)}`}
      </p>
      <table aria-label="Effective price list">
        <thead>
          <tr>
            <th scope="col">Repair on a windshield</th>
            <th scope="col">Price</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {pricing.effectiveTiers.map((tier, i) => (
            <tr key={TIER_LABELS[i]}>
              <td>{TIER_LABELS[i]}</td>
              <td>{formatCents(tier.cents)}</td>
              <td>{tier.source === "CUSTOM_TIER" ? "Custom" : "Default"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        {discount > 0
          ? `Volume discount: ${formatBasisPoints(discount)} off from the ${ordinalWord(pricing.volumeDiscountThreshold)} completed repair of a calendar month.`
          : "No volume discount."}
      </p>
    </div>
  );
}
