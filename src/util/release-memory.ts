import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startedWithFlag } from './node-flags.js';

/**
 * A full garbage collection, now, when the heap is large. A scan drops
 * hundreds of megabytes once the inventory is built: the parsed plan. V8
 * would reclaim it only at its next full collection, after the rules and
 * reports have grown the heap on top of it; collecting then keeps the peak
 * memory of a large scan near that of the plan alone, and makes the later
 * young-generation collections cheaper. Heaps under 16 MB (plans under about
 * 5 MB) are left to V8: there a full collection would cost more than the
 * memory it frees.
 */
export function releaseMemory(minHeapBytes = 16 * 1024 * 1024): void {
  if (getHeapStatistics().used_heap_size < minHeapBytes) return;
  fullGc()?.();
}

/**
 * Keeps V8's young generation at the size it has grown to, until releaseYoungGeneration(): a scan holds it once
 * the plan is parsed, and a small plan's (heldWhileParsing) from the start. V8 doubles the young generation (up
 * to two 16 MB halves) while most of what it allocates survives, which is the case for the parse and then for the
 * inventory, the graph itself; a larger young generation lets no more of that die young, and takes fresh pages
 * for both halves. The parse grows it in proportion to the plan (to the largest size from a plan of about 20 MB
 * on), so only small plans keep a smaller one: on the 100-VPC bench plan, held from the end of the parse, 18
 * young collections instead of 15 (about 5 ms more) for 13 MB less peak memory and 0.05 s less time on the bench
 * machine, where first-touched memory is slow (bench/README.md, "Nineteenth session"). Nothing is changed when
 * the process was started with young-generation flags of its own.
 */
export function holdYoungGeneration(): void {
  if (youngGenerationHeld || startedWithFlag(YOUNG_GENERATION_FLAG)) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  youngGenerationHeld = true;
}

/**
 * Whether a plan of this many bytes is parsed with the young generation held too (holdYoungGeneration). Held
 * from the start, the parse of a small plan makes more young collections of a small young generation (50
 * instead of 19 on the 100-VPC bench plan, 107 against 98 ms) and takes fewer fresh pages: 70 against 82 MB
 * peak and 0.53 against 0.56 s there, 97 against 123 MB and 1.00 against 1.05 s at 300 VPCs (26 MB). From a few
 * hundred megabytes of plan on, the collections' number costs more than the memory saves (4.96 against 4.45 s
 * at 2,000 VPCs, 177 MB, and 14.5 against 11.9 s at 5,000): below 64 MiB only (bench/README.md, "Twentieth
 * session"). Undefined (a pipe, whose size is unknown until read): not held.
 */
export function heldWhileParsing(planBytes: number | undefined): boolean {
  return planBytes !== undefined && planBytes < HOLD_WHILE_PARSING_BELOW_BYTES;
}

const HOLD_WHILE_PARSING_BELOW_BYTES = 64 * 1024 * 1024;

/** Lets the young generation grow again, as V8 does by default (which the process had: see holdYoungGeneration). */
export function releaseYoungGeneration(): void {
  if (!youngGenerationHeld) return;
  setFlagsFromString('--semi-space-growth-factor=2');
  youngGenerationHeld = false;
}

let youngGenerationHeld = false;

/** --min-semi-space-size, --max-semi-space-size, --semi-space-growth-factor. */
const YOUNG_GENERATION_FLAG = /(^|\s)--(min[-_]|max[-_])?semi[-_]space[-_]/;

let gc: (() => void) | undefined | null = null;

function fullGc(): (() => void) | undefined {
  if (gc === null) {
    // Node exposes gc() only behind --expose-gc; set at run time, the flag applies to contexts created after it.
    try {
      setFlagsFromString('--expose-gc');
      const fn: unknown = runInNewContext('gc');
      gc = typeof fn === 'function' ? (fn as () => void) : undefined;
    } catch {
      gc = undefined;
    }
  }
  return gc;
}
