// How a refused or failed mutation is reported to the device: a rule's refusal or a bad shape
// is final (the device shows it), anything unexpected is retried with the next sync.
import "server-only";
import { ZodError, z } from "zod";
import { DomainError } from "~/domain/index";
import { logServerFailure, serverFailureMessage } from "../../http/server-failure";
import type { MutationFailure } from "../../services/sync/sync-output";

export function mutationFailure(error: unknown, where: string): MutationFailure {
  if (error instanceof ZodError) return { code: "BAD_INPUT", message: z.prettifyError(error), retryable: false };
  if (error instanceof DomainError) return { code: error.code, message: error.message, retryable: false };
  const id = logServerFailure(`sync.push: ${where}`, error);
  return {
    code: "SERVER_ERROR",
    message: `${serverFailureMessage(id)} It is sent again with the next sync.`,
    retryable: true,
  };
}
