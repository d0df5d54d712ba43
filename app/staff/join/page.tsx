import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { JoinStaff } from "./JoinStaff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("staff.joinTitle") };
}

/** Where an invited staff member chooses their PIN, from the owner's invite link. */
export default async function StaffJoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  return <JoinStaff code={typeof code === "string" ? code : ""} />;
}
