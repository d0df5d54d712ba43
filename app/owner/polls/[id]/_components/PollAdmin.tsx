"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { optionLabel } from "@/lib/dishName";
import { formatCount, formatDateTime } from "@/lib/format";
import { isRatingPerDish, kindStandings, ratingOf, withStarLabels } from "@/lib/kindResults";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { DishRatingBars } from "../../../../_live/DishRatingBars";
import { ResultBars } from "../../../../_live/ResultBars";
import { useLiveResults } from "../../../../_live/useLiveResults";
import { useResultsTitle } from "../../../../_live/useResultsTitle";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";
import { StatusBadge } from "../../../../_ui/StatusBadge";
import { AnswersPanel } from "./AnswersPanel";
import { ExportButton } from "./ExportButton";
import { FunnelPanel } from "./FunnelPanel";
import { PromotionPanel } from "./PromotionPanel";
import { SharePanel } from "./SharePanel";
import { TableCardsPanel } from "./TableCardsPanel";
import { WinnerSpecialPanel } from "./WinnerSpecialPanel";
import { useRestaurant } from "../../../_components/useRestaurant";
import { LifecycleActions } from "./LifecycleActions";
import { VotesOverTime } from "./VotesOverTime";

/**
 * One poll, for its owner: its lifecycle (open, close, reopen, extend, edit, duplicate, delete, archive), share it,
 * watch the results live and over time, export ballots, and follow its promotion's coupons. Times are on the
 * restaurant's clock.
 */
export function PollAdmin({ pollId }: { pollId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useRestaurant();
  const poll = useQuery(trpc.poll.get.queryOptions({ pollId }));
  const live = useLiveResults(poll.data?.id);
  // A status change pushed live (a close, a reopen, a schedule reached) may come with a new schedule: read it again.
  useEffect(() => {
    if (live.status) void queryClient.invalidateQueries(trpc.poll.get.queryFilter({ pollId }));
  }, [live.status, queryClient, trpc, pollId]);
  useResultsTitle(live.status ?? poll.data?.status);

  if (poll.isPending) return <p>{t("common.loading")}</p>;
  if (poll.isError) {
    return <Notice tone="error">{t(readApiError(poll.error).code === "NOT_FOUND" ? "common.notFound" : "common.unexpectedError")}</Notice>;
  }
  const status = live.status ?? poll.data.status;
  // A menu dish reads in the page's language, like on the diner's phone.
  const options = poll.data.options.map((o) => ({ ...o, label: optionLabel(o, locale) }));
  const { kind } = poll.data;
  const standings = kindStandings(kind, options, live.results);
  const perDish = kind === "rating" && isRatingPerDish(options);
  const rating = kind === "rating" && !perDish ? ratingOf(options, live.results) : null;
  // Lists and legends name a rating per dish's options one by one ("Bibimbap ★4").
  const named = withStarLabels(kind, options);
  const { opensAt, closesAt } = poll.data;
  const schedule = [
    opensAt && t("dashboard.opens", { date: formatDateTime(opensAt, locale, timeZone) }),
    closesAt && t("dashboard.closes", { date: formatDateTime(closesAt, locale, timeZone) }),
  ].filter(Boolean);
  const resultsTitle = t(status === "closed" ? "admin.finalResults" : "admin.results");

  return (
    <div className="admin">
      <p>
        <Link href="/owner">← {t("admin.back")}</Link>
      </p>
      <div className="page-title">
        <h1>{poll.data.question}</h1>
        <StatusBadge status={status} />
      </div>
      {schedule.length > 0 && <p className="muted" data-testid="poll-schedule">{schedule.join(" · ")}</p>}
      <LifecycleActions pollId={pollId} status={status} closesAt={closesAt} couponsValidUntil={poll.data.promotion?.validUntil ?? null} />
      <div className="admin__grid">
        <section aria-labelledby="results-heading" className="card">
          <h2 id="results-heading">{resultsTitle}</h2>
          <p className="admin__total" aria-live="polite">
            {t("admin.total", { count: live.results?.total ?? 0 })}
          </p>
          {rating && rating.count > 0 && (
            <p data-testid="owner-rating-average">{t("rating.outOf", { average: rating.average.toLocaleString(locale, { maximumFractionDigits: 1 }) })}</p>
          )}
          {kind === "open" && <AnswersPanel pollId={pollId} words={live.results?.words ?? []} seq={live.results?.seq} />}
          {perDish && <DishRatingBars options={options} results={live.results} />}
          {kind !== "open" && !perDish && (
            <ResultBars standings={standings} label={resultsTitle}
              amount={kind === "ranking" ? (points) => t("ranking.points", { points: formatCount(points, locale) }) : undefined} />
          )}
          {kind !== "open" && <ExportButton pollId={pollId} />}
        </section>
        <SharePanel pollId={pollId} slug={poll.data.slug} joinCode={poll.data.joinCode} />
      </div>
      {poll.data.promotion && <PromotionPanel pollId={pollId} seq={live.results?.seq} />}
      {poll.data.promotion && <FunnelPanel pollId={pollId} seq={live.results?.seq} />}
      {poll.data.requiresPresence && <Notice tone="info">{t("presence.required")}</Notice>}
      <TableCardsPanel pollId={pollId} options={named} seq={live.results?.seq} />
      {status === "closed" && kind !== "rating" && options.some((o) => o.menuItemId) && <WinnerSpecialPanel pollId={pollId} options={options} />}
      {poll.data.kind !== "open" && <VotesOverTime pollId={pollId} options={named} results={live.results} />}
    </div>
  );
}
