import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { OwnerShell } from "../_components/OwnerShell";
import { PollList } from "../_components/PollList";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("dashboard.archiveTitle") };
}

/** Closed polls taken off the dashboard's list: kept with their results, history and export. */
export default function ArchivePage() {
  return (
    <OwnerShell>
      <PollList archived />
    </OwnerShell>
  );
}
