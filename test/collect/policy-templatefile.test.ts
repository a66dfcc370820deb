import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketPolicy, editedIn, FIXTURES, inventoryOf, inventoryWithSources, reasonOf, scratchCopies } from '../helpers/fixtures.js';

/**
 * Policies rendered with templatefile() over values known only after apply (fixtures/policy-templatefile): the
 * plan keeps only the call's references; the template is read with the module that calls it.
 */
const FIXTURE = join(FIXTURES, 'policy-templatefile');
const ENDPOINT = '<known after apply: aws_vpc_endpoint.s3.id>';

const copyOf = scratchCopies('vpcelint-templatefile-');

/** The fixture copied to a scratch directory with one file edited. */
const edited = (file: string, from: string, to: string) => editedIn(copyOf(FIXTURE), file, from, to);

describe('policies rendered with templatefile()', () => {
  it('the plan alone keeps only the references: not evaluated', () => {
    const inv = inventoryOf('policy-templatefile');
    for (const bucket of ['fenced', 'shared', 'office']) expect(bucketPolicy(inv, bucket).kind).toBe('unknown');
  });

  it('renders the template with its vars: values known only after apply as placeholders, a bucket\'s ARN written out', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    const policy = bucketPolicy(inv, 'fenced');
    if (policy.kind !== 'document') throw new Error(reasonOf(inv, 'fenced'));
    expect(JSON.parse(policy.text).Statement[0]).toEqual({
      Sid: 'DenyOutsideEndpoint',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: ['arn:aws:s3:::tpl-fenced', 'arn:aws:s3:::tpl-fenced/*'],
      Condition: {
        StringNotEquals: { 'aws:SourceVpce': ENDPOINT },
        ArnNotLike: { 'aws:PrincipalArn': '<known after apply: aws_iam_role.admin.arn>' },
      },
    });
    expect(policy.placeholders?.[ENDPOINT]).toEqual(['aws_vpc_endpoint.s3']);
  });

  it('functions and for expressions inside the template, a relative path read from the root module', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    const endpoint = inv.vpcEndpoints.get('aws_vpc_endpoint.s3')!.policy;
    expect(endpoint.kind === 'document' && JSON.parse(endpoint.text).Statement[0].Resource).toEqual([
      'arn:aws:s3:::tpl-fenced',
      'arn:aws:s3:::tpl-fenced/*',
      'arn:aws:s3:::tpl-shared',
      'arn:aws:s3:::tpl-shared/*',
      'arn:aws:s3:::tpl-office',
      'arn:aws:s3:::tpl-office/*',
    ]);
    expect(bucketPolicy(inv, 'shared').kind).toBe('document');
  });

  it('template directives: a statement per element of a for, a branch of an if that decides on a value known only after apply is not evaluated', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    const looped = bucketPolicy(inv, 'looped');
    expect(looped.kind === 'document' && JSON.parse(looped.text).Statement.map((s: { Condition: unknown }) => s.Condition)).toEqual([{ StringNotEquals: { 'aws:SourceVpce': ENDPOINT } }]);
    expect(reasonOf(inv, 'guarded')).toContain('its operator != reads a value known only after apply');
  });

  it('a template that reads what its vars do not set is not evaluated', async () => {
    const inv = await inventoryWithSources(edited('policies/fence.json.tftpl', '"${admin_arn}"', '"${admin_role}"'));
    expect(reasonOf(inv, 'fenced')).toContain('its template policies/fence.json.tftpl reads admin_role, which its vars do not set');
  });

  it('a path that is not written out, or outside the module and the root module, is not read', async () => {
    const computed = await inventoryWithSources(edited('main.tf', '"${path.module}/policies/fence.json.tftpl"', 'var.fence_template'));
    // The plan records other references then: the source is not this plan's configuration, whatever its path.
    expect(reasonOf(computed, 'fenced')).not.toBe('a document policy');
    // The same template, in a directory of its own.
    const elsewhere = copyOf(join(FIXTURE, 'policies'));
    const dir = edited('main.tf', '"${path.module}/policies/fence.json.tftpl"', JSON.stringify(join(elsewhere, 'fence.json.tftpl')));
    expect(reasonOf(await inventoryWithSources(dir), 'fenced')).toContain(`it calls templatefile() on ${join(elsewhere, 'fence.json.tftpl')}, outside the module and the root module`);
    const missing = edited('main.tf', 'policies/fence.json.tftpl', 'policies/gone.json.tftpl');
    expect(reasonOf(await inventoryWithSources(missing), 'fenced')).toMatch(/it calls templatefile\(\) on .*policies\/gone\.json\.tftpl, which is not there/);
  });

  it('the older spelling: a policy read with file() and its words replaced', async () => {
    expect(bucketPolicy(inventoryOf('policy-templatefile'), 'legacy').kind).toBe('unknown');
    const policy = bucketPolicy(await inventoryWithSources(FIXTURE), 'legacy');
    if (policy.kind !== 'document') throw new Error(policy.kind === 'unknown' ? policy.reason : policy.kind);
    expect(JSON.parse(policy.text).Statement[0]).toMatchObject({ Resource: ['arn:aws:s3:::tpl-legacy', 'arn:aws:s3:::tpl-legacy/*'], Condition: { StringNotEquals: { 'aws:SourceVpce': ENDPOINT } } });
  });
});
