"use client";

import dynamic from "next/dynamic";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";

// Loaded only when a coupon is won: most diners never need the QR encoder's ~8 KB (docs/adr/0023).
const QrCode = dynamic(() => import("../../../_live/QrCode").then((module) => module.QrCode));

export type WonCouponView = { code: string; title: string; discount: string; validUntil: string; redeemedAt?: string | null };

/**
 * A coupon the diner won: its code in big letters and as a QR code, what it gives, and until when. Once used, it
 * must not look valid: no big code and no QR code, a "USED" stamp across it, and when it was used.
 */
export function WonCoupon({ coupon }: { coupon: WonCouponView }) {
  const { t, locale } = useI18n();
  if (coupon.redeemedAt) {
    return (
      <section className="coupon coupon--used" aria-labelledby="coupon-heading" data-testid="won-coupon" data-used="true">
        <h2 id="coupon-heading">{t("vote.couponUsedTitle")}</h2>
        <p className="coupon__terms">{t("vote.couponTerms", { title: coupon.title, discount: coupon.discount })}</p>
        <p className="coupon__stamp" aria-hidden="true">{t("vote.couponUsedStamp")}</p>
        <p className="coupon__used">{t("vote.couponRedeemed", { date: formatDateTime(coupon.redeemedAt, locale) })}</p>
        <p className="muted">{t("vote.couponUsedCode", { code: coupon.code })}</p>
      </section>
    );
  }
  return (
    <section className="coupon" aria-labelledby="coupon-heading" data-testid="won-coupon">
      <h2 id="coupon-heading">{t("vote.coupon")}</h2>
      <p className="coupon__terms">{t("vote.couponTerms", { title: coupon.title, discount: coupon.discount })}</p>
      <p className="coupon__code" data-testid="coupon-code">{coupon.code}</p>
      <QrCode value={coupon.code} label={t("vote.couponQr", { code: coupon.code })} className="coupon__qr" />
      <p className="coupon__hint">{t("vote.couponHint")}</p>
      <p className="muted">{t("vote.couponValidUntil", { date: formatDateTime(coupon.validUntil, locale) })}</p>
    </section>
  );
}
