import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { requestLocale } from "./_i18n/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Tableside — live polls for restaurants",
  description: "Diners vote from their phones; the restaurant's screen shows the results moving live.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f2937" };

/** The page's frame only: each route's layout brings what its client needs (app/_ui/AppProviders.tsx, docs/adr/0023). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
