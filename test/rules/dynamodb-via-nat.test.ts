import { describe, expect, it } from 'vitest';
import rule from '../../rules/dynamodb-via-nat.js';
import { InventoryBuilder, defaultRoute } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

function natNetwork() {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const pub = b.subnet(vpc, { name: 'public' });
  const nat = b.nat(pub, 'main');
  const priv = b.subnet(vpc, { name: 'private' });
  const table = b.routeTable(vpc, { name: 'private', routes: [defaultRoute(nat)], subnets: [priv] });
  return { b, vpc, table, priv };
}

describe('dynamodb-via-nat', () => {
  testRule(rule, {
    valid: [
      {
        name: 'a DynamoDB gateway endpoint on the NAT route table',
        inventory: () => {
          const { b, vpc, table } = natNetwork();
          b.endpoint(vpc, 'dynamodb', { routeTables: [table] });
          return b.inv;
        },
      },
      {
        name: 'the FIPS DynamoDB gateway endpoint counts too',
        inventory: () => {
          const { b, vpc, table } = natNetwork();
          b.endpoint(vpc, 'dynamodb-fips', { routeTables: [table], type: 'Gateway' });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'only an S3 endpoint on the NAT route table',
        inventory: () => {
          const { b, vpc, table } = natNetwork();
          b.endpoint(vpc, 's3', { routeTables: [table] });
          return b.inv;
        },
        findings: [{ primary: 'aws_route_table.private', severity: 'note', messageIncludes: ['a DynamoDB gateway endpoint', 'com.amazonaws.eu-west-1.dynamodb'] }],
      },
    ],
  });

  it('a subnet whose route table is unknown gets a not-evaluated diagnostic naming it', () => {
    const b = new InventoryBuilder();
    const vpc = b.vpc();
    b.subnet(vpc, { name: 'lost', routeTable: { keys: [], external: [], unresolved: 'built from local.rt' } });
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'not-evaluated', ruleId: 'dynamodb-via-nat', subject: expect.objectContaining({ key: 'aws_subnet.lost' }) }),
    ]);
  });

  it('a route table whose routes are only partly known is not evaluated', () => {
    const b = new InventoryBuilder();
    const vpc = b.vpc();
    const s = b.subnet(vpc);
    b.routeTable(vpc, { name: 'partial', subnets: [s], routesIncomplete: 'routes known only after apply' });
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.map((d) => d.subject?.key)).toEqual(['aws_route_table.partial']);
  });

  it('a DynamoDB gateway endpoint of the VPC whose route tables are unknown: not evaluated, not "not associated"', () => {
    const { b, vpc } = natNetwork();
    b.endpoint(vpc, 'dynamodb', { name: 'ddb' }).routeTables = { keys: [], external: [], unresolved: 'local.tables cannot be followed' };
    const result = runRule(rule, b.inv);
    expect(result.findings).toEqual([]);
    expect(result.diagnostics.filter((d) => d.subject?.key === 'aws_route_table.private')).toEqual([
      expect.objectContaining({ code: 'not-evaluated', message: expect.stringContaining('aws_vpc_endpoint.ddb') }),
    ]);
  });
});
