import { describe, expect, it } from 'vitest';
import rule from '../../rules/endpoint-policy-full-access.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { ALLOW_ALL, doc, documentRef, realworld } from '../policy/rule-helpers.js';

const DPE = ['cloudformation', 'default', 'ec2', 'ecr.api', 'iam', 'imagebuilder', 'iot', 'lambda', 's3', 'ssm'];
const SERVICE: Record<string, string> = { default: 'sqs', iot: 'iot.api' };

/**
 * An S3 endpoint whose policy allows everything on a condition on its own
 * network keys. `known`: the endpoint's and the VPC's ids are known (a live
 * scan, or resources that exist); else they are a plan's placeholders, which
 * a policy written in an aws_vpc_endpoint_policy can name.
 */
function endpointOnly(text: string) {
  const b = new InventoryBuilder();
  b.endpoint(b.vpc(), 's3', { name: 's3', policyText: text });
  return b.inv;
}

function throughItself(condition: (ids: { vpce: string; vpc: string }) => object, known: boolean) {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const ep = b.endpoint(vpc, 's3', { name: 's3' });
  if (known) {
    vpc.ref.id = 'vpc-0aaa1111bbbb2222c';
    ep.ref.id = 'vpce-0123456789abcdef0';
  }
  const ids = known ? { vpce: ep.ref.id!, vpc: vpc.ref.id! } : { vpce: '<known after apply: aws_vpc_endpoint.s3.id>', vpc: '<known after apply: aws_vpc.main.id>' };
  const holder = b.ref('other', 'aws_vpc_endpoint_policy', 's3');
  const placeholders = known ? {} : { [ids.vpce]: ['aws_vpc_endpoint.s3'], [ids.vpc]: ['aws_vpc.main'] };
  ep.policy = { kind: 'document', text: doc({ ...ALLOW_ALL, Sid: 'ThroughHere', Condition: condition(ids) }), holder, attribute: 'policy', sensitive: false, placeholders };
  return b.inv;
}

describe('endpoint-policy-full-access', () => {
  testRule(rule, {
    valid: [
      ...DPE.map((f) => ({
        name: `AWS data perimeter endpoint policy (${f})`,
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), SERVICE[f] ?? f, { type: f === 's3' ? 'Gateway' : 'Interface', policyText: realworld(`dpe_vpc_endpoint_policies__${f}_endpoint_policy.json`) });
          return b.inv;
        },
      })),
      {
        name: 'VPC guide: S3 endpoint limited to the Amazon Linux repositories',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 's3', { policyText: realworld('awsdocs_vpcguide_s3_endpoint_policy_amazonlinux2_repos.json') });
          return b.inv;
        },
      },
      {
        name: 'Allow all but a Deny on deleting objects: not every action',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 's3', { policyText: doc(ALLOW_ALL, { Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: '*' }) });
          return b.inv;
        },
      },
      {
        name: 'Allow all on condition of the organization',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 'dynamodb', { policyText: doc({ ...ALLOW_ALL, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) });
          return b.inv;
        },
      },
      {
        name: 'a service without endpoint policies (AWS IoT Core data plane) and no policy: nobody can fix it',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 'iot.data', { type: 'Interface' });
          return b.inv;
        },
      },
      {
        name: 'live: VpcEndpointPolicySupported false',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 'ssmmessages', { type: 'Interface', policySupported: false });
          return b.inv;
        },
      },
      {
        name: "a PrivateLink service of another account (com.amazonaws.vpce.*)",
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 'com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0', { type: 'Interface' });
          return b.inv;
        },
      },
      {
        name: 'a Gateway Load Balancer endpoint takes no policy',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 'com.amazonaws.vpce.eu-west-1.vpce-svc-0aaa', { type: 'GatewayLoadBalancer' });
          return b.inv;
        },
      },
      // Every request through the endpoint is denied, or allowed by nothing: not "full access" (and no other finding).
      { name: 'Allow all, Deny every address outside an office range: requests through an endpoint carry no aws:SourceIp', inventory: () => endpointOnly(doc(ALLOW_ALL, { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })) },
      { name: 'Allow all from a public address range: nothing through the endpoint', inventory: () => endpointOnly(doc({ ...ALLOW_ALL, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })) },
      { name: 'Allow all through another endpoint: nothing through this one', inventory: () => throughItself(() => ({ StringEquals: { 'aws:SourceVpce': 'vpce-0fff' } }), true) },
      {
        name: 'an endpoint the plan destroys',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 's3', { destroyed: true });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'S3 gateway endpoint with no policy: the AWS default is full access',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc('main'), 's3', { name: 's3' });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3', messageIncludes: ['has no endpoint policy', 'default policy', 'aws:PrincipalOrgID'], severity: 'warning' }],
      },
      ...['awscli_example_default_gateway_endpoint_policy.json', 'terraformer_live_default_interface_endpoint_policy_noversion.json', 'ck_plan_vpc_endpoint_fullaccess_policy.json'].map((f) => ({
        name: `the default policy written out (${f})`,
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 'kms', { name: 'kms', type: 'Interface', policyText: realworld(f) });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.kms', messageIncludes: ['every kms action on every resource'] }],
      })),
      {
        name: '"s3:*" on "*" for {"AWS": "*"} is full access for an S3 endpoint',
        inventory: () => {
          const b = new InventoryBuilder();
          b.endpoint(b.vpc(), 's3', { name: 's3', policyText: doc({ Sid: 'AllS3', Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*' }) });
          return b.inv;
        },
        findings: [{ primary: 'aws_vpc_endpoint.s3', messageIncludes: ['statement "AllS3" (#1)'] }],
      },
      ...[true, false].flatMap((known) => [
        {
          name: `Allow all on condition that requests come through this very endpoint (ids ${known ? 'known' : 'known after apply'})`,
          inventory: () => throughItself(({ vpce }) => ({ StringEquals: { 'aws:SourceVpce': vpce } }), known),
          findings: [{ primary: 'aws_vpc_endpoint_policy.s3', related: ['aws_vpc_endpoint.s3'], messageIncludes: ['statement "ThroughHere" (#1)'] }],
        },
        {
          name: `Allow all on condition that requests come from the endpoint's own VPC (ids ${known ? 'known' : 'known after apply'})`,
          inventory: () => throughItself(({ vpc }) => ({ StringEquals: { 'aws:SourceVpc': vpc } }), known),
          findings: [{ primary: 'aws_vpc_endpoint_policy.s3', related: ['aws_vpc_endpoint.s3'] }],
        },
      ]),
      {
        name: 'the policy is written in a policy document: the finding points there',
        inventory: () => {
          const b = new InventoryBuilder();
          const ep = b.endpoint(b.vpc(), 's3', { name: 's3' });
          const origin = documentRef(b, 'endpoint');
          ep.policy = { kind: 'document', text: doc(ALLOW_ALL), holder: ep.ref, attribute: 'policy', sensitive: false, origin };
          return b.inv;
        },
        findings: [{ primary: 'data.aws_iam_policy_document.endpoint', related: ['aws_vpc_endpoint.s3'], messageIncludes: ['written in data.aws_iam_policy_document.endpoint'] }],
      },
    ],
  });

  it('does not guess an endpoint id known only after apply when the verdict depends on it', () => {
    const b = new InventoryBuilder();
    // A new endpoint (no id yet) whose policy allows everything through one named endpoint: full access if that is this one.
    b.endpoint(b.vpc(), 's3', { name: 'new', policyText: doc({ ...ALLOW_ALL, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } } }) });
    // Limited to the organization as well: not full access whichever endpoint it is, so that verdict stands.
    b.endpoint(b.vpc(), 's3', { name: 'either', policyText: doc({ ...ALLOW_ALL, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0', 'aws:PrincipalOrgID': 'o-abc123' } } }) });
    const r = runRule(rule, b.inv);
    expect(r.findings).toEqual([]);
    expect(r.diagnostics.map((d) => [d.subject?.key, d.code])).toEqual([['aws_vpc_endpoint.new', 'not-evaluated']]);
    expect(r.diagnostics[0]!.message).toContain("depends on the endpoint's id (aws:SourceVpce)");
  });

  it('reports what it cannot judge: unknown policies, invalid documents, services missing from the table', () => {
    const b = new InventoryBuilder();
    const vpc = b.vpc();
    const pending = b.endpoint(vpc, 's3', { name: 'pending' });
    pending.policy = { kind: 'unknown', reason: 'built from aws_vpc.main, known only after apply', holder: pending.ref, attribute: 'policy' };
    b.endpoint(vpc, 'sqs', { name: 'broken', policyText: '{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"a":"b"}}}]}' });
    b.endpoint(vpc, 'ssmmessages', { name: 'unlisted', type: 'Interface' });
    const r = runRule(rule, b.inv);
    expect(r.findings).toEqual([]);
    const got = new Map(r.diagnostics.map((d) => [d.subject?.key, d]));
    expect([...got.keys()].sort()).toEqual(['aws_vpc_endpoint.broken', 'aws_vpc_endpoint.pending', 'aws_vpc_endpoint.unlisted']);
    expect(got.get('aws_vpc_endpoint.pending')).toMatchObject({ code: 'not-evaluated', message: expect.stringContaining('built from aws_vpc.main') });
    expect(got.get('aws_vpc_endpoint.broken')).toMatchObject({ code: 'policy-invalid', jsonPath: '$.Statement[0].Condition.StringEqualz' });
    expect(got.get('aws_vpc_endpoint.unlisted')).toMatchObject({ code: 'not-evaluated', message: expect.stringContaining('does not say whether ssmmessages supports endpoint policies') });
  });
});

describe('endpoint-policy-full-access in GovCloud (partition aws-us-gov)', () => {
  function govEndpoint(resource: string) {
    const b = new InventoryBuilder('us-gov-west-1');
    b.endpoint(b.vpc(), 's3', { name: 's3', policyText: doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: resource }) });
    return b.inv;
  }

  testRule(rule, {
    valid: [
      { name: "every bucket of another partition is nothing this endpoint reaches", inventory: () => endpointOnly(doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: 'arn:aws-us-gov:s3:::*' })) },
      { name: 'one bucket of the partition', inventory: () => govEndpoint('arn:aws-us-gov:s3:::acme-data/*') },
    ],
    invalid: [
      { name: 'every bucket of the partition is every bucket there', inventory: () => govEndpoint('arn:aws-us-gov:s3:::*'), findings: [{ primary: 'aws_vpc_endpoint.s3', messageIncludes: ['(statement #1, with no limiting condition)'] }] },
      { name: '"*"', inventory: () => govEndpoint('*'), findings: [{ primary: 'aws_vpc_endpoint.s3' }] },
    ],
  });
});
