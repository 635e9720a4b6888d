// Every account with its role and what it is linked to (technician profile, customer), for
// the admin; filtered by role or a search on name and email, a page at a time.
import "server-only";
import { z } from "zod";
import { FIELDS, assertAllowed } from "~/domain";
import type { Db } from "../../db";
import { Role } from "../../db/generated/client";
import type { ServiceContext } from "../../service-context";
import { pageInput, pageOf, pageQuery } from "../../data/page";
import { textInput } from "../../data/shared-inputs";
import { USER_INCLUDE, userView } from "../../data/users/user-view";

export const listUsersInput = z.object({
  role: z.enum(Role).optional(),
  customerId: z.uuid().optional(),
  search: textInput(FIELDS.search).optional(),
  ...pageInput(100, 200),
});
export type ListUsersInput = z.input<typeof listUsersInput>;

export async function listUsers(db: Db, ctx: ServiceContext, raw: ListUsersInput = {}) {
  const input = listUsersInput.parse(raw);
  assertAllowed(ctx.actor, "user.manage", null);
  const search = input.search ? { contains: input.search, mode: "insensitive" as const } : undefined;
  const rows = await db.user.findMany({
    where: {
      role: input.role,
      customerUser: input.customerId ? { customerId: input.customerId } : undefined,
      ...(search ? { OR: [{ name: search }, { email: search }] } : {}),
    },
    include: USER_INCLUDE,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...pageQuery(input),
  });
  const page = pageOf(rows, input.limit);
  return { ...page, items: page.items.map(userView) };
}
