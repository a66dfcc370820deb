import { describe } from 'vitest';
import rule from '../../rules/policy-unknown-endpoint.js';
import { InventoryBuilder } from '../helpers/inventory-builder.js';
import { testRule } from '../helpers/rule-tester.js';
import { bucketWithPolicyResource, doc, denyOutsideEndpoint } from '../policy/rule-helpers.js';

function world(closed: boolean, endpointId: string | undefined, policyEndpoint: string, opts: { destroyed?: boolean; placeholders?: Record<string, string[]> } = {}) {
  const b = new InventoryBuilder('eu-west-1', closed);
  if (endpointId !== undefined) {
    const ep = b.endpoint(b.vpc('main', {}), 's3', { name: 's3', ...(opts.destroyed ? { destroyed: true } : {}) });
    ep.ref.id = endpointId;
    b.inv.indexId(endpointId, ep.ref);
  }
  bucketWithPolicyResource(b, 'acme-data', doc(denyOutsideEndpoint('acme-data', policyEndpoint)), undefined, opts.placeholders);
  return b.inv;
}

describe('policy-unknown-endpoint', () => {
  testRule(rule, {
    valid: [
      { name: 'a plan is an open world: an id it does not hold may exist', inventory: () => world(false, undefined, 'vpce-0123456789abcdef0') },
      { name: 'closed world, and the endpoint exists', inventory: () => world(true, 'vpce-0123456789abcdef0', 'vpce-0123456789abcdef0') },
      { name: 'a reference to an endpoint the plan keeps', inventory: () => world(false, undefined, '<known after apply: aws_vpc_endpoint.s3.id>', { placeholders: { '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'] } }) },
    ],
    invalid: [
      {
        name: 'closed world: a typo in the endpoint id',
        inventory: () => world(true, 'vpce-0123456789abcdef0', 'vpce-0123456789abcdeff'),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['endpoint vpce-0123456789abcdeff, which does not exist in region eu-west-1', 'locks every request out'], severity: 'warning' }],
      },
      {
        name: 'an endpoint the plan destroys',
        inventory: () => world(false, 'vpce-0123456789abcdef0', 'vpce-0123456789abcdef0', { destroyed: true }),
        findings: [{ primary: 'aws_s3_bucket_policy.acme_data', messageIncludes: ['(aws_vpc_endpoint.s3), which the plan destroys'] }],
      },
      {
        name: 'closed world: a VPC id that does not exist',
        inventory: () => {
          const b = new InventoryBuilder('eu-west-1', true);
          b.bucket('acme-data', doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::acme-data/*', Condition: { StringNotEquals: { 'aws:SourceVpc': 'vpc-111bbb22' } } }));
          return b.inv;
        },
        findings: [{ primary: 'aws_s3_bucket.acme_data', messageIncludes: ['VPC vpc-111bbb22'] }],
      },
    ],
  });
});
