import type { Metadata } from "next";
import { pageTitle } from "../../../_i18n/server";
import { OwnerShell } from "../../_components/OwnerShell";
import { PollAdmin } from "./_components/PollAdmin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("admin.results") };
}

export default async function PollAdminPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <OwnerShell>
      <PollAdmin pollId={id} />
    </OwnerShell>
  );
}
