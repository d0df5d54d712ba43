"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "../../../../_i18n/I18nProvider";
import type { LiveStatus } from "../../../../_live/useLiveResults";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";
import { RescheduleForm } from "./RescheduleForm";

type Props = { pollId: string; status: LiveStatus; closesAt: string | null; couponsValidUntil: string | null };

/**
 * What the owner can do with a poll in its state. A draft: open, edit, duplicate, delete. Open: close, change its
 * closing time, duplicate. Closed: reopen, duplicate, archive (or take out of the archive). Close and delete ask
 * first; reopen and extend say what they mean for voters and coupons (RescheduleForm).
 */
export function LifecycleActions({ pollId, status, closesAt, couponsValidUntil }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<"idle" | "confirmClose" | "confirmDelete" | "reschedule">("idle");
  const state = useQuery(trpc.poll.ownerState.queryOptions({ pollId }));
  const refresh = async () => {
    setStep("idle");
    await queryClient.invalidateQueries(trpc.poll.pathFilter());
  };
  const open = useMutation(trpc.poll.open.mutationOptions({ onSettled: refresh }));
  const close = useMutation(trpc.poll.close.mutationOptions({ onSettled: refresh }));
  const archive = useMutation(trpc.poll.archive.mutationOptions({ onSettled: refresh }));
  const duplicate = useMutation(
    trpc.poll.duplicate.mutationOptions({ onSuccess: (copy) => router.push(`/owner/polls/${copy.id}/edit`) }),
  );
  const remove = useMutation(
    trpc.poll.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.poll.mine.queryFilter());
        router.push("/owner");
      },
    }),
  );
  const failed = open.error ?? close.error ?? archive.error ?? duplicate.error ?? remove.error;
  const archived = state.data?.archived ?? false;
  const live = status === "open" || status === "scheduled";

  if (step === "reschedule") {
    return (
      <RescheduleForm pollId={pollId} action={status === "closed" ? "reopen" : "extend"} closesAt={closesAt}
        couponsValidUntil={couponsValidUntil} onDone={() => setStep("idle")} />
    );
  }
  return (
    <div className="status-actions">
      {status === "draft" && step === "idle" && (
        <>
          <button type="button" className="button" disabled={open.isPending} onClick={() => open.mutate({ pollId })}>
            {t("admin.open")}
          </button>
          <Link className="button button--secondary" href={`/owner/polls/${pollId}/edit`}>{t("admin.edit")}</Link>
        </>
      )}
      {live && step === "idle" && (
        <>
          <button type="button" className="button button--danger" onClick={() => setStep("confirmClose")}>{t("admin.close")}</button>
          <button type="button" className="button button--secondary" onClick={() => setStep("reschedule")}>{t("admin.extend")}</button>
        </>
      )}
      {status === "closed" && step === "idle" && (
        <>
          <button type="button" className="button" onClick={() => setStep("reschedule")}>{t("admin.reopen")}</button>
          <button type="button" className="button button--secondary" disabled={archive.isPending}
            onClick={() => archive.mutate({ pollId, archived: !archived })}>
            {t(archived ? "admin.unarchive" : "admin.archive")}
          </button>
        </>
      )}
      {step === "idle" && (
        <button type="button" className="button button--secondary" disabled={duplicate.isPending} onClick={() => duplicate.mutate({ pollId })}>
          {t(duplicate.isPending ? "admin.duplicating" : "admin.duplicate")}
        </button>
      )}
      {status === "draft" && step === "idle" && (
        <button type="button" className="button button--secondary" onClick={() => setStep("confirmDelete")}>{t("admin.delete")}</button>
      )}
      {step === "confirmClose" && (
        <Confirm id="confirm-close" question={t("admin.confirmClose")} action={t("admin.close")} pending={close.isPending}
          onConfirm={() => close.mutate({ pollId })} onCancel={() => setStep("idle")} />
      )}
      {step === "confirmDelete" && (
        <Confirm id="confirm-delete" question={t("admin.confirmDelete")} action={t("admin.delete")} pending={remove.isPending}
          onConfirm={() => remove.mutate({ pollId })} onCancel={() => setStep("idle")} />
      )}
      {status === "closed" && <p className="muted">{t(archived ? "admin.archivedNote" : "admin.closedNote")}</p>}
      {failed && (
        <Notice tone="error">{readApiError(failed).code === "NETWORK" ? t("common.networkError") : t("common.unexpectedError")}</Notice>
      )}
    </div>
  );
}

function Confirm(props: { id: string; question: string; action: string; pending: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div role="group" aria-labelledby={props.id} className="confirm">
      <p id={props.id}>{props.question}</p>
      <button type="button" className="button button--danger" autoFocus disabled={props.pending} onClick={props.onConfirm}>
        {props.action}
      </button>
      <button type="button" className="button button--secondary" onClick={props.onCancel}>
        {t("common.cancel")}
      </button>
    </div>
  );
}
