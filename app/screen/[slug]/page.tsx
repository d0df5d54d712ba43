import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { serverApi } from "../../_trpc/server";
import { LiveScreen } from "./_components/LiveScreen";

/** A closed poll's tab reads "Results", not "Live results"; the page keeps it in step afterwards (useResultsTitle). */
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const status = await (await serverApi()).poll.get.query({ slug }).then((poll) => poll.status, () => undefined);
  return { title: await pageTitle(status === "closed" ? "admin.finalResults" : "admin.results") };
}

/** The restaurant's TV: full screen, left running for hours. */
export default async function LiveScreenPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ key?: string }> }) {
  const { slug } = await params;
  const { key } = await searchParams;
  // `key`: the screen's own link shows the room code (docs/adr/0026).
  return <LiveScreen slug={slug} screenKey={typeof key === "string" ? key : undefined} />;
}
