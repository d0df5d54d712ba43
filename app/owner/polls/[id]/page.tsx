import type { Metadata } from "next";
import { pageTitle } from "../../../_i18n/server";
import { serverApi } from "../../../_trpc/server";
import { OwnerShell } from "../../_components/OwnerShell";
import { PollAdmin } from "./_components/PollAdmin";

/** A closed poll's tab reads "Results" from the first byte, not "Live results" until the page hydrates (then useResultsTitle). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const status = await (await serverApi()).poll.get.query({ pollId: id }).then((poll) => poll.status, () => undefined);
  return { title: await pageTitle(status === "closed" ? "admin.finalResults" : "admin.results") };
}

export default async function PollAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <OwnerShell>
      <PollAdmin pollId={id} />
    </OwnerShell>
  );
}
