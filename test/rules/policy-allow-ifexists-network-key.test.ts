import { describe, expect, it } from 'vitest';
import rule from '../../rules/policy-allow-ifexists-network-key.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { allowMatchesWithoutKey, parsePolicyText } from '../../src/policy/index.js';
import { runRule, testRule } from '../helpers/rule-tester.js';
import { doc, iamPolicy, realworld } from '../policy/rule-helpers.js';

const allow = (Condition: object, Sid?: string) => ({ ...(Sid ? { Sid } : {}), Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-data/*', Condition });

function bucket(text: string) {
  const b = new InventoryBuilder();
  b.bucket('acme-data', text);
  return b.inv;
}

describe('policy-allow-ifexists-network-key', () => {
  testRule(rule, {
    valid: [
      { name: 'data perimeter bucket policy: IfExists in Deny statements is the intended pattern', inventory: () => bucket(realworld('dpe_legacy_resource_based_policies__s3_bucket_policy.json')) },
      { name: 'data perimeter VpceOrgID RCP', inventory: () => bucket(realworld('dpe_resource_control_policies__network_perimeter_vpceorgid_rcp.json')) },
      { name: 'a plain StringEquals in the Allow', inventory: () => bucket(doc(allow({ StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }))) },
      { name: 'IfExists, but Null rules out requests without the key', inventory: () => bucket(doc(allow({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' }, Null: { 'aws:SourceVpce': 'false' } }))) },
      { name: 'IfExists on a key that is not a network key', inventory: () => bucket(doc(allow({ StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc123' } }))) },
    ],
    invalid: [
      {
        name: 'StringEqualsIfExists on aws:SourceVpce in an Allow',
        inventory: () => bucket(doc(allow({ StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }, 'VpcOnly'))),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['statement "VpcOnly" (#1)', 'also matches requests that do not come through a VPC endpoint', 'Use "StringEquals"'], severity: 'warning' }],
      },
      {
        name: 'ForAllValues on aws:SourceVpc in an identity policy',
        inventory: () => {
          const b = new InventoryBuilder();
          iamPolicy(b, 'app', doc({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:SourceVpc': ['vpc-111bbb22'] } } }));
          return b.inv;
        },
        findings: [{ primary: 'aws_iam_policy.app', messageIncludes: ['ForAllValues is then true', 'Use "ForAnyValue:StringEquals"'] }],
      },
      {
        name: 'IpAddressIfExists on aws:SourceIp: matches every request through an endpoint',
        inventory: () => bucket(doc(allow({ IpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' } }))),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['requests that come through a VPC endpoint'] }],
      },
      {
        name: 'StringNotEqualsIfExists on aws:SourceVpce: dropping IfExists would change nothing, so the advice is a Null condition (or a Deny)',
        inventory: () => bucket(doc(allow({ StringNotEqualsIfExists: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } }))),
        findings: [
          {
            primary: 'aws_s3_bucket.acme_data',
            messageIncludes: [
              'StringNotEquals is true when the key is missing, with or without IfExists',
              'add "Null": {"aws:SourceVpce": "false"} to the statement',
              'a Deny with "StringEquals"',
            ],
          },
        ],
      },
      {
        name: 'NotIpAddressIfExists on aws:SourceIp: the same advice, for requests through an endpoint',
        inventory: () => bucket(doc(allow({ NotIpAddressIfExists: { 'aws:SourceIp': '203.0.113.0/24' } }))),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['requests that come through a VPC endpoint', 'add "Null": {"aws:SourceIp": "false"}', 'a Deny with "IpAddress"'] }],
      },
      {
        name: 'ForAllValues with a negated operator: ForAnyValue is false on a missing key, so that advice stands',
        inventory: () => bucket(doc(allow({ 'ForAllValues:StringNotEquals': { 'aws:SourceVpc': 'vpc-111bbb22' } }))),
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['Use "ForAnyValue:StringNotEquals"'] }],
      },
    ],
  });

  it('every piece of advice works: the advised statement no longer matches requests without the key', () => {
    const cases: [string, string, string][] = [
      ['StringEqualsIfExists', 'aws:SourceVpce', 'vpce-1a2b3c4d'],
      ['StringNotEqualsIfExists', 'aws:SourceVpce', 'vpce-1a2b3c4d'],
      ['StringNotLikeIfExists', 'aws:SourceVpc', 'vpc-1*'],
      ['NotIpAddressIfExists', 'aws:SourceIp', '203.0.113.0/24'],
      ['ForAllValues:StringNotEquals', 'aws:SourceVpc', 'vpc-111bbb22'],
      ['ForAllValues:StringEqualsIfExists', 'aws:VpceOrgID', 'o-abc123'],
    ];
    for (const [operator, key, value] of cases) {
      const found = runRule(rule, bucket(doc(allow({ [operator]: { [key]: value } })))).findings;
      expect(found, operator).toHaveLength(1);
      const message = found[0]!.message;
      const use = /Use "([^"]+)"/.exec(message)?.[1];
      const fixed = use ? { [use]: { [key]: value } } : { [operator]: { [key]: value }, Null: { [key]: 'false' } };
      expect(use !== undefined || message.includes(`add "Null": {"${key}": "false"}`), message).toBe(true);
      const parsed = parsePolicyText(doc(allow(fixed)));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const witness = allowMatchesWithoutKey(parsed.policy, parsed.policy.statements[0]!, key.toLowerCase());
      expect(witness, `${operator} fixed as ${JSON.stringify(fixed)} still matches a request without ${key}`).toBeUndefined();
    }
  });
});
