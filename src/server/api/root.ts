// The app router: one router per area of the business (create-t3-app layout).
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { sessionRouter } from "./routers/session";

export const appRouter = createTRPCRouter({
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
