import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { OwnerShell } from "../_components/OwnerShell";
import { MenuManager } from "./_components/MenuManager";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("menu.title") };
}

export default function MenuPage() {
  return (
    <OwnerShell>
      <MenuManager />
    </OwnerShell>
  );
}
