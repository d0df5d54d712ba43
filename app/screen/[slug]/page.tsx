import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { LiveScreen } from "./_components/LiveScreen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("admin.results") };
}

/** The restaurant's TV: full screen, left running for hours. */
export default async function LiveScreenPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <LiveScreen slug={slug} />;
}
