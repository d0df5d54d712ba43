"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { formatCount } from "@/lib/format";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { QrCode } from "../../../../_live/QrCode";
import { useTRPC } from "../../../../_trpc/react";

const noSubscription = () => () => {};

/**
 * The poll's printed table cards (each QR code opens the poll for its table) and the votes per table, read again
 * whenever the tally moves (`seq`). Nothing when the poll has no table cards.
 */
export function TableCardsPanel({ pollId, options, seq }: { pollId: string; options: { id: string; label: string }[]; seq: number | undefined }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const origin = useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
  const cards = useQuery(trpc.presence.tableCards.queryOptions({ pollId }, { staleTime: Infinity }));
  const results = useQuery(trpc.presence.tableResults.queryOptions({ pollId }, { enabled: Boolean(cards.data?.length) }));
  const { refetch } = results;
  useEffect(() => {
    if (seq !== undefined && cards.data?.length) void refetch();
  }, [seq, refetch, cards.data?.length]);

  if (!cards.data?.length) return null;
  const labelOf = new Map(options.map((o) => [o.id, o.label]));
  return (
    <section aria-labelledby="tables-heading" className="card table-cards">
      <h2 id="tables-heading">{t("presence.tableCards")}</h2>
      <p className="muted">{t("presence.tableCardsHint")}</p>
      {results.data?.length ? (
        <ul data-testid="table-results">
          {results.data.map((row) => (
            <li key={row.table}>
              <strong>{t("presence.table", { table: row.table })}</strong>: {t("presence.tableVotes", { total: formatCount(row.total, locale) })} —{" "}
              {Object.entries(row.counts).map(([optionId, count]) => `${labelOf.get(optionId) ?? "?"} ${formatCount(count, locale)}`).join(", ")}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("presence.noTableVotes")}</p>
      )}
      <ol className="table-cards__list">
        {cards.data.map((card) => (
          <li key={card.table} className="table-cards__card">
            {origin && <QrCode value={`${origin}${card.path}`} label={t("presence.table", { table: card.table })} className="table-cards__qr" />}
            <span>{t("presence.table", { table: card.table })}</span>
            <code>{card.code}</code>
          </li>
        ))}
      </ol>
    </section>
  );
}
