"use client";

import { useQuery } from "@tanstack/react-query";
import { groupCouponCode } from "@/lib/couponCode";
import { formatTime } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";
import { useTRPC } from "../../../_trpc/react";
import { Notice } from "../../../_ui/Notice";
import { useRestaurant } from "../../_components/useRestaurant";
import { type UndoRedemption, UndoButton } from "./UndoRedemption";

/** Today's redemptions at this counter (the restaurant's today), newest first; undone ones stay, marked. */
export function TodaysRedemptions({ undo }: { undo: UndoRedemption }) {
  const { t, locale, plural } = useI18n();
  const { timeZone } = useRestaurant();
  const trpc = useTRPC();
  // Read again every half minute, so undo buttons go when their two minutes are up and other devices' show up.
  const list = useQuery(trpc.promotion.redemptionsToday.queryOptions(undefined, { refetchInterval: 30_000 }));
  const time = (iso: string) => formatTime(iso, locale, timeZone);

  return (
    <section aria-labelledby="today-heading" className="card today">
      <h2 id="today-heading">{t("redeem.today")}</h2>
      {list.isError && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
      {list.data?.length === 0 && <p className="muted">{t("redeem.todayEmpty")}</p>}
      {list.data && list.data.length > 0 && (
        <>
          <p className="muted" data-testid="redemptions-count">
            {plural("redeem.todayCount", list.data.filter((r) => !r.undoneAt).length)}
          </p>
          <div className="table-scroll">
            <table className="today__table">
              <thead>
                <tr>
                  <th scope="col">{t("redeem.colTime")}</th>
                  <th scope="col">{t("redeem.colCode")}</th>
                  <th scope="col">{t("redeem.colCoupon")}</th>
                  <th scope="col">{t("redeem.colState")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((row) => (
                  <tr key={`${row.code}:${row.redeemedAt}`} data-undone={row.undoneAt ? true : undefined}>
                    <td>{time(row.redeemedAt)}</td>
                    <td><code>{groupCouponCode(row.code)}</code></td>
                    <td>{t("vote.couponTerms", { title: row.title, discount: row.discount })}</td>
                    <td>
                      {row.undoneAt ? t("redeem.stateUndone", { time: time(row.undoneAt) }) : t("redeem.stateRedeemed")}
                      {row.undoable && <> <UndoButton code={row.code} undo={undo} compact /></>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
