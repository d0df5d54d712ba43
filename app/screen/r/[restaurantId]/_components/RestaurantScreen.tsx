"use client";

import { useMemo } from "react";
import { slidesOf } from "@/lib/screenRotation";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { useScreenLineup } from "../../../../_live/useScreenLineup";
import { DatabaseAwayNotice } from "../../../../_ui/DatabaseAwayNotice";
import { LiveScreen } from "../../../[slug]/_components/LiveScreen";
import styles from "../../../[slug]/_components/LiveScreen.module.css";
import { RestingSlide } from "./RestingSlide";
import { useRotation } from "./useRotation";

/**
 * The restaurant's self-running TV: each open poll in turn on the poll's own live screen (with its room code when
 * the TV link carries the restaurant's key), the latest winner, today's specials, or a resting slide. Follows the
 * line-up live: a poll opened meanwhile or a winner just decided comes on at once.
 */
export function RestaurantScreen({ restaurantId, screenKey, seconds, pageBuild }: { restaurantId: string; screenKey?: string; seconds: number; pageBuild: string | null }) {
  const { t } = useI18n();
  const { lineup, connection, notFound } = useScreenLineup(restaurantId, screenKey, pageBuild);
  const slides = useMemo(() => (lineup ? slidesOf(lineup) : null), [lineup]);
  const slide = useRotation(slides, seconds * 1000, connection !== "live");

  if (!lineup || !slide) {
    return (
      <main className={styles.screen}>
        <DatabaseAwayNotice />
        <p className={styles.loading}>{notFound ? t("tv.notFound") : t("common.loading")}</p>
      </main>
    );
  }
  if (slide.kind === "poll") return <LiveScreen key={slide.id} slug={slide.slug} screenKey={slide.screenKey ?? undefined} />;
  if (slide.kind === "winner") return <LiveScreen key={slide.id} slug={slide.slug} />;
  return <RestingSlide restaurantName={lineup.restaurant.name} currency={lineup.restaurant.currency} specials={lineup.specials} showsPolls={slide.kind === "idle"} connection={connection} />;
}
