import Link from "next/link";
import { translate } from "@/lib/i18n";
import { requestLocale } from "./_i18n/server";
import { AppProviders } from "./_ui/AppProviders";
import { SiteHeader } from "./_ui/SiteHeader";

export default async function HomePage() {
  const locale = await requestLocale();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <AppProviders>
      <SiteHeader />
      <main className="page">
        <h1>{t("app.name")}</h1>
        <p className="lead">{t("app.tagline")}</p>
        <p className="actions">
          <Link className="button" href="/owner/sign-in">
            {t("app.ownerEntry")}
          </Link>
          <Link className="button button--secondary" href="/owner/sign-up">
            {t("app.ownerSignUp")}
          </Link>
        </p>
      </main>
    </AppProviders>
  );
}
