"use client";

import dynamic from "next/dynamic";
import { type ReactNode, useEffect, useState } from "react";
import { optionLabel } from "@/lib/dishName";
import { formatCount, formatDateTime } from "@/lib/format";
import type { PollResults } from "@/lib/schemas";
import { dishRatingsOf, isRatingPerDish, kindStandings, withStarLabels } from "@/lib/kindResults";
import { useI18n } from "../../../_i18n/I18nProvider";
import { ResultBars } from "../../../_live/ResultBars";
import { Notice } from "../../../_ui/Notice";
import { SiteHeader } from "../../../_ui/SiteHeader";
import { type OutputOf, readCallError } from "../_client/api";
import { useApiQuery } from "../_client/useApiQuery";
import { useLiveResults } from "../_client/useLiveResults";
import { useCouponStock } from "./useCouponStock";
import { PromotionOffer } from "./PromotionOffer";
import { RoomCodeField } from "./RoomCodeField";
import { ShareButton } from "./ShareButton";
import { TodaysSpecials } from "./TodaysSpecials";
import { useIdentityFirst } from "./useIdentityFirst";
import { usePageOpen } from "./usePageOpen";
import { type PresenceProof, useCastVote, type VoteOutcome } from "./useCastVote";
import { VoteForm } from "./VoteForm";
import { VoteOutcomeNotice } from "./VoteOutcomeNotice";
import { WonCoupon } from "./WonCoupon";
import "./vote.css";

type PublicPoll = OutputOf<"poll.get">;

// Most polls are a menu vote: the other kinds' forms and charts are scripts of their own, fetched only by a page that
// shows them (still rendered by the server), so a dish vote's phone does not download them (docs/adr/0032).
const OpenAnswer = dynamic(() => import("./OpenAnswer").then((m) => m.OpenAnswer));
const RatingForm = dynamic(() => import("./RatingForm").then((m) => m.RatingForm));
const DishRatingForm = dynamic(() => import("./DishRatingForm").then((m) => m.DishRatingForm));
const RankingForm = dynamic(() => import("./RankingForm").then((m) => m.RankingForm));
const DishRatingBars = dynamic(() => import("../../../_live/DishRatingBars").then((m) => m.DishRatingBars));

/**
 * The diner's page: the question, one tap to vote, what became of the vote, a coupon won (at once, and again on
 * later visits), and the results when they are shown.
 */
export function VotePage({ slug, presence = {}, initialPoll, sentOutcome }: { slug: string; presence?: PresenceProof; initialPoll?: PublicPoll; /** a form vote's, sent without JavaScript (formOutcome.ts) */ sentOutcome?: VoteOutcome }) {
  const { t, locale } = useI18n();
  const poll = useApiQuery("poll.get", { slug }, { initialData: initialPoll });
  const { ballotCode } = presence;
  const live = useLiveResults(useIdentityFirst(poll.data?.id, poll.data?.status) ? poll.data?.id : undefined);
  const { outcome: tapped, vote, reset } = useCastVote(poll.data?.id ?? "", () => void poll.refetch());
  const [sent, setSent] = useState(sentOutcome);
  const outcome = tapped.kind === "ready" && sent ? sent : tapped;
  const retry = () => {
    setSent(undefined);
    reset();
  };
  const [roomCode, setRoomCode] = useState(presence.roomCode ?? "");
  // A changeable poll's diner who voted may open the form again; a new answer (or the same one) closes it.
  const [changing, setChanging] = useState(false);
  useEffect(() => {
    if (tapped.kind === "counted" || tapped.kind === "alreadyVoted") setChanging(false);
  }, [tapped]);
  usePageOpen(poll.data?.id);
  // An earlier vote (this browser's, or this ballot card's): shown on return, instead of asking again.
  const earlier = useApiQuery("vote.mine", { pollId: poll.data?.id ?? "", ballotCode }, { enabled: Boolean(poll.data?.id) });
  const voted = outcome.kind === "counted" || outcome.kind === "alreadyVoted" || Boolean(earlier.data);
  const hasPromotion = Boolean(poll.data?.promotion);
  const stock = useCouponStock(poll.data?.id, live.results?.seq, hasPromotion);
  // A coupon won earlier, by this browser: read on arrival, and again when a vote turns out to be a repeat.
  const myCoupon = useApiQuery("promotion.myCoupon", { pollId: poll.data?.id ?? "", ballotCode }, { enabled: hasPromotion });
  const { refetch: refetchCoupon } = myCoupon;
  useEffect(() => {
    if (outcome.kind === "alreadyVoted" && hasPromotion) void refetchCoupon();
  }, [outcome.kind, hasPromotion, refetchCoupon]);

  // Whether results may be seen after voting is decided when subscribing: subscribe again once the vote is in.
  const { restart } = live;
  const visibility = poll.data?.resultsVisibility;
  useEffect(() => {
    if (voted && visibility === "after_vote") restart();
  }, [voted, visibility, restart]);

  const { data } = poll;
  if (!data) {
    if (poll.isPending) return <Shell><p>{t("common.loading")}</p></Shell>;
    return <Shell><Notice tone="error">{t(readCallError(poll.error).code === "NOT_FOUND" ? "common.notFound" : "common.networkError")}</Notice></Shell>;
  }

  const status = live.status ?? data.status;
  if (data.kind === "open") {
    return (
      <Shell title={data.restaurantName}>
        <h1 className="vote-question">{data.question}</h1>
        <OpenAnswer pollId={data.id} status={status} changeable={data.changeableUntilClose} requiresPresence={data.requiresPresence} presence={presence} />
        <ShareButton pollId={data.id} slug={data.slug} question={data.question} />
      </Shell>
    );
  }
  const results = newest(live.results, outcome.kind === "counted" || outcome.kind === "alreadyVoted" ? outcome.results : null);
  const current = outcome.kind === "counted" ? outcome.choices : (earlier.data?.optionIds ?? []);
  const mine = new Set(current);
  const canVote = status === "open" && (!voted || changing) && outcome.kind !== "notAccepting" && outcome.kind !== "notFound";
  const canChange = status === "open" && voted && !changing && data.changeableUntilClose && outcome.kind !== "sending";
  const labelled = data.options.map((o) => ({ ...o, label: optionLabel(o, locale) }));
  const perDish = data.kind === "rating" && isRatingPerDish(data.options);
  const busy = outcome.kind === "sending" || outcome.kind === "tooFast";
  const cast = (optionIds: string[]) => vote(optionIds, { roomCode, tableCode: presence.tableCode, ballotCode });
  const coupon = (outcome.kind === "counted" ? outcome.coupon : null) ?? myCoupon.data ?? null;

  return (
    <Shell title={data.restaurantName}>
      <h1 className="vote-question">{data.question}</h1>
      {status === "open" && data.closesAt && <p className="muted">{t("vote.closesAt", { date: formatDateTime(data.closesAt, locale) })}</p>}
      <VoteOutcomeNotice outcome={outcome} closed={status === "closed"} onRetry={retry} />
      {earlier.data && outcome.kind === "ready" && (
        <Notice tone="info" className="notice--big">
          {t("vote.yourEarlierVote", {
            choice: withStarLabels(data.kind, labelled).filter((o) => earlier.data!.optionIds.includes(o.id)).map((o) => o.label).join(", "),
            date: formatDateTime(earlier.data.castAt, locale),
          })}
        </Notice>
      )}
      {coupon && <WonCoupon coupon={coupon} />}
      {canVote && !coupon && data.promotion && <PromotionOffer offer={data.promotion} stock={stock} />}
      {!coupon && data.promotion && stock?.running && stock.left === 0 && (
        <Notice tone="info" className="coupons-gone">{t(voted ? "vote.couponsGoneVoted" : "vote.couponsGone", { quantity: data.promotion.quantity })}</Notice>
      )}
      {status === "closed" && outcome.kind !== "notAccepting" && <Notice tone="warning" className="notice--big">{t("vote.closed")}</Notice>}
      {(status === "draft" || status === "scheduled") && (
        <Notice tone="info">{data.opensAt ? t("vote.opensAt", { date: formatDateTime(data.opensAt, locale) }) : t("vote.notOpen")}</Notice>
      )}
      {canVote && data.requiresPresence && !presence.tableCode && <RoomCodeField value={roomCode} onChange={setRoomCode} form={VOTE_FORM_ID} />}
      {canChange && (
        <p className="vote-change">
          <button type="button" className="button button--secondary" onClick={() => setChanging(true)}>{t("vote.change")}</button>
          <span className="muted">{t("vote.changeHint")}</span>
        </p>
      )}
      {canVote && perDish && (
        <DishRatingForm id={VOTE_FORM_ID} dishes={dishRatingsOf(labelled, null).map(({ dish, stars }) => ({ id: dish.id, label: dish.label, stars }))}
          initial={current} disabled={busy} onVote={cast} />
      )}
      {canVote && data.kind === "rating" && !perDish && (
        <RatingForm id={VOTE_FORM_ID} action={`/p/${encodeURIComponent(slug)}/vote`} pollId={data.id} options={data.options}
          hidden={presence.tableCode && <input type="hidden" name="tableCode" value={presence.tableCode} />}
          current={current[0]} disabled={busy} onVote={cast} />
      )}
      {canVote && data.kind === "ranking" && <RankingForm id={VOTE_FORM_ID} options={labelled} initial={current} disabled={busy} onVote={cast} />}
      {canVote && data.kind === "choice" && (
        <VoteForm id={VOTE_FORM_ID} action={`/p/${encodeURIComponent(slug)}/vote`} pollId={data.id} presence={presence}
          options={data.options} multipleChoice={data.multipleChoice} maxChoices={data.maxChoices}
          disabled={outcome.kind === "sending" || outcome.kind === "tooFast"} onVote={(optionIds) => vote(optionIds, { roomCode, tableCode: presence.tableCode, ballotCode })} />
      )}
      {results ? (
        <section aria-labelledby="results-heading" className="vote-results">
          <h2 id="results-heading">{t("vote.results")}</h2>
          {perDish ? (
            <DishRatingBars options={labelled} results={results} highlight={mine} />
          ) : (
            <ResultBars standings={kindStandings(data.kind, labelled, results)} highlight={mine} label={t("vote.results")}
              amount={data.kind === "ranking" ? (points) => t("ranking.points", { points: formatCount(points, locale) }) : undefined} />
          )}
        </section>
      ) : (
        (voted || status === "closed") && data.resultsVisibility === "after_close" && <p className="muted">{t("results.hiddenAfterClose")}</p>
      )}
      <ShareButton pollId={data.id} slug={data.slug} question={data.question} />
      <TodaysSpecials pollId={data.id} />
    </Shell>
  );
}

const VOTE_FORM_ID = "vote-form";

function Shell({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader title={title} home={null} />
      <main className="page page--narrow vote-page">{children}</main>
    </>
  );
}

/** Of two tallies, the later one (by seq): the vote's own answer can be newer than the last live update. */
function newest(a: PollResults | null, b: PollResults | null): PollResults | null {
  if (!a || !b) return a ?? b;
  return a.seq >= b.seq ? a : b;
}

