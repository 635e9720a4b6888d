// Every rule broken inside the domain surfaces as a DomainError with a stable `code`,
// so server code can map it to a response (and the UI to a message) without parsing text.
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
    // Keeps `instanceof` working whatever the compile target.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A value that should be money, a count or a percentage is not a usable number. */
export class InvalidAmount extends DomainError {
  readonly code = "INVALID_AMOUNT";
}
