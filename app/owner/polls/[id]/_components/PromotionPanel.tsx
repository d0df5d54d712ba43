"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { formatDateTime, formatTime } from "@/lib/format";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { useTRPC } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";
import { useRestaurant } from "../../../_components/useRestaurant";

/**
 * The poll's promotion for its owner: coupons left, won and redeemed, and the latest winners. Read again whenever
 * the tally moves (`seq`), since each accepted vote may have won a coupon.
 */
export function PromotionPanel({ pollId, seq }: { pollId: string; seq: number | undefined }) {
  const { t, locale } = useI18n();
  const { timeZone } = useRestaurant();
  const trpc = useTRPC();
  const status = useQuery(trpc.promotion.status.queryOptions({ pollId }));
  const { refetch } = status;
  useEffect(() => {
    if (seq !== undefined) void refetch();
  }, [seq, refetch]);

  if (status.isError) return <Notice tone="error">{t("common.unexpectedError")}</Notice>;
  if (!status.data) return null;
  const { data } = status;
  return (
    <section aria-labelledby="promotion-heading" className="card promotion-panel">
      <h2 id="promotion-heading">{t("admin.promotion")}</h2>
      <p>{t("admin.promotionTerms", { title: data.title, discount: data.discount, date: formatDateTime(data.validUntil, locale, timeZone) })}</p>
      <p className="admin__total" data-testid="promotion-stock">{t("admin.couponsLeft", { left: data.remaining, quantity: data.quantity })}</p>
      <p className="muted">{t("admin.couponsIssued", { issued: data.issued, redeemed: data.redeemed })}</p>
      <h3>{t("admin.winners")}</h3>
      {data.winners.length === 0 ? (
        <p className="muted">{t("admin.noWinners")}</p>
      ) : (
        <div className="table-scroll">
          <table className="winners">
            <thead>
              <tr>
                <th scope="col">{t("admin.winnerCode")}</th>
                <th scope="col">{t("admin.winnerWon")}</th>
                <th scope="col">{t("admin.winnerRedeemed")}</th>
              </tr>
            </thead>
            <tbody>
              {data.winners.map((winner) => (
                <tr key={winner.code}>
                  <td><code>{winner.code}</code></td>
                  <td>{formatTime(winner.issuedAt, locale, timeZone)}</td>
                  <td>{winner.redeemedAt ? formatDateTime(winner.redeemedAt, locale, timeZone) : t("admin.notRedeemed")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p><Link href="/owner/redeem">{t("admin.redeemLink")}</Link></p>
    </section>
  );
}
