"use client";

import { useQuery } from "@tanstack/react-query";
import { formatCount } from "@/lib/format";
import { optionLabel } from "@/lib/dishName";
import { dishRatingsOf, isRatingPerDish, rankingOf, ratingOf } from "@/lib/kindResults";
import { leadersOf, standingsOf } from "@/lib/standings";
import { useI18n } from "../../../_i18n/I18nProvider";
import { ConnectionBadge } from "../../../_live/ConnectionBadge";
import { useCouponStock } from "../../../_live/useCouponStock";
import { useLiveResults } from "../../../_live/useLiveResults";
import { useResultsTitle } from "../../../_live/useResultsTitle";
import { useRoomCode, withRoomCode } from "../../../_live/useRoomCode";
import { useShareUrl } from "../../../_live/useShareUrl";
import { isClientError, readApiError } from "../../../_trpc/errors";
import { DatabaseAwayNotice } from "../../../_ui/DatabaseAwayNotice";
import { useTRPC } from "../../../_trpc/react";
import { CouponsLeft } from "./CouponsLeft";
import { JoinPanel } from "./JoinPanel";
import styles from "./LiveScreen.module.css";
import { Question } from "./Question";
import { ScreenBars } from "./ScreenBars";
import { ScreenDishRatings } from "./ScreenDishRatings";
import { ScreenRanking } from "./ScreenRanking";
import { ScreenRating } from "./ScreenRating";
import { RoomCode } from "./RoomCode";
import { ScreenControls } from "./ScreenControls";
import { ScreenSpecials } from "./ScreenSpecials";
import { TimeLeft } from "./TimeLeft";
import { WinnerBanner } from "./WinnerBanner";
import { WordCloud } from "./WordCloud";

/**
 * The live screen: question, big bars, total, time left, coupons left, the QR code to join, and the winner once closed. It
 * keeps only the latest tally, and when the server goes away it keeps showing the last one under a
 * "reconnecting" badge until updates flow again.
 */
export function LiveScreen({ slug, screenKey }: { slug: string; screenKey?: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  // A screen switched on while the server is down keeps asking, however long it takes.
  const poll = useQuery({
    ...trpc.poll.get.queryOptions({ slug }),
    retry: (_failures, error) => !isClientError(error),
    retryDelay: (failures) => Math.min(1_000 * 2 ** failures, 10_000),
  });
  const live = useLiveResults(poll.data?.id, "room");
  // On a poll that requires presence, the screen shows the room code and its QR code carries it (docs/adr/0026).
  const roomCode = useRoomCode(poll.data?.id, Boolean(poll.data?.requiresPresence), screenKey);
  const shareUrl = withRoomCode(useShareUrl(poll.data?.id, poll.data?.slug), roomCode);
  const stock = useCouponStock(poll.data?.id, live.results?.seq, Boolean(poll.data?.promotion));
  useResultsTitle(live.status ?? poll.data?.status);

  if (!poll.data) {
    const message = poll.isError && readApiError(poll.error).code === "NOT_FOUND" ? t("common.notFound") : t("common.loading");
    return (
      <main className={styles.screen}>
        <DatabaseAwayNotice />
        <p className={styles.loading}>{message}</p>
      </main>
    );
  }

  const { data } = poll;
  const status = live.status ?? data.status;
  const standings = standingsOf(data.options, live.results);
  const leaders = leadersOf(standings);
  const total = live.results?.total ?? 0;
  const perDish = data.kind === "rating" && isRatingPerDish(data.options);
  const rating = data.kind === "rating" && !perDish ? ratingOf(data.options, live.results) : null;
  const dishes = perDish ? dishRatingsOf(data.options.map((o) => ({ ...o, label: optionLabel(o, locale) })), live.results) : null;
  const best = dishes && bestRated(dishes);
  const order = data.kind === "ranking" ? rankingOf(data.options, live.results) : null;
  const average = rating && rating.average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const isOpenAnswer = data.kind === "open";

  return (
    <div className={styles.screen} data-status={status}>
      <div className={styles.canvas}>
        <main className={styles.main}>
          <DatabaseAwayNotice />
          <header className={styles.header}>
            <div className={styles.topLine}>
              <p className={styles.restaurant}>{data.restaurantName}</p>
              <ConnectionBadge connection={live.connection} className={styles.badge} />
              <ScreenControls />
            </div>
            <Question text={data.question} />
          </header>
          <section className={styles.results} aria-label={t("vote.results")}>
            {live.results && isOpenAnswer ? (
              <WordCloud words={live.results.words ?? []} />
            ) : live.results ? (
              dishes ? <ScreenDishRatings dishes={dishes} /> : rating ? <ScreenRating rating={rating} /> : order ? <ScreenRanking order={order} /> : <ScreenBars standings={standings} />
            ) : (
              <p className={styles.message}>{status === "open" ? t("screen.hidden") : status === "closed" ? "" : t("screen.waiting")}</p>
            )}
            <p className="visually-hidden" aria-live="polite" aria-atomic="true">
              {live.results &&
                (isOpenAnswer
                  ? t("screen.cloudSummary", { total })
                  : t("screen.summary", { total, leader: leaders.length === 1 && !rating && !dishes ? t("screen.leading", { label: leaders[0].label }) : "" }))}
            </p>
          </section>
          <footer className={styles.footer}>
            <dl className={styles.stats}>
              <div>
                <dt>{isOpenAnswer ? t("screen.answers") : t("screen.total")}</dt>
                <dd data-testid="screen-total">{live.results ? formatCount(total, locale) : "—"}</dd>
              </div>
              {status === "open" && data.closesAt && (
                <div>
                  <dt>{t("screen.timeLeft")}</dt>
                  <dd><TimeLeft closesAt={data.closesAt} /></dd>
                </div>
              )}
            </dl>
            {status !== "closed" && data.promotion && <CouponsLeft title={data.promotion.title} stock={stock} />}
            {status === "closed" && <p className={styles.closed}>{t("screen.closed")}</p>}
            <ScreenSpecials pollId={data.id} />
          </footer>
        </main>
        {status === "closed" && !isOpenAnswer ? (
          <aside className={styles.side}>
            <WinnerBanner
              leaders={order ? order.filter((o) => o.place === 1 && o.points > 0).map((o) => ({ label: o.label, count: o.points })) : leaders}
              amount={order ? (points) => t("ranking.points", { points: formatCount(points, locale) }) : undefined}
              outcome={
                rating && rating.count > 0 && average ? { title: t("rating.average"), name: `★ ${average}`, detail: t("rating.count", { count: formatCount(rating.count, locale) }) }
                : best ? {
                    title: t("rating.bestDish"),
                    name: `${best.dish.label} ★ ${best.rating.average.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`,
                    detail: t("rating.count", { count: formatCount(best.rating.count, locale) }),
                  }
                : undefined
              }
              hidden={!live.results}
            />
          </aside>
        ) : (
          status !== "closed" && shareUrl && (
            <aside className={styles.side}>
              <JoinPanel shareUrl={shareUrl} joinCode={data.joinCode} answer={isOpenAnswer} />
              {roomCode && <RoomCode code={roomCode} />}
            </aside>
          )
        )}
      </div>
    </div>
  );
}

/** The dish with the best average among those rated at all (the first of tied ones); none before any rating. */
function bestRated<D extends { rating: { average: number; count: number } }>(dishes: readonly D[]): D | null {
  return dishes.reduce<D | null>((best, d) => (d.rating.count > 0 && (!best || d.rating.average > best.rating.average) ? d : best), null);
}
