"use client";
// The company's invoices and credit notes (never another company's: the server confines the
// list), each with its PDF.
import { INVOICE_STATE_LABELS, formatCents } from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../_components/query-state";

export function Invoices() {
  const invoices = api.billing.list.useQuery({});
  const rows = invoices.data ?? [];
  return (
    <div className="card" id="invoices">
      <h2>Invoices</h2>
      <QueryState
        isLoading={invoices.isLoading}
        error={invoices.error}
        isEmpty={rows.length === 0}
        empty="No invoices yet."
      >
        <table aria-label="Invoices">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Date</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Total</th>
              <th scope="col">Balance</th>
              <th scope="col">PDF</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.number}
                  {i.kind === "CREDIT_NOTE" && " (credit note)"}
                </td>
                <td>{i.issuedOn}</td>
                <td>{i.dueOn}</td>
                <td>{INVOICE_STATE_LABELS[i.state]}</td>
                <td>{formatCents(i.totalCents)}</td>
                <td>{formatCents(i.balanceCents)}</td>
                <td>
                  <a href={`/api/invoices/${i.id}/pdf`} download>
                    Download PDF<span className="sr-only"> of {i.number ?? "the invoice"}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </div>
  );
}
