import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { OwnerShell } from "../_components/OwnerShell";
import { StaffManager } from "./_components/StaffManager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("staff.title") };
}

export default function StaffPage() {
  return (
    <OwnerShell>
      <StaffManager />
    </OwnerShell>
  );
}
