import type { ReactNode } from "react";
import { AppI18nProvider } from "../_i18n/AppI18nProvider";
import { requestLocale } from "../_i18n/server";
import { TRPCReactProvider } from "../_trpc/react";

/**
 * What the app's pages run on: every message, and tRPC with React Query. Given by each route's layout rather than the
 * root one, so the diner's page can go without both (a lean client of its own: docs/adr/0023). A new top-level
 * route needs a layout with it (test/appLayouts.test.ts checks).
 */
export async function AppProviders({ children }: { children: ReactNode }) {
  return (
    <AppI18nProvider locale={await requestLocale()}>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </AppI18nProvider>
  );
}
