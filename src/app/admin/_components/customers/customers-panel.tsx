"use client";
// Customers: the searchable list beside the chosen customer's detail (side by side on a
// tablet in landscape, one after the other on a phone with a way back to the list).
import { CustomerDetail } from "./customer-detail";
import { CustomerList } from "./customer-list";
import { NewCustomerForm } from "./new-customer-form";

export function CustomersPanel({
  customerId,
  onChoose,
}: {
  customerId: string | null;
  onChoose: (id: string | null) => void;
}) {
  return (
    <div className="admin-master" data-detail={customerId ? "open" : "closed"}>
      <div className="admin-master-list">
        <CustomerList selectedId={customerId} onChoose={onChoose} />
        <NewCustomerForm onCreated={onChoose} />
      </div>
      <div className="admin-master-detail">
        {customerId ? (
          <CustomerDetail key={customerId} customerId={customerId} onClose={() => onChoose(null)} />
        ) : (
          <p className="empty card">Choose a customer to see its prices, fleet settings and contact details.</p>
        )}
      </div>
    </div>
  );
}
