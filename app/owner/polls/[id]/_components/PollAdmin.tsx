"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { standingsOf } from "@/lib/standings";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { ResultBars } from "../../../../_live/ResultBars";
import { useLiveResults } from "../../../../_live/useLiveResults";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";
import { StatusBadge } from "../../../../_ui/StatusBadge";
import { ExportButton } from "./ExportButton";
import { PromotionPanel } from "./PromotionPanel";
import { SharePanel } from "./SharePanel";
import { StatusActions } from "./StatusActions";
import { VotesOverTime } from "./VotesOverTime";

/**
 * One poll, for its owner: open or close it, share it, watch the results live and over time, export ballots, and
 * follow its promotion's coupons.
 */
export function PollAdmin({ pollId }: { pollId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const poll = useQuery(trpc.poll.get.queryOptions({ pollId }));
  const live = useLiveResults(poll.data?.id);

  if (poll.isPending) return <p>{t("common.loading")}</p>;
  if (poll.isError) {
    return <Notice tone="error">{t(readApiError(poll.error).code === "NOT_FOUND" ? "common.notFound" : "common.unexpectedError")}</Notice>;
  }
  const status = live.status ?? poll.data.status;
  const standings = standingsOf(poll.data.options, live.results);

  return (
    <div className="admin">
      <p>
        <Link href="/owner">← {t("admin.back")}</Link>
      </p>
      <div className="page-title">
        <h1>{poll.data.question}</h1>
        <StatusBadge status={status} />
      </div>
      <StatusActions pollId={pollId} status={status} />
      <div className="admin__grid">
        <section aria-labelledby="results-heading" className="card">
          <h2 id="results-heading">{t("admin.results")}</h2>
          <p className="admin__total" aria-live="polite">
            {t("admin.total", { count: live.results?.total ?? 0 })}
          </p>
          <ResultBars standings={standings} label={t("admin.results")} />
          <ExportButton pollId={pollId} />
        </section>
        <SharePanel pollId={pollId} slug={poll.data.slug} />
      </div>
      {poll.data.promotion && <PromotionPanel pollId={pollId} seq={live.results?.seq} />}
      <VotesOverTime pollId={pollId} options={poll.data.options} results={live.results} />
    </div>
  );
}
