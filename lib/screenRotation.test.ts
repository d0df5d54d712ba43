import { describe, expect, it } from "vitest";
import { newsSlideId, nextSlideId, slideSeconds, slidesOf } from "./screenRotation";

const poll = (id: string) => ({ id, slug: `s-${id}`, screenKey: null });

describe("the restaurant TV's slides", () => {
  it("are the open polls, then the latest winner, then the specials; a resting slide when there is nothing", () => {
    const slides = slidesOf({ polls: [poll("a"), poll("b")], winner: { id: "w", slug: "s-w" }, specials: [{}] });
    expect(slides.map((s) => s.id)).toEqual(["poll:a", "poll:b", "winner:w", "specials"]);
    expect(slidesOf({ polls: [], winner: null, specials: [] }).map((s) => s.id)).toEqual(["idle"]);
  });

  it("go round, and start again from the first when the slide on screen has gone", () => {
    const slides = slidesOf({ polls: [poll("a"), poll("b")], winner: null, specials: [] });
    expect(nextSlideId(slides, "poll:a")).toBe("poll:b");
    expect(nextSlideId(slides, "poll:b")).toBe("poll:a");
    expect(nextSlideId(slides, "poll:gone")).toBe("poll:a");
  });

  it("put a newly opened poll or a new winner on screen at once, but nothing on the first line-up", () => {
    const before = slidesOf({ polls: [poll("a")], winner: null, specials: [] });
    expect(newsSlideId(null, before)).toBeNull();
    expect(newsSlideId(before, slidesOf({ polls: [poll("a"), poll("c")], winner: null, specials: [] }))).toBe("poll:c");
    expect(newsSlideId(before, slidesOf({ polls: [], winner: { id: "a", slug: "s-a" }, specials: [] }))).toBe("winner:a");
    expect(newsSlideId(before, slidesOf({ polls: [poll("a")], winner: null, specials: [{}] }))).toBeNull();
  });

  it("last `every` seconds, within 3 and 600, 15 by default", () => {
    expect([slideSeconds(undefined), slideSeconds("5"), slideSeconds("1"), slideSeconds("9999"), slideSeconds("abc")]).toEqual([15, 5, 3, 600, 15]);
  });
});
