// The business's calendar day ("yyyy-mm-dd" in BUSINESS_TIME_ZONE): what "today" means for
// planning, the driving order, assignment and the device's prepared day, whatever the server's
// own time zone.
import "server-only";
import { dayKey } from "~/domain";
import { config } from "../../config";

export const businessDate = (now = new Date()): string => dayKey(now, config().BUSINESS_TIME_ZONE);
