import { formatPrice, parsePrice } from "@/lib/format";
import type { Locale } from "@/lib/i18n";
import { createMenuItemInput } from "@/lib/schemas";

/** The dish form as typed: strings, as inputs hold them; `photoUrl` is "" for no photo. */
export type MenuItemDraft = { name: string; description: string; price: string; photoUrl: string };

export type MenuItemFields = { name: string; description: string; priceCents: number; photoUrl: string | null };

export const emptyMenuItemDraft = (): MenuItemDraft => ({ name: "", description: "", price: "", photoUrl: "" });

export const draftOf = (item: MenuItemFields, locale: Locale): MenuItemDraft => ({
  name: item.name,
  description: item.description,
  price: formatPrice(item.priceCents, locale),
  photoUrl: item.photoUrl ?? "",
});

export type MenuItemErrors = { name?: true; description?: true; price?: true };

/** The draft as `menu.add`/`menu.update` fields, checked with the server's own schema, or what is wrong with it. */
export function readMenuItemDraft(draft: MenuItemDraft): { fields: MenuItemFields } | { errors: MenuItemErrors } {
  const priceCents = parsePrice(draft.price);
  const fields = { name: draft.name, description: draft.description, priceCents: priceCents ?? -1, photoUrl: draft.photoUrl || null };
  const parsed = createMenuItemInput.safeParse(fields);
  if (parsed.success && priceCents !== undefined) return { fields };
  const errors: MenuItemErrors = priceCents === undefined ? { price: true } : {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [field] = issue.path;
    if (field === "name" || field === "description") errors[field] = true;
    if (field === "priceCents") errors.price = true;
  }
  return { errors };
}
