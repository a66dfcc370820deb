import { appendFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import type { PolicySource } from '../../src/model/nodes.js';
import { parsePolicyText } from '../../src/policy/index.js';
import { installedModuleDirs } from '../../src/sourcemap/installed.js';
import { indexOf, loadSources } from '../../src/sourcemap/load.js';
import { FIXTURES, inventoryWithSources, scratchCopies } from '../helpers/fixtures.js';

/**
 * Modules installed by `terraform init` from outside the repository
 * (fixtures/installed-modules: git sources, installed in .terraform/modules),
 * whose policies the plan knows only after apply: read from the installed
 * files, with the caller's arguments, while findings point at the call.
 */

const FIXTURE = join(FIXTURES, 'installed-modules');
/** The line of a module call in the fixture's main.tf. */
const callLine = (name: string) => readFileSync(join(FIXTURE, 'main.tf'), 'utf8').split('\n').indexOf(`module "${name}" {`) + 1;
const copyOf = scratchCopies('vpcelint-installed-');

function editedCopy(edit: (dir: string) => void): string {
  const dir = copyOf(FIXTURE);
  edit(dir);
  return dir;
}

function statements(p: PolicySource | undefined) {
  if (p?.kind !== 'document') throw new Error(`not a document: ${JSON.stringify(p)}`);
  const parsed = parsePolicyText(p.text);
  if (!parsed.ok) throw new Error('invalid policy');
  return parsed.policy.statements;
}

const endpoint = (inv: Inventory) => inv.vpcEndpoints.get('module.endpoints.aws_vpc_endpoint.s3')!.policy;
const mapped = (inv: Inventory) => inv.vpcEndpoints.get('module.vpc_endpoints.aws_vpc_endpoint.this["dynamodb"]')!.policy;
const lookedUp = (inv: Inventory) => inv.vpcEndpoints.get('module.vpc_endpoints_v3.aws_vpc_endpoint.this["dynamodb"]')!.policy;

/** The fixture with the vpc_endpoints module's filter written otherwise (the references the plan records stay the same). */
function withFilter(filter: string): string {
  return editedCopy((d) => {
    const main = join(d, '.terraform/modules/vpc_endpoints/main.tf');
    writeFileSync(main, readFileSync(main, 'utf8').replace('if var.create && try(v.create, true)', filter));
  });
}
const bucket = (inv: Inventory) => inv.buckets.get('module.data_bucket.aws_s3_bucket.this')!.policy;

describe('policies of modules installed by terraform init', () => {
  it('before init (no .terraform/modules), both stay not evaluated', async () => {
    const inv = await inventoryWithSources(editedCopy((dir) => rmSync(join(dir, '.terraform'), { recursive: true })));
    expect(endpoint(inv)).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('local.object_arns') });
    expect(bucket(inv)).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('its source_policy_documents is known only after apply') });
    expect(mapped(inv)).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('for_each') });
    expect(lookedUp(inv)).toMatchObject({ kind: 'unknown' });
  });

  it('a map entry of the caller, through a local, a for_each and try(): the policy it names, evaluated', async () => {
    const [s] = statements(mapped(await inventoryWithSources(FIXTURE)));
    expect(s).toMatchObject({ effect: 'Allow', action: ['*'], resource: ['*'] });
    expect(s!.conditions.map((c) => [c.key, c.values])).toEqual([['aws:SourceVpc', ['<known after apply: aws_vpc.main.id>']]]);
  });

  it('for_each and try() as Terraform has them: an entry filtered out, an attribute the entry lacks', async () => {
    // try() falls back where the entry has no `create`: false filters the endpoint out of the for_each.
    expect(mapped(await inventoryWithSources(withFilter('if var.create && try(v.create, false)')))).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('its for_each (.terraform/modules/vpc_endpoints/main.tf:33) does not hold the instance\'s key "dynamodb"') });
    // Without try(), reading the attribute the entry lacks is an error in Terraform too: nothing to evaluate.
    expect(mapped(await inventoryWithSources(withFilter('if var.create && v.create')))).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('which its object does not have, an error Terraform would have stopped at') });
    // can() is false on the same error.
    expect(statements(mapped(await inventoryWithSources(withFilter('if var.create && !can(v.create)'))))[0]).toMatchObject({ effect: 'Allow' });
  });

  it('an endpoint\'s route tables, subnets and security groups, through the same map: the tables it serves, so the table it does not serve is the one behind the NAT', async () => {
    const routes = (inv: Inventory, key: string) => inv.vpcEndpoints.get(`module.${key}.aws_vpc_endpoint.this["dynamodb"]`)!.routeTables;
    const before = await inventoryWithSources(editedCopy((dir) => rmSync(join(dir, '.terraform'), { recursive: true })));
    expect(routes(before, 'vpc_endpoints').unresolved).toContain('for_each');
    const inv = await inventoryWithSources(FIXTURE);
    expect(routes(inv, 'vpc_endpoints')).toEqual({ keys: ['aws_route_table.private'], external: [] });
    expect(routes(inv, 'vpc_endpoints_v3')).toEqual({ keys: ['aws_route_table.isolated'], external: [] });
    // An interface endpoint in the same map: its subnets and security groups, and no policy of its own (null).
    const sts = inv.vpcEndpoints.get('module.vpc_endpoints.aws_vpc_endpoint.this["sts"]')!;
    expect([sts.subnets, sts.securityGroups]).toEqual([{ keys: ['aws_subnet.private'], external: [] }, { keys: ['aws_security_group.endpoints'], external: [] }]);
    expect(sts.policy).toEqual({ kind: 'absent' });
    const stsBefore = before.vpcEndpoints.get('module.vpc_endpoints.aws_vpc_endpoint.this["sts"]')!;
    expect([stsBefore.subnets.unresolved, stsBefore.securityGroups.unresolved]).toEqual([expect.stringContaining('for_each'), expect.stringContaining('for_each')]);
  });

  it('lookup() with a default, as earlier versions of that module write it: the entry\'s member alone, or the default', async () => {
    const [s] = statements(lookedUp(await inventoryWithSources(FIXTURE)));
    expect(s).toMatchObject({ effect: 'Allow', action: ['dynamodb:*'], resource: ['*'] });
    const withLookup = (call: string) =>
      editedCopy((d) => {
        const main = join(d, '.terraform/modules/vpc_endpoints_v3/main.tf');
        writeFileSync(main, readFileSync(main, 'utf8').replace('lookup(each.value, "policy", null)', call));
      });
    // The default, null: no policy of its own, so AWS's default (full access) is the endpoint's.
    expect(lookedUp(await inventoryWithSources(withLookup('lookup(each.value, "policies", null)')))).toEqual({ kind: 'absent' });
    // No default: an error in Terraform too.
    expect(lookedUp(await inventoryWithSources(withLookup('lookup(each.value, "policies")')))).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('"policies", which the object does not have, with no default') });
  });

  it('jsonencode() in an installed module, over a local built from a list the caller sets: evaluated', async () => {
    const [own, anywhere] = statements(endpoint(await inventoryWithSources(FIXTURE)));
    // The caller writes `[module.data_bucket.s3_bucket_arn]`: a list, which the plan cannot tell from the bare ARN.
    expect(own).toMatchObject({ sid: 'OwnBuckets', resource: ['arn:aws:s3:::acme-installed-modules-data/*'] });
    expect(anywhere).toMatchObject({ sid: 'ReadAnywhere', resource: ['*'] });
    expect(anywhere!.conditions.map((c) => [c.key, c.values])).toEqual([['aws:PrincipalAccount', ['111122223333']]]);
  });

  it('a merged document whose list is built with compact() and conditionals: the documents it holds, rebuilt, in order', async () => {
    const p = bucket(await inventoryWithSources(FIXTURE));
    const [tls, fence] = statements(p);
    expect(tls).toMatchObject({ sid: 'denyInsecureTransport', effect: 'Deny', resource: ['arn:aws:s3:::acme-installed-modules-data', 'arn:aws:s3:::acme-installed-modules-data/*'] });
    // The caller's document, through var.policy: its Deny names the bucket only.
    expect(fence).toMatchObject({ sid: 'DenyOutsideEndpoint', resource: ['arn:aws:s3:::acme-installed-modules-data'] });
    expect(fence!.conditions[0]!.values).toEqual(['<known after apply: module.endpoints.aws_vpc_endpoint.s3.id>']);
    expect(p).toMatchObject({ placeholders: { '<known after apply: module.endpoints.aws_vpc_endpoint.s3.id>': ['module.endpoints.aws_vpc_endpoint.s3'] } });
  });

  it('a caller argument that is not what the plan was made from: not evaluated, naming the call', async () => {
    const dir = editedCopy((d) => {
      const main = join(d, 'main.tf');
      writeFileSync(main, readFileSync(main, 'utf8').replace('[module.data_bucket.s3_bucket_arn]', '[module.data_bucket.s3_bucket_id]'));
    });
    expect(endpoint(await inventoryWithSources(dir))).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(new RegExp(`references differ .* main\\.tf:${callLine('endpoints')}`)) });
  });

  it('findings point at the repository\'s module call; the policy is read from the installed block', async () => {
    const loaded = await loadSources(FIXTURE);
    const index = indexOf(loaded, FIXTURE);
    // Only the repository's files are read until a declaration inside an installed module is asked for.
    expect(loaded.filesParsed).toBe(1);
    const [shallow] = await index.locate(['module.endpoints.aws_vpc_endpoint.s3']);
    expect(shallow).toMatchObject({ location: { file: 'main.tf', startLine: callLine('endpoints'), moduleCall: 'module.endpoints' } });
    expect(shallow!.expressions).toBeUndefined();
    expect(loaded.module.calls.get('endpoints')!.module).toBeUndefined();
    const [hit] = await index.declarations(['module.endpoints.aws_vpc_endpoint.s3']);
    // A declaration reads the installed modules: its expressions may read any module's outputs.
    expect(loaded.module.calls.get('endpoints')!.module?.installed).toBe(true);
    expect(hit!.modulePath?.[0]?.calls.get('data_bucket')?.module?.outputs.has('s3_bucket_arn')).toBe(true);
    expect(hit!.location).toMatchObject({ file: 'main.tf', startLine: callLine('endpoints'), moduleCall: 'module.endpoints' });
    expect(hit!.declaredAt).toMatchObject({ file: '.terraform/modules/endpoints/main.tf' });
    expect(hit!.expressions?.map((p) => p.path)).toEqual([['vpc_id'], ['route_table_ids'], ['policy']]);
    expect(hit!.callers?.map((c) => c.where)).toEqual([`main.tf:${callLine('endpoints')}`]);
    const [bucketHit] = await index.declarations(['module.data_bucket.aws_s3_bucket.this']);
    expect(bucketHit!.location).toMatchObject({ file: 'main.tf', startLine: callLine('data_bucket'), moduleCall: 'module.data_bucket' });
  });

  it('vpcelint comments in installed files are their authors\', not the repository\'s', async () => {
    const dir = editedCopy((d) => appendFileSync(join(d, '.terraform/modules/endpoints/main.tf'), '\n# vpcelint:ignore s3-via-nat\n'));
    const loaded = await loadSources(dir);
    expect(loaded.directives).toEqual([]);
  });
});

describe('the manifest of installed modules', () => {
  it('maps each call key to its directory, under TF_DATA_DIR when given', () => {
    const dir = editedCopy((d) => renameSync(join(d, '.terraform'), join(d, 'tfdata')));
    expect(installedModuleDirs(dir).size).toBe(0);
    expect([...installedModuleDirs(dir, 'tfdata').keys()].sort()).toEqual(['data_bucket', 'endpoints', 'vpc_endpoints', 'vpc_endpoints_v3']);
    expect(installedModuleDirs(dir, 'tfdata').get('endpoints')).toBe(join(dir, '.terraform/modules/endpoints'));
  });

  it('a manifest it does not understand installs nothing', () => {
    for (const text of ['not json', '{"Modules": 3}', '[1]', '{"Modules":[null,{"Key":1,"Dir":"x"},{"Key":"a"}]}']) {
      const dir = editedCopy((d) => writeFileSync(join(d, '.terraform/modules/modules.json'), text));
      expect(installedModuleDirs(dir).size).toBe(0);
    }
  });
});
