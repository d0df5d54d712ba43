import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Tableside — live polls for restaurants",
  description: "Diners vote from their phones; the restaurant's screen shows the results moving live.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f2937" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
