import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { holdYoungGeneration, releaseYoungGeneration } from '../../src/util/release-memory.js';

// A file of its own: V8's young generation only grows, and other tests would have grown it to its largest.
describe('holdYoungGeneration', () => {
  const youngBytes = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;
  /** Objects that survive young collections, as a plan's and an inventory's do: what makes V8 grow the young generation. */
  const survivors = (count: number) => Array.from({ length: count }, (_, i) => ({ i, s: `survivor-${i}` }));

  it('keeps the young generation at its size while held, and lets it grow again once released', () => {
    const start = youngBytes();
    // V8's largest young generation on 64-bit: two halves of 16 MB. The test means something only below it.
    expect(start).toBeLessThan(32 * 1024 * 1024);
    holdYoungGeneration();
    let kept: unknown[] = [];
    try {
      kept = survivors(1_000_000);
      expect(youngBytes()).toBe(start);
    } finally {
      releaseYoungGeneration();
    }
    kept = [kept, survivors(1_000_000)];
    expect(youngBytes()).toBeGreaterThan(start);
    expect(kept.length).toBe(2);
  });
});
