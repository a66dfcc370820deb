import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adminEscape,
  adminEscapeBySolver,
  networkFences,
  networkFencesBySolver,
  whyNotFence,
  type BucketInput,
  type Policy,
} from '../../src/policy/index.js';
import { requestsFromOutside } from '../../src/policy/shortcuts.js';
import { documentedPolicies, mustParse, orNotEvaluable } from './helpers.js';

/**
 * networkFences and adminEscape decide the common bucket fence (a Deny on
 * every principal whose conditions read only endpoint keys) without building
 * the space. They must give the solver's answers, for every policy.
 */
const INPUTS: BucketInput[] = [
  { resources: ['arn:aws:s3:::data', 'arn:aws:s3:::data/vpcelint-object'] },
  { resources: ['arn:aws:s3:::data', 'arn:aws:s3:::data/vpcelint-object'], onlyActions: ['s3:GetObject'] },
  { resources: ['arn:aws:s3:::data'] },
  // A plan's placeholder stands for the bucket and its objects alike: every action acts on it.
  { resources: ['<known after apply: aws_s3_bucket.data.arn>'] },
  // The objects alone: a Deny on the bucket ARN names none of them.
  { resources: ['arn:aws:s3:::data/vpcelint-object'] },
  // A name known only after apply, inside the ARN (the .tf source evaluated, or a reading of the plan's placeholder).
  { resources: ['arn:aws:s3:::<known after apply: aws_s3_bucket.data.bucket>', 'arn:aws:s3:::<known after apply: aws_s3_bucket.data.bucket>/vpcelint-object'] },
];

function agrees(policy: Policy, label: string): void {
  for (const input of INPUTS) {
    const what = `${label} on ${JSON.stringify(input)}`;
    expect(orNotEvaluable(() => networkFences(policy, input).map((s) => s.index)), `fences: ${what}`).toEqual(orNotEvaluable(() => networkFencesBySolver(policy, input).map((s) => s.index)));
    for (const [who, allowed] of FILTERS) {
      expect(orNotEvaluable(() => adminEscape(policy, input, allowed) !== undefined), `escape (${who}): ${what}`).toEqual(orNotEvaluable(() => adminEscapeBySolver(policy, input, allowed) !== undefined));
    }
  }
}

const CONDITIONS: Record<string, Record<string, string | string[]>>[] = [
  { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
  { 'ForAnyValue:StringNotEquals': { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
  { StringNotEqualsIfExists: { 'aws:SourceVpc': 'vpc-111bbb22' } },
  { StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
  { StringNotLike: { 'aws:SourceVpce': 'vpce-1*' } },
  { Null: { 'aws:SourceVpce': 'true' } },
  { Null: { 'aws:SourceVpce': 'false' } },
  { StringNotEquals: { 'aws:VpceAccount': '111122223333' } },
  { 'ForAnyValue:StringNotLike': { 'aws:VpceOrgPaths': 'o-abc123/*' } },
  { 'ForAllValues:StringNotEquals': { 'aws:VpceOrgID': 'o-abc123' } },
  { StringNotEquals: { 'aws:SourceVpce': '${aws:PrincipalTag/vpce}' } },
  { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } },
  { ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/ops-*', 'arn:aws:iam::*:role/break-glass'] } },
  { StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } },
  { StringNotEqualsIfExists: { 'aws:PrincipalServiceName': 'cloudtrail.amazonaws.com' } },
  { BoolIfExists: { 'aws:ViaAWSService': 'false' } },
  { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
  { IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } },
  { NotIpAddressIfExists: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] } },
  { NotIpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
  { IpAddress: { 'aws:SourceIp': '192.0.2.128/25' } },
  { Bool: { 'aws:SecureTransport': 'false' } },
  { BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } },
  { StringNotEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
  { StringEquals: { 'aws:PrincipalTag/team': 'admin' } },
  { StringNotEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } },
  { StringNotEquals: { 'aws:ResourceAccount': '111122223333' } },
  { StringEquals: { 's3:x-amz-acl': 'private' } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { Null: { 'aws:PrincipalArn': 'false' } },
  { Null: { 'aws:RequestedRegion': 'true' } },
  { Null: { 'aws:SourceIp': 'true' } },
];

/** Principal filters adminEscape is asked with: everyone, and AWS principals only (an anonymous escape does not count). */
const FILTERS: [string, (v: { principal?: { kind: string } }) => boolean][] = [
  ['anyone', () => true],
  ['AWS principals', (v) => v.principal?.kind === 'aws'],
];

const statementArb = fc.record({
  Effect: fc.constantFrom('Deny', 'Deny', 'Allow'),
  principal: fc.constantFrom<[string, unknown]>(
    ['Principal', '*'],
    ['Principal', { AWS: '*' }],
    ['Principal', { AWS: '111122223333' }],
    ['NotPrincipal', { AWS: '111122223333' }],
    ['NotPrincipal', { AWS: 'arn:aws:iam::111122223333:role/Admin' }],
    // The IAM User Guide's form: a session, its role and the account (only that session is exempt).
    ['NotPrincipal', { AWS: ['arn:aws:sts::111122223333:assumed-role/Admin/break-glass', 'arn:aws:iam::111122223333:role/Admin', '111122223333'] }],
    ['Principal', { AWS: 'arn:aws:sts::111122223333:assumed-role/Admin/break-glass' }],
    ['Principal', { AWS: 'arn:aws:iam::444455556666:role/ci' }],
    ['Principal', { Service: 'cloudtrail.amazonaws.com' }],
  ),
  action: fc.tuple(fc.constantFrom('Action', 'Action', 'NotAction'), fc.subarray(['s3:*', '*', 's3:GetObject', 's3:PutBucketPolicy', 's3:Put*', 's3:ListBucket', 's3:GetObject*', 's3:FutureAction'], { minLength: 1, maxLength: 2 })),
  resource: fc.tuple(
    fc.constantFrom('Resource', 'Resource', 'NotResource'),
    fc.subarray(
      ['arn:aws:s3:::data', 'arn:aws:s3:::data/*', 'arn:aws:s3:::other/*', '*', 'arn:aws:s3:::${aws:PrincipalAccount}-data', '<known after apply: aws_s3_bucket.data.arn>', 'arn:aws:s3:::<known after apply: aws_s3_bucket.data.bucket>', 'arn:aws:s3:::<known after apply: aws_s3_bucket.data.bucket>/*'],
      { minLength: 1, maxLength: 2 },
    ),
  ),
  conditions: fc.subarray(CONDITIONS, { minLength: 0, maxLength: 2 }),
});
const policyArb = fc.array(statementArb, { minLength: 1, maxLength: 3 }).map((stmts) =>
  mustParse({
    Version: '2012-10-17',
    Statement: stmts.map((s) => {
      const Condition: Record<string, Record<string, string | string[]>> = {};
      for (const c of s.conditions) for (const [op, kv] of Object.entries(c)) Object.assign((Condition[op] ??= {}), kv);
      return { Effect: s.Effect, [s.principal[0]]: s.principal[1], [s.action[0]]: s.action[1], [s.resource[0]]: s.resource[1], ...(s.conditions.length > 0 ? { Condition } : {}) };
    }),
  }),
);

describe("the bucket questions' shortcuts give the solver's answers", () => {
  it('on random bucket policies: fences with and without exemptions, endpoint keys with every kind of operator', () => {
    fc.assert(
      fc.property(policyArb, (policy) => agrees(policy, JSON.stringify(policy.statements.map((s) => [s.effect, s.action ?? s.notAction, s.resource ?? s.notResource, s.conditions.map((c) => `${c.operator} ${c.key}`)])))),
      { numRuns: 300 },
    );
  });

  it('on every documented policy', () => {
    const documented = documentedPolicies();
    expect(documented.length).toBeGreaterThan(20);
    for (const [name, policy] of documented) agrees(policy, name);
  });

  it('agree where a request from outside must carry a key, or a principal filter drops the anonymous caller', () => {
    const deny = (condition: object) => ({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'], Condition: condition });
    const cases: [string, Policy][] = [
      // Every request carries aws:SecureTransport, true or false: together these deny all of them.
      ['complementary transports', mustParse({ Statement: [deny({ Bool: { 'aws:SecureTransport': 'true' } }), deny({ Bool: { 'aws:SecureTransport': 'false' } })] })],
      // aws:RequestedRegion is never absent: this Deny matches no request, so it is no fence.
      ['region never absent', mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, Null: { 'aws:RequestedRegion': 'true' } })] })],
      // Requests from the internet carry a source IP when the policy reads it.
      ['source IP always there', mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, Null: { 'aws:SourceIp': 'true' } })] })],
      // Only AWS principals are denied: an anonymous caller is not, and does not count where only AWS principals do.
      ['AWS principals only', mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, Null: { 'aws:PrincipalArn': 'false' } })] })],
      ['AWS services exempt', mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, BoolIfExists: { 'aws:ViaAWSService': 'false' } })] })],
      // The fence vpcelint suggests: an administrator and AWS services keep their way in.
      [
        'the suggested fence',
        mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' }, BoolIfExists: { 'aws:ViaAWSService': 'false' } })] }),
      ],
      ['administrator exempt', mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/ops-*' } })] })],
      // An office range exempt: from outside it the Deny applies, from inside it nobody is denied.
      ['office exempt', mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })] })],
      // Only requests from the office are denied; one from elsewhere is not.
      ['office denied', mustParse({ Statement: [deny({ StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } })] })],
    ];
    for (const [name, policy] of cases) agrees(policy, name);
    expect(adminEscape(cases[0]![1], INPUTS[0]!)).toBeUndefined();
    expect(networkFences(cases[1]![1], INPUTS[0]!)).toEqual([]);
    expect(adminEscape(cases[3]![1], INPUTS[0]!)?.principal).toEqual({ kind: 'anonymous' });
    expect(adminEscape(cases[3]![1], INPUTS[0]!, FILTERS[1]![1])).toBeUndefined();
    expect(adminEscape(cases[4]![1], INPUTS[0]!)?.context.get('aws:viaawsservice')).toEqual(['true']);
    expect(networkFences(cases[5]![1], INPUTS[0]!).map((d) => d.index)).toEqual([0]);
    expect(adminEscape(cases[5]![1], INPUTS[0]!)).toBeDefined();
    expect(adminEscape(cases[6]![1], INPUTS[0]!)?.principal).toEqual({ kind: 'aws', account: '111122223333', arn: 'arn:aws:iam::111122223333:role/ops-' });
    expect(networkFences(cases[7]![1], INPUTS[0]!).map((d) => d.index)).toEqual([0]);
    expect(adminEscape(cases[7]![1], INPUTS[0]!)?.context.get('aws:sourceip')).toEqual(['203.0.113.0']);
    expect(networkFences(cases[8]![1], INPUTS[0]!).map((d) => d.index)).toEqual([0]);
    expect(adminEscape(cases[8]![1], INPUTS[0]!)?.context.get('aws:sourceip')).toEqual(['198.51.100.77']);
    // Decided by witnesses, not by the space: each carries one of the addresses the space gives internet requests.
    const witnesses = requestsFromOutside(cases[7]![1], ['s3:PutBucketPolicy'], ['arn:aws:s3:::data']);
    expect([...new Set(witnesses?.map((w) => w.context.get('aws:sourceip')?.[0]))].sort()).toEqual(['198.51.100.77', '203.0.113.0', '203.0.113.255']);
  });

  it('agree on Denies that apply to no request from outside: actions on a part of the bucket they do not act on, endpoint-only conditions', () => {
    const deny = (action: string | string[], resource: string | string[], condition: object) => mustParse({ Statement: [{ Effect: 'Deny', Principal: '*', Action: action, Resource: resource, Condition: condition }] });
    const vpce = { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } };
    const both = ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'];
    const cases: [string, Policy][] = [
      // IAM authorizes s3:GetObject on the object ARN: on the bucket ARN alone this Deny never applies.
      ['object actions on the bucket ARN', deny(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::data', vpce)],
      ['object actions by wildcard on the bucket ARN', deny('s3:GetObject*', 'arn:aws:s3:::data', vpce)],
      ['bucket actions on the objects', deny(['s3:ListBucket', 's3:PutBucketPolicy'], 'arn:aws:s3:::data/*', vpce)],
      // s3:PutBucketPolicy goes with the bucket ARN: denied there, nobody changes the policy from outside.
      ['every action on the bucket ARN', deny('s3:*', 'arn:aws:s3:::data', vpce)],
      ['ForAnyValue on a missing key', deny('s3:*', both, { 'ForAnyValue:StringNotEquals': { 'aws:SourceVpce': 'vpce-1a2b3c4d' } })],
      ['other endpoints only', deny('s3:*', both, { ...vpce, Null: { 'aws:SourceVpce': 'false' } })],
      // A name the reference does not list, written out: it may act on either part.
      ['an action newer than the table', deny('s3:FutureAction', 'arn:aws:s3:::data', vpce)],
    ];
    for (const [name, policy] of cases) agrees(policy, name);
    const fences = (i: number, input = INPUTS[0]!) => networkFences(cases[i]![1], input).map((d) => d.index);
    expect(fences(0)).toEqual([]);
    expect(fences(1)).toEqual([]);
    expect(fences(2)).toEqual([]);
    expect(fences(3)).toEqual([0]);
    expect(adminEscape(cases[3]![1], INPUTS[0]!)).toBeUndefined();
    expect(adminEscape(cases[0]![1], INPUTS[0]!)).toMatchObject({ action: 's3:PutBucketPolicy', resource: 'arn:aws:s3:::data' });
    expect(fences(4)).toEqual([]);
    expect(fences(5)).toEqual([]);
    expect(fences(6)).toEqual([0]);
    // A placeholder stands for the bucket and its objects: object actions on it are requests.
    const placeholder = deny(['s3:GetObject', 's3:PutObject'], INPUTS[3]!.resources[0]!, vpce);
    agrees(placeholder, 'object actions on a placeholder');
    expect(networkFences(placeholder, INPUTS[3]!).map((d) => d.index)).toEqual([0]);
    expect(whyNotFence(cases[0]![1], INPUTS[0]!, cases[0]![1].statements[0]!)).toMatchObject({ why: 'no-request', parts: { actions: ['object'], resources: ['bucket'] } });
    expect(whyNotFence(cases[2]![1], INPUTS[0]!, cases[2]![1].statements[0]!)).toMatchObject({ why: 'no-request', parts: { actions: ['bucket'], resources: ['object'] } });
    const endpointOnly = whyNotFence(cases[5]![1], INPUTS[0]!, cases[5]![1].statements[0]!);
    expect(endpointOnly.why === 'endpoint-only' && endpointOnly.conditions.map((c) => c.operator)).toEqual(['Null']);
  });

  it('decide the plain fence: a fence, and nobody changes the policy from outside', () => {
    const fence = mustParse({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } }],
    });
    expect(networkFences(fence, INPUTS[0]!).map((s) => s.index)).toEqual([0]);
    expect(adminEscape(fence, INPUTS[0]!)).toBeUndefined();
    // With an exemption for an administrator, the solver decides, and finds the way out.
    const exempt = mustParse({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/Admin' } } }],
    });
    expect(networkFences(exempt, INPUTS[0]!).map((s) => s.index)).toEqual([0]);
    expect(adminEscape(exempt, INPUTS[0]!)?.principal).toMatchObject({ kind: 'aws', arn: 'arn:aws:iam::111122223333:role/Admin' });
  });
});
