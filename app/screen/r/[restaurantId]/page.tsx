import type { Metadata } from "next";
import { slideSeconds } from "@/lib/screenRotation";
import { pageTitle } from "../../../_i18n/server";
import { serverApi } from "../../../_trpc/server";
import { RestaurantScreen } from "./_components/RestaurantScreen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("tv.title") };
}

/**
 * The restaurant's TV, left running with nobody at it (docs/adr/0030): its open polls in turn, the latest winner,
 * today's specials. `key`: the owner's TV link, which lets it show room codes; `every`: seconds per slide.
 */
export default async function RestaurantScreenPage({
  params,
  searchParams,
}: {
  params: Promise<{ restaurantId: string }>;
  searchParams: Promise<{ key?: string; every?: string }>;
}) {
  const { restaurantId } = await params;
  const { key, every } = await searchParams;
  // The build this page's scripts belong to: a later server with another one makes the TV reload.
  const build = await (await serverApi()).system.build.query().catch(() => null);
  return (
    <RestaurantScreen
      restaurantId={restaurantId}
      screenKey={typeof key === "string" ? key : undefined}
      seconds={slideSeconds(typeof every === "string" ? every : undefined)}
      pageBuild={build}
    />
  );
}
