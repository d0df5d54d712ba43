import type { Page } from "@playwright/test";

/** Every rendered element's box that reaches outside the viewport, and every text box that clips its text. */
export async function overflowsOf(page: Page) {
  return page.evaluate(() => {
    const { innerWidth: width, innerHeight: height } = window;
    const outside: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === "hidden") continue;
      if (element.closest(".visually-hidden")) continue;
      if (box.left < -0.5 || box.top < -0.5 || box.right > width + 0.5 || box.bottom > height + 0.5) {
        outside.push(`${element.tagName}.${element.className} ${JSON.stringify(box)}`);
      }
    }
    const question = document.querySelector("h1")!;
    const clipped = question.scrollHeight > question.clientHeight + 1 ? ["question"] : [];
    return { outside, clipped };
  });
}
