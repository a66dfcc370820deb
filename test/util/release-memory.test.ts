import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { heldWhileParsing, releaseMemory } from '../../src/util/release-memory.js';

const used = () => getHeapStatistics().used_heap_size;

/** About 40 MB of objects that are garbage once the function returns. */
function makeGarbage(): number {
  let keep: { n: number; s: string }[] | undefined = [];
  for (let i = 0; i < 400_000; i++) keep.push({ n: i, s: `value-${i}-${'x'.repeat(40)}` });
  const n = keep.length;
  keep = undefined;
  return n;
}

describe('releaseMemory', () => {
  it('reclaims garbage at once when the heap is above the threshold', () => {
    releaseMemory(0);
    const base = used();
    makeGarbage();
    const withGarbage = used();
    expect(withGarbage - base).toBeGreaterThan(20 * 1024 * 1024);
    releaseMemory(0);
    expect(used() - base).toBeLessThan(10 * 1024 * 1024);
  });

  it('leaves small heaps to V8', () => {
    releaseMemory(0);
    makeGarbage();
    const before = used();
    releaseMemory(Number.MAX_SAFE_INTEGER);
    expect(used()).toBeGreaterThanOrEqual(before);
  });
});

describe('heldWhileParsing', () => {
  it('holds the young generation while a plan under 64 MiB is parsed, not a larger one or one of unknown size', () => {
    expect(heldWhileParsing(8_800_000)).toBe(true);
    expect(heldWhileParsing(64 * 1024 * 1024 - 1)).toBe(true);
    expect(heldWhileParsing(64 * 1024 * 1024)).toBe(false);
    expect(heldWhileParsing(441_700_000)).toBe(false);
    expect(heldWhileParsing(undefined)).toBe(false);
  });
});
