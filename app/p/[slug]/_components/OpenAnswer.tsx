"use client";

import { type FormEvent, useRef, useState } from "react";
import { formatDateTime } from "@/lib/format";
import { LIMITS } from "@/lib/limits";
import { shouldRetryVote, VOTE_RETRY, voteRetryDelayMs } from "@/lib/voteRetry";
import { useI18n } from "../../../_i18n/I18nProvider";
import { Notice } from "../../../_ui/Notice";
import { apiMutation, readCallError } from "../_client/api";
import { useApiQuery } from "../_client/useApiQuery";
import { useTypedBeforeHydration } from "../_client/useTypedBeforeHydration";
import { RoomCodeField } from "./RoomCodeField";
import { TooFast } from "./TooFast";
import type { PresenceProof } from "./useCastVote";

type Props = {
  pollId: string;
  status: string;
  changeable: boolean;
  requiresPresence: boolean;
  presence: PresenceProof;
};

type Outcome =
  | { kind: "ready" }
  | { kind: "sending" }
  | { kind: "sent" }
  | { kind: "already" }
  | { kind: "closed" }
  | { kind: "tooFast"; retryAt: number }
  | { kind: "needsPresence" }
  /** No answer after every retry, or the database away (SERVICE_UNAVAILABLE): nothing saved, the text kept. */
  | { kind: "notSaved" }
  | { kind: "failed" };

/**
 * An open poll on the diner's phone (docs/adr/0029): a text box bounded to the answer's length, the answer sent
 * like a vote (the voter identity first, a lost answer sent again: a repeat is `already_answered`), and the
 * diner's own answer shown on return, with "change my answer" while a changeable poll is open.
 */
export function OpenAnswer({ pollId, status, changeable, requiresPresence, presence }: Props) {
  const { t, locale } = useI18n();
  const mine = useApiQuery("answer.mine", { pollId, ballotCode: presence.ballotCode }, { enabled: Boolean(pollId) });
  const [text, setText] = useState("");
  const [roomCode, setRoomCode] = useState(presence.roomCode ?? "");
  const [editing, setEditing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "ready" });
  const identified = useRef(false);
  const adoptEarlyText = useTypedBeforeHydration<HTMLTextAreaElement>(setText);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { pollId, text, roomCode: roomCode || undefined, tableCode: presence.tableCode, ballotCode: presence.ballotCode };
    setOutcome({ kind: "sending" });
    for (let failures = 0; ; failures++) {
      try {
        if (!identified.current) {
          await apiMutation("vote.identify", { pollId });
          identified.current = true;
        }
        const answer = await apiMutation("answer.submit", input, AbortSignal.timeout(VOTE_RETRY.answerDeadlineMs));
        setOutcome({ kind: answer.status === "already_answered" && failures === 0 ? "already" : "sent" });
        setEditing(false);
        await mine.refetch();
        return;
      } catch (error) {
        const { code, details, retryAfterSeconds } = readCallError(error);
        const failure = code === "NETWORK" ? "no_answer" : code === "UNAUTHORIZED" ? "unauthorized" : "other";
        if (shouldRetryVote(failures, failure)) {
          await new Promise((resolve) => setTimeout(resolve, voteRetryDelayMs(failures, failure)));
          continue;
        }
        if (code === "PRECONDITION_FAILED") setOutcome({ kind: "closed" });
        else if (code === "TOO_MANY_REQUESTS") setOutcome({ kind: "tooFast", retryAt: Date.now() + (retryAfterSeconds ?? 5) * 1000 });
        else if (code === "FORBIDDEN" && details?.presence) setOutcome({ kind: "needsPresence" });
        else if (code === "NETWORK") setOutcome({ kind: "notSaved" });
        else setOutcome({ kind: "failed" });
        return;
      }
    }
  }

  const earlier = mine.data;
  const showForm = status === "open" && outcome.kind !== "closed" && (!earlier || editing);
  return (
    <div className="open-answer">
      {outcome.kind === "sent" && <Notice tone="success" className="notice--big">{t("answer.sent")}</Notice>}
      {outcome.kind === "already" && <Notice tone="info">{t("answer.already")}</Notice>}
      {(outcome.kind === "closed" || (status === "closed" && !earlier)) && <Notice tone="warning">{t("answer.closed")}</Notice>}
      {outcome.kind === "tooFast" && <TooFast retryAt={outcome.retryAt} onReady={() => setOutcome({ kind: "ready" })} />}
      {outcome.kind === "needsPresence" && <Notice tone="error">{t("presence.invalid")}</Notice>}
      {outcome.kind === "notSaved" && <Notice tone="error">{t("answer.notSaved")}</Notice>}
      {outcome.kind === "failed" && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
      {earlier && !editing && (
        <div className="open-answer__mine" data-testid="my-answer">
          <p>{t("answer.yours", { text: earlier.text })}</p>
          <p className="muted">{formatDateTime(earlier.answeredAt, locale)}</p>
          {earlier.hidden && <p className="muted">{t("answer.hidden")}</p>}
          {changeable && status === "open" && (
            <button type="button" className="button button--secondary" onClick={() => (setText(earlier.text), setEditing(true))}>
              {t("answer.change")}
            </button>
          )}
        </div>
      )}
      {showForm && (
        <form id="open-answer-form" className="open-answer__form" onSubmit={submit}>
          {requiresPresence && !presence.tableCode && <RoomCodeField value={roomCode} onChange={setRoomCode} form="open-answer-form" />}
          <label htmlFor="open-answer-text">{t("answer.label")}</label>
          <p id="open-answer-hint" className="field__hint">{t("answer.hint", { max: LIMITS.answerLength })}</p>
          <textarea
            id="open-answer-text"
            ref={adoptEarlyText}
            aria-describedby="open-answer-hint"
            value={text}
            maxLength={LIMITS.answerLength}
            rows={3}
            required
            onChange={(event) => setText(event.target.value)}
          />
          <p className="muted open-answer__count" aria-hidden="true">{`${[...text].length} / ${LIMITS.answerLength}`}</p>
          <button type="submit" className="button vote-submit" disabled={outcome.kind === "sending" || text.trim() === ""}>
            {t("answer.submit")}
          </button>
        </form>
      )}
    </div>
  );
}
