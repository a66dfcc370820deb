import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { evaluate, makeRequest, NotEvaluable, parsePolicyObject, parsePolicyText, type Policy, type RequestInput } from '../../src/policy/index.js';
import { REALWORLD } from '../helpers/fixtures.js';

/** A documented policy from fixtures/realworld/policies, parsed (it must be valid). */
export function realworldPolicy(name: string): Policy {
  return mustParse(readFileSync(join(REALWORLD, 'policies', name), 'utf8'));
}

/** A statement fragment from the AWS docs, wrapped into a policy (a derived document: the file stays as it is). */
export function realworldFragment(name: string): Policy {
  const statement = JSON.parse(readFileSync(join(REALWORLD, 'policies', name), 'utf8')) as unknown;
  const r = parsePolicyObject({ Version: '2012-10-17', Statement: [statement] });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.policy;
}

/** Every documented policy that parses, by file name (fragments and documents with errors on purpose are left out). */
export function documentedPolicies(): [string, Policy][] {
  const dir = join(REALWORLD, 'policies');
  const out: [string, Policy][] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const r = parsePolicyText(readFileSync(join(dir, name), 'utf8'));
    if (r.ok) out.push([name, r.policy]);
  }
  return out;
}

/** The answer, or "not evaluable" for a policy too large for the solver (which proves nothing either way). */
export function orNotEvaluable<T>(ask: () => T): T | 'not evaluable' {
  try {
    return ask();
  } catch (err) {
    if (err instanceof NotEvaluable) return 'not evaluable';
    throw err;
  }
}

export function mustParse(text: string | object): Policy {
  const r = typeof text === 'string' ? parsePolicyText(text) : parsePolicyObject(text);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.policy;
}

export type Expected = 'allow' | 'explicit-deny' | 'implicit-deny';

/** Checks a table of requests against their expected decisions, naming the failing case. */
export function expectDecisions(policy: Policy, cases: [string, RequestInput, Expected][]): void {
  for (const [name, input, want] of cases) {
    expect(evaluate(policy, makeRequest(input)).decision, name).toBe(want);
  }
}

export const role = (account: string, name: string) => ({ kind: 'aws' as const, account, arn: `arn:aws:iam::${account}:role/${name}` });
