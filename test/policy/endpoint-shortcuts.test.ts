import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fullAccessGap,
  isNotFullAccess,
  outsidePrincipalAllowed,
  outsidePrincipalAllowedBySolver,
  outsideResourceAllowed,
  outsideResourceAllowedBySolver,
  type EndpointInput,
  type Policy,
} from '../../src/policy/index.js';
import { documentedPolicies, mustParse, orNotEvaluable } from './helpers.js';

/**
 * The endpoint questions answer many policies without building their space
 * (an action of the service that no Allow names; Allow statements that name
 * each resource). Each shortcut must give the solver's answer, for every
 * policy, service and owner, or it is a different rule.
 */
const SERVICES = ['s3', 'dynamodb', 'ec2', 'sqs', undefined];
const OWNERS = [[], ['111122223333'], ['444455556666']];
// The endpoint's id and VPC unknown (a plan's new endpoint: answers that depend on them are not evaluable), or known.
const ORIGINS = [{}, { endpointId: 'vpce-1a2b3c4d', vpcId: 'vpc-111bbb22' }];

function agrees(policy: Policy, label: string): void {
  // Each service with one of the origins in turn: every origin meets most policies' answers, at the cost of one.
  SERVICES.forEach((service, i) => agreesThrough(policy, label, service, ORIGINS[i % ORIGINS.length]!));
}

function agreesThrough(policy: Policy, label: string, service: string | undefined, origin: object): void {
  const input = { ...(service ? { service } : {}), ...origin };
  expect(orNotEvaluable(() => isNotFullAccess(policy, input)), `full access: ${label} (${service ?? 'any service'}, ${JSON.stringify(origin)})`).toBe(defined(() => fullAccessGap(policy, input)));
  for (const owners of OWNERS) {
    const asked: EndpointInput = { ...input, ownerAccounts: owners };
    const what = `${label} (${service ?? 'any service'}, owners ${owners.join(',') || 'unknown'}, ${JSON.stringify(origin)})`;
    expect(defined(() => outsideResourceAllowed(policy, asked)), `any resource: ${what}`).toBe(defined(() => outsideResourceAllowedBySolver(policy, asked)));
    expect(defined(() => outsidePrincipalAllowed(policy, asked)), `any principal: ${what}`).toBe(defined(() => outsidePrincipalAllowedBySolver(policy, asked)));
  }
}

/** Whether the question finds a request (or that the solver could not tell). */
const defined = (ask: () => unknown) => orNotEvaluable(() => ask() !== undefined);

const ACTIONS = ['*', 's3:*', 'S3:*', 's3:Get*', 's3:GetObject', 's3:Vpcelint*', 's3:VpcelintOtherAction', 's3:*Action', 'dynamodb:*', 'ec2:Describe*', 'sqs:SendMessage', '*:*', 's?:*'];

// Literal ARNs with and without an account (the owner's or another's), and patterns that are not literal.
const RESOURCES = [
  '*', 'arn:aws:s3:::b1', 'arn:aws:s3:::b1/*', 'arn:aws:s3:::b1/k', 'arn:aws:s3:::*', 'arn:aws:s3:::vpcelint-other-bucket/*',
  'arn:aws:sqs:eu-west-1:111122223333:q', 'arn:aws:sqs:eu-west-1:444455556666:q', 'arn:aws:sqs:*:*:q', 'arn:aws:sqs:eu-west-1:111122223333:*',
  'arn:aws:s3:::${aws:PrincipalAccount}-b', 'arn:aws:dynamodb:eu-west-1:444455556666:table/t', 'arn:aws:dynamodb:*:*:*',
];

const statementArb = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  kind: fc.constantFrom('Action', 'Action', 'NotAction'),
  actions: fc.subarray(ACTIONS, { minLength: 1, maxLength: 3 }),
  resourceKind: fc.constantFrom('Resource', 'Resource', 'Resource', 'NotResource'),
  resources: fc.subarray(RESOURCES, { minLength: 1, maxLength: 3 }),
  Principal: fc.constantFrom('*', { AWS: '111122223333' }, { AWS: '999988887777' }),
  condition: fc.constantFrom(
    undefined,
    { StringEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } },
    { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
    { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
    { StringLike: { 'aws:PrincipalOrgID': 'o-*' } },
  ),
});
const policyArb = fc.array(statementArb, { minLength: 1, maxLength: 3 }).map((stmts) =>
  mustParse({
    Version: '2012-10-17',
    Statement: stmts.map((s) => ({
      Effect: s.Effect,
      Principal: s.Principal,
      [s.kind]: s.actions,
      [s.resourceKind]: s.resources,
      ...(s.condition ? { Condition: s.condition } : {}),
    })),
  }),
);

describe('the endpoint questions\' shortcuts give the solver\'s answer', () => {
  it('on random policies over actions that name, cover and clash with the stand-in action', () => {
    fc.assert(
      fc.property(policyArb, (policy) => agrees(policy, JSON.stringify(policy.statements.map((s) => [s.effect, s.action ?? s.notAction, s.resource ?? s.notResource])))),
      { numRuns: 200 },
    );
  });

  it('on every documented policy', () => {
    const documented = documentedPolicies();
    expect(documented.length).toBeGreaterThan(20);
    for (const [name, policy] of documented) agrees(policy, name);
  });

  it('answers without the solver where it can: listed actions, no Allow at all, listed resources', () => {
    const listed = mustParse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }] });
    expect(isNotFullAccess(listed, { service: 's3' })).toBe(true);
    expect(isNotFullAccess(mustParse({ Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }] }), { service: 's3' })).toBe(true);
    // The default endpoint policy is full access: the solver says so.
    expect(isNotFullAccess(mustParse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] }), { service: 's3' })).toBe(false);
    // An S3 endpoint fenced to one bucket and its objects: nothing reaches another resource, whoever asks.
    const fenced = mustParse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'] }] });
    expect(outsideResourceAllowed(fenced, { service: 's3', ownerAccounts: ['111122223333'] })).toBeUndefined();
    expect(outsidePrincipalAllowed(fenced, { service: 's3' })).toBeUndefined();
    // A queue of another account, named: reachable outside the owner's accounts, and the solver says which request.
    const foreign = mustParse({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sqs:*', Resource: 'arn:aws:sqs:eu-west-1:444455556666:q' }] });
    expect(outsideResourceAllowed(foreign, { service: 'sqs', ownerAccounts: ['111122223333'] })?.resource).toBe('arn:aws:sqs:eu-west-1:444455556666:q');
  });
});
