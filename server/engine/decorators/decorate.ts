import type { VoteEngine } from "../types";
import { InstrumentedEngine, type VoteObserver } from "./instrumentedEngine";
import { ShutdownGate } from "./shutdownGate";

/**
 * The stack every served engine wears, outermost first: the shutdown gate (refuses votes once stopping, waits for
 * those in flight), then the instrumentation (so a vote the gate refused is not counted as decided).
 */
export function decorateEngine(engine: VoteEngine, observer: VoteObserver): ShutdownGate {
  return new ShutdownGate(new InstrumentedEngine(engine, observer));
}
