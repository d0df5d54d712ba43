"use client";

import { useEffect, useState } from "react";
import { useI18n } from "../../../_i18n/I18nProvider";

/** Puts the page in full screen (browsers require a click or key press for it); hidden once it is. */
export function FullScreenButton({ className }: { className?: string }) {
  const { t } = useI18n();
  const [full, setFull] = useState(true);
  useEffect(() => {
    const update = () => setFull(Boolean(document.fullscreenElement) || !document.fullscreenEnabled);
    update();
    document.addEventListener("fullscreenchange", update);
    return () => document.removeEventListener("fullscreenchange", update);
  }, []);
  if (full) return null;
  return (
    <button type="button" className={className} onClick={() => void document.documentElement.requestFullscreen().catch(() => {})}>
      {t("screen.fullScreen")}
    </button>
  );
}
