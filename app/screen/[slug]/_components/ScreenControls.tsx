"use client";

import { LanguageSwitch } from "../../../_i18n/LanguageSwitch";
import { FullScreenButton } from "./FullScreenButton";
import styles from "./LiveScreen.module.css";
import { useIdle } from "./useIdle";

const HIDE_AFTER_MS = 3_000;

/** Language and full screen, in the header's corner; they fade out after three seconds without a pointer. */
export function ScreenControls() {
  const idle = useIdle(HIDE_AFTER_MS);
  return (
    <div className={styles.controls} data-idle={idle || undefined} data-testid="screen-controls">
      <LanguageSwitch className={styles.switch} />
      <FullScreenButton className={styles.fullScreen} />
    </div>
  );
}
