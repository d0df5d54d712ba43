import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { VotePage } from "./_components/VotePage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("vote.pickOne") };
}

/** The diner's page, opened from the QR code on the table. */
export default async function DinerVotePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ room?: string; table?: string }> }) {
  const { slug } = await params;
  const { room, table } = await searchParams;
  // `room`: the screen's QR code carries its room code; `table`: a printed table card's (docs/adr/0026).
  const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 20) : undefined);
  return <VotePage slug={slug} presence={{ roomCode: text(room), tableCode: text(table) }} />;
}
