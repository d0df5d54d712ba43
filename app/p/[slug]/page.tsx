import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { readApiError } from "../../_trpc/errors";
import { serverApi } from "../../_trpc/server";
import { formOutcome } from "./_components/formOutcome";
import { VotePage } from "./_components/VotePage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("vote.pickOne") };
}

/** The diner's page, opened from the QR code on the table. */
export default async function DinerVotePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ room?: string; table?: string; code?: string; outcome?: string; choice?: string | string[]; retryAt?: string }> }) {
  const { slug } = await params;
  const query = await searchParams;
  const { room, table, code } = query;
  // `room`: the screen's QR code carries its room code; `table`: a printed table card's (docs/adr/0026);
  // `code`: a printed ballot card's, for polls with ballot codes.
  const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 20) : undefined);
  // The question and options are in the HTML the server sends: readable before (and without) JavaScript.
  const poll = await (await serverApi()).poll.get.query({ slug }).catch((error: unknown) => {
    if (readApiError(error).code === "NOT_FOUND") return undefined; // the page says so
    throw error;
  });
  return <VotePage slug={slug} initialPoll={poll} presence={{ roomCode: text(room), tableCode: text(table), ballotCode: text(code) }}
    sentOutcome={formOutcome(query)} />;
}
