import type { Metadata } from "next";
import { translate } from "@/lib/i18n";
import { safeNextPath } from "@/lib/nextPath";
import { pageTitle, requestLocale } from "../../_i18n/server";
import { AuthPage } from "../_components/AuthPage";
import { SignInForm } from "../_components/SignInForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await pageTitle("auth.signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  return (
    <AuthPage title={translate(await requestLocale(), "auth.signInTitle")}>
      <SignInForm next={safeNextPath(typeof next === "string" ? next : undefined)} />
    </AuthPage>
  );
}
