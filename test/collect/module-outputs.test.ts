import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectPlanWithSources } from '../../src/cli/plan-sources.js';
import { readPlanFile } from '../../src/collect/terraform/read-plan.js';
import type { Inventory } from '../../src/model/inventory.js';
import { prepareSources } from '../../src/sourcemap/index.js';
import { FIXTURES, inventoryOf } from '../helpers/fixtures.js';

/**
 * A module's output read from its source (fixtures/module-outputs): the plan
 * records that the endpoints' map refers to `module.vpc.private_route_table_ids`,
 * not whether it takes the list or one element of it.
 */

const FIXTURE = join(FIXTURES, 'module-outputs');
const scratch: string[] = [];
afterAll(() => scratch.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function withSources(dir: string): Promise<Inventory> {
  const plan = join(dir, 'plan.json');
  return collectPlanWithSources(readPlanFile(plan), plan, prepareSources({ planFile: plan, cwd: dir }));
}

const tables = (inv: Inventory, service: string) => inv.vpcEndpoints.get(`module.endpoints.aws_vpc_endpoint.this["${service}"]`)!.routeTables;

describe('module outputs from the source', () => {
  it('the plan alone cannot tell which tables each endpoint serves', () => {
    const inv = inventoryOf('module-outputs');
    expect(tables(inv, 's3').unresolved).toBeDefined();
    expect(tables(inv, 'dynamodb').unresolved).toBeDefined();
  });

  it('a splat output, read whole and by index: the tables each endpoint serves', async () => {
    const inv = await withSources(FIXTURE);
    expect(tables(inv, 's3')).toEqual({ keys: ['module.vpc.aws_route_table.private[0]'], external: [] });
    expect(tables(inv, 'dynamodb')).toEqual({ keys: ['module.vpc.aws_route_table.private[0]', 'module.vpc.aws_route_table.private[1]'], external: [] });
  });

  it('an output that is one element of the list, with the same references: no list to index, nothing guessed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-outputs-'));
    scratch.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    const vpc = join(dir, 'modules/vpc/main.tf');
    writeFileSync(vpc, readFileSync(vpc, 'utf8').replace('value = aws_route_table.private[*].id', 'value = element(aws_route_table.private[*].id, 0)'));
    const inv = await withSources(dir);
    expect(tables(inv, 's3').unresolved).toBeDefined();
    expect(tables(inv, 'dynamodb').unresolved).toBeDefined();
  });
});
