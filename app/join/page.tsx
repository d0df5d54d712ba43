import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { translate } from "@/lib/i18n";
import { readJoinCode } from "@/lib/joinCode";
import { pageTitle, requestLocale } from "../_i18n/server";
import { readApiError } from "../_trpc/errors";
import { serverApi } from "../_trpc/server";
import { Field } from "../_ui/Field";
import { SiteHeader } from "../_ui/SiteHeader";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("join.title") };
}

/**
 * Where a diner types the code the TV shows, when its QR code is out of reach. A plain GET form: it works before
 * (and without) JavaScript, and a found code goes straight on to the poll.
 */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const typed = typeof code === "string" ? code.slice(0, 20) : "";
  const locale = await requestLocale();
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  let unknown = false;
  if (typed.trim()) {
    const slug = readJoinCode(typed) ? await findSlug(typed) : null;
    if (slug) redirect(`/p/${slug}`);
    unknown = true;
  }
  return (
    <>
      <SiteHeader />
      <main className="page page--narrow">
        <h1>{t("join.title")}</h1>
        <form method="get" action="/join" className="stack">
          <Field id="join-code" name="code" label={t("join.label")} hint={t("join.hint")} error={unknown ? t("join.notFound") : undefined}
            defaultValue={typed} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={20} required
            className="join-code" />
          <button type="submit" className="button">{t("join.submit")}</button>
        </form>
      </main>
    </>
  );
}

async function findSlug(code: string): Promise<string | null> {
  try {
    return (await (await serverApi()).poll.byJoinCode.query({ code })).slug;
  } catch (error) {
    if (readApiError(error).code === "NOT_FOUND") return null; // the form says so
    throw error;
  }
}
