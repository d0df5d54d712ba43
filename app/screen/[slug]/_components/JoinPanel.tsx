"use client";

import { groupJoinCode } from "@/lib/joinCode";
import { useI18n } from "../../../_i18n/I18nProvider";
import { QrCode } from "../../../_live/QrCode";
import styles from "./LiveScreen.module.css";

/**
 * How a diner gets in: the QR code, as big as the layout allows (73% of the screen's height: about 50 cm on a
 * 55-inch TV, scannable from 5 m; docs/adr/0021), and for tables beyond that the short code to type at /join.
 */
export function JoinPanel({ shareUrl, joinCode, answer = false }: { shareUrl: string; joinCode: string; /** an open poll: "scan to answer" */ answer?: boolean }) {
  const { t } = useI18n();
  const scan = t(answer ? "screen.scanToAnswer" : "screen.scanToVote");
  const joinUrl = `${new URL(shareUrl).host}/join`;
  return (
    <figure className={styles.join} data-testid="screen-join">
      <QrCode value={shareUrl} label={`${scan}: ${shareUrl}`} className={styles.qr} />
      <figcaption className={styles.joinCaption}>
        <span className={styles.joinTitle}>{scan}</span>
        <span className={styles.joinUrl}>{t("screen.orType", { url: joinUrl })}</span>
        <span className={styles.joinCode} data-testid="screen-join-code">{groupJoinCode(joinCode)}</span>
      </figcaption>
    </figure>
  );
}
