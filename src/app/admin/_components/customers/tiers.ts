// The five price tiers, in the order the domain stores them.
import { DEFAULT_TIERS_CENTS } from "~/domain";

export const TIER_LABELS = ["1st repair", "2nd repair", "3rd repair", "4th repair", "5th and later"] as const;

export const TIERS = TIER_LABELS.map((label, index) => ({ index, label, defaultCents: DEFAULT_TIERS_CENTS[index]! }));
