/**
 * The photo library shipped in public/menu-photos/: owners pick a dish photo from here. (Uploads are not offered
 * yet; `photoUrl` also admits /uploads/ paths for when they are.) Each photo's name is translated as
 * `menu.photo.<id>`.
 */
export const MENU_PHOTOS = ["bibimbap", "noodles", "soup", "grill", "dessert", "drink"] as const;
export type MenuPhotoId = (typeof MENU_PHOTOS)[number];

export const menuPhotoUrl = (id: MenuPhotoId) => `/menu-photos/${id}.svg`;
