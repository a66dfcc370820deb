import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicySource } from '../../src/model/nodes.js';
import { parsePolicyText } from '../../src/policy/index.js';
import { scan } from '../../src/cli/scan.js';
import { FIXTURES, inventoryOf, inventoryWithSources, scratchCopies } from '../helpers/fixtures.js';

/** Policies written as jsonencode() over values known only after apply (fixtures/policy-jsonencode), rebuilt from the .tf source. */

function documentOf(p: PolicySource | undefined): { text: string; placeholders: Record<string, string[]> } {
  if (p?.kind !== 'document') throw new Error(`not a document: ${JSON.stringify(p)}`);
  return { text: p.text, placeholders: p.placeholders ?? {} };
}

function statement(p: PolicySource | undefined) {
  const parsed = parsePolicyText(documentOf(p).text);
  if (!parsed.ok) throw new Error('invalid policy');
  return parsed.policy.statements[0]!;
}

const copyOf = scratchCopies('vpcelint-jsonencode-');

/** The fixture copied to a scratch directory, with its source changed by `edit`. */
function editedCopy(edit: (dir: string) => void): string {
  const dir = copyOf(join(FIXTURES, 'policy-jsonencode'));
  edit(dir);
  return dir;
}

describe('policies rebuilt from the .tf source', () => {
  const dir = join(FIXTURES, 'policy-jsonencode');

  it('from the plan alone: not evaluated, saying the structure is in the source', () => {
    const policy = inventoryOf('policy-jsonencode').buckets.get('aws_s3_bucket.data')!.policy;
    expect(policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('jsonencode() keeps only its references in the plan; the structure is in the .tf source') });
  });

  it('jsonencode(): the bucket ARN written out, "/*" kept, values known only after apply as placeholders', async () => {
    const inv = await inventoryWithSources(dir);
    const p = inv.buckets.get('aws_s3_bucket.data')!.policy;
    const s = statement(p);
    expect(s).toMatchObject({ sid: 'DenyOutsideEndpoint', effect: 'Deny', action: ['s3:*'], resource: ['arn:aws:s3:::acme-policy-jsonencode-data', 'arn:aws:s3:::acme-policy-jsonencode-data/*'] });
    expect(s.conditions.map((c) => [c.operator, c.key, c.values])).toEqual([
      ['StringNotEquals', 'aws:SourceVpce', ['<known after apply: aws_vpc_endpoint.s3.id>']],
      ['ArnNotLike', 'aws:PrincipalArn', ['<known after apply: aws_iam_role.admin.arn>']],
      ['BoolIfExists', 'aws:ViaAWSService', ['false']],
    ]);
    expect(documentOf(p).placeholders).toEqual({
      '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'],
      '<known after apply: aws_iam_role.admin.arn>': ['aws_iam_role.admin'],
    });
    expect(p).toMatchObject({ holder: { key: 'aws_s3_bucket_policy.data' }, attribute: 'policy' });
  });

  it('a heredoc of JSON, an endpoint policy, each counted instance in its own scope, a module with its input variable', async () => {
    const inv = await inventoryWithSources(dir);
    expect(statement(inv.buckets.get('aws_s3_bucket.logs')!.policy)).toMatchObject({ effect: 'Allow', resource: ['arn:aws:s3:::acme-policy-jsonencode-logs/*'] });
    expect(statement(inv.vpcEndpoints.get('aws_vpc_endpoint.s3')!.policy).resource).toEqual(['data', 'logs', 'reports', 'ledger'].map((b) => `arn:aws:s3:::acme-policy-jsonencode-${b}/*`));
    for (const i of [0, 1]) {
      expect(statement(inv.buckets.get(`aws_s3_bucket.team[${i}]`)!.policy).resource).toEqual([`arn:aws:s3:::acme-policy-jsonencode-team-${i}`, `arn:aws:s3:::acme-policy-jsonencode-team-${i}/*`]);
    }
    const archive = statement(inv.buckets.get('module.archive.aws_s3_bucket.this')!.policy);
    expect(archive.conditions[0]!.values).toEqual(['<known after apply: aws_vpc_endpoint.s3.id>']);
  });

  it('a local value, which the plan does not record, from the module\'s source', async () => {
    const inv = await inventoryWithSources(dir);
    expect(statement(inv.iamPolicies.get('aws_iam_role_policy.admin')!.policy).conditions.map((c) => [c.key, c.values])).toEqual([['aws:ResourceOrgID', ['o-a1b2c3d4e5']], ['aws:PrincipalAccount', ['444455556666']]]);
    const edited = editedCopy((d) => {
      const file = join(d, 'main.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/locals \{[^}]*\}/, ''));
    });
    expect((await inventoryWithSources(edited)).iamPolicies.get('aws_iam_role_policy.admin')!.policy).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/its source \(main\.tf:\d+\) cannot be evaluated from the plan: it reads local\.org_id, which the plan does not record and the module's source does not define$/),
    });
  });

  it('a sensitive value read into the policy makes it sensitive, and no report prints it', async () => {
    const inv = await inventoryWithSources(dir);
    const p = inv.iamPolicies.get('aws_iam_role_policy.admin')!.policy;
    expect(p).toMatchObject({ kind: 'document', sensitive: true });
    expect(documentOf(p).text).toContain('444455556666');
    expect(JSON.stringify(scan(inv))).not.toContain('444455556666');
  });

  it('a local that refers to itself is not evaluated, and says so', async () => {
    const edited = editedCopy((d) => {
      const file = join(d, 'main.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace('org_id = "o-a1b2c3d4e5"', 'org_id = local.org_id'));
    });
    expect((await inventoryWithSources(edited)).iamPolicies.get('aws_iam_role_policy.admin')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('local.org_id refers to itself through other locals') });
  });

  it('conditionals and operators on known values, for expressions and the common list and string functions', async () => {
    const inv = await inventoryWithSources(dir);
    expect(statement(inv.iamPolicies.get('aws_iam_role_policy.ops')!.policy)).toMatchObject({
      action: ['s3:GetObject'],
      resource: ['data', 'logs', 'reports'].map((b) => `arn:aws:s3:::acme-policy-jsonencode-${b}/*`),
    });
  });

  it('a splat over a counted resource: each instance\'s attribute, in index order', async () => {
    const inv = await inventoryWithSources(dir);
    expect(statement(inv.iamPolicies.get('aws_iam_role_policy.ci')!.policy).resource).toEqual([
      'arn:aws:s3:::acme-policy-jsonencode-team-0',
      'arn:aws:s3:::acme-policy-jsonencode-team-1',
      'arn:aws:s3:::acme-policy-jsonencode-data/*',
    ]);
  });

  it('a for expression over a counted resource: each instance, its attributes read as they are stepped into', async () => {
    const inv = await inventoryWithSources(dir);
    expect(statement(inv.iamPolicies.get('aws_iam_role_policy.team_objects')!.policy).resource).toEqual([0, 1].map((i) => `arn:aws:s3:::acme-policy-jsonencode-team-${i}/*`));
    // The whole resource is no value a policy can hold.
    const edited = editedCopy((d) => {
      const file = join(d, 'main.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace('[for b in aws_s3_bucket.team : "${b.arn}/*"]', 'aws_s3_bucket.team'));
    });
    expect((await inventoryWithSources(edited)).iamPolicies.get('aws_iam_role_policy.team_objects')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('it uses the whole of aws_s3_bucket.team[0], not one of its attributes') });
  });

  it('what vpcelint does not evaluate (a function) leaves the policy not evaluated, saying where and why', async () => {
    const edited = editedCopy((d) => {
      const file = join(d, 'main.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace('concat(aws_s3_bucket.team[*].arn, ["${aws_s3_bucket.data.arn}/*"])', 'concat(aws_s3_bucket.team[*].arn, ["${regex("^[^/]+", aws_s3_bucket.data.arn)}/*"])'));
    });
    expect((await inventoryWithSources(edited)).iamPolicies.get('aws_iam_role_policy.ci')!.policy).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/^built from aws_s3_bucket\.data, aws_s3_bucket\.team\[0\], aws_s3_bucket\.team\[1\], known only after apply, and its source \(main\.tf:\d+\) cannot be evaluated from the plan: it calls regex\(\), which vpcelint does not evaluate$/),
    });
  });

  it('a source whose references differ from the plan\'s is not the configuration the plan was made from: not used', async () => {
    const edited = editedCopy((d) => {
      const file = join(d, 'main.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"aws:PrincipalArn" = aws_iam_role.admin.arn', '"aws:PrincipalArn" = aws_iam_role.admin.unique_id'));
    });
    const policy = (await inventoryWithSources(edited)).buckets.get('aws_s3_bucket.data')!.policy;
    expect(policy).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/its references differ from the ones the plan records \(.*aws_iam_role\.admin\.arn.*\), so the source at main\.tf:\d+ is not the configuration this plan was made from/) });
  });

  it('a module whose source is not on disk (a registry module, say) gives nothing: the plan alone decides', async () => {
    const edited = editedCopy((d) => rmSync(join(d, 'archive'), { recursive: true }));
    const inv = await inventoryWithSources(edited);
    expect(inv.buckets.get('module.archive.aws_s3_bucket.this')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('the structure is in the .tf source, which was not found') });
    expect(inv.buckets.get('aws_s3_bucket.data')!.policy.kind).toBe('document');
  });
});

describe('policy documents whose list elements are known only after apply, read exactly from the .tf source', () => {
  const dir = join(FIXTURES, 'policy-jsonencode');

  it('from the plan alone, an element stands for what it references: the bucket and its objects alike', () => {
    const p = inventoryOf('policy-jsonencode').buckets.get('aws_s3_bucket.ledger')!.policy;
    expect(statement(p).resource).toEqual(['<known after apply: aws_s3_bucket.ledger.arn>']);
  });

  it('with the source, each element as written: the bucket ARN only, in the document and in every policy that uses it', async () => {
    const inv = await inventoryWithSources(dir);
    const p = inv.buckets.get('aws_s3_bucket.ledger')!.policy;
    expect(statement(p).resource).toEqual(['arn:aws:s3:::acme-policy-jsonencode-ledger']);
    // Condition blocks are a set: the plan orders them its own way.
    expect(Object.fromEntries(statement(p).conditions.map((c) => [c.key, c.values]))).toEqual({ 'aws:SourceVpce': ['<known after apply: aws_vpc_endpoint.s3.id>'], 'aws:PrincipalArn': ['<known after apply: aws_iam_role.admin.arn>'] });
    expect(documentOf(p).placeholders).toEqual({ '<known after apply: aws_vpc_endpoint.s3.id>': ['aws_vpc_endpoint.s3'], '<known after apply: aws_iam_role.admin.arn>': ['aws_iam_role.admin'] });
    expect(p).toMatchObject({ origin: { key: 'data.aws_iam_policy_document.ledger' }, holder: { key: 'aws_s3_bucket_policy.ledger' } });
    expect(documentOf(inv.iamPolicies.get('data.aws_iam_policy_document.ledger')!.policy).text).toBe(documentOf(p).text);
  });

  it('a document the plan alone cannot rebuild at all (a list built by functions) is rebuilt with the source', async () => {
    expect(inventoryOf('policy-jsonencode').buckets.get('aws_s3_bucket.vault')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('built from more than one value') });
    const inv = await inventoryWithSources(dir);
    for (const p of [inv.buckets.get('aws_s3_bucket.vault')!.policy, inv.iamPolicies.get('data.aws_iam_policy_document.vault')!.policy]) {
      expect(statement(p).resource).toEqual(['arn:aws:s3:::acme-policy-jsonencode-vault/*', 'arn:aws:s3:::acme-policy-jsonencode-data/*']);
      expect(documentOf(p).placeholders).toEqual({ '<known after apply: aws_iam_role.admin.arn>': ['aws_iam_role.admin'] });
    }
    expect(inv.buckets.get('aws_s3_bucket.vault')!.policy).toMatchObject({ holder: { key: 'aws_s3_bucket_policy.vault' }, origin: { key: 'data.aws_iam_policy_document.vault' } });
  });

  it('a source that disagrees with an element the plan knows is not used: the plan alone decides', async () => {
    const edited = editedCopy((d) => {
      const file = join(d, 'main.tf');
      writeFileSync(file, readFileSync(file, 'utf8').replace('resources = [aws_s3_bucket.ledger.arn]', 'resources = [aws_s3_bucket.ledger.arn, "arn:aws:s3:::elsewhere"]'));
    });
    const p = (await inventoryWithSources(edited)).buckets.get('aws_s3_bucket.ledger')!.policy;
    expect(statement(p).resource).toEqual(['<known after apply: aws_s3_bucket.ledger.arn>']);
  });

  it('each.value of a for_each over resources, which the source does not evaluate: the plan gives the instance with the same key', async () => {
    const inv = await inventoryWithSources(join(FIXTURES, 'policy-documents-per-instance'));
    for (const key of ['raw', 'curated']) {
      expect(statement(inv.buckets.get(`aws_s3_bucket.lake["${key}"]`)!.policy).resource).toEqual([`arn:aws:s3:::acme-lake-${key}`, `arn:aws:s3:::acme-lake-${key}/*`]);
    }
  });

  it('a hostile source nesting thousands deep is not evaluated, and does not overflow the stack', async () => {
    for (const shape of [(i: number) => `h${i} = { x = local.h${i + 1} }`, (i: number) => `h${i} = { for k in ["x"] : k => local.h${i + 1} }`, (i: number) => `h${i} = local.h${i + 1}`]) {
      const dir = editedCopy((d) => {
        const main = join(d, 'main.tf');
        const chain = Array.from({ length: 3000 }, (_, i) => `  ${shape(i)}\n`).join('');
        writeFileSync(main, readFileSync(main, 'utf8').replace('org_id = "o-a1b2c3d4e5"', 'org_id = jsonencode(local.h0)') + `locals {\n${chain}  h3000 = "end"\n}\n`);
      });
      const p = (await inventoryWithSources(dir)).iamPolicies.get('aws_iam_role_policy.admin')!.policy;
      expect(p).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/nested deeper than vpcelint evaluates|more than 32 other locals/) });
    }
  });
});
