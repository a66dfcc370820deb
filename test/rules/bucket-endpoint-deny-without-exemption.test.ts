import { describe } from 'vitest';
import rule from '../../rules/bucket-endpoint-deny-without-exemption.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';
import { bucketWithPolicyResource, doc, denyOutsideEndpoint, realworld, role } from '../policy/rule-helpers.js';

const ADMIN = 'arn:aws:iam::111122223333:role/Admin';
const exempt = { ArnNotLike: { 'aws:PrincipalArn': ADMIN } };

function bucket(text: string, closedWorld = false, withAdmin = false) {
  const b = new InventoryBuilder('eu-west-1', closedWorld);
  b.bucket('acme-data', text);
  if (withAdmin) role(b, 'Admin');
  return b.inv;
}

describe('bucket-endpoint-deny-without-exemption', () => {
  testRule(rule, {
    valid: [
      { name: 'data perimeter bucket policy: AWS services and named principals are exempt', inventory: () => bucket(realworld('dpe_legacy_resource_based_policies__s3_bucket_policy.json').replace(/<my-data-bucket>/g, 'acme-data')) },
      { name: 'the documented Deny with an administration role exempted (open world: the role may exist)', inventory: () => bucket(doc(denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d', exempt))) },
      { name: 'closed world and the administration role exists', inventory: () => bucket(doc(denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d', exempt)), true, true) },
      {
        name: 'plan: the exempted role is created in the same plan (its ARN is a placeholder)',
        inventory: () => {
          const b = new InventoryBuilder();
          const arn = '<known after apply: aws_iam_role.admin.arn>';
          bucketWithPolicyResource(b, 'acme-data', doc(denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d', { ArnNotLike: { 'aws:PrincipalArn': arn } })), undefined, { [arn]: ['aws_iam_role.admin'] });
          return b.inv;
        },
      },
      {
        name: 'NotPrincipal as the IAM User Guide writes it: the session, its role and the account (that session is exempt)',
        inventory: () =>
          bucket(
            doc({
              Effect: 'Deny',
              NotPrincipal: { AWS: ['arn:aws:sts::111122223333:assumed-role/admin/break-glass', 'arn:aws:iam::111122223333:role/admin', 'arn:aws:iam::111122223333:root'] },
              Action: 's3:*',
              Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'],
              Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } },
            }),
          ),
      },
      { name: 'AWS services exempted with aws:ViaAWSService', inventory: () => bucket(doc(denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d', { BoolIfExists: { 'aws:ViaAWSService': 'false' } }))) },
      { name: 'exempted by a principal tag', inventory: () => bucket(doc(denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d', { StringNotEqualsIfExists: { 'aws:PrincipalTag/break-glass': 'true' } }))) },
      { name: 'the Deny spares bucket administration (objects only)', inventory: () => bucket(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*Object', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } })) },
      { name: 'no Deny keyed on the endpoint', inventory: () => bucket(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })) },
    ],
    invalid: [
      {
        name: 'S3 guide: restrict to vpce-1a2b3c4d (the documented example locks the console out)',
        inventory: () => bucket(realworld('awsdocs_s3guide_restrict_to_vpce-1a2b3c4d.json').replace(/DOC-EXAMPLE-BUCKET/g, 'acme-data')),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['statement "Access-to-specific-VPCE-only" (#1)', 'only the account root user can repair', '"aws:ViaAWSService"'], severity: 'note' }],
      },
      {
        name: 'VPC guide: the same with aws:sourceVpc',
        inventory: () => bucket(realworld('awsdocs_vpcguide_bucket_policy_restrict_to_vpc-111bbb22.json').replace(/my_secure_bucket/g, 'acme-data')),
        findings: [{ primary: 'aws_s3_bucket.acme_data' }],
      },
      {
        name: 's3:* denied on the bucket ARN alone: s3:PutBucketPolicy acts on the bucket ARN, so the lockout is real (no escape through an object ARN, where that action never goes)',
        inventory: () => bucket(doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['with no exemption for administration or AWS services'] }],
      },
      {
        name: 'NotPrincipal lists the administration role only: its sessions (assumed-role ARNs) are still denied, so nobody is exempt',
        inventory: () => bucket(doc({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/admin' }, Action: 's3:*', Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['Its NotPrincipal lists "arn:aws:iam::111122223333:role/admin", which exempts none of that role\'s sessions', 'arn:aws:sts::111122223333:assumed-role/admin/<session>', '"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/admin"}'] }],
      },
      {
        name: 'NotPrincipal lists the role and the account, but no session: still nobody',
        inventory: () => bucket(doc({ Effect: 'Deny', NotPrincipal: { AWS: ['arn:aws:iam::111122223333:role/admin', 'arn:aws:iam::111122223333:root'] }, Action: 's3:*', Resource: ['arn:aws:s3:::acme-data', 'arn:aws:s3:::acme-data/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
        findings: [{ primary: 'aws_s3_bucket.acme_data' }],
      },
      {
        name: 'closed world: the exempted role does not exist, so nobody is exempt',
        inventory: () => bucket(doc(denyOutsideEndpoint('acme-data', 'vpce-1a2b3c4d', exempt)), true, false),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: [`aws:PrincipalArn "${ADMIN}"`, 'names a role that does not exist'] }],
      },
    ],
  });
});
