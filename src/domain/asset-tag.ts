// A fleet's asset tag: the sticker (QR, Code 128, Code 39 or Data Matrix) a customer puts on each
// vehicle. Printed, typed and scanned spellings must meet, so one rule spells it.

export const ASSET_TAG_MAX_LENGTH = 40;
const ASSET_TAG = /^[A-Z0-9._/:#+-]{1,40}$/;

/** Upper-case, no spaces: " flt 00123 " and "FLT00123" are the same sticker. */
export function normalizeAssetTag(raw: string): string {
  return raw.normalize("NFC").toUpperCase().replace(/\s+/g, "");
}

/** Why a (normalized) asset tag cannot be stored; null when it can. */
export function assetTagProblem(tag: string): string | null {
  if (tag.length > ASSET_TAG_MAX_LENGTH) return `is longer than ${ASSET_TAG_MAX_LENGTH} characters`;
  if (!ASSET_TAG.test(tag)) return "may hold only letters A-Z, digits and . _ / : # + -";
  return null;
}
