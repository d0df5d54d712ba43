import { describe, expect, it } from "vitest";
import { LeadingEdgeThrottle } from "./leadingEdgeThrottle";
import { LatestValueStream } from "./latestValueStream";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("LeadingEdgeThrottle", () => {
  it("runs a lone trigger at once and a burst at most once more per interval", async () => {
    let runs = 0;
    const throttle = new LeadingEdgeThrottle(50, () => runs++);
    throttle.trigger();
    expect(runs).toBe(1);
    for (let i = 0; i < 100; i++) throttle.trigger();
    expect(runs).toBe(1);
    await sleep(80);
    expect(runs).toBe(2);
    await sleep(80);
    throttle.trigger();
    expect(runs).toBe(3);
  });
});

describe("LatestValueStream", () => {
  it("gives a slow reader only the newest value and ends on abort", async () => {
    const abort = new AbortController();
    const stream = new LatestValueStream<number>(abort.signal);
    const seen: number[] = [];
    const reading = (async () => {
      for await (const value of stream) {
        seen.push(value);
        await sleep(20);
      }
    })();
    stream.push(1);
    await sleep(5);
    for (let i = 2; i <= 10; i++) stream.push(i);
    await sleep(50);
    abort.abort();
    await reading;
    expect(seen).toEqual([1, 10]);
  });
});
