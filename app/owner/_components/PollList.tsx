"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";
import { Notice } from "../../_ui/Notice";
import { StatusBadge } from "../../_ui/StatusBadge";
import { useRestaurant } from "./useRestaurant";

/**
 * The owner's polls, newest first, each with the way to manage it and to put it on the screen; `archived`: the
 * archive of closed polls taken off the list. Dates on the restaurant's clock.
 */
export function PollList({ archived = false }: { archived?: boolean }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { timeZone } = useRestaurant();
  const polls = useQuery(trpc.poll.mine.queryOptions({ archived }));

  return (
    <>
      <div className="page-title">
        <h1>{t(archived ? "dashboard.archiveTitle" : "dashboard.title")}</h1>
        {archived ? (
          <Link href="/owner">← {t("dashboard.backToPolls")}</Link>
        ) : (
          <Link className="button" href="/owner/polls/new">
            {t("dashboard.newPoll")}
          </Link>
        )}
      </div>
      {polls.isPending && <p>{t("common.loading")}</p>}
      {polls.isError && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
      {polls.data?.length === 0 && <p className="empty">{t(archived ? "dashboard.archiveEmpty" : "dashboard.empty")}</p>}
      {polls.data && polls.data.length > 0 && (
        <ul className="poll-list">
          {polls.data.map((poll) => (
            <li key={poll.id} className="card">
              <div className="poll-list__head">
                <h2>
                  <Link href={`/owner/polls/${poll.id}`}>{poll.question}</Link>
                </h2>
                <StatusBadge status={poll.status} />
              </div>
              <p className="muted">
                {t("dashboard.created", { date: formatDateTime(poll.createdAt, locale, timeZone) })}
                {poll.closesAt && poll.status !== "closed" && <> · {t("dashboard.closes", { date: formatDateTime(poll.closesAt, locale, timeZone) })}</>}
              </p>
              <p className="actions">
                <Link className="button button--small" href={`/owner/polls/${poll.id}`}>
                  {t("dashboard.manage")}
                  <span className="visually-hidden">: {poll.question}</span>
                </Link>
                <Link className="button button--small button--secondary" href={`/screen/${poll.slug}`}>
                  {t("dashboard.screen")}
                  <span className="visually-hidden">: {poll.question}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
      {!archived && (
        <p>
          <Link href="/owner/archive">{t("dashboard.archive")}</Link>
        </p>
      )}
    </>
  );
}
