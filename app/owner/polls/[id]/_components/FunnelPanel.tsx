"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { formatCount } from "@/lib/format";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { useTRPC, useTRPCClient } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";

const SERIES = ["opens", "votes", "issued", "redeemed"] as const;
const COLORS = { opens: "#94a3b8", votes: "#2563eb", issued: "#f59e0b", redeemed: "#16a34a" } as const;

/**
 * What the promotion did: page opens → votes → coupons issued → redeemed, in all and per hour of the restaurant's
 * day (a hand-drawn SVG bar chart, like the other charts: docs/adr/0012), and as CSV. Read again as votes arrive.
 */
export function FunnelPanel({ pollId, seq }: { pollId: string; seq: number | undefined }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const funnel = useQuery(trpc.funnel.ofPoll.queryOptions({ pollId }));
  const [failed, setFailed] = useState(false);
  const { refetch } = funnel;
  useEffect(() => {
    if (seq !== undefined) void refetch();
  }, [seq, refetch]);
  if (!funnel.data) return null;
  const { totals, byHour } = funnel.data;
  const max = Math.max(1, ...byHour.flatMap((h) => SERIES.map((s) => h[s])));

  async function download() {
    try {
      const { filename, csv } = await client.funnel.csv.query({ pollId });
      const href = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
      Object.assign(document.createElement("a"), { href, download: filename }).click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch {
      setFailed(true);
    }
  }

  return (
    <section aria-labelledby="funnel-heading" className="card funnel">
      <h2 id="funnel-heading">{t("funnel.title")}</h2>
      <p data-testid="funnel-totals">
        {SERIES.map((s) => `${t(`funnel.${s}`)} ${formatCount(totals[s], locale)}`).join(" → ")}
      </p>
      {byHour.length > 0 && (
        <svg viewBox={`0 0 ${24 * 20} 120`} role="img" aria-label={t("funnel.chart")} className="funnel__chart">
          {byHour.map((h) =>
            SERIES.map((s, i) => {
              const height = (h[s] / max) * 100;
              return <rect key={`${h.hour}-${s}`} x={h.hour * 20 + 2 + i * 4} y={104 - height} width={4} height={height} fill={COLORS[s]} />;
            }),
          )}
          {[0, 6, 12, 18, 23].map((hour) => (
            <text key={hour} x={hour * 20 + 2} y={118} fontSize={9}>{`${hour}h`}</text>
          ))}
        </svg>
      )}
      <ul className="funnel__legend">
        {SERIES.map((s) => <li key={s}><span style={{ background: COLORS[s] }} aria-hidden="true" /> {t(`funnel.${s}`)}</li>)}
      </ul>
      <button type="button" className="button button--secondary button--small" onClick={download}>{t("funnel.csv")}</button>
      {failed && <Notice tone="error">{t("common.unexpectedError")}</Notice>}
    </section>
  );
}
