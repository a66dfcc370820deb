import { basename } from 'node:path';
import { planFileSize } from '../collect/terraform/read-plan.js';
import { terminalLine } from '../util/terminal-line.js';

/** The status line of a plan scan: the phase it is in. */
export interface PhaseLine {
  show(phase: string): void;
  /** Erases the line: before anything else is written to the terminal. */
  end(): void;
}

/** Plans under this size scan in well under a second here: no line. */
export const PROGRESS_MIN_BYTES = 10 * 1024 * 1024;

export function phaseLine(write: (text: string) => void): PhaseLine {
  const line = terminalLine(write);
  return { show: (phase) => line.show(`${phase}…`), end: () => line.end() };
}

export interface ProgressContext {
  quiet?: boolean | undefined;
  env: NodeJS.ProcessEnv;
  /** Writes to standard error, which the caller knows to be a terminal. */
  write: (text: string) => void;
}

/**
 * The line for a plan scan, as live scans have theirs: on a terminal only
 * (the caller's `write` is there only then), not with --quiet or in CI, and
 * only for a plan file big enough to take a while (a 441 MB plan takes ten
 * seconds). It starts at the first phase, reading the file. Undefined when
 * there is none.
 */
export function planProgress(plan: string, ctx: ProgressContext): PhaseLine | undefined {
  if (ctx.quiet || ctx.env.CI || plan === '-') return undefined;
  const size = planFileSize(plan);
  if (size === undefined || size < PROGRESS_MIN_BYTES) return undefined;
  const line = phaseLine(ctx.write);
  line.show(`reading ${basename(plan)} (${Math.round(size / 1e6).toLocaleString('en-US')} MB)`);
  return line;
}

