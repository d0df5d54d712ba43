import type { Metadata } from "next";
import { pageTitle } from "../../_i18n/server";
import { OwnerShell } from "../_components/OwnerShell";
import { RedeemCounter } from "./_components/RedeemCounter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("redeem.title") };
}

/** The counter: staff type or scan a diner's coupon code and redeem it, once. */
export default function RedeemPage() {
  return (
    <OwnerShell>
      <RedeemCounter />
    </OwnerShell>
  );
}
