import { spawn } from 'node:child_process';
import { constants, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { label, LEAN_FROM_BYTES, planFileSize } from '../collect/terraform/read-plan.js';
import { startedWithFlag } from '../util/node-flags.js';
import { warnUser } from './warn.js';

// Node sizes its JavaScript heap by the memory of the machine, or of its
// container: half of it up to 2 GB, and 4 GB from 16 GB of memory (Node 20,
// measured in memory cgroups). A 2 GB heap on an 8 GB CI runner is too small
// to hold a plan of 700 MB as one string, and one of 1.1 GB even read lean;
// V8 then aborts the process with a native stack trace. A scan that knows its
// plan's size can tell beforehand: it reads the plan lean, or starts again
// with a larger heap when the machine has the memory.

const MiB = 1024 * 1024;

/**
 * Conservative estimates of the heap limit (as V8 counts it: the old
 * generation and about 48 MB of young) that a plan scan needs, by the way it
 * reads the plan (read-plan.ts). Measured as the smallest
 * --max-old-space-size that scans the bench plans, plus those 48 MB
 * (bench/heap-need.mjs): as one string, 2.5 times the plan at 1,000 and
 * 5,000 VPCs and 2.6 on the wide and solver plans; lean, 1.5 to 1.7 times
 * (a window at a time, seventeenth session: 1.6 and 1.4 times).
 */
export function heapNeeded(planBytes: number, lean = false): number {
  // A plan of LEAN_FROM_BYTES or more is read lean whatever the advice (read-plan.ts), one larger than a string can
  // hold among them (1.5 times at 6,200 VPCs).
  return (lean || planBytes >= LEAN_FROM_BYTES ? 2 : 3) * planBytes + 64 * MiB;
}

/** The old generation (--max-old-space-size) a restart asks for: room above the estimate, so that the collector does not run at its limit. */
function heapWanted(planBytes: number): number {
  return 4 * planBytes + 256 * MiB;
}

/** What this process has to work with. */
export interface HeapFacts {
  /** V8's heap limit, in bytes. */
  limit: number;
  /** --max-old-space-size (or --max-heap-size) given in the command line or NODE_OPTIONS: the user's choice, kept. */
  userSet: boolean;
  /** The memory of the machine, or of its container when that is less, in bytes. */
  memory: number;
  /** Set in a process this module restarted (whose --max-old-space-size is this module's): it never restarts again. */
  restarted: boolean;
}

/**
 * Scan here, reading the plan as one string or lean (a plan of LEAN_FROM_BYTES or more is read lean either way:
 * the choice is only the smaller plans'), with a warning when even that may not fit; or restart with a heap
 * limit of `mb` (the new process decides again).
 */
export type HeapAdvice = { kind: 'here'; lean: boolean; warning?: string } | { kind: 'restart'; mb: number; note?: string };

export const RESTARTED_ENV = 'VPCELINT_HEAP_RESTARTED';

/** The share of the machine's memory a restart may give the heap; the rest is Node, the plan's bytes and the system. */
const MEMORY_SHARE = 0.75;

/** How to scan a plan of `planBytes` with this heap; `canRestart` false where there is no way to start again. */
export function heapAdvice(planBytes: number, facts: HeapFacts, planLabel: string, canRestart = true): HeapAdvice {
  if (heapNeeded(planBytes) <= facts.limit) return { kind: 'here', lean: false };
  const needed = heapNeeded(planBytes, true);
  if (needed <= facts.limit) return { kind: 'here', lean: true };
  const about = `${planLabel} is ${size(planBytes)}; a scan of it may need up to ${size(needed)} of JavaScript heap`;
  const warn = (why: string): HeapAdvice => ({ kind: 'here', lean: true, warning: `${about}, more than ${why}; the scan may run out of memory` });
  // The process that restarted this one said what it could.
  if (facts.restarted) return { kind: 'here', lean: true };
  if (facts.userSet) return warn(`this process's limit of ${size(facts.limit)} (set by --max-old-space-size): raise it if it does`);
  if (!canRestart) return warn(`this process's limit of ${size(facts.limit)}`);
  const cap = Math.floor(facts.memory * MEMORY_SHARE);
  const wanted = Math.min(heapWanted(planBytes), cap);
  // A restart that gains little costs its start-up for nothing.
  if (wanted < facts.limit * 1.1) return warn(`Node's limit of ${size(facts.limit)} here, and this machine has ${size(facts.memory)} of memory`);
  const note = wanted < needed ? `${about}, more than the ${size(cap)} that this machine's ${size(facts.memory)} of memory allow; the scan may run out of memory` : undefined;
  return { kind: 'restart', mb: Math.ceil(wanted / MiB), ...(note ? { note } : {}) };
}

/** The facts of this process. */
export function processHeap(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): HeapFacts {
  const flag = /(^|\s)--max[-_](old[-_]space|heap)[-_]size\b/;
  const constrained = process.constrainedMemory?.() ?? 0;
  const total = totalmem();
  return {
    limit: getHeapStatistics().heap_size_limit,
    userSet: startedWithFlag(flag, env, execArgv),
    memory: constrained > 0 && constrained < total ? constrained : total,
    restarted: env[RESTARTED_ENV] === '1',
  };
}

/**
 * Runs `script` with `args` in a new Node process whose heap limit is `heapMb`, with this process's standard
 * streams, in `env` (marked as restarted), and resolves with its exit code. A child killed by a signal (V8 aborts
 * on an exhausted heap) gives 128 + the signal's number, as a shell does.
 */
export function restartWithHeap(heapMb: number, script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...restartFlags(process.execArgv, heapMb), script, ...args], {
      stdio: 'inherit',
      env: { ...env, [RESTARTED_ENV]: '1' },
    });
    // A terminal's Ctrl-C reaches both processes; a CI runner's SIGTERM reaches this one only.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}

/** Node's flags for the new process: this one's, but for the inspector's (its port is taken), and the heap limit. */
export function restartFlags(execArgv: readonly string[], heapMb: number): string[] {
  return [...execArgv.filter((a) => !/^--(inspect|debug)/.test(a)), `--max-old-space-size=${heapMb}`];
}

/** A process's heap; how to run the same scan again in a new process with a larger one (resolving with its exit code); where to say so. */
export interface HeapControl {
  facts(): HeapFacts;
  restart?(heapMb: number): Promise<number>;
  /** A line on what is done about the heap (a restart); standard error when unset. Warnings go the scan's way (`warn`). */
  info?(line: string): void;
}

/**
 * How a plan scan goes on: here, reading the plan lean or not (for a pipe, decided by its size once read); or it
 * ran in a new process, which ended with `exitCode`.
 */
export type HeapFit = { lean: boolean | ((planBytes: number) => boolean) } | { exitCode: number };

/**
 * Before a plan scan (`plan` a file, or `-`): when the plan needs more heap than this process has, reads it lean,
 * or runs the scan again in a process with enough and resolves with its exit code. A pipe's size is known only
 * once it is read, too late to start again: it is read lean then if need be.
 */
export async function fitPlanToHeap(plan: string, heap: HeapControl | undefined, warn?: (text: string) => void): Promise<HeapFit> {
  if (!heap) return { lean: false };
  const say = heap.info ?? ((line: string) => void process.stderr.write(`vpcelint: ${line}\n`));
  const caution = (text: string) => warnUser(text, warn);
  const facts = heap.facts();
  const planLabel = label(plan);
  const planBytes = planFileSize(plan);
  if (planBytes === undefined) {
    return {
      lean: (bytes) => {
        const advice = heapAdvice(bytes, facts, planLabel, false);
        if (advice.kind === 'here' && advice.warning) caution(advice.warning);
        return advice.kind === 'here' && advice.lean;
      },
    };
  }
  const advice = heapAdvice(planBytes, facts, planLabel, heap.restart !== undefined);
  if (advice.kind === 'here') {
    if (advice.warning) caution(advice.warning);
    return { lean: advice.lean };
  }
  if (advice.note) caution(advice.note);
  say(`${planLabel} is ${size(planBytes)}, too large for Node's heap limit of ${size(facts.limit)} here: running again in a new process with --max-old-space-size=${advice.mb}`);
  const exitCode = await heap.restart!(advice.mb);
  if (exitCode > 128) say(`the scan with a ${size(advice.mb * MiB)} heap was stopped (exit code ${exitCode}); if it ran out of memory, it needs more than this machine can give`);
  return { exitCode };
}

/**
 * 63 KiB, 8.4 MiB, 1,037 MiB: binary units, as Node's heap flags count them, and named so (the progress line
 * gives a plan's size in decimal MB, so one plan is 441 MB there and 421 MiB here).
 */
function size(bytes: number): string {
  if (bytes < MiB) return `${Math.ceil(bytes / 1024)} KiB`;
  if (bytes < 10 * MiB) return `${(Math.ceil((bytes / MiB) * 10) / 10).toFixed(1)} MiB`;
  return `${Math.ceil(bytes / MiB).toLocaleString('en-US')} MiB`;
}
