import type { Metadata } from "next";
import { pageTitle } from "../../../../_i18n/server";
import { OwnerShell } from "../../../_components/OwnerShell";
import { TableCards } from "./TableCards";
import "./cards.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("cards.title") };
}

/** Table cards to print: the poll's QR code and join code, or one card per printed ballot code. */
export default async function TableCardsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <OwnerShell>
      <TableCards pollId={id} />
    </OwnerShell>
  );
}
