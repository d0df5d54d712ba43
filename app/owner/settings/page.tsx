import type { Metadata } from "next";
import { translate } from "@/lib/i18n";
import { pageTitle, requestLocale } from "../../_i18n/server";
import { OwnerShell } from "../_components/OwnerShell";
import { AccountSettings } from "./_components/AccountSettings";
import { RestaurantSettings } from "./_components/RestaurantSettings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("settings.title") };
}

/** The restaurant (name, currency, time zone) and the account (e-mail, password, sessions). */
export default async function SettingsPage() {
  return (
    <OwnerShell>
      <h1>{translate(await requestLocale(), "settings.title")}</h1>
      <RestaurantSettings />
      <AccountSettings />
    </OwnerShell>
  );
}
