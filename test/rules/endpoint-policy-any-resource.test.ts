import { describe } from 'vitest';
import rule from '../../rules/endpoint-policy-any-resource.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';
import { ALLOW_ALL, doc, realworld, realworldFragment } from '../policy/rule-helpers.js';

const DPE = ['cloudformation', 'default', 'ec2', 'ecr.api', 'iam', 'imagebuilder', 'iot', 'lambda', 's3', 'ssm'];
const SERVICE: Record<string, string> = { default: 'sqs', iot: 'iot.api' };

function endpointWith(text: string, service = 's3', account?: string) {
  const b = new InventoryBuilder();
  const ep = b.endpoint(b.vpc(), service, { name: 'ep', policyText: text });
  if (account) ep.ref.account = account;
  return b.inv;
}

describe('endpoint-policy-any-resource', () => {
  testRule(rule, {
    valid: [
      ...DPE.map((f) => ({ name: `AWS data perimeter endpoint policy (${f})`, inventory: () => endpointWith(realworld(`dpe_vpc_endpoint_policies__${f}_endpoint_policy.json`), SERVICE[f] ?? f, '111122223333') })),
      { name: 'VPC guide: endpoint limited to named buckets', inventory: () => endpointWith(realworldFragment('awsdocs_vpcguide_s3_endpoint_policy_restrict_bucket_FRAGMENT.json')) },
      { name: 'VPC guide: Amazon Linux repositories', inventory: () => endpointWith(realworld('awsdocs_vpcguide_s3_endpoint_policy_amazonlinux_repos.json')) },
      { name: 'full access: endpoint-policy-full-access reports it, one problem one finding', inventory: () => endpointWith(doc(ALLOW_ALL)) },
      { name: 'no policy: the same', inventory: () => endpointWith(undefined as unknown as string) },
      { name: 'resource perimeter with aws:ResourceAccount', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { StringEquals: { 'aws:ResourceAccount': ['111122223333', '444455556666'] } } })) },
      { name: 'org identities to resources of their own account (aws:ResourceAccount = ${aws:PrincipalAccount})', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123', 'aws:ResourceAccount': '${aws:PrincipalAccount}' } } })) },
      { name: 'AWS service principals only', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Sid: 'Svc', Condition: { Bool: { 'aws:PrincipalIsAWSService': 'true' } } }, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mine/*' })) },
      { name: 'requests AWS services make on your behalf only', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { Bool: { 'aws:ViaAWSService': 'true' } } }, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mine/*' })) },
      // Requests through an endpoint carry no aws:SourceIp: the Deny's NotIpAddress holds for every one of them.
      { name: 'full access, but a Deny on every address outside an office range denies every request through the endpoint', inventory: () => endpointWith(doc(ALLOW_ALL, { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })) },
      { name: 'an Allow only from a public address range lets nothing through the endpoint', inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })) },
      { name: 'the owner\'s tables in any region', inventory: () => endpointWith(doc({ Effect: 'Allow', Principal: '*', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:*:111122223333:table/*' }), 'dynamodb', '111122223333') },
    ],
    invalid: [
      {
        name: 'VPC guide: endpoint limited to one role, which can then reach any bucket of any account',
        inventory: () => endpointWith(realworldFragment('awsdocs_vpcguide_s3_endpoint_policy_restrict_role_FRAGMENT.json')),
        findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['statement "Restrict-acess-to-specific-IAM-role" (#1)', 'aws:ResourceOrgID'], severity: 'note' }],
      },
      {
        name: 'identity perimeter only: org principals write to any bucket',
        inventory: () => endpointWith(doc({ ...ALLOW_ALL, Sid: 'OrgOnly', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }, { Effect: 'Deny', Principal: '*', Action: 's3:DeleteBucket', Resource: '*' })),
        findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['"OrgOnly"', 'a resource of another account or organization'] }],
      },
      {
        name: 'a foreign account named in Resource, when the owner account is known',
        inventory: () => endpointWith(doc({ Sid: 'Partner', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:*:999988887777:*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }), 'sqs', '111122223333'),
        findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['arn:aws:sqs:', '999988887777'] }],
      },
      ...[undefined, '111122223333'].flatMap((owner) => [
        {
          name: `every table of every account: the wildcard account reaches other accounts' tables (owner ${owner ?? 'unknown'})`,
          inventory: () => endpointWith(doc({ Sid: 'Tables', Effect: 'Allow', Principal: '*', Action: 'dynamodb:*', Resource: 'arn:aws:dynamodb:*:*:table/*' }), 'dynamodb', owner),
          findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['"Tables"', 'a resource of another account or organization'] }],
        },
        {
          name: `every key of every account, for the organization's principals (owner ${owner ?? 'unknown'})`,
          inventory: () => endpointWith(doc({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: 'arn:aws:kms:*:*:key/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }), 'kms', owner),
          findings: [{ primary: 'aws_vpc_endpoint.ep' }],
        },
      ]),
      {
        name: 'one queue name in any account: anyone can create that queue in an account of their own',
        inventory: () => endpointWith(doc({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:*:*:orders', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }), 'sqs', '111122223333'),
        findings: [{ primary: 'aws_vpc_endpoint.ep', messageIncludes: ['a resource of another account or organization'] }],
      },
      // A pattern every organization or account matches limits nothing, like "*".
      ...[
        ['aws:ResourceOrgID', 'o-*'],
        ['aws:ResourceAccount', '????????????'],
        ['aws:ResourceOrgPaths', 'o-*/*'],
      ].map(([key, pattern]) => ({
        name: `StringLike ${key} "${pattern}" is no limit`,
        inventory: () => endpointWith(doc({ ...ALLOW_ALL, Condition: { StringLike: { [key!]: pattern }, StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } })),
        findings: [{ primary: 'aws_vpc_endpoint.ep' }],
      })),
    ],
  });
});
