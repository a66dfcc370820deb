import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../../src/model/nodes.js';
import { parsePolicyText } from '../../src/policy/index.js';
import { scan } from '../../src/cli/scan.js';
import { join } from 'node:path';
import { FIXTURES, inventoryOf, inventoryWithSources } from '../helpers/fixtures.js';

/** The plan collector's policies, from real Terraform plans (fixtures/policy-*). */

function document(source: PolicySource | undefined): Extract<PolicySource, { kind: 'document' }> {
  expect(source?.kind).toBe('document');
  return source as Extract<PolicySource, { kind: 'document' }>;
}

describe('policies in a plan', () => {
  const inv = inventoryOf('policy-buckets');

  it('rebuilds a policy document whose endpoint id is known only after apply, with placeholders mapped to the nodes', () => {
    const p = document(inv.buckets.get('aws_s3_bucket.data')?.policy);
    expect(p.holder.key).toBe('aws_s3_bucket_policy.data');
    expect(p.origin?.key).toBe('data.aws_iam_policy_document.data');
    expect(p.placeholders).toEqual({
      '<known after apply: aws_s3_bucket.data.arn>': ['aws_s3_bucket.data'],
      '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'],
    });
    const r = parsePolicyText(p.text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.policy.statements[0]!;
    expect(s).toMatchObject({ sid: 'Access-to-specific-VPCE-only', effect: 'Deny', action: ['s3:*'], resource: ['<known after apply: aws_s3_bucket.data.arn>'] });
    expect(s.principal?.any).toBe(true);
    expect(s.conditions.map((c) => [c.operator, c.key, c.values])).toEqual([['StringNotEquals', 'aws:SourceVpce', ['<known after apply: aws_vpc_endpoint.s3.id>']]]);
  });

  it('pairs reordered condition blocks (a set in the provider) with their configuration', () => {
    const p = document(inv.buckets.get('aws_s3_bucket.fenced')?.policy);
    const r = parsePolicyText(p.text);
    if (!r.ok) throw new Error('invalid');
    const byKey = Object.fromEntries(r.policy.statements[0]!.conditions.map((c) => [c.key, c.values]));
    expect(byKey).toEqual({
      'aws:PrincipalArn': ['<known after apply: aws_iam_role.admin.arn>'],
      'aws:ViaAWSService': ['false'],
      'aws:SourceVpce': ['<known after apply: aws_vpc_endpoint.s3.id>'],
    });
    expect(p.placeholders?.['<known after apply: aws_iam_role.admin.arn>']).toEqual(['aws_iam_role.admin']);
  });

  it('says why jsonencode() over references and dynamic blocks cannot be rebuilt, never guesses', () => {
    expect(inv.buckets.get('aws_s3_bucket.logs')?.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('jsonencode()') });
    expect(inv.buckets.get('aws_s3_bucket.dynamic')?.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('dynamic blocks are not in the plan') });
    // What they are built from, so the document itself is reported through them rather than once more.
    expect(inv.buckets.get('aws_s3_bucket.dynamic')?.policy).toMatchObject({ builtFrom: ['data.aws_iam_policy_document.dynamic'] });
    expect(inv.buckets.get('aws_s3_bucket.logs')?.policy).toMatchObject({ builtFrom: ['aws_s3_bucket.logs', 'aws_vpc_endpoint.s3'] });
  });

  it('gives a bucket outside the plan a node built from its aws_s3_bucket_policy', () => {
    const b = inv.buckets.get('aws_s3_bucket_policy.partner')!;
    expect(b).toMatchObject({ external: true, name: 'partner-exchange-bucket', ref: { kind: 'bucket', id: 'partner-exchange-bucket' } });
    expect(document(b.policy).text).toContain('10.60.0.0/16');
  });

  it('collects IAM principals and identity policies with what they are attached to', () => {
    expect(inv.iamPrincipals.get('aws_iam_role.admin')).toMatchObject({ principalKind: 'iam-role', name: 'bucket-admin' });
    const inline = inv.iamPolicies.get('aws_iam_role_policy.admin_s3')!;
    expect(inline.attachedTo.keys).toEqual(['aws_iam_role.admin']);
    expect(document(inline.policy).text).toContain('StringEqualsIfExists');
    // Every policy document is a policy of its own too, attached to nothing.
    expect(inv.iamPolicies.get('data.aws_iam_policy_document.data')?.attachedTo.keys).toEqual([]);
  });

  it('keeps the endpoint the plan destroys, with its id, so that policies naming it can be judged', () => {
    const ep = inv.vpcEndpoints.get('aws_vpc_endpoint.legacy_s3')!;
    expect(ep.destroyed).toBe(true);
    expect(inv.refById('vpce-0a1b2c3d4e5f60718')?.key).toBe('aws_vpc_endpoint.legacy_s3');
  });

  it('records where an endpoint policy is written: aws_vpc_endpoint_policy, or a policy document read at plan time', () => {
    const endpoints = inventoryOf('policy-endpoints');
    expect(document(endpoints.vpcEndpoints.get('aws_vpc_endpoint.sqs')?.policy).holder.key).toBe('aws_vpc_endpoint_policy.sqs');
    const kms = document(endpoints.vpcEndpoints.get('aws_vpc_endpoint.kms')?.policy);
    expect(kms.origin?.key).toBe('data.aws_iam_policy_document.kms_endpoint');
    expect(kms.placeholders).toBeUndefined();
  });

  it('reports a policy it cannot judge once per scan, and again in a second scan of the same inventory', () => {
    const notEvaluated = () => scan(inv).diagnostics.filter((d) => d.code === 'not-evaluated' && d.subject?.key === 'aws_s3_bucket.logs');
    expect(notEvaluated()).toHaveLength(1);
    expect(notEvaluated()).toHaveLength(1);
  });
});

describe('policy documents per instance (count, for_each)', () => {
  // `data.aws_iam_policy_document.team[count.index].json` reaches the plan as the references
  // "data.aws_iam_policy_document.team" and "count.index": no attribute after the computed index.
  const inv = inventoryOf('policy-documents-per-instance');

  it('rebuilds each bucket its own document, through count.index and each.key', () => {
    for (const [bucket, doc] of [
      ['aws_s3_bucket.team[0]', 'data.aws_iam_policy_document.team[0]'],
      ['aws_s3_bucket.team[1]', 'data.aws_iam_policy_document.team[1]'],
      ['aws_s3_bucket.lake["raw"]', 'data.aws_iam_policy_document.lake["raw"]'],
      ['aws_s3_bucket.lake["curated"]', 'data.aws_iam_policy_document.lake["curated"]'],
    ]) {
      const p = document(inv.buckets.get(bucket!)?.policy);
      expect(p.origin?.key).toBe(doc);
      // `aws_s3_bucket.team[count.index].arn` loses its attribute too: the placeholder names the bucket itself.
      expect(Object.values(p.placeholders ?? {})).toContainEqual([bucket]);
      expect(p.placeholders?.['<known after apply: aws_vpc_endpoint.s3.id>']).toEqual(['aws_vpc_endpoint.s3']);
    }
  });

  it('judges them with the .tf source; the plan alone does not say which part of each bucket its Resource names', async () => {
    const withSource = scan(await inventoryWithSources(join(FIXTURES, 'policy-documents-per-instance')));
    expect(withSource.diagnostics.filter((d) => d.code === 'not-evaluated')).toEqual([]);
    // `[arn, "${arn}/*"]` is one placeholder to the plan alone; the Deny fences the data if it is "${arn}/*", and locks
    // out administration if it is the ARN: the two readings disagree, and neither is a guess to make.
    const notes = scan(inv).diagnostics.filter((d) => d.code === 'not-evaluated');
    expect(notes.map((d) => d.subject?.key).sort()).toEqual(['aws_s3_bucket.lake["curated"]', 'aws_s3_bucket.lake["raw"]', 'aws_s3_bucket.team[0]', 'aws_s3_bucket.team[1]']);
    expect(notes.find((d) => d.subject?.key === 'aws_s3_bucket.team[0]')!.message).toBe(
      'the bucket policy of aws_s3_bucket.team[0] was not evaluated: the plan records only that a Resource of it is built from aws_s3_bucket.team[0], known only after apply, not whether it names the bucket or its objects ("/*" after the ARN), and the two give different verdicts; the .tf files beside the plan say which (--source-root)',
    );
  });
});

describe('an attribute that holds another resource\'s id (aws_vpc_endpoint.s3.vpc_id)', () => {
  const inv = inventoryOf('placeholder-attributes');

  it('is written as that resource\'s id, so that both spellings of the VPC id are one value', () => {
    for (const bucket of ['aws_s3_bucket.data', 'aws_s3_bucket.mixed_up']) {
      const p = document(inv.buckets.get(bucket)?.policy);
      expect(p.placeholders?.['<known after apply: aws_vpc.main.id>']).toEqual(['aws_vpc.main']);
      expect(Object.keys(p.placeholders ?? {}).some((name) => name.includes('vpc_endpoint.s3.vpc_id'))).toBe(false);
    }
  });

  it('is judged as the VPC id: a VPC fence and a policy limited to its own VPC are not mismatches, the VPC id on aws:SourceVpce is', () => {
    const findings = scan(inv).findings.map((f) => `${f.ruleId} ${f.primary.key}`);
    expect(findings.filter((f) => f.startsWith('policy-condition-value-mismatch'))).toEqual(['policy-condition-value-mismatch data.aws_iam_policy_document.mixed_up']);
    // Limited to its own VPC is no limit through the endpoint: the full-access warning, not "not evaluated".
    expect(findings).toContain('endpoint-policy-full-access data.aws_iam_policy_document.s3_endpoint');
  });
});
