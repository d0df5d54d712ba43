"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../../_i18n/I18nProvider";
import { useTRPC } from "../../_trpc/react";

/** The link to leave open on the restaurant's TV (docs/adr/0030); it carries the key that shows room codes. */
export function RestaurantTvLink() {
  const { t } = useI18n();
  const path = useQuery(useTRPC().screen.restaurantPath.queryOptions(undefined, { staleTime: Infinity })).data;
  if (!path) return null;
  return (
    <section className="card stack" aria-labelledby="tv-link-title">
      <h2 id="tv-link-title">{t("tv.linkTitle")}</h2>
      <p>{t("tv.linkHint")}</p>
      <p className="actions">
        <Link className="button button--small" href={path} target="_blank" data-testid="restaurant-tv-link">{t("tv.open")}</Link>
      </p>
    </section>
  );
}
