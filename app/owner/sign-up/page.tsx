import type { Metadata } from "next";
import { translate } from "@/lib/i18n";
import { pageTitle, requestLocale } from "../../_i18n/server";
import { AuthPage } from "../_components/AuthPage";
import { SignUpForm } from "../_components/SignUpForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("auth.signUpTitle") };
}

export default async function SignUpPage() {
  return (
    <AuthPage title={translate(await requestLocale(), "auth.signUpTitle")}>
      <SignUpForm />
    </AuthPage>
  );
}
