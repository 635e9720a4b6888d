// A technician's favorite customers, kept on the server so the star follows them to any device.
import "server-only";
import {
  listFavoriteCustomerIds,
  setFavoriteCustomer,
  setFavoriteCustomerInput,
} from "~/server/services/favorites/favorite-customers";
import { createTRPCRouter, procedureFor } from "../trpc";

const technicianProcedure = procedureFor("technician", "manager");

export const favoriteRouter = createTRPCRouter({
  list: technicianProcedure.query(({ ctx }) => listFavoriteCustomerIds(ctx.db, ctx)),
  set: technicianProcedure
    .input(setFavoriteCustomerInput)
    .mutation(({ ctx, input }) => setFavoriteCustomer(ctx.db, ctx, input)),
});
