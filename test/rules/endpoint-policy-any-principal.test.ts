import { describe } from 'vitest';
import rule from '../../rules/endpoint-policy-any-principal.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';
import { ALLOW_ALL, doc, realworld, realworldFragment } from '../policy/rule-helpers.js';

const DPE = ['cloudformation', 'default', 'ec2', 'ecr.api', 'iam', 'imagebuilder', 'iot', 'lambda', 's3', 'ssm'];
const SERVICE: Record<string, string> = { default: 'sqs', iot: 'iot.api' };

function endpointWith(text: string | undefined, service = 's3') {
  const b = new InventoryBuilder();
  b.endpoint(b.vpc(), service, { name: 'ep', ...(text !== undefined ? { policyText: text } : {}) });
  return b.inv;
}

describe('endpoint-policy-any-principal', () => {
  testRule(rule, {
    valid: [
      ...DPE.map((f) => ({ name: `AWS data perimeter endpoint policy (${f})`, inventory: () => endpointWith(realworld(`dpe_vpc_endpoint_policies__${f}_endpoint_policy.json`), SERVICE[f] ?? f) })),
      { name: 'VPC guide: endpoint limited to one role', inventory: () => endpointWith(realworldFragment('awsdocs_vpcguide_s3_endpoint_policy_restrict_role_FRAGMENT.json')) },
      { name: 'VPC guide: Amazon Linux repositories (named AWS-owned buckets)', inventory: () => endpointWith(realworld('awsdocs_vpcguide_s3_endpoint_policy_amazonlinux2_repos.json')) },
      { name: 'full access: endpoint-policy-full-access reports it', inventory: () => endpointWith(doc(ALLOW_ALL)) },
      { name: 'no policy', inventory: () => endpointWith(undefined) },
      { name: 'principals of listed accounts', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { StringEquals: { 'aws:PrincipalAccount': ['111122223333'] } } })) },
      { name: 'principals named in Principal', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Principal: { AWS: ['111122223333', 'arn:aws:iam::444455556666:role/ci'] } })) },
      // Requests through an endpoint carry no aws:SourceIp.
      { name: 'full access, but a Deny on every address outside an office range denies every request through the endpoint', inventory: () => endpointWith(doc(ALLOW_ALL, { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })) },
      { name: 'an Allow only from a public address range lets nothing through the endpoint', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })) },
      {
        name: 'roles app-* of any account, with a Deny on every role but ci-*: no role is both',
        inventory: () =>
          endpointWith(doc({ ...ALLOW_ALL, Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app-*' } } }, { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/ci-*' } } })),
      },
    ],
    invalid: [
      {
        name: 'resource perimeter only: any account\'s credentials reach your organization\'s resources',
        inventory: () => endpointWith(doc({ ...ALLOW_ALL, Sid: 'OrgResources', Condition: { StringEquals: { 'aws:ResourceOrgID': 'o-abc123' } } })),
        findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['"OrgResources"', 'aws:PrincipalOrgID'], severity: 'note' }],
      },
      {
        name: 'Principal {"AWS": "*"} on every S3 action but deletes',
        inventory: () => endpointWith(doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 's3:Delete*', Resource: '*' })),
        findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['statement #1'] }],
      },
      {
        name: 'every table of every account, for anyone',
        inventory: () => endpointWith(doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:*:*:table/*' }), 'dynamodb'),
        findings: [{ primary: 'aws_vpc_endpoint.ep' }],
      },
      {
        // The role app-x-prod of any account matches both patterns: allowed, and spared by the Deny.
        name: 'roles app-* of any account, with a Deny on all roles but *-prod',
        inventory: () =>
          endpointWith(doc({ ...ALLOW_ALL, Sid: 'Apps', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/app-*' } } }, { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/*-prod' } } })),
        findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['"Apps"'] }],
      },
      // A pattern every organization or account matches limits nothing, like "*".
      ...[
        ['aws:PrincipalOrgID', 'o-*'],
        ['aws:PrincipalAccount', '????????????'],
        ['aws:PrincipalOrgPaths', 'o-*'],
      ].map(([key, pattern]) => ({
        name: `StringLike ${key} "${pattern}" is no limit`,
        inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { StringLike: { [key!]: pattern }, StringEquals: { 'aws:ResourceOrgID': 'o-abc123' } } })),
        findings: [{ primary: 'aws_vpc_endpoint.ep' }],
      })),
    ],
  });
});
