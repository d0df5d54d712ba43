"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { formatCount } from "@/lib/format";
import type { WordCount } from "@/lib/schemas";
import { useI18n } from "../../../_i18n/I18nProvider";
import styles from "./WordCloud.module.css";
import { layoutCloud, type PlacedWord } from "./layoutCloud";

/** A new layout at most this often: words keep their places between live ticks instead of jumping ten times a second. */
const RELAYOUT_MS = 1_500;

/**
 * An open poll's answers as a live word cloud (docs/adr/0029), laid out by d3-cloud in the browser only. Words
 * that do not fit are left out rather than overflow. Between layouts the last one is shown with only the words the
 * newest update still has, so a word the owner hides leaves the screen with the very next update.
 */
export function WordCloud({ words }: { words: readonly WordCount[] }) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<[number, number] | null>(null);
  const [placed, setPlaced] = useState<readonly PlacedWord[]>([]);
  const lastLayoutAt = useRef(0);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setSize([Math.floor(entry.contentRect.width), Math.floor(entry.contentRect.height)]));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const layoutKey = words.map(([word, count]) => `${word}:${count}`).join("|");
  useEffect(() => {
    if (!size || size[0] === 0 || size[1] === 0 || !box.current) return;
    const font = getComputedStyle(box.current).fontFamily;
    let cancelled = false;
    const wait = Math.max(0, lastLayoutAt.current + RELAYOUT_MS - Date.now());
    const timer = setTimeout(() => {
      lastLayoutAt.current = Date.now();
      layoutCloud(words, size, font).then((result) => {
        if (!cancelled) setPlaced(result);
      });
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // words is read through layoutKey: a new array with the same words and counts needs no new layout.
  }, [layoutKey, size]);

  const current = useMemo(() => new Map(words), [words]);
  const shown = placed.filter((word) => current.has(word.text));

  return (
    <div ref={box} className={styles.cloud} data-testid="word-cloud">
      {words.length === 0 ? (
        <p className={styles.empty}>{t("screen.noAnswers")}</p>
      ) : (
        size && (
          <svg width={size[0]} height={size[1]} viewBox={`${-size[0] / 2} ${-size[1] / 2} ${size[0]} ${size[1]}`} aria-hidden="true">
            {shown.map((word) => (
              <text
                key={word.text}
                data-testid="cloud-word"
                textAnchor="middle"
                transform={`translate(${word.x},${word.y})`}
                fontSize={word.size}
                fill={word.color}
                className={styles.word}
              >
                {word.text}
              </text>
            ))}
          </svg>
        )
      )}
      <ol className="visually-hidden" aria-label={t("screen.cloud")}>
        {words.map(([word, count]) => (
          <li key={word}>{t("screen.cloudWord", { word, count: formatCount(count, locale) })}</li>
        ))}
      </ol>
    </div>
  );
}
