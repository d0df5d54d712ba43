"use client";

import { useI18n } from "../_i18n/I18nProvider";
import type { LiveStatus } from "../_live/useLiveResults";

export function StatusBadge({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  return (
    <span className="status-badge" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
