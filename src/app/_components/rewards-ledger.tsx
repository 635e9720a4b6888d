// A customer's points: balance (and what it is worth), then the ledger newest first with each
// kind in words. Shared by the admin's customer page and the customer's portal.
import { dateText, formatCents, groupedInteger } from "~/domain";
import { POINTS_KIND_LABELS, type PointsKind } from "~/domain/rewards";

export type LedgerRow = {
  id: string;
  kind: PointsKind;
  points: number;
  valueCents: number | null;
  invoiceId: string | null;
  note: string;
  unitNumber: string | null;
  referralCustomerName: string | null;
  createdAt: Date;
};

export type RewardsSummary = {
  balance: number;
  balanceValueCents: number;
  pendingRedemptionPoints: number;
  entries: LedgerRow[];
};

function detailOf(row: LedgerRow): string {
  const parts: string[] = [];
  if (row.unitNumber) parts.push(`unit ${row.unitNumber}`);
  if (row.referralCustomerName) parts.push(row.referralCustomerName);
  if (row.kind === "REDEMPTION" && row.valueCents !== null)
    parts.push(`${formatCents(row.valueCents)} off ${row.invoiceId ? "an invoice" : "the next invoice"}`);
  if (row.note) parts.push(row.note);
  return parts.join(" · ");
}

export function RewardsLedger({ rewards, headingLevel = 4 }: { rewards: RewardsSummary; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="rewards-ledger">
      <p className="rewards-balance" data-testid="points-balance">
        <strong>{groupedInteger(rewards.balance)} points</strong>{" "}
        <span className="muted">(worth {formatCents(rewards.balanceValueCents)})</span>
      </p>
      {rewards.pendingRedemptionPoints > 0 && (
        <p className="muted">
          {groupedInteger(rewards.pendingRedemptionPoints)} redeemed points wait for the next invoice.
        </p>
      )}
      <Heading>Points history</Heading>
      {rewards.entries.length === 0 ? (
        <p className="empty">No points yet: each completed repair earns points.</p>
      ) : (
        <table aria-label="Points history">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">Points</th>
            </tr>
          </thead>
          <tbody>
            {rewards.entries.map((row) => (
              <tr key={row.id}>
                <td>
                  <time dateTime={row.createdAt.toISOString()}>{dateText(row.createdAt)}</time>
                </td>
                <td>{POINTS_KIND_LABELS[row.kind]}</td>
                <td>{detailOf(row)}</td>
                <td className="num">{row.points > 0 ? `+${row.points}` : row.points}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
