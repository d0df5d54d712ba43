"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useState } from "react";
import { formatCount, formatDateTime } from "@/lib/format";
import type { WordCount } from "@/lib/schemas";
import { CsvDownload } from "./ExportButton";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { useTRPC, useTRPCClient } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";
import { useRestaurant } from "../../../_components/useRestaurant";

type Props = { pollId: string; words: readonly WordCount[]; seq: number | undefined };

/**
 * An open poll's answers for its owner (docs/adr/0029): the words the screen shows, each one hideable; the hidden
 * words, each one showable again; and the answers, newest first, searchable, each hideable, with a CSV download.
 * A hide leaves every screen's cloud with the next live update. The list follows the live seq.
 */
export function AnswersPanel({ pollId, words, seq }: Props) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { timeZone } = useRestaurant();
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const answers = useQuery({ ...trpc.answer.list.queryOptions({ pollId, search: deferredSearch }), placeholderData: (previous) => previous });
  const hiddenWords = useQuery(trpc.answer.hiddenWords.queryOptions({ pollId }));
  const refresh = () => queryClient.invalidateQueries(trpc.answer.pathFilter());
  const hideWord = useMutation(trpc.answer.hideWord.mutationOptions({ onSettled: refresh }));
  const hideAnswer = useMutation(trpc.answer.hideAnswer.mutationOptions({ onSettled: refresh }));
  // New answers or a moderation elsewhere moved the seq: the list and the hidden words follow.
  useEffect(() => {
    if (seq !== undefined) void queryClient.invalidateQueries(trpc.answer.pathFilter());
  }, [seq, queryClient, trpc]);
  const failed = hideWord.isError || hideAnswer.isError;

  return (
    <div className="stack answers-panel">
      {failed && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
      <h3>{t("answers.cloudTitle")}</h3>
      {words.length === 0 ? (
        <p className="muted">{t("answers.none")}</p>
      ) : (
        <ul className="answers-panel__words" data-testid="owner-cloud-words">
          {words.map(([word, count]) => (
            <li key={word}>
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={hideWord.isPending}
                onClick={() => hideWord.mutate({ pollId, word, hidden: true })}
              >
                {t("answers.hideWord", { word, count: formatCount(count, locale) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {(hiddenWords.data?.length ?? 0) > 0 && (
        <>
          <h3>{t("answers.hiddenWords")}</h3>
          <ul className="answers-panel__words" data-testid="owner-hidden-words">
            {hiddenWords.data!.map((word) => (
              <li key={word}>
                <button type="button" className="button button--secondary button--small" onClick={() => hideWord.mutate({ pollId, word, hidden: false })}>
                  {t("answers.showWord", { word })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t("answers.title")}</h3>
      <label className="field">
        <span>{t("answers.search")}</span>
        <input type="search" value={search} maxLength={200} onChange={(event) => setSearch(event.target.value)} />
      </label>
      {answers.data?.answers.length === 0 && <p className="muted">{t("answers.none")}</p>}
      <ul className="answers-panel__list" data-testid="owner-answers">
        {answers.data?.answers.map((answer) => (
          <li key={answer.id} data-hidden={answer.hidden || undefined}>
            <p className="answers-panel__text">{answer.text}</p>
            <p className="muted answers-panel__meta">
              {formatDateTime(answer.answeredAt, locale, timeZone)}
              {answer.hidden && <span className="badge"> · {t("answers.hiddenBadge")}</span>}
              {answer.flagged && <span className="badge"> · {t("answers.flagged")}</span>}
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={hideAnswer.isPending}
              onClick={() => hideAnswer.mutate({ pollId, answerId: answer.id, hidden: !answer.hidden })}
            >
              {answer.hidden ? t("answers.show") : t("answers.hide")}
            </button>
          </li>
        ))}
      </ul>
      <ExportAnswers pollId={pollId} />
    </div>
  );
}

/** Downloads every answer as CSV, with the file name the server chose. */
function ExportAnswers({ pollId }: { pollId: string }) {
  const { t } = useI18n();
  const client = useTRPCClient();
  return <CsvDownload fetchCsv={() => client.answer.export.query({ pollId })} label={t("answers.export")} />;
}
