import type { Metadata } from "next";
import { pageTitle } from "../../../../_i18n/server";
import { OwnerShell } from "../../../_components/OwnerShell";
import { EditPoll } from "./EditPoll";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("edit.title") };
}

export default async function EditPollPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <OwnerShell>
      <EditPoll pollId={id} />
    </OwnerShell>
  );
}
