"use client";

import { type RefObject, useLayoutEffect } from "react";

const MIN_SCALE = 0.4;

/**
 * Shrinks an element's text until it fits its box (no scrolling either way): the element's font size must be
 * `calc(<largest size> * var(--fit))`, and its box bounded (a max-height, a width). Sizes on the screen are in
 * viewport units, so one fit holds at every resolution; it is redone when the text or the box changes.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, text: string): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const overflows = () => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;
    const fit = () => {
      const tryScale = (scale: number) => element.style.setProperty("--fit", scale.toFixed(3));
      tryScale(1);
      if (!overflows()) return;
      // The largest scale that fits, to within 1%: a few layouts of one element.
      let [fits, tooBig] = [MIN_SCALE, 1];
      while (tooBig - fits > 0.01) {
        const middle = (fits + tooBig) / 2;
        tryScale(middle);
        if (overflows()) tooBig = middle;
        else fits = middle;
      }
      tryScale(fits);
    };
    fit();
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return; // our own shrinking changes the height only
      width = element.clientWidth;
      fit();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, text]);
}
