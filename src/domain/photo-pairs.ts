// Before/after photo pairs: an after photo names the damage photo ("before") of the same repair it
// shows repaired. When the business requires pairs, a repair is completed only once every damage
// photo has its after photo; the office and the portal show each pair side by side.

export type PairablePhoto = { id: string; stage: "DAMAGE" | "AFTER" | null; pairedWithId: string | null };

export type PhotoPair<P extends PairablePhoto = PairablePhoto> = { before: P; after: P | null };

/** Each damage photo with the first after photo paired with it (or none yet), in the photos' order. */
export function photoPairsOf<P extends PairablePhoto>(photos: readonly P[]): PhotoPair<P>[] {
  return photos
    .filter((p) => p.stage === "DAMAGE")
    .map((before) => ({
      before,
      after: photos.find((p) => p.stage === "AFTER" && p.pairedWithId === before.id) ?? null,
    }));
}

/** The damage photos still without their after photo. */
export function unpairedDamagePhotos<P extends PairablePhoto>(photos: readonly P[]): P[] {
  return photoPairsOf(photos).flatMap((pair) => (pair.after ? [] : [pair.before]));
}

/** Why a completion is refused for its pairs (null: it may complete). */
export function photoPairProblem(photos: readonly PairablePhoto[], required: boolean): string | null {
  if (!required) return null;
  const missing = unpairedDamagePhotos(photos).length;
  if (missing === 0) return null;
  return missing === 1
    ? "Take the after photo of the damage photo before completing: the business requires before/after pairs."
    : `Take the after photo of each of the ${missing} damage photos before completing: the business requires before/after pairs.`;
}
