import type { Metadata } from "next";
import { translate } from "@/lib/i18n";
import { pageTitle, requestLocale } from "../../_i18n/server";
import { AuthPage } from "../_components/AuthPage";
import { ResetPasswordForm } from "./ResetPasswordForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("reset.title") };
}

/** Where a reset link lands: its token is in the query, and the page sets a new password with it. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <AuthPage title={translate(await requestLocale(), "reset.title")}>
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </AuthPage>
  );
}
