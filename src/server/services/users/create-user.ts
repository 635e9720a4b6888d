// The admin opens an account: an admin, a technician (with a technician profile; rights are
// set with updateTechnician) or a customer user (of one customer, optionally its primary
// contact). The email is unique; the password is stored as a bcrypt hash.
import "server-only";
import { z } from "zod";
import { FIELDS, PASSWORD_INPUT_MAX_LENGTH, assertAllowed, assertPassword, normalizeEmail } from "~/domain";
import { hashPassword } from "../../auth/passwords";
import type { Db } from "../../db";
import { InvalidRequest, NotFound } from "../../errors";
import { auditChange } from "../../data/audit-change";
import type { ServiceContext } from "../../service-context";
import { isUniqueViolation } from "../../data/retry-on-duplicate-id";
import { textInput } from "../../data/shared-inputs";
import { USER_INCLUDE, userView } from "../../data/users/user-view";

const account = {
  email: z.email().max(FIELDS.email.maxLength),
  name: textInput(FIELDS.personName, { required: true }),
  password: z.string().max(PASSWORD_INPUT_MAX_LENGTH),
};

export const createUserInput = z.discriminatedUnion("role", [
  z.object({ ...account, role: z.literal("ADMIN") }),
  z.object({ ...account, role: z.literal("TECHNICIAN"), phone: textInput(FIELDS.phone).optional() }),
  z.object({
    ...account,
    role: z.literal("CUSTOMER"),
    customerId: z.uuid(),
    isPrimaryContact: z.boolean().default(false),
  }),
]);
export type CreateUserInput = z.input<typeof createUserInput>;

const emailInUse = (email: string) =>
  new InvalidRequest("EMAIL_IN_USE", `An account with the email ${email} already exists.`);

export async function createUser(db: Db, ctx: ServiceContext, raw: CreateUserInput) {
  const input = createUserInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  assertPassword(input.password);
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw emailInUse(email);
      if (
        input.role === "CUSTOMER" &&
        !(await tx.customer.findUnique({ where: { id: input.customerId }, select: { id: true } }))
      ) {
        throw new NotFound("Customer");
      }
      const user = await tx.user.create({
        data: {
          email,
          name: input.name,
          role: input.role,
          passwordHash,
          ...(input.role === "TECHNICIAN" ? { technician: { create: { phone: input.phone } } } : {}),
          ...(input.role === "CUSTOMER"
            ? { customerUser: { create: { customerId: input.customerId, isPrimaryContact: input.isPrimaryContact } } }
            : {}),
        },
        include: USER_INCLUDE,
      });
      const view = userView(user);
      await auditChange(tx, ctx, {
        action: "user.create",
        entityType: "User",
        entityId: user.id,
        before: null,
        after: view,
      });
      return view;
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if (isUniqueViolation(error)) throw emailInUse(email);
    throw error;
  }
}
