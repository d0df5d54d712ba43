"use client";

import { LIMITS } from "@/lib/limits";
import { toZonedInputValue } from "@/lib/zonedTime";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { Field } from "../../../../_ui/Field";
import { useRestaurant } from "../../../_components/useRestaurant";
import type { DraftErrors, PromotionDraft } from "./pollDraft";

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** First-come coupons: off by default; switched on, the first N voters each win one (exactly N in all). */
export function PromotionFields({ promotion, errors, onChange }: { promotion: PromotionDraft; errors: DraftErrors; onChange: (promotion: PromotionDraft) => void }) {
  const { t } = useI18n();
  const { timeZone } = useRestaurant();
  const change = (patch: Partial<PromotionDraft>) => onChange({ ...promotion, ...patch });
  // A week from now by default, on the restaurant's clock.
  const toggle = (enabled: boolean) => change({ enabled, validUntil: promotion.validUntil || toZonedInputValue(new Date(Date.now() + WEEK_MS), timeZone) });
  const required = t("common.required");

  return (
    <fieldset className="stack">
      <legend>{t("create.promotion")}</legend>
      <label className="radio">
        <input type="checkbox" checked={promotion.enabled} onChange={(e) => toggle(e.target.checked)} />
        {t("create.promotionOn")}
      </label>
      {promotion.enabled && (
        <>
          <Field id="promotionTitle" label={t("create.promotionTitle")} value={promotion.title} maxLength={LIMITS.promotionTitleLength} required
            placeholder={t("create.promotionTitlePlaceholder")} onChange={(e) => change({ title: e.target.value })}
            error={errors.promotionTitle && (errors.promotionTitle === "required" ? required : t("create.error.promotionTitle", { max: LIMITS.promotionTitleLength }))} />
          <Field id="promotionDiscount" label={t("create.promotionDiscount")} value={promotion.discount} maxLength={LIMITS.discountLength} required
            placeholder={t("create.promotionDiscountPlaceholder")} onChange={(e) => change({ discount: e.target.value })}
            error={errors.promotionDiscount && (errors.promotionDiscount === "required" ? required : t("create.error.promotionDiscount", { max: LIMITS.discountLength }))} />
          <div className="choice-row">
            <Field id="promotionQuantity" type="number" inputMode="numeric" min={1} max={LIMITS.maxCouponQuantity} required
              label={t("create.promotionQuantity")} value={promotion.quantity} onChange={(e) => change({ quantity: e.target.value })}
              error={errors.promotionQuantity && (errors.promotionQuantity === "required" ? required : t("create.error.promotionQuantity", { max: LIMITS.maxCouponQuantity }))} />
            <Field id="promotionValidUntil" type="datetime-local" required label={t("create.promotionValidUntil")} value={promotion.validUntil}
              onChange={(e) => change({ validUntil: e.target.value })}
              error={errors.promotionValidUntil && (errors.promotionValidUntil === "required" ? required : t("create.error.date"))} />
          </div>
          <label className="radio">
            <input type="checkbox" checked={promotion.presence} onChange={(e) => change({ presence: e.target.checked })} />
            {t("presence.create")}
          </label>
        </>
      )}
    </fieldset>
  );
}
