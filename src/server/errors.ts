// Server-side refusals that are not business rules but still reach the screen as typed codes.
import "server-only";
import { DomainError, type RefusalCode } from "~/domain";

/** Also used when a record exists but the actor may not see it, so nothing leaks. */
export class NotFound extends DomainError {
  readonly code = "NOT_FOUND";
  constructor(what: string) {
    super(`${what} was not found.`);
  }
}

/** Input that passed its shape check but contradicts the database (unknown unit, wrong customer...). */
export class InvalidRequest extends DomainError {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}
