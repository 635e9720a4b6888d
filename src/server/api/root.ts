// The app router: one router per area of the business (create-t3-app layout).
import "server-only";
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { adminRouter } from "./routers/admin";
import { assignmentRouter } from "./routers/assignment";
import { managerRouter } from "./routers/manager";
import { portalRouter } from "./routers/portal";
import { repairRouter } from "./routers/repair";
import { sessionRouter } from "./routers/session";
import { syncRouter } from "./routers/sync";
import { unitRouter } from "./routers/unit";
import { walkRouter } from "./routers/walk";
import { favoriteRouter } from "./routers/favorite";
import { partsRouter } from "./routers/parts";
import { templateRouter } from "./routers/template";
import { routeRouter } from "./routers/route";
import { scheduleRouter } from "./routers/schedule";
import { billingRouter } from "./routers/billing";
import { rewardsRouter } from "./routers/rewards";
import { messagesRouter } from "./routers/messages";
import { notificationsRouter } from "./routers/notifications";
import { apiKeysRouter } from "./routers/api-keys";
import { webhooksRouter } from "./routers/webhooks";
import { pushRouter } from "./routers/push";
import { analyticsRouter } from "./routers/analytics";
import { qualityRouter } from "./routers/quality";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  repair: repairRouter,
  unit: unitRouter,
  walk: walkRouter,
  manager: managerRouter,
  admin: adminRouter,
  portal: portalRouter,
  sync: syncRouter,
  parts: partsRouter,
  template: templateRouter,
  favorite: favoriteRouter,
  assignment: assignmentRouter,
  route: routeRouter,
  schedule: scheduleRouter,
  billing: billingRouter,
  rewards: rewardsRouter,
  messages: messagesRouter,
  notifications: notificationsRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  push: pushRouter,
  analytics: analyticsRouter,
  quality: qualityRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
