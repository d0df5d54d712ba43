"use client";

import { dishName, type DishNames } from "@/lib/dishName";
import { formatPrice } from "@/lib/format";
import { useI18n } from "../../../../_i18n/I18nProvider";
import { ConnectionBadge } from "../../../../_live/ConnectionBadge";
import type { Connection } from "../../../../_live/useLiveResults";
import { DatabaseAwayNotice } from "../../../../_ui/DatabaseAwayNotice";
import screen from "../../../[slug]/_components/LiveScreen.module.css";
import { ScreenControls } from "../../../[slug]/_components/ScreenControls";
import styles from "./RestingSlide.module.css";

type Special = { id: string; dish: DishNames & { priceCents: number | null } };

/** Today's specials between polls; with `showsPolls`, also that no poll is open now (the TV at rest). */
export function RestingSlide({ restaurantName, currency, specials, showsPolls, connection }: {
  restaurantName: string;
  currency: string;
  specials: readonly Special[];
  showsPolls: boolean;
  connection: Connection;
}) {
  const { t, locale } = useI18n();
  // The slide's one top heading: "no poll is open" when it says so, else the specials.
  const SpecialsHeading = showsPolls ? "h2" : "h1";
  return (
    <div className={screen.screen} data-testid={showsPolls ? "tv-idle" : "tv-specials"}>
      <div className={`${screen.canvas} ${styles.canvas}`}>
        <main className={screen.main}>
          <DatabaseAwayNotice />
          <header className={screen.header}>
            <div className={screen.topLine}>
              <p className={screen.restaurant}>{restaurantName}</p>
              <ConnectionBadge connection={connection} className={screen.badge} />
              <ScreenControls />
            </div>
            {showsPolls && <h1 className={styles.title}>{t("tv.noPolls")}</h1>}
          </header>
          {specials.length > 0 ? (
            <section className={styles.specials} aria-labelledby="tv-specials-title">
              <SpecialsHeading id="tv-specials-title" className={styles.specialsTitle}>{t("specials.today")}</SpecialsHeading>
              <ul className={styles.list}>
                {specials.slice(0, 4).map((special) => (
                  <li key={special.id} className={styles.dish}>
                    <span className={styles.dishName}>{dishName(special.dish, locale)}</span>
                    {special.dish.priceCents !== null && <span className={styles.price}>{formatPrice(special.dish.priceCents, locale, currency)}</span>}
                  </li>
                ))}
              </ul>
            </section>
          ) : (
            <p className={styles.hint}>{t("tv.comeBack")}</p>
          )}
        </main>
      </div>
    </div>
  );
}
