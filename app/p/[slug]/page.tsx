import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { VotePage } from "./_components/VotePage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("vote.pickOne") };
}

/** The diner's page, opened from the QR code on the table. */
export default async function DinerVotePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <VotePage slug={slug} />;
}
