import { readFileSync } from "node:fs";

export type ProcessStats = {
  /** CPU time used so far (user + system), ms. */
  cpuMs: number;
  rssBytes: number;
  heapUsedBytes: number;
  extra: Record<string, number>;
};

/**
 * In a child process: answers {type:"stats", gc?} over IPC with its own CPU and memory. With gc (and
 * --expose-gc), the heap is collected first, so two readings compare live memory, not garbage.
 */
export function answerStats(extra: () => Record<string, number> = () => ({})): void {
  process.on("message", (message: { type?: string; gc?: boolean; id?: number }) => {
    if (message?.type !== "stats") return;
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const stats: ProcessStats = {
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      extra: extra(),
    };
    process.send?.({ type: "stats", id: message.id, stats });
  });
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU time (ms) and RSS of any process by pid, from /proc: for processes that do not speak IPC (redis-server). */
export function readProcStats(pid: number): { cpuMs: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime + stime
  const rssBytes = Number(fields[21]) * 4096;
  return { cpuMs, rssBytes };
}
