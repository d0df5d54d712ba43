"use client";

import { useEffect, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";
import { Notice } from "../../../_ui/Notice";

/** "Too fast — try again in N s", counting down; calls `onReady` when the wait is over. */
export function TooFast({ retryAt, onReady }: { retryAt: number; onReady: () => void }) {
  const { t } = useI18n();
  const secondsLeft = () => Math.max(0, Math.ceil((retryAt - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(secondsLeft);

  useEffect(() => {
    const timer = setInterval(() => {
      const left = secondsLeft();
      setSeconds(left);
      if (left === 0) onReady();
    }, 250);
    return () => clearInterval(timer);
  }, [retryAt, onReady]);

  return <Notice tone="warning">{t("common.tooFast", { seconds })}</Notice>;
}
