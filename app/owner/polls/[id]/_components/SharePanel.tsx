"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { groupJoinCode } from "@/lib/joinCode";
import { reachableFromPhones } from "@/lib/shareLink";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { QrCode } from "../../../../_live/QrCode";
import { qrDownloads } from "../../../../_live/qrDownloads";
import { useShareUrl } from "../../../../_live/useShareUrl";
import { useTRPC } from "../../../../_trpc/react";
import { Notice } from "../../../../_ui/Notice";

/**
 * The QR code, link and join code diners use; the QR code as SVG and PNG files and as printable table cards; and
 * the way to put the poll on the restaurant's screen. A link that names this computer (localhost) cannot work from
 * a phone: the panel says so and what to do.
 */
export function SharePanel({ pollId, slug, joinCode }: { pollId: string; slug: string; joinCode: string }) {
  const { t } = useI18n();
  const url = useShareUrl(pollId, slug);
  // The screen's own link carries its key, so the screen can show the room code (docs/adr/0026).
  const screenPath = useQuery(useTRPC().presence.screenPath.queryOptions({ pollId }, { staleTime: Infinity })).data ?? `/screen/${slug}`;
  const [copied, setCopied] = useState(false);
  const [files, setFiles] = useState<{ svg: string; png: string } | null>(null);
  useEffect(() => {
    if (url) void qrDownloads(url).then(setFiles, () => setFiles(null));
  }, [url]);

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
          {!reachableFromPhones(url) && (
            <Notice tone="warning" className="share__warning">
              <strong>{t("admin.shareLocalTitle")}</strong> {t("admin.shareLocalBody")}
            </Notice>
          )}
          <QrCode value={url} label={`${t("screen.scanToVote")}: ${url}`} className="share__qr" />
          <p>
            <a href={url} className="share__link" data-testid="share-link">
              {url}
            </a>
          </p>
          <p>
            {t("admin.joinCode")} <strong className="share__code" data-testid="share-join-code">{groupJoinCode(joinCode)}</strong>
          </p>
          <p className="actions">
            <button type="button" className="button button--small button--secondary" onClick={copy}>
              {t("admin.copy")}
            </button>
            <Link className="button button--small" href={screenPath} target="_blank" data-testid="screen-link">
              {t("admin.openScreen")}
            </Link>
          </p>
          <p className="actions">
            <Link className="button button--small button--secondary" href={`/owner/polls/${pollId}/cards`}>
              {t("admin.printCards")}
            </Link>
            {files && (
              <>
                <a className="button button--small button--secondary" href={files.svg} download={`tableside-${slug}-qr.svg`}>
                  {t("admin.downloadSvg")}
                </a>
                <a className="button button--small button--secondary" href={files.png} download={`tableside-${slug}-qr.png`}>
                  {t("admin.downloadPng")}
                </a>
              </>
            )}
          </p>
          <p role="status" className="muted">{copied ? t("admin.copied") : ""}</p>
        </>
      )}
    </section>
  );
}
