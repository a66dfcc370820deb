import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import type { PolicySource } from '../../src/model/nodes.js';
import { parsePolicyText } from '../../src/policy/index.js';
import { FIXTURES, inventoryOf, inventoryWithSources, scratchCopies } from '../helpers/fixtures.js';

/**
 * A module call read as a whole (fixtures/module-instances-as-values): the plan records only `module.vpc` for
 * `module.vpc[*].s3_endpoint_id`, not which output; the source names it, and the call's count or for_each gives
 * the instances.
 */

const FIXTURE = join(FIXTURES, 'module-instances-as-values');
const copyOf = scratchCopies('vpcelint-module-values-');

function sourceVpce(inv: Inventory, bucket: string): string[] | undefined {
  const p: PolicySource | undefined = inv.buckets.get(bucket)?.policy;
  if (p?.kind !== 'document') return undefined;
  const parsed = parsePolicyText(p.text);
  if (!parsed.ok) return undefined;
  return parsed.policy.statements[0]!.conditions.find((c) => c.key === 'aws:SourceVpce')?.values;
}

const endpointId = (module: string) => `<known after apply: ${module}.aws_vpc_endpoint.s3.id>`;

/** The fixture's root main.tf with one text replaced, in a scratch copy. */
function edited(from: string, to: string): string {
  const dir = copyOf(FIXTURE);
  const main = join(dir, 'main.tf');
  const text = readFileSync(main, 'utf8');
  if (!text.includes(from)) throw new Error(`main.tf has no ${from}`);
  writeFileSync(main, text.replace(from, to));
  return dir;
}

describe('a module call as a value', () => {
  it('from the plan alone: the fences read a module without naming an output, not evaluated', () => {
    const inv = inventoryOf('module-instances-as-values');
    expect(inv.buckets.get('aws_s3_bucket.shared')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('reads a module without naming an output') });
    expect(inv.buckets.get('aws_s3_bucket.edge')!.policy).toMatchObject({ kind: 'unknown' });
  });

  it('module.vpc[*].s3_endpoint_id of a call with count: the output of each instance, in index order', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    expect(sourceVpce(inv, 'aws_s3_bucket.shared')).toEqual([endpointId('module.vpc[0]'), endpointId('module.vpc[1]')]);
  });

  it('[for name, m in module.edge : m.s3_endpoint_id] of a call with for_each: each instance by key', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    expect(sourceVpce(inv, 'aws_s3_bucket.edge')).toEqual([endpointId('module.edge["blue"]'), endpointId('module.edge["green"]')]);
  });

  it('a splat over a call without count or for_each is the list of its one instance; module.vpc[1] read whole is that instance', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    expect(sourceVpce(inv, 'aws_s3_bucket.audit')).toEqual([endpointId('module.sandbox'), endpointId('module.vpc[1]')]);
  });

  it('values(module.edge)[*].s3_endpoint_id: values() keeps the instances, in key order, for the splat to step into', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    expect(sourceVpce(inv, 'aws_s3_bucket.archive')).toEqual([endpointId('module.edge["blue"]'), endpointId('module.edge["green"]')]);
  });

  it('a source whose for_each gives fewer instances than the plan holds is not the plan\'s configuration: not evaluated', async () => {
    const dir = edited('toset(["blue", "green"])', 'toset(["blue"])');
    const inv = await inventoryWithSources(dir);
    expect(inv.buckets.get('aws_s3_bucket.edge')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('the plan has instances of module.edge that the for_each of module.edge (main.tf:31) does not give') });
  });

  it('a policy document whose source cannot be evaluated says why, beside why the plan alone does not do', async () => {
    const dir = edited('count  = 2', 'count  = 1');
    const inv = await inventoryWithSources(dir);
    expect(inv.buckets.get('aws_s3_bucket.shared')!.policy).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/reads a module without naming an output; its source \(main\.tf:\d+\) cannot be evaluated from the plan either: the plan has instances of module\.vpc that the count of module\.vpc \(main\.tf:22\) does not give/),
    });
  });

  it('a count too large to be the plan\'s is not made into a list', async () => {
    const dir = edited('count  = 2', 'count  = 1000000000');
    const inv = await inventoryWithSources(dir);
    expect(inv.buckets.get('aws_s3_bucket.shared')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('is 1000000000, more instances than vpcelint reads a module call as a whole with') });
  });

  it('a splat over a call with for_each is an error in Terraform: not evaluated, no list guessed', async () => {
    const dir = edited('[for name, m in module.edge : m.s3_endpoint_id]', 'module.edge[*].s3_endpoint_id');
    const inv = await inventoryWithSources(dir);
    expect(inv.buckets.get('aws_s3_bucket.edge')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('which its object does not have') });
  });

  it('length() of a module call read whole: its number of instances, the instances not read', async () => {
    for (const [n, want] of [[2, [endpointId('module.edge["blue"]'), endpointId('module.edge["green"]')]], [3, ['vpce-0none']]] as const) {
      const dir = edited('[for name, m in module.edge : m.s3_endpoint_id]', `(length(module.edge) == ${n} ? [for name, m in module.edge : m.s3_endpoint_id] : ["vpce-0none"])`);
      expect(sourceVpce(await inventoryWithSources(dir), 'aws_s3_bucket.edge')).toEqual(want);
    }
  });

  it('a module instance read whole where a value belongs is not evaluated', async () => {
    const dir = edited('[for name, m in module.edge : m.s3_endpoint_id]', '[for name, m in module.edge : m]');
    const inv = await inventoryWithSources(dir);
    expect(inv.buckets.get('aws_s3_bucket.edge')!.policy).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('the whole of module.edge') });
  });
});
