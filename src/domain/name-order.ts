// Lists of names (such as the repair templates) in the order people read them: letters regardless of
// case, without String#localeCompare. On a phone, the first localeCompare starts ICU's collator, a
// long task on the walk's form the first time it opens; the names here are the business's own
// labels, for which case-insensitive code-unit order is the alphabetical order they expect.

/** A comparator for sort(): "brake chip" before "Bullseye" before "bullseye 2". */
export function byName(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left !== right) return left < right ? -1 : 1;
  // Same letters: a fixed order (upper case first) so that equal names never swap between renders.
  return a === b ? 0 : a < b ? -1 : 1;
}
