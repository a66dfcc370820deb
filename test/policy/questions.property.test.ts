import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSpace, evaluate, makeRequest, someAllowed, someNotAllowed, someNotDenied, type Policy, type RequestInput } from '../../src/policy/index.js';
import { allRequests } from '../../src/policy/solve.js';
import { mustParse } from './helpers.js';

/**
 * The solver against brute force: over the same representative requests,
 * "is some request allowed / not denied / not allowed?" must get the same
 * answer as evaluating every combination; and over concrete requests drawn
 * from a wider vocabulary than the policy's, any decision a concrete request
 * gets must be found among the representatives (the set is exact).
 */

const ACCOUNTS = ['111122223333', '444455556666'];
const KEYS: [string, string[], string[]][] = [
  ['aws:SourceVpce', ['vpce-1a2b3c4d', 'vpce-0f00'], ['StringEquals', 'StringNotEquals', 'StringEqualsIfExists', 'StringNotEqualsIfExists', 'StringLike', 'Null']],
  ['aws:SourceVpc', ['vpc-111bbb22'], ['StringEquals', 'StringNotEqualsIfExists', 'ForAnyValue:StringEquals', 'ForAllValues:StringEquals']],
  ['aws:PrincipalAccount', ACCOUNTS, ['StringEquals', 'StringNotEquals', 'StringNotEqualsIfExists']],
  ['aws:PrincipalOrgID', ['o-abc123'], ['StringEquals', 'StringNotEqualsIfExists']],
  ['aws:PrincipalTag/team', ['admin', 'data*'], ['StringEquals', 'StringLike', 'StringNotLike', 'StringEqualsIgnoreCase']],
  ['aws:SourceIp', ['192.0.2.0/24', '10.0.0.0/8', '2001:db8::/32'], ['IpAddress', 'NotIpAddress', 'NotIpAddressIfExists']],
  ['aws:ViaAWSService', ['true', 'false'], ['Bool', 'BoolIfExists']],
  ['aws:ResourceAccount', [...ACCOUNTS, '${aws:PrincipalAccount}'], ['StringEquals', 'StringNotEquals']],
  // Two patterns a role can match at once (ci-build-prod): the representatives must hold such a role.
  ['aws:PrincipalArn', ['arn:aws:iam::111122223333:role/Admin', 'arn:aws:iam::*:role/ci-*', 'arn:aws:iam::*:role/*-prod'], ['ArnEquals', 'ArnLike', 'ArnNotLikeIfExists', 'StringLike']],
  ['aws:EpochTime', ['1700000000'], ['NumericLessThan', 'NumericGreaterThanEquals']],
];

const principalArb = fc.oneof(
  fc.constant('*'),
  fc.record({ AWS: fc.subarray([...ACCOUNTS, 'arn:aws:iam::111122223333:role/Admin', 'arn:aws:sts::111122223333:assumed-role/Admin/alice', '*'], { minLength: 1 }) }),
  fc.record({ Service: fc.constant('cloudtrail.amazonaws.com') }),
);
const conditionArb = fc
  .subarray(KEYS, { minLength: 0, maxLength: 3 })
  .chain((keys) =>
    fc.tuple(...keys.map(([key, values, ops]) => fc.tuple(fc.constantFrom(...ops), fc.constant(key), fc.subarray(values, { minLength: 1 })))),
  )
  .map((entries) => {
    const cond: Record<string, Record<string, string[]>> = {};
    for (const [op, key, values] of entries) (cond[op] ??= {})[key] = op === 'Null' ? ['true'] : values;
    return cond;
  });
const statementArb = fc.record(
  {
    Effect: fc.constantFrom('Allow', 'Deny'),
    principal: fc.option(fc.tuple(fc.constantFrom('Principal', 'NotPrincipal'), principalArb), { nil: undefined }),
    action: fc.tuple(fc.constantFrom('Action', 'NotAction'), fc.subarray(['s3:GetObject', 's3:Get*', 's3:*', '*', 's3:PutObject', 'ec2:*'], { minLength: 1 })),
    resource: fc.tuple(fc.constantFrom('Resource', 'Resource', 'NotResource'), fc.subarray(['*', 'arn:aws:s3:::b1', 'arn:aws:s3:::b1/*', 'arn:aws:s3:::b?', 'arn:aws:s3:::${aws:PrincipalAccount}-*'], { minLength: 1 })),
    Condition: conditionArb,
  },
  { requiredKeys: ['Effect', 'action', 'resource', 'Condition'] },
);
const policyArb = fc.array(statementArb, { minLength: 1, maxLength: 4 }).map((stmts) =>
  mustParse({
    Version: '2012-10-17',
    Statement: stmts.map((s) => ({
      Effect: s.Effect,
      ...(s.principal ? { [s.principal[0]]: s.principal[1] } : {}),
      [s.action[0]]: s.action[1],
      [s.resource[0]]: s.resource[1],
      ...(Object.keys(s.Condition).length > 0 ? { Condition: s.Condition } : {}),
    })),
  }),
);

const requestArb: fc.Arbitrary<RequestInput> = fc.record({
  action: fc.constantFrom('s3:GetObject', 's3:GetBucketPolicy', 's3:PutObject', 's3:ListBucket', 'ec2:RunInstances', 'sqs:SendMessage'),
  resource: fc.constantFrom('arn:aws:s3:::b1', 'arn:aws:s3:::b1/k', 'arn:aws:s3:::b2', 'arn:aws:s3:::111122223333-x', 'arn:aws:s3:::zz/k'),
  principal: fc.oneof(
    fc.constant({ kind: 'anonymous' as const }),
    fc.constant({ kind: 'service' as const, service: 'cloudtrail.amazonaws.com' }),
    fc.tuple(fc.constantFrom(...ACCOUNTS, '999988887777'), fc.constantFrom('Admin', 'ci-build', 'ci-build-prod', 'app')).map(([account, name]) => ({ kind: 'aws' as const, account, arn: `arn:aws:iam::${account}:role/${name}` })),
    // Role sessions, named or not by the policies (a role acts only through its sessions).
    fc.constantFrom('alice', 'bob').map((session) => ({ kind: 'aws' as const, account: '111122223333', arn: 'arn:aws:iam::111122223333:role/Admin', session: `arn:aws:sts::111122223333:assumed-role/Admin/${session}` })),
  ),
  network: fc.oneof(
    fc.record({ 'aws:SourceIp': fc.constantFrom('192.0.2.9', '10.1.2.3', '198.51.100.1', '2001:db8::9', '2001:db9::1') }),
    fc.record({ 'aws:SourceVpce': fc.constantFrom('vpce-1a2b3c4d', 'vpce-0f00', 'vpce-other'), 'aws:SourceVpc': fc.constantFrom('vpc-111bbb22', 'vpc-other') }),
  ),
  extra: fc.record(
    {
      'aws:PrincipalOrgID': fc.constantFrom('o-abc123', 'o-zzz'),
      'aws:PrincipalTag/team': fc.constantFrom('admin', 'ADMIN', 'data-eng', 'ops'),
      'aws:ViaAWSService': fc.constantFrom('true', 'false'),
      'aws:ResourceAccount': fc.constantFrom(...ACCOUNTS, '999988887777'),
      'aws:EpochTime': fc.constantFrom('1600000000', '1700000000', '1800000000'),
    },
    { requiredKeys: ['aws:ViaAWSService', 'aws:ResourceAccount', 'aws:EpochTime'] },
  ),
}).map(({ action, resource, principal, network, extra }) => {
  const context: Record<string, string> = { ...network, ...extra };
  if (principal.kind !== 'aws') {
    delete context['aws:PrincipalOrgID'];
    delete context['aws:PrincipalTag/team'];
  }
  return { action, resource, principal, context };
});

/** Brute force is a product over dimensions: keep it to policies small enough to enumerate quickly. */
const BRUTE_FORCE_LIMIT = 4000;

function bruteForce(policy: Policy) {
  const space = buildSpace(policy);
  const size = space.dims.reduce((n, d) => n * d.values.length, 1);
  fc.pre(size <= BRUTE_FORCE_LIMIT);
  const decisions = new Set<string>();
  for (const r of allRequests(space)) decisions.add(evaluate(policy, r).decision);
  return { space, decisions };
}

describe('semantic answers agree with brute force over the representative requests', () => {
  it('allowed / not denied / not allowed', () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        const { space, decisions } = bruteForce(policy);
        const allowed = someAllowed(policy, space);
        const notDenied = someNotDenied(policy, space);
        const notAllowed = someNotAllowed(policy, space);
        expect(allowed !== undefined).toBe(decisions.has('allow'));
        expect(notDenied !== undefined).toBe(decisions.has('allow') || decisions.has('implicit-deny'));
        expect(notAllowed !== undefined).toBe(decisions.has('explicit-deny') || decisions.has('implicit-deny'));
        if (allowed) expect(evaluate(policy, allowed).decision).toBe('allow');
        if (notDenied) expect(evaluate(policy, notDenied).decision).not.toBe('explicit-deny');
        if (notAllowed) expect(evaluate(policy, notAllowed).decision).not.toBe('allow');
      }),
      { numRuns: 120 },
    );
  });

  it('every decision a concrete request gets is found among the representatives', () => {
    fc.assert(
      fc.property(policyArb, fc.array(requestArb, { minLength: 1, maxLength: 20 }), (policy, requests) => {
        const space = buildSpace(policy);
        for (const input of requests) {
          const d = evaluate(policy, makeRequest(input)).decision;
          if (d === 'allow') expect(someAllowed(policy, space), JSON.stringify(input)).toBeDefined();
          else expect(someNotAllowed(policy, space), JSON.stringify(input)).toBeDefined();
          if (d !== 'explicit-deny') expect(someNotDenied(policy, space), JSON.stringify(input)).toBeDefined();
        }
      }),
      { numRuns: 150 },
    );
  });
});
