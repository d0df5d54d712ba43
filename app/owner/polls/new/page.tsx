import type { Metadata } from "next";
import { pageTitle } from "../../../_i18n/server";
import { OwnerShell } from "../../_components/OwnerShell";
import { PollForm } from "./_components/PollForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("create.title") };
}

export default function NewPollPage() {
  return (
    <OwnerShell>
      <PollForm />
    </OwnerShell>
  );
}
