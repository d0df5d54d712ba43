"use client";

import { useI18n } from "../../../_i18n/I18nProvider";
import { Field } from "../../../_ui/Field";
import { useTypedBeforeHydration } from "../_client/useTypedBeforeHydration";

/** Where a diner types the room code the restaurant's screen shows, on a poll that counts only votes from inside. */
export function RoomCodeField({ value, onChange, form }: { value: string; onChange: (code: string) => void; /** the vote form it is sent with, without JavaScript */ form: string }) {
  const { t } = useI18n();
  const adoptEarlyCode = useTypedBeforeHydration<HTMLInputElement>(onChange);
  return (
    <Field id="room-code" label={t("presence.roomCode")} hint={t("presence.roomCodeHint")} value={value} ref={adoptEarlyCode} name="roomCode" form={form}
      inputMode="numeric" autoComplete="one-time-code" maxLength={7} pattern="[0-9 ]*"
      onChange={(e) => onChange(e.target.value)} className="room-code-field" />
  );
}
