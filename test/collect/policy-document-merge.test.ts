import { describe, expect, it } from 'vitest';
import { mergeBySid, sharedSid, statementsOf, type StatementJson } from '../../src/collect/terraform/policy-document-merge.js';
import { collectPlanWithSources } from '../../src/cli/plan-sources.js';
import { readPlanFile } from '../../src/collect/terraform/read-plan.js';
import { prepareSources } from '../../src/sourcemap/index.js';
import { inventoryOf, planPath, ROOT } from '../helpers/fixtures.js';

const st = (sid: string | undefined, action: string): StatementJson => ({ ...(sid ? { Sid: sid } : {}), Effect: 'Allow', Action: action });

describe('merging policy documents as the AWS provider does', () => {
  it('gives what the provider gave for known documents: sources, then own statements, then overrides, same Sid in place', () => {
    // source a: Shared + one without Sid; source b: OnlyB; own: Shared (replaces) + one without Sid;
    // override o1: OnlyB (replaces) + New; override o2: New (replaces). Output of AWS provider 5.100.0.
    const sources = [[st('Shared', 's3:GetObject'), st(undefined, 's3:ListBucket')], [st('OnlyB', 's3:PutObject')]];
    const own = [st('Shared', 's3:*'), st(undefined, 's3:GetObjectAcl')];
    const overrides = [[st('OnlyB', 's3:DeleteObject'), st('New', 's3:GetBucketPolicy')], [st('New', 's3:GetBucketAcl')]];
    const merged = [mergeBySid(sources.flat(), own), ...overrides].reduce((m, d) => mergeBySid(m, d));
    expect(merged.map((s) => `${s.Sid ?? '-'} ${s.Action}`)).toEqual(['Shared s3:*', '- s3:ListBucket', 'OnlyB s3:DeleteObject', '- s3:GetObjectAcl', 'New s3:GetBucketAcl']);
  });

  it('finds a Sid that documents share, and reads statements from a policy text', () => {
    expect(sharedSid([[st('A', 'x'), st(undefined, 'y')], [st('B', 'z')]])).toBeUndefined();
    expect(sharedSid([[st('A', 'x')], [st('A', 'z')]])).toBe('A');
    expect(statementsOf('{"Statement":{"Effect":"Allow","Action":"s3:*"}}')).toEqual([{ Effect: 'Allow', Action: 's3:*' }]);
    expect(statementsOf('not json')).toBeUndefined();
    expect(statementsOf('{"Statement":[1]}')).toBeUndefined();
  });

  it('rebuilds a merged document whose sources are known only after apply (fixture policy-merged-documents)', () => {
    const inv = inventoryOf('policy-merged-documents');
    const p = inv.buckets.get('aws_s3_bucket.data')!.policy;
    if (p.kind !== 'document') throw new Error(`not a document: ${JSON.stringify(p)}`);
    const doc = JSON.parse(p.text) as { Statement: StatementJson[] };
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['DenyOutsideEndpoint', 'Read']);
    expect(doc.Statement[1]!.Principal).toEqual({ AWS: ['arn:aws:iam::111122223333:role/reader'] });
    expect(p.placeholders).toEqual({ '<known after apply: aws_s3_bucket.data.arn>': ['aws_s3_bucket.data'], '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'] });
    expect(p).toMatchObject({ origin: { key: 'data.aws_iam_policy_document.data' } });
  });

  it('keeps each override in its place in the list: a known one after one known only after apply stays', () => {
    const p = inventoryOf('policy-merged-documents').iamPolicies.get('aws_iam_policy.ordered')!.policy;
    if (p.kind !== 'document') throw new Error(`not a document: ${JSON.stringify(p)}`);
    const read = (JSON.parse(p.text) as { Statement: StatementJson[] }).Statement.find((s) => s.Sid === 'Read');
    expect(read?.Resource).toBe('arn:aws:s3:::acme-policy-merged-documents-data/public/*');
  });

  it('with the .tf source, merges the documents it made exact: the override\'s narrower Resource shows', async () => {
    const file = planPath('policy-merged-documents');
    const inv = await collectPlanWithSources(readPlanFile(file), file, prepareSources({ planFile: file, cwd: ROOT }));
    const p = inv.buckets.get('aws_s3_bucket.data')!.policy;
    if (p.kind !== 'document') throw new Error(`not a document: ${JSON.stringify(p)}`);
    const doc = JSON.parse(p.text) as { Statement: StatementJson[] };
    expect(doc.Statement.map((s) => s.Resource)).toEqual([
      ['arn:aws:s3:::acme-policy-merged-documents-data', 'arn:aws:s3:::acme-policy-merged-documents-data/*'],
      ['arn:aws:s3:::acme-policy-merged-documents-data/reports/*'],
    ]);
  });
});
