import { spawn } from 'node:child_process';
import { constants, totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { label } from '../collect/terraform/read-plan.js';
import { planFileSize } from './plan-progress.js';

// Node sizes its JavaScript heap by the machine: a quarter of its memory, at
// most 4 GB. A 2 GB limit on an 8 GB CI runner is too small for a plan of
// 700 MB, and V8 then aborts the process with a native stack trace. A scan
// that knows its plan's size can tell beforehand, and restart itself with a
// heap that fits when the machine has the memory.

const MiB = 1024 * 1024;

/**
 * A conservative estimate of the heap limit (as V8 counts it: the old
 * generation and about 48 MB of young) that a plan scan needs. Measured as
 * the smallest --max-old-space-size that scans the bench plans, plus those
 * 48 MB: 2.5 times the plan and 50 MB at 1,000 and 5,000 VPCs, 2.7 times on
 * the wide and solver plans.
 */
export function heapNeeded(planBytes: number): number {
  return 3 * planBytes + 64 * MiB;
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
  /** Set in a process this module restarted: it never restarts again. */
  restarted: boolean;
}

export type HeapAdvice = { kind: 'fits' } | { kind: 'restart'; mb: number; note?: string } | { kind: 'warn'; message: string };

export const RESTARTED_ENV = 'VPCELINT_HEAP_RESTARTED';

/** The share of the machine's memory a restart may give the heap; the rest is Node, the plan's bytes and the system. */
const MEMORY_SHARE = 0.75;

/** Whether a scan of `planBytes` fits the heap, and if not, whether a restart with a larger one would help. */
export function heapAdvice(planBytes: number, facts: HeapFacts, planLabel: string): HeapAdvice {
  const needed = heapNeeded(planBytes);
  if (needed <= facts.limit) return { kind: 'fits' };
  const about = `${planLabel} is ${size(planBytes)}; a scan of it may need up to ${size(needed)} of JavaScript heap`;
  if (facts.userSet) {
    return { kind: 'warn', message: `${about}, more than this process's limit of ${size(facts.limit)} (set by --max-old-space-size); raise it if the scan runs out of memory` };
  }
  if (facts.restarted) return { kind: 'warn', message: `${about}, more than this process's limit of ${size(facts.limit)}` };
  const cap = Math.floor(facts.memory * MEMORY_SHARE);
  const wanted = Math.min(heapWanted(planBytes), cap);
  // A restart that gains little costs its start-up for nothing.
  if (wanted < facts.limit * 1.1) {
    return { kind: 'warn', message: `${about}, more than Node's limit of ${size(facts.limit)} here, and this machine has ${size(facts.memory)} of memory; the scan may run out of memory` };
  }
  const short = wanted < needed ? `${about}, more than the ${size(cap)} that this machine's ${size(facts.memory)} of memory allow; the scan may run out of memory` : undefined;
  return { kind: 'restart', mb: Math.ceil(wanted / MiB), ...(short ? { note: short } : {}) };
}

/** The facts of this process. */
export function processHeap(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): HeapFacts {
  const flag = /(^|\s)--max[-_](old[-_]space|heap)[-_]size\b/;
  const constrained = process.constrainedMemory?.() ?? 0;
  const total = totalmem();
  return {
    limit: getHeapStatistics().heap_size_limit,
    userSet: execArgv.some((a) => flag.test(a)) || flag.test(env.NODE_OPTIONS ?? ''),
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
    const child = spawn(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, script, ...args], {
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

/** A process's heap, and how to run the same scan again in a new process with a larger one (resolving with its exit code). */
export interface HeapControl {
  facts(): HeapFacts;
  restart(heapMb: number): Promise<number>;
}

/**
 * Before a plan scan: when the plan (of `planBytes`, undefined for a pipe) needs more heap than this process
 * has, runs the scan again in a process with enough, and resolves with its exit code; undefined when the scan
 * is to run here. What it does is said on `say` (standard error, or the Action's log).
 */
export async function scanWithEnoughHeap(planLabel: string, planBytes: number | undefined, heap: HeapControl, say: (line: string) => void): Promise<number | undefined> {
  if (planBytes === undefined) return undefined;
  const facts = heap.facts();
  const advice = heapAdvice(planBytes, facts, planLabel);
  if (advice.kind === 'fits') return undefined;
  if (advice.kind === 'warn') {
    say(`warning: ${advice.message}`);
    return undefined;
  }
  if (advice.note) say(`warning: ${advice.note}`);
  const heapSize = size(advice.mb * MiB);
  say(`${planLabel} is ${size(planBytes)}, too large for Node's heap limit of ${size(facts.limit)} here: running again in a new process with --max-old-space-size=${advice.mb}`);
  const code = await heap.restart(advice.mb);
  if (code > 128) say(`the scan with a ${heapSize} heap was stopped (exit code ${code}); if it ran out of memory, it needs more than this machine can give`);
  return code;
}

/** For a command reading `plan` (a file, or `-`): scanWithEnoughHeap, saying what it does on standard error. */
export function planWithEnoughHeap(plan: string, heap: HeapControl | undefined): Promise<number | undefined> {
  if (!heap) return Promise.resolve(undefined);
  return scanWithEnoughHeap(label(plan), planFileSize(plan), heap, (line) => process.stderr.write(`vpcelint: ${line}\n`));
}

/** 63 KB, 8.4 MB, 1,037 MB (binary units, as Node's heap flags count them). */
function size(bytes: number): string {
  if (bytes < MiB) return `${Math.ceil(bytes / 1024)} KB`;
  if (bytes < 10 * MiB) return `${(Math.ceil((bytes / MiB) * 10) / 10).toFixed(1)} MB`;
  return `${Math.ceil(bytes / MiB).toLocaleString('en-US')} MB`;
}
