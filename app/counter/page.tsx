import type { Metadata } from "next";
import { pageTitle } from "../_i18n/server";
import { CounterTablet } from "./_components/CounterTablet";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("counter.title") };
}

/** The shared counter tablet: staff sign in with a PIN and redeem coupons (docs/adr/0027). */
export default function CounterPage() {
  return <CounterTablet />;
}
