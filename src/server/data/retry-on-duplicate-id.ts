// Records created offline carry client-generated ids, and a device may send the same record
// twice at once (background and foreground sync). The loser of that race hits the primary key:
// running the service once more finds the winner's record and answers as a replay.
import "server-only";
import { InvalidRequest } from "../errors";
import { Prisma } from "../db/generated/client";

/** The database refused a second row with the same unique key: P2002, or P2010 from a raw insert (db/insert-rows.ts). */
export const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError &&
  (error.code === "P2002" || (error.code === "P2010" && driverErrorKind(error.meta) === "UniqueConstraintViolation"));

const driverErrorKind = (meta: Record<string, unknown> | undefined) =>
  (meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause?.kind;

export async function retryOnDuplicateId<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  try {
    return await attempt();
  } catch (error) {
    if (isUniqueViolation(error)) throw new InvalidRequest("ID_IN_USE", "This id is already used by another record.");
    throw error;
  }
}
