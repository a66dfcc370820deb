import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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
