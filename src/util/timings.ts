import { performance } from 'node:perf_hooks';

/** Wall time per phase of a run, for `--timings` (bench/run.mjs reads the line it prints). */
export class Timings {
  private readonly phases: [string, number][] = [];
  private last = performance.now();
  private readonly start = this.last;

  /** Closes the current phase under this name. */
  mark(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }

  format(): string {
    const parts = this.phases.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
    return `timings: ${parts.join(', ')}, total ${(performance.now() - this.start).toFixed(0)} ms`;
  }
}

/** `memory: peak RSS 282 MB`: the process's high-water mark so far (what a CI runner's memory limit is checked against). */
export function formatPeakMemory(maxRssKb = process.resourceUsage().maxRSS): string {
  return `memory: peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`;
}
