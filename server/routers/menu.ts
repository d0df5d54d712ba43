import { createMenuItemInput, menuItemIdInput, restaurantRefInput, updateMenuItemInput } from "@/lib/schemas";
import { addMenuItem, listMenu, removeMenuItem, updateMenuItem } from "../domain/menu/mutations";
import { ownerProcedure, router } from "../trpc/init";

export const menuRouter = router({
  list: ownerProcedure.input(restaurantRefInput).query(({ ctx, input }) => listMenu(ctx.services.db, ctx.owner.id, input?.restaurantId)),
  add: ownerProcedure.input(createMenuItemInput).mutation(({ ctx, input }) => addMenuItem(ctx.services.db, ctx.owner.id, input)),
  update: ownerProcedure.input(updateMenuItemInput).mutation(({ ctx, input }) => updateMenuItem(ctx.services.db, ctx.owner.id, input)),
  remove: ownerProcedure.input(menuItemIdInput).mutation(({ ctx, input }) => removeMenuItem(ctx.services.db, ctx.owner.id, input.menuItemId)),
});
