import type { Metadata } from "next";
import { pageTitle } from "../_i18n/server";
import { OwnerShell } from "./_components/OwnerShell";
import { PollList } from "./_components/PollList";
import { RestaurantTvLink } from "./_components/RestaurantTvLink";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("dashboard.title") };
}

export default function DashboardPage() {
  return (
    <OwnerShell>
      <PollList />
      <RestaurantTvLink />
    </OwnerShell>
  );
}
