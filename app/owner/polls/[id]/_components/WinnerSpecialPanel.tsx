"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { readApiError } from "../../../../_trpc/errors";
import { useTRPC } from "../../../../_trpc/react";
import { Field } from "../../../../_ui/Field";
import { Notice } from "../../../../_ui/Notice";
import { useRestaurant } from "../../../_components/useRestaurant";
import { toZonedInputValue } from "@/lib/zonedTime";

const dayIn = (timeZone: string, offsetDays: number) => toZonedInputValue(new Date(Date.now() + offsetDays * 86_400_000), timeZone).slice(0, 10);

/** On a closed menu vote: one action makes the winning dish the restaurant's special for a range of days. */
export function WinnerSpecialPanel({ pollId, options }: { pollId: string; options: { label: string; menuItemId: string | null }[] }) {
  const { t } = useI18n();
  const { id: restaurantId, timeZone } = useRestaurant();
  const trpc = useTRPC();
  const [startsOn, setStartsOn] = useState(() => dayIn(timeZone, 0));
  const [endsOn, setEndsOn] = useState(() => dayIn(timeZone, 6));
  const [pick, setPick] = useState<string | undefined>(undefined);
  const make = useMutation(trpc.specials.fromWinner.mutationOptions());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    make.mutate({ pollId, startsOn, endsOn, menuItemId: pick });
  };
  const error = make.error && readApiError(make.error);
  const tied = error?.code === "CONFLICT" ? ((error.details?.tied as string[] | undefined) ?? []) : [];
  const dishLabel = (menuItemId: string) => options.find((o) => o.menuItemId === menuItemId)?.label ?? "";

  return (
    <section aria-labelledby="special-heading" className="card stack">
      <h2 id="special-heading">{t("specials.fromWinner")}</h2>
      <form onSubmit={submit} className="stack">
        <div className="choice-row">
          <Field id="special-starts" type="date" label={t("specials.startsOn")} value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          <Field id="special-ends" type="date" label={t("specials.endsOn")} value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </div>
        {tied.length > 0 && (
          <fieldset className="stack">
            <legend>{t("specials.tie")}</legend>
            {tied.map((id) => (
              <label key={id} className="radio"><input type="radio" name="tied" checked={pick === id} onChange={() => setPick(id)} />{dishLabel(id)}</label>
            ))}
          </fieldset>
        )}
        <p className="actions"><button type="submit" className="button" disabled={make.isPending}>{t("specials.make")}</button></p>
      </form>
      {make.data && (
        <Notice tone="success">
          {t("specials.made", { dish: dishLabel(make.data.menuItemId), from: make.data.startsOn, to: make.data.endsOn })}{" "}
          <Link href={`/r/${restaurantId}`} data-testid="restaurant-page-link">{t("specials.seePage")}</Link>
        </Notice>
      )}
      {error && error.code !== "CONFLICT" && <Notice tone="error">{error.code === "PRECONDITION_FAILED" ? t("specials.noWinner") : error.code === "BAD_REQUEST" ? t("specials.badDates") : t("common.unexpectedError")}</Notice>}
    </section>
  );
}
