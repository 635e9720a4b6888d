// The daily overdue check: an issued invoice past its due day records one PAYMENT_REMINDER per
// reminder step it reaches (the day after the due day, 30 and 60 days late), never twice: the step
// is stored on the invoice in the same transaction as its event.
import "server-only";
import { REMINDER_STEPS, dayKey, reminderStepDue } from "~/domain";
import { config } from "../../config";
import type { Db } from "../../db";
import { recordEvents } from "../../data/events/record-event";
import { dateText, dateValue } from "../../data/planning/planned-walks";

export async function sendPaymentReminders(db: Db, now = new Date()): Promise<{ reminders: number }> {
  const today = dayKey(now, config().BUSINESS_TIME_ZONE);
  return db.$transaction(async (tx) => {
    const overdue = await tx.$queryRaw<
      {
        id: string;
        customerId: string;
        number: string;
        dueOn: Date;
        reminderStep: number;
        totalCents: number;
        paidCents: number;
      }[]
    >`
      SELECT id, "customerId", number, "dueOn", "reminderStep", "totalCents", "paidCents" FROM "Invoice"
      WHERE kind = 'INVOICE' AND status = 'ISSUED' AND "dueOn" < ${dateValue(today)}::date
        AND "reminderStep" < ${REMINDER_STEPS.length}
      ORDER BY id FOR UPDATE`;
    let reminders = 0;
    for (const invoice of overdue) {
      const step = reminderStepDue(dateText(invoice.dueOn), today);
      if (step <= invoice.reminderStep) continue;
      await tx.invoice.update({ where: { id: invoice.id }, data: { reminderStep: step } });
      await recordEvents(tx, [
        {
          type: "PAYMENT_REMINDER",
          customerId: invoice.customerId,
          invoiceId: invoice.id,
          actorUserId: null,
          payload: {
            number: invoice.number,
            step,
            daysLate: REMINDER_STEPS[step - 1],
            dueOn: dateText(invoice.dueOn),
            balanceCents: invoice.totalCents - invoice.paidCents,
          },
        },
      ]);
      reminders += 1;
    }
    return { reminders };
  });
}
