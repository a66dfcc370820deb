import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { delayOptimization } from '../../src/util/tier-up.js';
import { ROOT } from '../helpers/fixtures.js';

describe('delayOptimization', () => {
  it('leaves V8 12 and later, and a budget the user set, alone', () => {
    expect(delayOptimization('12.4.254.21-node.33', {}, [])).toBe(false);
    expect(delayOptimization('13.6.233.17-node.37', {}, [])).toBe(false);
    expect(delayOptimization('11.3.244.8-node.19', {}, ['--interrupt-budget=1000'])).toBe(false);
    expect(delayOptimization('11.3.244.8-node.19', {}, ['--interrupt_budget', '1000'])).toBe(false);
  });

  // In a process of its own: the flag is V8's, for the whole process.
  it.runIf(process.versions.v8.startsWith('11.3.'))('has V8 mark a warm function for TurboFan later, in the process that asks (Node 20)', () => {
    /**
     * Whether V8 marked a function for TurboFan after 750 calls: it does after about 250 with its own budget, and
     * after about 2,250 with the scan's (tried here), a margin of three both ways.
     */
    const marked = (delay: boolean) => {
      const script = `
        const { delayOptimization } = await import(${JSON.stringify(`${ROOT}/build/src/util/tier-up.js`)});
        if (${delay} && !delayOptimization()) throw new Error('not set');
        // Too large to count as a small function, which V8 optimizes at its first check.
        function warm(n) {
          let s = 0;
          for (let i = 0; i < 8; i++) {
            if (n % 3 === 0) s += i * 2; else if (n % 3 === 1) s -= i; else s ^= i;
            s += (n & 7) === i ? 11 : 13;
            s = (s * 31 + n) | 0;
          }
          return s;
        }
        let t = 0;
        for (let i = 0; i < 750; i++) t += warm(i);
        if (t === 0.5) console.log(t);`;
      const r = spawnSync(process.execPath, ['--trace-opt', '--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return /<JSFunction warm .*for optimization/.test(r.stdout);
    };
    expect(marked(false)).toBe(true);
    expect(marked(true)).toBe(false);
  });
});
