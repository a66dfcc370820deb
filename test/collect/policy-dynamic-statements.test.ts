import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import { bucketPolicy, editedIn, FIXTURES, inventoryOf, inventoryWithSources, reasonOf, scratchCopies } from '../helpers/fixtures.js';

/**
 * Policy documents whose statements `dynamic` blocks write (fixtures/policy-dynamic-statements): the plan lists
 * only the static blocks and nothing of a dynamic one, so a document known only after apply is expanded from
 * its .tf source, and checked against every value the plan holds of it.
 */
const FIXTURE = join(FIXTURES, 'policy-dynamic-statements');
const ENDPOINT = '<known after apply: aws_vpc_endpoint.s3.id>';

const copyOf = scratchCopies('vpcelint-dynamic-');

/** The fixture copied to a scratch directory with its main.tf edited: a source the plan was not made from. */
const edited = (from: string, to: string) => editedIn(copyOf(FIXTURE), 'main.tf', from, to);

function statementsOf(inv: Inventory, bucket: string): Record<string, unknown>[] {
  const policy = bucketPolicy(inv, bucket);
  if (policy.kind !== 'document') throw new Error(`${bucket}: ${policy.kind === 'unknown' ? policy.reason : policy.kind}`);
  return JSON.parse(policy.text).Statement;
}

describe('policy documents written with dynamic blocks', () => {
  it('the plan alone cannot rebuild them, and says why', () => {
    const inv = inventoryOf('policy-dynamic-statements');
    expect(reasonOf(inv, 'data')).toContain('it has 2 statement block(s) but the configuration shows 1 (dynamic blocks are not in the plan)');
    expect(reasonOf(inv, 'shared')).toContain('but the configuration shows 0');
  });

  it('a static statement, then a dynamic one with a static condition and dynamic ones (an iterator), in the order written', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    expect(statementsOf(inv, 'data')).toEqual([
      {
        Sid: 'ReadForTheAccount',
        Effect: 'Allow',
        Action: ['s3:GetObject'],
        Resource: ['arn:aws:s3:::dyn-data/*'],
        Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
      },
      {
        Sid: 'DenyOutsideEndpoint',
        Effect: 'Deny',
        Action: ['s3:*'],
        Resource: ['arn:aws:s3:::dyn-data', 'arn:aws:s3:::dyn-data/*'],
        Principal: '*',
        Condition: {
          StringNotEquals: { 'aws:SourceVpce': [ENDPOINT] },
          // In the plan's order of the condition set, as the plan-alone rebuild has them.
          ArnNotLike: { 'aws:PrincipalArn': ['arn:aws:iam::111122223333:role/break-glass', 'arn:aws:iam::111122223333:role/bucket-admin'] },
        },
      },
    ]);
    const policy = bucketPolicy(inv, 'data');
    expect(policy.kind === 'document' && policy.placeholders).toEqual({ [ENDPOINT]: ['aws_vpc_endpoint.s3'] });
  });

  it('a static statement whose conditions a dynamic block adds to (the plan shows its static condition only)', async () => {
    expect(reasonOf(inventoryOf('policy-dynamic-statements'), 'exempt')).toContain('it has 3 condition block(s) but the configuration shows 1');
    const inv = await inventoryWithSources(FIXTURE);
    const [statement] = statementsOf(inv, 'exempt');
    expect(Object.keys(statement!.Condition as object).sort()).toEqual(['ArnNotLike', 'StringNotEquals']);
    expect([...(statement!.Condition as Record<string, Record<string, string[]>>).ArnNotLike!['aws:PrincipalArn']!].sort()).toEqual(['arn:aws:iam::111122223333:role/break-glass', 'arn:aws:iam::111122223333:role/bucket-admin']);
  });

  it('a statement per element of a map, in key order, with the key and value of its iterator', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    const statements = statementsOf(inv, 'shared');
    expect(statements.map((s) => [s.Sid, s.Principal])).toEqual([
      ['ReadAnalytics', { AWS: ['arn:aws:iam::111122223333:role/analytics'] }],
      ['ReadReporting', { AWS: ['arn:aws:iam::111122223333:role/reporting'] }],
    ]);
    // A list argument set from the iterator's value as a whole.
    expect(statementsOf(inv, 'office')[0]!.Condition).toEqual({ NotIpAddress: { 'aws:SourceIp': ['10.20.0.0/16'] } });
  });

  it('how many statements there are, known only after apply, is not told by the source either', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    expect(reasonOf(inv, 'later')).toContain('its statement blocks are known only after apply');
  });

  it('a source that writes another value than the plan holds is not the configuration: not evaluated, saying where and why', async () => {
    const inv = await inventoryWithSources(edited('test     = "ArnNotLike"', 'test     = "ArnNotEquals"'));
    expect(reasonOf(inv, 'data')).toMatch(/dynamic blocks write its statements, and their source \(main\.tf:\d+\) cannot be evaluated: the source writes no condition block with test "ArnNotLike"/);
    // The other documents are not affected.
    expect(statementsOf(inv, 'shared')).toHaveLength(2);
  });

  it('a source with more or fewer elements than the plan (a for_each of another length) is not used', async () => {
    const inv = await inventoryWithSources(edited('for_each = var.fence ? [1] : []', 'for_each = var.fence ? [1, 2] : []'));
    expect(reasonOf(inv, 'data')).toContain('the source writes 3 statement(s) where the plan holds 2');
  });

  it('a source whose static blocks are not the plan\'s is not used', async () => {
    const dir = edited('data "aws_iam_policy_document" "data" {\n', 'data "aws_iam_policy_document" "data" {\n  statement {\n    actions   = ["s3:ListBucket"]\n    resources = [aws_s3_bucket.data.arn]\n  }\n');
    const inv = await inventoryWithSources(dir);
    expect(reasonOf(inv, 'data')).toContain('it writes 2 static statement block(s) where the plan records 1');
  });

  it('a static argument whose references differ from the plan\'s is not used', async () => {
    const inv = await inventoryWithSources(edited('resources = ["${aws_s3_bucket.data.arn}/*"]', 'resources = ["${aws_s3_bucket.shared.arn}/*"]'));
    expect(reasonOf(inv, 'data')).toContain('its references differ from the ones the plan records');
  });

  it('a function it does not evaluate in a dynamic block\'s content: not evaluated, naming it', async () => {
    const inv = await inventoryWithSources(edited('"Read${title(statement.value)}"', '"Read${regex("[a-z]+", statement.value)}"'));
    expect(reasonOf(inv, 'shared')).toContain('it calls regex(), which vpcelint does not evaluate');
  });
});
