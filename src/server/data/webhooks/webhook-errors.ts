import "server-only";
import { DomainError } from "~/domain";

/** A replay or test asked of a webhook that is switched off. */
export class WebhookDisabled extends DomainError {
  readonly code = "WEBHOOK_DISABLED" as const;
}
