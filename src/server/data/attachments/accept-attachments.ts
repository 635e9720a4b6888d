// The shared attachment rules (src/domain/attachment-rules.ts), checked again on the server when
// a record arrives with its attachments' metadata: a device must never be trusted on them.
import "server-only";
import { attachmentProblem } from "~/domain/index";
import { InvalidRequest } from "../../errors";
import type { AttachmentInput } from "../shared-inputs";

/** Throws InvalidRequest with the rule's code (WRONG_FILE_TYPE, FILE_TOO_LARGE, EMPTY_FILE). */
export function assertAcceptableAttachments(attachments: readonly AttachmentInput[]): void {
  for (const attachment of attachments) {
    const problem = attachmentProblem(attachment.kind, attachment.mimeType, attachment.sizeBytes);
    if (problem) throw new InvalidRequest(problem.code, problem.message);
  }
}
