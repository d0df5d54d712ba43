"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";
import { DatabaseAwayNotice } from "../../_ui/DatabaseAwayNotice";
import { Notice } from "../../_ui/Notice";
import { SiteHeader } from "../../_ui/SiteHeader";
import { OwnerNav } from "./OwnerNav";
import { useOwner } from "./useOwner";
import "./owner.css";

/** Every signed-in owner page: the restaurant's name, sign-out, and the page once the owner is known. */
export function OwnerShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const me = useOwner();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        router.replace("/owner/sign-in");
      },
    }),
  );

  return (
    <>
      <SiteHeader title={me.data?.restaurants[0]?.name} home="/owner">
        {me.data && (
          <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t("auth.signOut")}
          </button>
        )}
      </SiteHeader>
      {me.data && <OwnerNav />}
      <main className="page page--wide">
        <DatabaseAwayNotice />
        {me.data ? children : me.isError && !me.isFetching ? <Notice tone="error">{t("common.unexpectedError")}</Notice> : <p>{t("common.loading")}</p>}
      </main>
    </>
  );
}
