/**
 * One progress line on stderr, redrawn in place: the scenario, its phase and a bar. Plain lines when stderr is
 * not a terminal (CI logs), at most one per phase change or every 5 s.
 */
export class ProgressBar {
  private scenario = "";
  private lastPhase = "";
  private lastPlainAt = 0;
  private readonly tty = process.stderr.isTTY === true;

  start(scenario: string, index: number, count: number): void {
    this.scenario = `[${index}/${count}] ${scenario}`;
    this.lastPhase = "";
    this.show("starting", 0);
  }

  show(phase: string, fraction = 0): void {
    const width = 28;
    const filled = Math.max(0, Math.min(width, Math.round(fraction * width)));
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const line = `${this.scenario} ${bar} ${String(Math.round(fraction * 100)).padStart(3)}%  ${phase}`;
    if (this.tty) {
      process.stderr.write(`\r\x1b[2K${line.slice(0, (process.stderr.columns || 120) - 1)}`);
    } else if (phase !== this.lastPhase || Date.now() - this.lastPlainAt > 5_000) {
      process.stderr.write(`${line}\n`);
      this.lastPlainAt = Date.now();
    }
    this.lastPhase = phase;
  }

  done(message: string): void {
    if (this.tty) process.stderr.write("\r\x1b[2K");
    process.stderr.write(`${this.scenario} ${message}\n`);
  }
}
