"use client";

import { useI18n } from "../_i18n/I18nProvider";
import type { Connection } from "./useLiveResults";

/** A discreet note while live updates are not flowing; nothing at all while they are. */
export function ConnectionBadge({ connection, className }: { connection: Connection; className?: string }) {
  const { t } = useI18n();
  return (
    <p role="status" className={`connection-badge ${className ?? ""}`} data-connection={connection}>
      {connection === "reconnecting" ? t("screen.reconnecting") : connection === "connecting" ? t("screen.connecting") : ""}
    </p>
  );
}
