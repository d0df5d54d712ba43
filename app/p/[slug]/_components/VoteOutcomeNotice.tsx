"use client";

import { useI18n } from "../../../_i18n/I18nProvider";
import { Notice } from "../../../_ui/Notice";
import { TooFast } from "./TooFast";
import type { VoteOutcome } from "./useCastVote";

/** What happened to the diner's vote, said plainly: counted, already voted, closed, too fast, or failed. (A coupon won is the page's `WonCoupon`.) */
export function VoteOutcomeNotice({ outcome, closed, onRetry }: { outcome: VoteOutcome; closed: boolean; onRetry: () => void }) {
  const { t } = useI18n();
  switch (outcome.kind) {
    case "ready":
      return null;
    case "sending":
      return <Notice>{t("vote.sending")}</Notice>;
    case "counted":
      return <Notice tone="success" className="notice--big">{t(outcome.changed ? "vote.changed" : outcome.afterRetry ? "vote.countedAfterRetry" : "vote.counted")}</Notice>;
    case "alreadyVoted":
      return <Notice tone="info" className="notice--big">{t("vote.alreadyVoted")}</Notice>;
    case "tooFast":
      return <TooFast retryAt={outcome.retryAt} onReady={onRetry} />;
    case "notAccepting":
      return <Notice tone="warning" className="notice--big">{t(closed ? "vote.closed" : "vote.notOpen")}</Notice>;
    case "notFound":
      return <Notice tone="error">{t("common.notFound")}</Notice>;
    case "needsPresence":
      return <Notice tone="warning">{t(outcome.invalid ? "presence.invalid" : "presence.roomCodeHint")}</Notice>;
    case "failed":
      return (
        <Notice tone="error">
          {t(outcome.network ? "common.networkError" : "common.unexpectedError")}{" "}
          <button type="button" className="link-button" onClick={onRetry}>
            {t("common.retry")}
          </button>
        </Notice>
      );
  }
}
