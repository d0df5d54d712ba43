import { formatPrice, parsePrice } from "@/lib/format";
import type { Locale } from "@/lib/i18n";
import { createMenuItemInput } from "@/lib/schemas";

/** The dish form as typed: strings, as inputs hold them; `photoUrl` is "" for no photo. */
export type MenuItemDraft = { nameEn: string; nameKo: string; description: string; price: string; photoUrl: string };

export type MenuItemFields = { nameEn: string; nameKo: string; description: string; priceCents: number; photoUrl: string | null };
export type MenuItem = { id: string; nameEn: string | null; nameKo: string | null; description: string; priceCents: number; photoUrl: string | null };

export const emptyMenuItemDraft = (): MenuItemDraft => ({ nameEn: "", nameKo: "", description: "", price: "", photoUrl: "" });

export const draftOf = (item: MenuItem, locale: Locale): MenuItemDraft => ({
  nameEn: item.nameEn ?? "",
  nameKo: item.nameKo ?? "",
  description: item.description,
  price: formatPrice(item.priceCents, locale),
  photoUrl: item.photoUrl ?? "",
});

/** A name problem is "required" when both names are empty; "invalid" when one is too long. */
export type MenuItemErrors = { name?: "required" | "invalid"; description?: true; price?: "required" | "invalid" };

/** The draft as `menu.add`/`menu.update` fields, checked with the server's own schema, or what is wrong with it. */
export function readMenuItemDraft(draft: MenuItemDraft): { fields: MenuItemFields } | { errors: MenuItemErrors } {
  const priceCents = parsePrice(draft.price);
  const { price, ...rest } = draft;
  const fields = { ...rest, priceCents: priceCents ?? -1, photoUrl: draft.photoUrl || null };
  const parsed = createMenuItemInput.safeParse(fields);
  if (parsed.success && priceCents !== undefined) return { fields };
  const errors: MenuItemErrors = priceCents === undefined ? { price: price.trim() ? "invalid" : "required" } : {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [field] = issue.path;
    if (field === "nameEn" || field === "nameKo") errors.name = issue.code === "custom" ? "required" : "invalid";
    if (field === "description") errors.description = true;
    if (field === "priceCents") errors.price ??= "invalid";
  }
  return { errors };
}
