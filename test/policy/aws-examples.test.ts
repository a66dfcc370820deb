import { describe, expect, it } from 'vitest';
import { fullAccessGap, outsidePrincipalAllowed, outsideResourceAllowed, outsideRequestNotDenied, networkFences, adminEscape } from '../../src/policy/index.js';
import { expectDecisions, mustParse, realworldFragment, realworldPolicy, role } from './helpers.js';

/**
 * AWS's documented policies (fixtures/realworld/policies, copied unchanged),
 * evaluated request by request with the decision AWS documents for each.
 */

const BUCKET = 'arn:aws:s3:::DOC-EXAMPLE-BUCKET';
const me = role('111122223333', 'app');

describe('S3 guide: restrict a bucket to one VPC endpoint (vpce-1a2b3c4d)', () => {
  const policy = realworldPolicy('awsdocs_s3guide_restrict_to_vpce-1a2b3c4d.json');
  it('denies every request that does not come through vpce-1a2b3c4d, and grants nothing itself', () => {
    expectDecisions(policy, [
      ['GetObject through the endpoint: not denied (an Allow must come from IAM)', { action: 's3:GetObject', resource: `${BUCKET}/report.csv`, principal: me, context: { 'aws:SourceVpce': 'vpce-1a2b3c4d', 'aws:SourceVpc': 'vpc-111bbb22' } }, 'implicit-deny'],
      ['ListBucket through the endpoint', { action: 's3:ListBucket', resource: BUCKET, principal: me, context: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, 'implicit-deny'],
      ['GetObject through another endpoint', { action: 's3:GetObject', resource: `${BUCKET}/report.csv`, principal: me, context: { 'aws:SourceVpce': 'vpce-99999999' } }, 'explicit-deny'],
      ['GetObject from the internet: the key is absent, StringNotEquals matches', { action: 's3:GetObject', resource: `${BUCKET}/report.csv`, principal: me, context: { 'aws:SourceIp': '203.0.113.10' } }, 'explicit-deny'],
      ['PutBucketPolicy from the console (internet): the administrator is locked out too', { action: 's3:PutBucketPolicy', resource: BUCKET, principal: role('111122223333', 'Admin'), context: { 'aws:SourceIp': '198.51.100.7' } }, 'explicit-deny'],
      ['a value differing only in case is another endpoint', { action: 's3:GetObject', resource: `${BUCKET}/k`, principal: me, context: { 'aws:SourceVpce': 'VPCE-1A2B3C4D' } }, 'explicit-deny'],
      ['another bucket is not covered', { action: 's3:GetObject', resource: 'arn:aws:s3:::other-bucket/k', principal: me }, 'implicit-deny'],
    ]);
  });
  it('restricts the bucket to vpce-1a2b3c4d, is a network fence, and locks administrators out', () => {
    const input = { resources: [BUCKET, `${BUCKET}/object`] };
    expect(outsideRequestNotDenied(policy, { ...input, endpoints: ['vpce-1a2b3c4d'], vpcs: [] })).toBeUndefined();
    expect(networkFences(policy, input).map((s) => s.sid)).toEqual(['Access-to-specific-VPCE-only']);
    expect(adminEscape(policy, input)).toBeUndefined();
    expect(outsideRequestNotDenied(policy, { ...input, onlyActions: ['s3:GetObject'], endpoints: ['vpce-1a2b3c4d'], vpcs: [] })).toBeUndefined();
    // Judged against another endpoint it restricts nothing: requests through vpce-1a2b3c4d are outside that one.
    expect(outsideRequestNotDenied(policy, { ...input, endpoints: ['vpce-0aaaaaaaaaaaaaaaa'], vpcs: [] })?.context.get('aws:sourcevpce')).toEqual(['vpce-1a2b3c4d']);
  });
});

describe('S3 guide and VPC guide: restrict a bucket to one VPC (vpc-111bbb22)', () => {
  for (const file of ['awsdocs_s3guide_restrict_to_vpc-111bbb22.json', 'awsdocs_vpcguide_bucket_policy_restrict_to_vpc-111bbb22.json']) {
    it(`${file}: the condition key is case-insensitive (aws:sourceVpc), the value is not`, () => {
      const policy = realworldPolicy(file);
      const b = file.includes('s3guide') ? BUCKET : 'arn:aws:s3:::my_secure_bucket';
      expectDecisions(policy, [
        ['through any endpoint of the VPC', { action: 's3:PutObject', resource: `${b}/x`, principal: me, context: { 'aws:SourceVpce': 'vpce-0123', 'aws:SourceVpc': 'vpc-111bbb22' } }, 'implicit-deny'],
        ['from another VPC', { action: 's3:PutObject', resource: `${b}/x`, principal: me, context: { 'aws:SourceVpce': 'vpce-0123', 'aws:SourceVpc': 'vpc-222ccc33' } }, 'explicit-deny'],
        ['from the internet', { action: 's3:GetObject', resource: b, principal: me }, 'explicit-deny'],
      ]);
      expect(outsideRequestNotDenied(policy, { resources: [b, `${b}/o`], endpoints: [], vpcs: ['vpc-111bbb22'] })).toBeUndefined();
      expect(outsideRequestNotDenied(policy, { resources: [b, `${b}/o`], endpoints: [], vpcs: ['vpc-999'] })).toBeDefined();
    });
  }
});

describe('VPC guide: S3 endpoint policies for Amazon Linux repositories', () => {
  it('allows only GetObject on the repository buckets, to every principal', () => {
    const policy = realworldPolicy('awsdocs_vpcguide_s3_endpoint_policy_amazonlinux2_repos.json');
    expectDecisions(policy, [
      ['yum reads a package', { action: 's3:GetObject', resource: 'arn:aws:s3:::amazonlinux.region.amazonaws.com/2/core/x.rpm', principal: { kind: 'anonymous' } }, 'allow'],
      ['writing to the repository', { action: 's3:PutObject', resource: 'arn:aws:s3:::amazonlinux.region.amazonaws.com/x', principal: me }, 'implicit-deny'],
      ['reading any other bucket', { action: 's3:GetObject', resource: 'arn:aws:s3:::attacker-bucket/loot', principal: me }, 'implicit-deny'],
      ['the action name is case-insensitive', { action: 'S3:getobject', resource: 'arn:aws:s3:::amazonlinux.region.amazonaws.com/k', principal: me }, 'allow'],
    ]);
    expect(fullAccessGap(policy, { service: 's3' })).toBeDefined();
    expect(outsideResourceAllowed(policy, { service: 's3' })).toBeUndefined();
    expect(outsidePrincipalAllowed(policy, { service: 's3' })).toBeUndefined();
  });
  it('the Amazon Linux (1) variant allows both repository buckets', () => {
    const policy = realworldPolicy('awsdocs_vpcguide_s3_endpoint_policy_amazonlinux_repos.json');
    expectDecisions(policy, [
      ['packages bucket', { action: 's3:GetObject', resource: 'arn:aws:s3:::packages.region.amazonaws.com/a', principal: me }, 'allow'],
      ['repo bucket', { action: 's3:GetObject', resource: 'arn:aws:s3:::repo.region.amazonaws.com/b', principal: me }, 'allow'],
      ['the bucket itself is not an object', { action: 's3:GetObject', resource: 'arn:aws:s3:::repo.region.amazonaws.com', principal: me }, 'implicit-deny'],
    ]);
  });
});

describe('VPC guide: endpoint policy fragments', () => {
  it('limited to buckets: no Principal means every principal', () => {
    const policy = realworldFragment('awsdocs_vpcguide_s3_endpoint_policy_restrict_bucket_FRAGMENT.json');
    expectDecisions(policy, [
      ['list the bucket', { action: 's3:ListBucket', resource: 'arn:aws:s3:::example-bucket', principal: me }, 'allow'],
      ['put an object', { action: 's3:PutObject', resource: 'arn:aws:s3:::example-bucket/k', principal: role('444455556666', 'x') }, 'allow'],
      ['delete an object', { action: 's3:DeleteObject', resource: 'arn:aws:s3:::example-bucket/k', principal: me }, 'implicit-deny'],
      ['another bucket', { action: 's3:PutObject', resource: 'arn:aws:s3:::exfil/k', principal: me }, 'implicit-deny'],
    ]);
    expect(outsideResourceAllowed(policy, { service: 's3' })).toBeUndefined();
  });
  it('limited to one role with aws:PrincipalArn', () => {
    const policy = realworldFragment('awsdocs_vpcguide_s3_endpoint_policy_restrict_role_FRAGMENT.json');
    expectDecisions(policy, [
      ['the role', { action: 's3:GetObject', resource: 'arn:aws:s3:::any/k', principal: role('111122223333', 'SomeRole') }, 'allow'],
      ['another role of the account', { action: 's3:GetObject', resource: 'arn:aws:s3:::any/k', principal: role('111122223333', 'Other') }, 'implicit-deny'],
      ['anonymous: the key is absent', { action: 's3:GetObject', resource: 'arn:aws:s3:::any/k' }, 'implicit-deny'],
    ]);
    expect(outsidePrincipalAllowed(policy, { service: 's3' })).toBeUndefined();
    // The role itself can reach any bucket of any account.
    expect(outsideResourceAllowed(policy, { service: 's3' })).toBeDefined();
  });
  it('the published fragment misspells aws:PrincipalAccount: the key is never present, so nothing is allowed', () => {
    const policy = realworldFragment('awsdocs_vpcguide_s3_endpoint_policy_restrict_account_FRAGMENT_typo.json');
    expectDecisions(policy, [['a principal of 111122223333', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: role('111122223333', 'r') }, 'implicit-deny']]);
    const fixed = mustParse({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }] });
    expectDecisions(fixed, [
      ['spelled right, the account is allowed', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: role('111122223333', 'r') }, 'allow'],
      ['and other accounts are not', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: role('444455556666', 'r') }, 'implicit-deny'],
    ]);
  });
  it('restrict to buckets of one account with s3:ResourceAccount (a Deny only: it allows nothing by itself)', () => {
    const policy = realworldPolicy('awsdocs_vpcguide_s3_endpoint_policy_restrict_resourceaccount.json');
    expectDecisions(policy, [
      ['a bucket of the account', { action: 's3:GetObject', resource: 'arn:aws:s3:::mine/k', principal: me, context: { 's3:ResourceAccount': '111122223333' } }, 'implicit-deny'],
      ['a bucket of another account', { action: 's3:PutObject', resource: 'arn:aws:s3:::theirs/k', principal: me, context: { 's3:ResourceAccount': '444455556666' } }, 'explicit-deny'],
      ['ListBucket is not in the Deny', { action: 's3:ListBucket', resource: 'arn:aws:s3:::theirs', principal: me, context: { 's3:ResourceAccount': '444455556666' } }, 'implicit-deny'],
    ]);
  });
});

describe('default endpoint policies (AWS CLI example, live gateway and interface endpoints, checkov plan)', () => {
  for (const file of ['awscli_example_default_gateway_endpoint_policy.json', 'terraformer_live_default_gateway_s3_endpoint_policy.json', 'terraformer_live_default_interface_endpoint_policy_noversion.json', 'ck_plan_vpc_endpoint_fullaccess_policy.json']) {
    it(`${file} allows everything`, () => {
      const policy = realworldPolicy(file);
      expectDecisions(policy, [
        ['anyone, anything', { action: 's3:PutObject', resource: 'arn:aws:s3:::attacker/loot', principal: role('999999999999', 'x') }, 'allow'],
        ['anonymous', { action: 'dynamodb:Scan', resource: 'arn:aws:dynamodb:eu-west-1:111122223333:table/t' }, 'allow'],
      ]);
      expect(fullAccessGap(policy, { service: 's3' })).toBeUndefined();
    });
  }
});

describe('data perimeter endpoint policies (aws-samples/data-perimeter-policy-examples)', () => {
  const s3 = realworldPolicy('dpe_vpc_endpoint_policies__s3_endpoint_policy.json');
  it('the S3 endpoint policy allows org identities to org resources, AWS services, and AWS-owned buckets', () => {
    const org = { 'aws:PrincipalOrgID': '<my-org-id>' };
    expectDecisions(s3, [
      ['org identity, org bucket', { action: 's3:PutObject', resource: 'arn:aws:s3:::ours/k', principal: me, context: { ...org, 'aws:ResourceOrgID': '<my-org-id>' } }, 'allow'],
      ['org identity, foreign bucket', { action: 's3:PutObject', resource: 'arn:aws:s3:::theirs/k', principal: me, context: { ...org, 'aws:ResourceOrgID': 'o-other' } }, 'implicit-deny'],
      ['org identity tagged dp:exclude:resource, foreign bucket', { action: 's3:PutObject', resource: 'arn:aws:s3:::theirs/k', principal: me, context: { ...org, 'aws:ResourceOrgID': 'o-other', 'aws:PrincipalTag/dp:exclude:resource': 'true' } }, 'allow'],
      ['foreign identity, org bucket', { action: 's3:GetObject', resource: 'arn:aws:s3:::ours/k', principal: role('444455556666', 'x'), context: { 'aws:PrincipalOrgID': 'o-other', 'aws:ResourceOrgID': '<my-org-id>' } }, 'implicit-deny'],
      ['AWS service principal', { action: 's3:GetObject', resource: 'arn:aws:s3:::anything/k', principal: { kind: 'service', service: 'cloudtrail.amazonaws.com' } }, 'allow'],
      ['anyone reads an AWS-owned repository bucket', { action: 's3:GetObject', resource: 'arn:aws:s3:::al2023-repos-<region>-de612dc2/p.rpm', principal: role('444455556666', 'x') }, 'allow'],
      ['but cannot write to it', { action: 's3:PutObject', resource: 'arn:aws:s3:::al2023-repos-<region>-de612dc2/p.rpm', principal: role('444455556666', 'x') }, 'implicit-deny'],
    ]);
  });
  const files = ['cloudformation', 'default', 'ec2', 'ecr.api', 'iam', 'imagebuilder', 'iot', 'lambda', 's3', 'ssm'];
  for (const f of files) {
    it(`${f}_endpoint_policy limits both principals and resources`, () => {
      const policy = realworldPolicy(`dpe_vpc_endpoint_policies__${f}_endpoint_policy.json`);
      const service = f === 'default' ? undefined : f.split('.')[0];
      expect(fullAccessGap(policy, { ...(service ? { service } : {}) })).toBeDefined();
      expect(outsideResourceAllowed(policy, { ...(service ? { service } : {}) })).toBeUndefined();
      expect(outsidePrincipalAllowed(policy, { ...(service ? { service } : {}) })).toBeUndefined();
    });
  }
  it('an organization-only endpoint policy is not "any resource" for its own organization', () => {
    const policy = mustParse({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }] });
    expect(outsideResourceAllowed(policy, { service: 's3', ownerOrgIds: ['o-abc123'] })).toBeDefined();
    expect(outsidePrincipalAllowed(policy, { service: 's3', ownerOrgIds: ['o-abc123'] })).toBeUndefined();
  });
});

describe('data perimeter bucket policy (legacy resource-based policy example)', () => {
  const policy = realworldPolicy('dpe_legacy_resource_based_policies__s3_bucket_policy.json');
  const b = 'arn:aws:s3:::<my-data-bucket>';
  it('enforces the identity perimeter, exempting AWS services and listed partner accounts', () => {
    expectDecisions(policy, [
      ['org identity from the VPC', { action: 's3:GetObject', resource: `${b}/k`, principal: me, context: { 'aws:PrincipalOrgID': '<my-org-id>', 'aws:SourceVpc': '<my-vpc>', 'aws:SourceVpce': 'vpce-1', 'aws:ViaAWSService': 'false' } }, 'implicit-deny'],
      ['identity of another org', { action: 's3:GetObject', resource: `${b}/k`, principal: role('444455556666', 'x'), context: { 'aws:PrincipalOrgID': 'o-other', 'aws:ViaAWSService': 'false' } }, 'explicit-deny'],
      ['a listed third-party account', { action: 's3:GetObject', resource: `${b}/k`, principal: role('<third-party-account-a>', 'x'), context: { 'aws:PrincipalOrgID': 'o-other', 'aws:ViaAWSService': 'false' } }, 'implicit-deny'],
      ['an AWS service principal', { action: 's3:PutObject', resource: `${b}/logs`, principal: { kind: 'service', service: 'logging.s3.amazonaws.com' } }, 'implicit-deny'],
    ]);
  });
  it('enforces the network perimeter for principals tagged data-perimeter-include', () => {
    const tagged = { 'aws:PrincipalOrgID': '<my-org-id>', 'aws:PrincipalTag/data-perimeter-include': 'true', 'aws:ViaAWSService': 'false' };
    expectDecisions(policy, [
      ['tagged, from the VPC', { action: 's3:GetObject', resource: `${b}/k`, principal: me, context: { ...tagged, 'aws:SourceVpc': '<my-vpc>', 'aws:SourceVpce': 'vpce-1' } }, 'implicit-deny'],
      ['tagged, from the internet', { action: 's3:GetObject', resource: `${b}/k`, principal: me, context: { ...tagged, 'aws:SourceIp': '203.0.113.9' } }, 'explicit-deny'],
      ['tagged, through an AWS service', { action: 's3:GetObject', resource: `${b}/k`, principal: me, context: { ...tagged, 'aws:ViaAWSService': 'true' } }, 'implicit-deny'],
      ['not tagged, from the internet: outside the perimeter by design', { action: 's3:GetObject', resource: `${b}/k`, principal: me, context: { 'aws:PrincipalOrgID': '<my-org-id>', 'aws:SourceIp': '203.0.113.9', 'aws:ViaAWSService': 'false' } }, 'implicit-deny'],
    ]);
    const input = { resources: [b, `${b}/o`] };
    expect(networkFences(policy, input).map((s) => s.sid)).toEqual(['EnforceNetworkPerimeter']);
    expect(adminEscape(policy, input)).toBeDefined();
  });
});

describe('aws:SourceIp with public ranges (IAM User Guide: deny access based on the source IP)', () => {
  const policy = mustParse({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.0/24', '2001:db8::/32'] }, Bool: { 'aws:ViaAWSService': 'false' } },
      },
    ],
  });
  it('denies requests from other addresses, and every request through a VPC endpoint (no aws:SourceIp there)', () => {
    expectDecisions(policy, [
      ['from the office range', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: me, context: { 'aws:SourceIp': '192.0.2.44', 'aws:ViaAWSService': 'false' } }, 'implicit-deny'],
      ['from the office IPv6 range', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: me, context: { 'aws:SourceIp': '2001:db8:12::1', 'aws:ViaAWSService': 'false' } }, 'implicit-deny'],
      ['from elsewhere', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: me, context: { 'aws:SourceIp': '198.51.100.1', 'aws:ViaAWSService': 'false' } }, 'explicit-deny'],
      ['from a VPC endpoint: aws:SourceIp is absent, NotIpAddress matches', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: me, context: { 'aws:SourceVpce': 'vpce-1', 'aws:VpcSourceIp': '192.0.2.44', 'aws:ViaAWSService': 'false' } }, 'explicit-deny'],
      ['through an AWS service on the principal\'s behalf', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: me, context: { 'aws:SourceIp': '198.51.100.1', 'aws:ViaAWSService': 'true' } }, 'implicit-deny'],
    ]);
  });
});
