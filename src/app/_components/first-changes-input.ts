// The input an office page prefetches its changes check with (its HTML then carries the cursor of
// the moment it was drawn), and the input use-changes-poll.ts looks that cursor up by.
export const FIRST_CHANGES_INPUT = {};
