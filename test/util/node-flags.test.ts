import { describe, expect, it } from 'vitest';
import { startedWithFlag } from '../../src/util/node-flags.js';

describe('startedWithFlag', () => {
  const heap = /(^|\s)--max[-_](old[-_]space|heap)[-_]size\b/;
  it('finds a flag on the command line or in NODE_OPTIONS, among others, and nowhere else', () => {
    expect(startedWithFlag(heap, {}, ['--inspect', '--max-old-space-size=512'])).toBe(true);
    expect(startedWithFlag(heap, { NODE_OPTIONS: '--enable-source-maps --max_heap_size=512' }, [])).toBe(true);
    expect(startedWithFlag(heap, { NODE_OPTIONS: '--enable-source-maps' }, ['--inspect'])).toBe(false);
    expect(startedWithFlag(heap, { PATH: '--max-old-space-size=1' }, [])).toBe(false);
  });
});
