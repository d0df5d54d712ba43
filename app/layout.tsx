import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { I18nProvider } from "./_i18n/I18nProvider";
import { requestLocale } from "./_i18n/server";
import { TRPCReactProvider } from "./_trpc/react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Tableside — live polls for restaurants",
  description: "Diners vote from their phones; the restaurant's screen shows the results moving live.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f2937" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale}>
      <body>
        <I18nProvider locale={locale}>
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
