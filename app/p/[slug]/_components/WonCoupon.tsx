"use client";

import { formatDateTime } from "@/lib/format";
import { useI18n } from "../../../_i18n/I18nProvider";
import { QrCode } from "../../../_live/QrCode";

export type WonCouponView = { code: string; title: string; discount: string; validUntil: string; redeemedAt?: string | null };

/** A coupon the diner won: its code in big letters and as a QR code, what it gives, and until when. */
export function WonCoupon({ coupon }: { coupon: WonCouponView }) {
  const { t, locale } = useI18n();
  return (
    <section className="coupon" aria-labelledby="coupon-heading" data-testid="won-coupon">
      <h2 id="coupon-heading">{t("vote.coupon")}</h2>
      <p className="coupon__terms">{t("vote.couponTerms", { title: coupon.title, discount: coupon.discount })}</p>
      <p className="coupon__code" data-testid="coupon-code">{coupon.code}</p>
      <QrCode value={coupon.code} label={t("vote.couponQr", { code: coupon.code })} className="coupon__qr" />
      {coupon.redeemedAt ? (
        <p className="coupon__used">{t("vote.couponRedeemed", { date: formatDateTime(coupon.redeemedAt, locale) })}</p>
      ) : (
        <>
          <p className="coupon__hint">{t("vote.couponHint")}</p>
          <p className="muted">{t("vote.couponValidUntil", { date: formatDateTime(coupon.validUntil, locale) })}</p>
        </>
      )}
    </section>
  );
}
