import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { RestaurantPage } from "./_components/RestaurantPage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("specials.today") };
}

/** The restaurant's public page: its open polls and today's specials. */
export default async function PublicRestaurantPage({ params }: { params: Promise<{ restaurantId: string }> }) {
  const { restaurantId } = await params;
  return <RestaurantPage restaurantId={restaurantId} />;
}
