// Lists too long for one answer come a page at a time: the client sends the last id of the
// page it has, and gets the next page and the cursor to ask for the one after.
import "server-only";
import { z } from "zod";

export const pageInput = (defaultLimit: number, maxLimit: number) => ({
  /** The last id of the previous page. */
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(maxLimit).default(defaultLimit),
});

/** Prisma arguments for one page (one row more than asked, to know whether another follows). */
export const pageQuery = (page: { cursor?: string; limit: number }) => ({
  take: page.limit + 1,
  ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
});

export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
