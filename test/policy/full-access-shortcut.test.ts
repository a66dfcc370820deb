import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullAccessGap, isNotFullAccess, parsePolicyText, type Policy } from '../../src/policy/index.js';
import { REALWORLD } from '../helpers/fixtures.js';
import { mustParse } from './helpers.js';

/**
 * isNotFullAccess answers many policies without building their space (an
 * action of the service that no Allow names). It must give the solver's
 * answer, for every policy and service, or the shortcut is a different rule.
 */
const SERVICES = ['s3', 'dynamodb', 'ec2', 'sqs', undefined];

function agrees(policy: Policy, label: string): void {
  for (const service of SERVICES) {
    const input = service ? { service } : {};
    expect(isNotFullAccess(policy, input), `${label} (${service ?? 'any service'})`).toBe(fullAccessGap(policy, input) !== undefined);
  }
}

const ACTIONS = ['*', 's3:*', 'S3:*', 's3:Get*', 's3:GetObject', 's3:Vpcelint*', 's3:VpcelintOtherAction', 's3:*Action', 'dynamodb:*', 'ec2:Describe*', 'sqs:SendMessage', '*:*', 's?:*'];

const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  kind: fc.constantFrom('Action', 'Action', 'NotAction'),
  actions: fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 }),
  Resource: fc.constantFrom('*', 'arn:aws:s3:::b1/*'),
  Principal: fc.constantFrom('*', { AWS: '111122223333' }),
  condition: fc.boolean(),
});
const policyArb = fc.array(statementArb, { minLength: 1, maxLength: 3 }).map((stmts) =>
  mustParse({
    Version: '2012-10-17',
    Statement: stmts.map((s) => ({
      Effect: s.Effect,
      Principal: s.Principal,
      [s.kind]: s.actions,
      Resource: s.Resource,
      ...(s.condition ? { Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } } } : {}),
    })),
  }),
);

describe('isNotFullAccess gives the solver\'s answer', () => {
  it('on random policies over actions that name, cover and clash with the stand-in action', () => {
    fc.assert(
      fc.property(policyArb, (policy) => agrees(policy, JSON.stringify(policy.statements.map((s) => [s.effect, s.action ?? s.notAction])))),
      { numRuns: 300 },
    );
  });

  it('on every documented policy', () => {
    const dir = join(REALWORLD, 'policies');
    let n = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const r = parsePolicyText(readFileSync(join(dir, name), 'utf8'));
      if (!r.ok) continue; // fragments and documents with errors on purpose
      agrees(r.policy, name);
      n++;
    }
    expect(n).toBeGreaterThan(20);
  });

  it('answers without the solver where it can: listed actions, no Allow at all', () => {
    const listed = mustParse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }] });
    expect(isNotFullAccess(listed, { service: 's3' })).toBe(true);
    expect(isNotFullAccess(mustParse({ Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] }), { service: 's3' })).toBe(true);
    // The default endpoint policy is full access: the solver says so.
    expect(isNotFullAccess(mustParse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }), { service: 's3' })).toBe(false);
  });
});
