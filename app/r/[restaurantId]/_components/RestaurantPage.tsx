"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../../../_i18n/I18nProvider";
import { SpecialsList } from "../../../_menu/SpecialsList";
import { readApiError } from "../../../_trpc/errors";
import { useTRPC } from "../../../_trpc/react";
import { Notice } from "../../../_ui/Notice";
import { SiteHeader } from "../../../_ui/SiteHeader";

/** What anyone may see of a restaurant: today's specials, and the polls open now, each a link to vote. */
export function RestaurantPage({ restaurantId }: { restaurantId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const restaurant = useQuery(trpc.specials.restaurant.queryOptions({ restaurantId }, { refetchInterval: 60_000 }));
  const data = restaurant.data;
  return (
    <>
      <SiteHeader title={data?.name} home={null} />
      <main className="page page--narrow stack">
        {restaurant.isPending ? (
          <p>{t("common.loading")}</p>
        ) : !data ? (
          <Notice tone="error">{t(readApiError(restaurant.error).code === "NOT_FOUND" ? "specials.noRestaurant" : "common.networkError")}</Notice>
        ) : (
          <>
            <h1>{data.name}</h1>
            {data.specials.length > 0 ? <SpecialsList specials={data.specials} currency={data.currency} /> : <p className="muted">{t("specials.none")}</p>}
            <section aria-labelledby="open-polls-heading">
              <h2 id="open-polls-heading">{t("specials.openPolls")}</h2>
              {data.openPolls.length > 0 ? (
                <ul>
                  {data.openPolls.map((poll) => (
                    <li key={poll.slug}><Link href={`/p/${poll.slug}`}>{poll.question}</Link></li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("specials.noOpenPolls")}</p>
              )}
            </section>
          </>
        )}
      </main>
    </>
  );
}
