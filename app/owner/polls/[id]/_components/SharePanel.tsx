"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { QrCode } from "../../../../_live/QrCode";
import { useShareUrl } from "../../../../_live/useShareUrl";
import { useTRPC } from "../../../../_trpc/react";

/** The QR code and short link diners use, and the way to put the poll on the restaurant's screen. */
export function SharePanel({ pollId, slug }: { pollId: string; slug: string }) {
  const { t } = useI18n();
  const url = useShareUrl(pollId, slug);
  // The screen's own link carries its key, so the screen can show the room code (docs/adr/0026).
  const screenPath = useQuery(useTRPC().presence.screenPath.queryOptions({ pollId }, { staleTime: Infinity })).data ?? `/screen/${slug}`;
  const [copied, setCopied] = useState(false);

  async function copy() {
    if (!url) return;
    await navigator.clipboard?.writeText(url).catch(() => {});
    setCopied(true);
  }

  return (
    <section aria-labelledby="share-heading" className="card share">
      <h2 id="share-heading">{t("admin.share")}</h2>
      <p className="muted">{t("admin.shareHint")}</p>
      {url && (
        <>
          <QrCode value={url} label={`${t("screen.scanToVote")}: ${url}`} className="share__qr" />
          <p>
            <a href={url} className="share__link" data-testid="share-link">
              {url}
            </a>
          </p>
          <p className="actions">
            <button type="button" className="button button--small button--secondary" onClick={copy}>
              {t("admin.copy")}
            </button>
            <Link className="button button--small" href={screenPath} target="_blank" data-testid="screen-link">
              {t("admin.openScreen")}
            </Link>
          </p>
          <p role="status" className="muted">{copied ? t("admin.copied") : ""}</p>
        </>
      )}
    </section>
  );
}
