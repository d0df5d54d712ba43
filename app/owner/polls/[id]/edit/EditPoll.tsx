"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";
import { useRestaurant } from "../../../_components/useRestaurant";
import { PollForm } from "../../new/_components/PollForm";
import { draftOfPoll } from "../../new/_components/pollDraft";

/** A draft in the poll form; a poll that has opened is fixed, and says how to get a changed copy. */
export function EditPoll({ pollId }: { pollId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { timeZone } = useRestaurant();
  const draft = useQuery(trpc.poll.draft.queryOptions({ pollId }, { staleTime: Infinity, gcTime: 0 }));

  if (draft.isPending) return <p>{t("common.loading")}</p>;
  if (draft.isError) {
    const code = readApiError(draft.error).code;
    return (
      <>
        <Notice tone="error">
          {t(code === "PRECONDITION_FAILED" ? "edit.notDraft" : code === "NOT_FOUND" ? "common.notFound" : "common.unexpectedError")}
        </Notice>
        <p><Link href={`/owner/polls/${pollId}`}>← {t("admin.back")}</Link></p>
      </>
    );
  }
  return (
    <>
      <p><Link href={`/owner/polls/${pollId}`}>← {draft.data.question}</Link></p>
      <PollForm pollId={pollId} initial={draftOfPoll(draft.data, timeZone)} />
    </>
  );
}
