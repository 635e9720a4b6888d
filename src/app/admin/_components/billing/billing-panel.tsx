"use client";
// Billing: "Invoice now" for one customer or all (a job whose progress is polled), the invoices
// with filters, one invoice's lines and payments (issue a draft, void with a credit note, record
// a payment), receivables by aging bucket with CSV exports, and the billing settings.
import { type FormEvent, useEffect, useState } from "react";
import {
  AGING_BUCKETS,
  AGING_LABELS,
  INVOICE_STATE_LABELS,
  type InvoiceState,
  dollarsToCents,
  formatCents,
} from "~/domain";
import { api } from "~/trpc/react";
import { QueryState } from "../../../_components/query-state";
import { CustomerSelect } from "../customer-select";
import { CheckField, DollarsField, SelectField, TextField } from "../fields";

const STATE_FILTERS: readonly (readonly [InvoiceState | "ALL", string])[] = [
  ["ALL", "All"],
  ...(Object.entries(INVOICE_STATE_LABELS) as [InvoiceState, string][]),
];
const METHODS = [
  ["CHECK", "Check"],
  ["ACH", "ACH transfer"],
  ["CARD", "Card"],
  ["CASH", "Cash"],
  ["OTHER", "Other"],
] as const;
type Method = (typeof METHODS)[number][0];

export function BillingPanel() {
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [state, setState] = useState<InvoiceState | "ALL">("ALL");
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div className="billing">
      <InvoiceNow customerId={customerId} />
      <div className="card">
        <h2>Invoices</h2>
        <div className="admin-row">
          <CustomerSelect id="billing-customer" label="Customer" value={customerId} onChange={setCustomerId} />
          <SelectField id="billing-state" label="Status" value={state} options={STATE_FILTERS} onChange={setState} />
        </div>
        <InvoiceList customerId={customerId} state={state} onOpen={setOpenId} />
      </div>
      {openId && <InvoiceDetail invoiceId={openId} onClose={() => setOpenId(null)} />}
      <Receivables />
      <BillingSettingsForm />
    </div>
  );
}

function InvoiceNow({ customerId }: { customerId: string | null }) {
  const utils = api.useUtils();
  const current = api.billing.currentRun.useQuery();
  const [runId, setRunId] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const start = api.billing.invoiceNow.useMutation({
    onSuccess: (run) => {
      setRunId(run.runId);
      setNote(run.joined ? "A run was already going: following it." : null);
    },
  });
  const followed = runId ?? current.data?.runId ?? null;
  const status = api.billing.runStatus.useQuery(
    { runId: followed ?? "00000000-0000-0000-0000-000000000000" },
    {
      enabled: followed !== null,
      refetchInterval: (q) => (q.state.data?.status === "RUNNING" || !q.state.data ? 500 : false),
    },
  );
  const finished = status.data && status.data.status !== "RUNNING";
  useEffect(() => {
    if (finished) void utils.billing.invalidate();
  }, [finished, utils]);
  const running = status.data?.status === "RUNNING";
  return (
    <div className="card" aria-labelledby="invoice-now-heading">
      <h2 id="invoice-now-heading">Invoice now</h2>
      <p className="muted">
        Completed repairs are invoiced by each customer&apos;s cadence; a week or month still running waits. The daily
        run does the same at 01:00.
      </p>
      <div className="admin-row">
        <button type="button" disabled={start.isPending || running} onClick={() => start.mutate({})}>
          Invoice all customers
        </button>
        <button
          type="button"
          disabled={!customerId || start.isPending || running}
          onClick={() => customerId && start.mutate({ customerId })}
        >
          Invoice the chosen customer
        </button>
      </div>
      {start.error && <p className="error">{start.error.message}</p>}
      {note && <p className="muted">{note}</p>}
      {status.data && (
        <div role="status" aria-live="polite">
          <progress
            max={Math.max(status.data.customersTotal, 1)}
            value={status.data.status === "DONE" ? Math.max(status.data.customersTotal, 1) : status.data.customersDone}
            aria-label="Invoicing progress"
          />{" "}
          {status.data.status === "RUNNING" &&
            `Invoicing… ${status.data.customersDone} of ${status.data.customersTotal || "?"} customers`}
          {status.data.status === "DONE" && `Done: ${status.data.invoicesCreated} invoices made.`}
          {status.data.status === "FAILED" && `Failed, nothing was invoiced: ${status.data.error ?? ""}`}
        </div>
      )}
    </div>
  );
}

function InvoiceList({
  customerId,
  state,
  onOpen,
}: {
  customerId: string | null;
  state: InvoiceState | "ALL";
  onOpen: (id: string) => void;
}) {
  const list = api.billing.list.useQuery({
    ...(customerId ? { customerId } : {}),
    ...(state === "ALL" ? {} : { state }),
  });
  const rows = list.data ?? [];
  return (
    <QueryState isLoading={list.isLoading} error={list.error} isEmpty={rows.length === 0} empty="No invoices.">
      <table aria-label="Invoices">
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Customer</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Total</th>
            <th scope="col">Balance</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i.id}>
              <td>
                {i.number ?? "Draft"}
                {i.kind === "CREDIT_NOTE" && " (credit note)"}
              </td>
              <td>{i.customerName}</td>
              <td>{i.periodStart === i.periodEnd ? i.periodStart : `${i.periodStart} – ${i.periodEnd}`}</td>
              <td>{INVOICE_STATE_LABELS[i.state]}</td>
              <td>{formatCents(i.totalCents)}</td>
              <td>{formatCents(i.balanceCents)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => onOpen(i.id)}
                  aria-label={`Open ${i.number ?? "draft"} of ${i.customerName}`}
                >
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </QueryState>
  );
}

function InvoiceDetail({ invoiceId, onClose }: { invoiceId: string; onClose: () => void }) {
  const utils = api.useUtils();
  const invoice = api.billing.byId.useQuery({ invoiceId });
  const refresh = () => void utils.billing.invalidate();
  const issue = api.billing.issue.useMutation({ onSuccess: refresh });
  const voiding = api.billing.void.useMutation({ onSuccess: refresh });
  const [reason, setReason] = useState("");
  const i = invoice.data;
  return (
    <div className="card" aria-labelledby="invoice-heading">
      <h2 id="invoice-heading">
        {i ? `${i.kind === "CREDIT_NOTE" ? "Credit note" : "Invoice"} ${i.number ?? "(draft)"}` : "Invoice"}
      </h2>
      <button type="button" onClick={onClose}>
        Close
      </button>
      <QueryState isLoading={invoice.isLoading} error={invoice.error} isEmpty={false} empty="">
        {i && (
          <>
            <p>
              {i.customer.name} · {INVOICE_STATE_LABELS[i.state]} · period {i.periodStart} – {i.periodEnd}
              {i.issuedOn && ` · issued ${i.issuedOn}`}
              {i.dueOn && ` · due ${i.dueOn}`}
              {i.credits?.number && ` · credits ${i.credits.number}`}
              {i.creditNote?.number && ` · credited by ${i.creditNote.number}`}
            </p>
            <table aria-label="Invoice lines">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Description</th>
                  <th scope="col">Technician</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {i.lines.map((l) => (
                  <tr key={l.id}>
                    <td>{l.serviceDate}</td>
                    <td>{l.unitNumber}</td>
                    <td>{l.description}</td>
                    <td>{l.technicianName}</td>
                    <td>{formatCents(l.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              <strong>Total {formatCents(i.totalCents)}</strong> · paid {formatCents(i.paidCents)} · balance{" "}
              <span data-testid="invoice-balance">{formatCents(i.balanceCents)}</span>
            </p>
            <p>
              <a href={`/api/invoices/${i.id}/pdf`} download>
                Download PDF
              </a>
            </p>
            {i.payments.length > 0 && (
              <ul aria-label="Payments">
                {i.payments.map((p) => (
                  <li key={p.id}>
                    {p.receivedOn}: {formatCents(p.amountCents)} by {p.method.toLowerCase()}
                    {p.reference && ` (${p.reference})`}
                  </li>
                ))}
              </ul>
            )}
            {i.status === "DRAFT" && (
              <button type="button" disabled={issue.isPending} onClick={() => issue.mutate({ invoiceId })}>
                Issue invoice
              </button>
            )}
            {issue.error && <p className="error">{issue.error.message}</p>}
            {i.kind === "INVOICE" && i.status === "ISSUED" && <PaymentForm invoiceId={invoiceId} onSaved={refresh} />}
            {i.kind === "INVOICE" && (i.status === "ISSUED" || i.status === "DRAFT") && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  voiding.mutate({ invoiceId, reason });
                }}
              >
                <TextField id="void-reason" label="Reason to void" value={reason} onChange={setReason} />
                <button type="submit" disabled={voiding.isPending || !reason.trim()}>
                  {i.status === "DRAFT" ? "Discard draft" : "Void with a credit note"}
                </button>
                {voiding.error && <p className="error">{voiding.error.message}</p>}
              </form>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function PaymentForm({ invoiceId, onSaved }: { invoiceId: string; onSaved: () => void }) {
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState<Method>("CHECK");
  const [reference, setReference] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const record = api.billing.recordPayment.useMutation({
    onSuccess: () => {
      setAmount("");
      setReference("");
      onSaved();
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    let amountCents: number;
    try {
      amountCents = dollarsToCents(amount);
    } catch {
      setProblem("Type the amount in dollars, such as 125.50.");
      return;
    }
    setProblem(null);
    record.mutate({ invoiceId, amountCents, method, reference });
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="payment-heading">
      <h3 id="payment-heading">Record a payment</h3>
      <div className="admin-row">
        <DollarsField id="payment-amount" label="Amount ($)" value={amount} onChange={setAmount} />
        <SelectField id="payment-method" label="Method" value={method} options={METHODS} onChange={setMethod} />
        <TextField id="payment-reference" label="Reference" value={reference} onChange={setReference} />
      </div>
      <button type="submit" disabled={record.isPending}>
        Record payment
      </button>
      {(problem ?? record.error) && <p className="error">{problem ?? record.error?.message}</p>}
    </form>
  );
}

function Receivables() {
  const data = api.billing.receivables.useQuery();
  const max = Math.max(1, ...AGING_BUCKETS.map((b) => data.data?.buckets[b] ?? 0));
  return (
    <div className="card" aria-labelledby="receivables-heading">
      <h2 id="receivables-heading">Receivables</h2>
      <p>
        <a href="/api/billing/invoices.csv" download>
          Invoices (CSV)
        </a>{" "}
        ·{" "}
        <a href="/api/billing/payments.csv" download>
          Payments (CSV)
        </a>
      </p>
      <QueryState isLoading={data.isLoading} error={data.error} isEmpty={false} empty="">
        <table aria-label="Aging">
          <thead>
            <tr>
              <th scope="col">Days past due</th>
              <th scope="col">Owed</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {AGING_BUCKETS.map((b) => (
              <tr key={b}>
                <td>{AGING_LABELS[b]}</td>
                <td>{formatCents(data.data?.buckets[b] ?? 0)}</td>
                <td aria-hidden="true">
                  <span
                    className="aging-bar"
                    style={{
                      display: "inline-block",
                      height: 10,
                      background: "currentColor",
                      width: `${Math.round(((data.data?.buckets[b] ?? 0) / max) * 200)}px`,
                    }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </div>
  );
}

function BillingSettingsForm() {
  const settings = api.billing.settings.useQuery();
  const utils = api.useUtils();
  const save = api.billing.updateSettings.useMutation({ onSuccess: () => void utils.billing.settings.invalidate() });
  const [draft, setDraft] = useState<{
    invoiceDrafts: boolean;
    invoiceName: string;
    invoiceAddress: string;
    invoiceEmail: string;
  } | null>(null);
  const value = draft ?? settings.data ?? null;
  if (!value) return null;
  const change = (next: Partial<typeof value>) => setDraft({ ...value, ...next });
  return (
    <form
      className="card"
      aria-labelledby="billing-settings-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(value, { onSuccess: () => setDraft(null) });
      }}
    >
      <h2 id="billing-settings-heading">Billing settings</h2>
      <CheckField
        label="Review invoices as drafts before issuing them"
        checked={value.invoiceDrafts}
        onChange={(invoiceDrafts) => change({ invoiceDrafts })}
      />
      <TextField
        id="invoice-name"
        label="Name on invoices"
        value={value.invoiceName}
        onChange={(invoiceName) => change({ invoiceName })}
      />
      <TextField
        id="invoice-address"
        label="Address"
        value={value.invoiceAddress}
        onChange={(invoiceAddress) => change({ invoiceAddress })}
      />
      <TextField
        id="invoice-email"
        label="Billing email"
        value={value.invoiceEmail}
        onChange={(invoiceEmail) => change({ invoiceEmail })}
      />
      <button type="submit" disabled={save.isPending || draft === null}>
        Save billing settings
      </button>
      {save.error && <p className="error">{save.error.message}</p>}
    </form>
  );
}
