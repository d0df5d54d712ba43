import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { LiveScreen } from "./_components/LiveScreen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("admin.results") };
}

/** The restaurant's TV: full screen, left running for hours. */
export default async function LiveScreenPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ key?: string }> }) {
  const { slug } = await params;
  const { key } = await searchParams;
  // `key`: the screen's own link shows the room code (docs/adr/0026).
  return <LiveScreen slug={slug} screenKey={typeof key === "string" ? key : undefined} />;
}
