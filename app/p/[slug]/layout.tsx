import type { ReactNode } from "react";
import { messagesOf } from "@/lib/i18n";
import { I18nProvider } from "../../_i18n/I18nProvider";
import { requestLocale } from "../../_i18n/server";
import { DINER_MESSAGES } from "./_components/dinerMessages";

/**
 * The diner's page runs on its own small client (docs/adr/0023): no React Query, no tRPC client, and only its own
 * messages in the request's language, sent with the page rather than as script.
 */
export default async function DinerLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return <I18nProvider locale={locale} messages={messagesOf(locale, DINER_MESSAGES)}>{children}</I18nProvider>;
}
