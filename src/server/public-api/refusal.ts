import "server-only";
import { DomainError } from "~/domain";

/** A public API request the API itself refuses (bad cursor): a 400 problem. */
export class PublicApiRefusal extends DomainError {
  readonly code = "BAD_INPUT" as const;
}
