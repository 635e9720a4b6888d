// Why an upload of an attachment's bytes is refused, as a code the device acts on: resume from
// the server's offset, start over after a checksum mismatch, or give up and show the message.
import "server-only";
import { type AttachmentProblem, DomainError } from "~/domain/index";

export type UploadRefusalCode =
  | AttachmentProblem["code"]
  | "NOT_YOURS"
  | "INACTIVE_TECHNICIAN"
  /** The chunk does not start where the server's bytes end; `receivedBytes` says where that is. */
  | "OFFSET_MISMATCH"
  /** The whole content does not hash to the declared sha256; the stored bytes were reset to 0. */
  | "CHECKSUM_MISMATCH"
  | "CHUNK_TOO_LARGE"
  | "EMPTY_CHUNK"
  | "MORE_BYTES_THAN_DECLARED"
  /** The complete content is not of its declared type (its first bytes say so); final. */
  | "CONTENT_NOT_OF_TYPE"
  /** The uploader's open uploads would go over OPEN_UPLOAD_BYTES_PER_USER; try again later. */
  | "UPLOAD_QUOTA_EXCEEDED";

export class UploadRefused extends DomainError {
  constructor(
    readonly code: UploadRefusalCode,
    message: string,
    /** Where the stored bytes end, for OFFSET_MISMATCH and CHECKSUM_MISMATCH. */
    readonly receivedBytes?: number,
  ) {
    super(message);
  }
}
