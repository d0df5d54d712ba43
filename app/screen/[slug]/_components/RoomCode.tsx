"use client";

import { useI18n } from "../../../_i18n/I18nProvider";
import styles from "./RoomCode.module.css";

/** The rotating room code, big enough to read from a table: diners type it to prove they are in the restaurant. */
export function RoomCode({ code }: { code: string }) {
  const { t } = useI18n();
  return (
    <p className={styles.roomCode}>
      <span className={styles.label}>{t("presence.screenLabel")}</span>
      <strong className={styles.code} data-testid="room-code" aria-label={code}>
        {code.slice(0, 3)} {code.slice(3)}
      </strong>
      <span className={styles.hint}>{t("presence.screenHint")}</span>
    </p>
  );
}
