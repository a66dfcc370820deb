import { setFlagsFromString } from 'node:v8';
import { startedWithFlag } from './node-flags.js';

/** V8 11's default `--interrupt-budget`: 66 KiB of bytecode run between two checks of whether to optimize. */
const DEFAULT_INTERRUPT_BUDGET = 66 * 1024;

/** The budget of a scan: eight times V8's. */
const SCAN_INTERRUPT_BUDGET = 8 * DEFAULT_INTERRUPT_BUDGET;

/** A budget of the user's own: kept. (Not --interrupt-budget-for-feedback-allocation, another flag.) */
const INTERRUPT_BUDGET_FLAG = /(^|\s)--interrupt[-_]budget(=|\s|$)/;

/**
 * Makes V8 wait longer before it optimizes a function with TurboFan, in the
 * CLI's process, on Node 20. V8 11 optimizes a function once it has run a
 * few budgets of bytecode: tuned for pages that must get fast within a
 * second, that has hundreds of a scan's functions optimized, and many
 * optimized again after a deoptimization, on a compiler thread that runs on
 * the cores the garbage collector's helpers need (on the 2-core bench machine,
 * 61 compiles at 100 VPCs and 336 at 1,000, 4 s of compile time). With eight
 * times the budget, TurboFan gets the functions that stay hot (6 and 67
 * compiles), and the scan took 7-15 % less time at 100, 1,000 and 5,000 VPCs
 * (bench/README.md, "Twentieth session"). V8 12 and later (Node 22 on) tier up
 * by invocation counts, with Maglev between, and have no such flag: nothing is
 * changed there, nor when the process was started with a budget of its own.
 *
 * Called once the CLI's modules are loaded: a flag changed at run time
 * changes V8's hash of its flags, and Node's built-in modules compiled after
 * that cannot use the code cache built into Node (a worker thread started
 * later starts in about 95 ms instead of 60). Returns whether the budget was set.
 */
export function delayOptimization(v8Version: string = process.versions.v8, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): boolean {
  // Node 20's V8 line only: an unknown flag would print an error on standard error.
  if (!v8Version.startsWith('11.3.') || startedWithFlag(INTERRUPT_BUDGET_FLAG, env, execArgv)) return false;
  setFlagsFromString(`--interrupt-budget=${SCAN_INTERRUPT_BUDGET}`);
  return true;
}
