"use client";

import { useEffect, useRef, useState } from "react";
import { newsSlideId, nextSlideId, type Slide } from "@/lib/screenRotation";

/**
 * The slide on screen: each for `everyMs`, round the list; news (a poll just opened, a winner just decided) at
 * once. One timer at a time, and only the previous list of slides is kept. `paused` (the server is away): the slide
 * on screen stays, showing its last state under its "reconnecting" badge, rather than opening slides that cannot load.
 */
export function useRotation(slides: Slide[] | null, everyMs: number, paused: boolean): Slide | null {
  const [currentId, setCurrentId] = useState<string | null>(null);
  const previous = useRef<Slide[] | null>(null);

  useEffect(() => {
    if (!slides) return;
    const news = newsSlideId(previous.current, slides);
    previous.current = slides;
    if (news) setCurrentId(news);
  }, [slides]);

  const current = slides ? (slides.find((s) => s.id === currentId) ?? slides[0]!) : null;
  const currentShown = current?.id ?? null;
  useEffect(() => {
    if (!slides || slides.length < 2 || paused) return;
    const timer = setTimeout(() => setCurrentId(nextSlideId(slides, currentShown)), everyMs);
    return () => clearTimeout(timer);
  }, [slides, currentShown, everyMs, paused]);

  return current;
}
