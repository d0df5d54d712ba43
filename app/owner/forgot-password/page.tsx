import type { Metadata } from "next";
import { translate } from "@/lib/i18n";
import { pageTitle, requestLocale } from "../../_i18n/server";
import { AuthPage } from "../_components/AuthPage";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("reset.requestTitle") };
}

export default async function ForgotPasswordPage() {
  return (
    <AuthPage title={translate(await requestLocale(), "reset.requestTitle")}>
      <ForgotPasswordForm />
    </AuthPage>
  );
}
