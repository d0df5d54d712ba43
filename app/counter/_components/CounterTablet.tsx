"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";
import { Notice } from "../../_ui/Notice";
import { SiteHeader } from "../../_ui/SiteHeader";
import { StaffRedeem } from "./StaffRedeem";
import { StaffSignIn } from "./StaffSignIn";

/**
 * The counter tablet: not enrolled (the owner enrols it on the Staff page), a staff member to sign in with a PIN,
 * or the signed-in staff member redeeming. A refusal of the session (revoked) sends it back to sign-in.
 */
export function CounterTablet() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const device = useQuery(trpc.counter.device.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.counter.device.queryFilter());
  const signOut = useMutation(trpc.counter.signOut.mutationOptions({ onSettled: refresh }));

  const data = device.data;
  return (
    <>
      <SiteHeader title={data?.restaurantName} home={null}>
        {data?.staff && (
          <button type="button" className="button button--small button--secondary" onClick={() => signOut.mutate()}>
            {t("counter.signOut", { name: data.staff.name })}
          </button>
        )}
      </SiteHeader>
      <main className="page page--narrow stack">
        <h1>{t("counter.title")}</h1>
        {device.isPending ? (
          <p>{t("common.loading")}</p>
        ) : device.isError ? (
          <Notice tone="error">{t("common.networkError")}</Notice>
        ) : !data ? (
          <Notice tone="warning">{t("counter.notEnrolled")}</Notice>
        ) : data.staff ? (
          <StaffRedeem deviceName={data.name} staffName={data.staff.name} onSessionGone={refresh} />
        ) : (
          <StaffSignIn names={data.names} onSignedIn={refresh} />
        )}
      </main>
    </>
  );
}
