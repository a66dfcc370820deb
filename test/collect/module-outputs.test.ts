import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import { FIXTURES, inventoryOf, inventoryWithSources, scratchCopies } from '../helpers/fixtures.js';

/**
 * A module's output read from its source (fixtures/module-outputs): the plan
 * records that the endpoints' map refers to `module.vpc.private_route_table_ids`,
 * not whether it takes the list or one element of it.
 */

const FIXTURE = join(FIXTURES, 'module-outputs');
const copyOf = scratchCopies('vpcelint-outputs-');

const tables = (inv: Inventory, service: string) => inv.vpcEndpoints.get(`module.endpoints.aws_vpc_endpoint.this["${service}"]`)!.routeTables;

describe('module outputs from the source', () => {
  it('the plan alone cannot tell which tables each endpoint serves', () => {
    const inv = inventoryOf('module-outputs');
    expect(tables(inv, 's3').unresolved).toBeDefined();
    expect(tables(inv, 'dynamodb').unresolved).toBeDefined();
  });

  it('a splat output, read whole and by index: the tables each endpoint serves', async () => {
    const inv = await inventoryWithSources(FIXTURE);
    expect(tables(inv, 's3')).toEqual({ keys: ['module.vpc.aws_route_table.private[0]'], external: [] });
    expect(tables(inv, 'dynamodb')).toEqual({ keys: ['module.vpc.aws_route_table.private[0]', 'module.vpc.aws_route_table.private[1]'], external: [] });
  });

  it('an output that is one element of the list, with the same references: no list to index, nothing guessed', async () => {
    const dir = copyOf(FIXTURE);
    const vpc = join(dir, 'modules/vpc/main.tf');
    writeFileSync(vpc, readFileSync(vpc, 'utf8').replace('value = aws_route_table.private[*].id', 'value = element(aws_route_table.private[*].id, 0)'));
    const inv = await inventoryWithSources(dir);
    expect(tables(inv, 's3').unresolved).toBeDefined();
    expect(tables(inv, 'dynamodb').unresolved).toBeDefined();
  });
});
