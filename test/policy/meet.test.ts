import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSpace, evaluate, NotEvaluable, someAllowed } from '../../src/policy/index.js';
import { arnMatch } from '../../src/policy/arn.js';
import { arnMeet, globMeet, pairwiseMeets } from '../../src/policy/meet.js';
import { globMatch } from '../../src/policy/wildcard.js';
import { mustParse } from './helpers.js';

/** Every string over the alphabet up to a length: small enough to enumerate, enough to hold a shortest common match. */
function allStrings(alphabet: string, max: number): string[] {
  let level = [''];
  const out = [''];
  for (let n = 1; n <= max; n++) {
    level = level.flatMap((s) => [...alphabet].map((c) => s + c));
    out.push(...level);
  }
  return out;
}

const WORDS = allStrings('ab-', 8);
const patternArb = fc.array(fc.constantFrom('a', 'b', '-', '*', '?'), { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));

describe('values two wildcard patterns both match', () => {
  it('globMeet finds one exactly when one exists (brute force over short strings)', () => {
    fc.assert(
      fc.property(patternArb, patternArb, (a, b) => {
        const m = globMeet(a, b);
        // A shortest common match advances one pattern's literal or `?` per character: at most 4 + 4 characters.
        const exists = WORDS.some((w) => globMatch(a, w) && globMatch(b, w));
        if (m === undefined) expect(exists, `${a} / ${b}`).toBe(false);
        else {
          expect(globMatch(a, m), `${a} matches ${m}`).toBe(true);
          expect(globMatch(b, m), `${b} matches ${m}`).toBe(true);
        }
        if (exists) expect(m, `${a} / ${b}`).toBeDefined();
      }),
      { numRuns: 400 },
    );
  });

  it('an Allow pattern and a Deny exception meet in a value of both', () => {
    const m = globMeet('app-*', '*-prod')!;
    expect(globMatch('app-*', m) && globMatch('*-prod', m)).toBe(true);
    expect(globMeet('app-*', 'ci-*')).toBeUndefined();
    expect(globMeet('s3:get*', 's3:*acl')).toMatch(/^s3:get.*acl$/);
  });

  it('arnMeet meets ARNs part by part and keeps a part that is "*" in both a wildcard', () => {
    expect(arnMeet('arn:aws:iam::*:role/app-*', 'arn:aws:iam::*:role/*-prod')).toMatch(/^arn:aws:iam::\*:role\/app-.*prod$/);
    expect(arnMeet('arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:role/ci')).toBe('arn:aws:iam::111122223333:role/ci');
    // A wildcard never spans a colon: the accounts differ.
    expect(arnMeet('arn:aws:iam::111122223333:role/*', 'arn:aws:iam::444455556666:*')).toBeUndefined();
    const m = arnMeet('arn:aws:s3:::logs-*/*', 'arn:aws:s3:::*-eu/k*')!;
    expect(arnMatch('arn:aws:s3:::logs-*/*', m.replace(/\*/g, 'x')) && arnMatch('arn:aws:s3:::*-eu/k*', m.replace(/\*/g, 'x'))).toBe(true);
  });

  it('pairwiseMeets compares only patterns whose literal beginnings agree, and says when the pairs are too many', () => {
    // 2,000 patterns make 2 million pairs, more than it compares: sorted by the resource part's beginning, none is compared.
    const tables = Array.from({ length: 2000 }, (_, i) => `arn:aws:dynamodb:*:111122223333:table/t${i}/*`);
    expect(pairwiseMeets(tables, 'arn')).toEqual([]);
    const buckets = Array.from({ length: 2000 }, (_, i) => `arn:aws:s3:::bucket-${i}*`);
    expect(pairwiseMeets(buckets, 'arn').length).toBeGreaterThan(0); // bucket-1* and bucket-10* overlap
    expect(pairwiseMeets(['arn:aws:iam::*:role/app-*', 'arn:aws:iam::*:role/*-prod', 'arn:aws:iam::*:role/ci'], 'arn')).toHaveLength(1);
    // Patterns that all begin with a wildcard may all overlap: too many pairs is not evaluable, never a partial answer.
    const suffixes = Array.from({ length: 1000 }, (_, i) => `*-${i}`);
    expect(() => pairwiseMeets(suffixes, 'glob')).toThrow(NotEvaluable);
    // So are two patterns crafted to be long.
    expect(() => globMeet(`${'*a'.repeat(5000)}b`, `${'a'.repeat(20000)}*`)).toThrow(NotEvaluable);
  });
});

describe('the representative requests hold a value two patterns share', () => {
  // Each policy allows exactly the requests whose value matches the Allow's pattern and the Deny's exception.
  const cases: [string, object[]][] = [
    [
      'aws:PrincipalArn: roles app-* of any account, less those not *-prod',
      [
        { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app-*' } } },
        { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*-prod' } } },
      ],
    ],
    [
      'a tag: teams data-*, less those not *-admin',
      [
        { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:PrincipalTag/team': 'data-*' } } },
        { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { StringNotLike: { 'aws:PrincipalTag/team': '*-admin' } } },
      ],
    ],
    [
      'Resource: buckets logs-*, less those not *-eu',
      [
        { Effect: 'Allow', Principal: '*', Action: '*', Resource: 'arn:aws:s3:::logs-*/*' },
        { Effect: 'Deny', Principal: '*', Action: '*', NotResource: 'arn:aws:s3:::*-eu/*' },
      ],
    ],
    [
      'Action: s3:Get*, less those not s3:*Acl',
      [
        { Effect: 'Allow', Principal: '*', Action: 's3:Get*', Resource: '*' },
        { Effect: 'Deny', Principal: '*', NotAction: 's3:*Acl', Resource: '*' },
      ],
    ],
  ];
  for (const [name, statements] of cases) {
    it(name, () => {
      const policy = mustParse({ Version: '2012-10-17', Statement: statements });
      const r = someAllowed(policy, buildSpace(policy));
      expect(r).toBeDefined();
      expect(evaluate(policy, r!).decision).toBe('allow');
    });
  }
});
