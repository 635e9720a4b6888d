"use client";
// A customer's units: the list (search, edit, windshield replaced), a new unit, and the
// import of the customer's fleet list.
import { CustomerSelect } from "../customer-select";
import { FleetImport } from "./fleet-import";
import { NewUnitForm } from "./new-unit-form";
import { UnitList } from "./unit-list";

export function UnitsPanel({
  customerId,
  onChoose,
}: {
  customerId: string | null;
  onChoose: (id: string | null) => void;
}) {
  return (
    <div>
      <h2>Units</h2>
      <CustomerSelect id="units-customer" label="Customer" value={customerId} onChange={onChoose} />
      {customerId ? (
        <div key={customerId}>
          <UnitList customerId={customerId} />
          <div className="admin-columns">
            <NewUnitForm customerId={customerId} />
            <FleetImport customerId={customerId} />
          </div>
        </div>
      ) : (
        <p className="empty card">Choose a customer to see and import its units.</p>
      )}
    </div>
  );
}
