import { describe, expect, it } from 'vitest';
import { Progress, terminalSink, type ProgressState } from '../../src/collect/aws/progress.js';

describe('progress of a live scan', () => {
  it('counts regions done when both their services are, and services done out of the total', () => {
    const seen: ProgressState[] = [];
    let ended = false;
    const p = new Progress({ update: (s) => seen.push(s), end: () => (ended = true) });
    p.plan('111122223333', ['eu-west-1', 'us-east-1']);
    p.done('111122223333', 'eu-west-1');
    p.done('111122223333');
    p.done('111122223333', 'eu-west-1');
    p.done('111122223333', 'us-east-1');
    p.done('111122223333', 'us-east-1');
    p.end();
    expect(seen.map((s) => `${s.regionsDone}/${s.regionsTotal} ${s.servicesDone}/${s.servicesTotal}`)).toEqual(['0/2 0/5', '0/2 1/5', '0/2 2/5', '1/2 3/5', '1/2 4/5', '2/2 5/5']);
    expect(ended).toBe(true);
  });

  it('rewrites one terminal line and erases it at the end', () => {
    let out = '';
    const sink = terminalSink((s) => (out += s));
    sink.update({ regionsDone: 1, regionsTotal: 17, servicesDone: 20, servicesTotal: 35 });
    sink.end();
    expect(out).toBe('\r\x1b[2Kvpcelint: regions 1/17, services 20/35 read\r\x1b[2K');
  });
});
