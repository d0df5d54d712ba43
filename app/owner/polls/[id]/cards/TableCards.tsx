"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { groupJoinCode } from "@/lib/joinCode";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { QrCode } from "../../../../_live/QrCode";
import { useShareUrl } from "../../../../_live/useShareUrl";
import { useTRPC } from "../../../../_trpc/react";

/**
 * Cards on an A4 sheet: one per table for a poll with table cards (docs/adr/0026), one per code for a ballot-code
 * poll, each with its own QR code; otherwise six of the poll's own card, with the join code.
 */
const CARDS_PER_SHEET = 6;

type Card = { key: string; url: string; number?: number; ballotCode?: string; table?: number };

export function TableCards({ pollId }: { pollId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const poll = useQuery(trpc.poll.get.queryOptions({ pollId }));
  const url = useShareUrl(pollId, poll.data?.slug);
  const withCodes = Boolean(poll.data?.requiresBallotCode);
  const codes = useQuery(trpc.poll.ballotCodes.queryOptions({ pollId }, { enabled: withCodes }));
  const tables = useQuery(trpc.presence.tableCards.queryOptions({ pollId }, { staleTime: Infinity }));
  if (!poll.data || !url || (withCodes && !codes.data) || tables.isPending) return <p>{t("common.loading")}</p>;

  const { origin, host } = new URL(url);
  const cards: Card[] = withCodes
    ? codes.data!.map((c) => ({ key: c.code, url: `${origin}${c.path}`, number: c.number, ballotCode: c.code }))
    : tables.data?.length
      ? tables.data.map((c) => ({ key: c.code, url: `${origin}${c.path}`, table: c.table }))
      : Array.from({ length: CARDS_PER_SHEET }, (_, i) => ({ key: String(i), url }));

  return (
    <>
      <div className="cards-intro">
        <p><Link href={`/owner/polls/${pollId}`}>← {poll.data.question}</Link></p>
        <h1>{t("cards.title")}</h1>
        <p className="muted">{t(withCodes ? "cards.hintBallot" : "cards.hint")}</p>
        <button type="button" className="button" onClick={() => window.print()}>{t("cards.print")}</button>
      </div>
      <ol className="table-cards" aria-label={t("cards.title")}>
        {cards.map((card) => (
          <li key={card.key} className="table-card" data-testid="table-card">
            <p className="table-card__restaurant">{poll.data.restaurantName}</p>
            <p className="table-card__question">{poll.data.question}</p>
            <QrCode value={card.url} label={`${t("screen.scanToVote")}: ${card.url}`} className="table-card__qr" />
            <p className="table-card__scan">{t("screen.scanToVote")}</p>
            {card.table !== undefined ? (
              <p className="table-card__ballot">{t("presence.table", { table: card.table })}</p>
            ) : card.ballotCode ? (
              <p className="table-card__ballot">{t("cards.ballotNumber", { number: card.number! })} · <span data-testid="card-ballot-code">{card.ballotCode}</span></p>
            ) : (
              <p className="table-card__join">
                {t("screen.orType", { url: `${host}/join` })} <strong>{groupJoinCode(poll.data.joinCode)}</strong>
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
