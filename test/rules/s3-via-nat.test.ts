import { describe, expect, it } from 'vitest';
import rule from '../../rules/s3-via-nat.js';
import { unknown } from '../../src/model/unknown.js';
import { InventoryBuilder, defaultRoute } from '../helpers/inventory-builder.js';
import { runRule, testRule } from '../helpers/rule-tester.js';

/** A VPC with a public subnet, a NAT, and a private subnet behind a NAT route table. */
function natNetwork(b = new InventoryBuilder()) {
  const vpc = b.vpc('main');
  const publicSubnet = b.subnet(vpc, { name: 'public' });
  const igw = b.igw(vpc, 'main');
  b.routeTable(vpc, { name: 'public', routes: [defaultRoute(igw, 'igw')], subnets: [publicSubnet] });
  const nat = b.nat(publicSubnet, 'main');
  const privateSubnet = b.subnet(vpc, { name: 'private' });
  const table = b.routeTable(vpc, { name: 'private', routes: [defaultRoute(nat)], subnets: [privateSubnet] });
  return { b, vpc, nat, table, privateSubnet, publicSubnet };
}

describe('s3-via-nat', () => {
  testRule(rule, {
    valid: [
      {
        name: 'an S3 gateway endpoint is associated with the NAT route table',
        inventory: () => {
          const { b, vpc, table } = natNetwork();
          b.endpoint(vpc, 's3', { routeTables: [table] });
          return b.inv;
        },
      },
      {
        name: 'a public subnet (0.0.0.0/0 to an internet gateway) is not a NAT path',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const s = b.subnet(vpc);
          b.routeTable(vpc, { routes: [defaultRoute(b.igw(vpc), 'igw')], subnets: [s] });
          return b.inv;
        },
      },
      {
        name: 'a NAT route table that no subnet uses',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          b.routeTable(vpc, { routes: [defaultRoute(b.nat(b.subnet(vpc)))] });
          return b.inv;
        },
      },
      {
        name: 'default route to a transit gateway (centralized egress is out of sight)',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const s = b.subnet(vpc);
          b.routeTable(vpc, { routes: [{ destination: { kind: 'ipv4', value: '0.0.0.0/0' }, target: { kind: 'tgw', id: 'tgw-1' }, origin: 'inline' }], subnets: [s] });
          return b.inv;
        },
      },
      {
        name: 'a NAT route table that is the main table of subnets without association, with an endpoint',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const s = b.subnet(vpc);
          const table = b.routeTable(vpc, { routes: [defaultRoute(b.nat(s))], main: true });
          b.endpoint(vpc, 's3', { routeTables: [table] });
          return b.inv;
        },
      },
      {
        name: 'the target of the default route is unknown: not evaluated, no finding',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const s = b.subnet(vpc);
          b.routeTable(vpc, { routes: [{ destination: { kind: 'ipv4', value: '0.0.0.0/0' }, target: unknown('x'), origin: 'inline' }], subnets: [s] });
          return b.inv;
        },
      },
    ],
    invalid: [
      {
        name: 'private subnet behind a NAT with no S3 gateway endpoint',
        inventory: () => natNetwork().b.inv,
        findings: [
          {
            primary: 'aws_route_table.private',
            related: ['aws_subnet.private', 'aws_nat_gateway.main'],
            messageIncludes: ['sends 0.0.0.0/0 to NAT gateway aws_nat_gateway.main', 'subnet aws_subnet.private', 'Add an S3 gateway endpoint (service com.amazonaws.eu-west-1.s3)'],
            severity: 'warning',
          },
        ],
      },
      {
        name: 'an S3 endpoint exists in the VPC but is associated with another table: named in the message',
        inventory: () => {
          const { b, vpc } = natNetwork();
          const other = b.routeTable(vpc, { name: 'other' });
          b.endpoint(vpc, 's3', { name: 's3', routeTables: [other] });
          return b.inv;
        },
        findings: [{ primary: 'aws_route_table.private', related: ['aws_subnet.private', 'aws_nat_gateway.main', 'aws_vpc_endpoint.s3'], messageIncludes: ['S3 gateway endpoint aws_vpc_endpoint.s3 exists in this VPC but is not associated'] }],
      },
      {
        name: 'a NAT table of 12 subnets: the message names 10 and counts the rest, the related locations hold all',
        inventory: () => {
          const { b, vpc, nat } = natNetwork();
          const subnets = Array.from({ length: 12 }, (_, i) => b.subnet(vpc, { name: `p${String(i).padStart(2, '0')}` }));
          b.routeTable(vpc, { name: 'shared', routes: [defaultRoute(nat)], subnets });
          return b.inv;
        },
        findings: [
          { primary: 'aws_route_table.private' },
          {
            primary: 'aws_route_table.shared',
            related: [...Array.from({ length: 12 }, (_, i) => `aws_subnet.p${String(i).padStart(2, '0')}`), 'aws_nat_gateway.main'],
            messageIncludes: ['from subnets aws_subnet.p00, aws_subnet.p01, ', 'aws_subnet.p09 and 2 more goes through the NAT'],
          },
        ],
      },
      {
        name: 'an S3 interface endpoint does not count: only a gateway endpoint adds the route',
        inventory: () => {
          const { b, vpc, table } = natNetwork();
          b.endpoint(vpc, 's3', { type: 'Interface', routeTables: [table] });
          return b.inv;
        },
        findings: [{ primary: 'aws_route_table.private' }],
      },
      {
        name: 'a gateway endpoint of another region does not serve the table',
        inventory: () => {
          const { b, vpc, table } = natNetwork();
          b.endpoint(vpc, 'com.amazonaws.us-east-1.s3', { routeTables: [table] });
          return b.inv;
        },
        findings: [{ primary: 'aws_route_table.private' }],
      },
      {
        name: 'a DynamoDB endpoint does not serve S3',
        inventory: () => {
          const { b, vpc, table } = natNetwork();
          b.endpoint(vpc, 'dynamodb', { routeTables: [table] });
          return b.inv;
        },
        findings: [{ primary: 'aws_route_table.private' }],
      },
      {
        name: 'subnets without explicit association use a NAT main table: one finding naming them all',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const a = b.subnet(vpc, { name: 'a' });
          const c = b.subnet(vpc, { name: 'c' });
          b.routeTable(vpc, { name: 'main', routes: [defaultRoute(b.nat(a, 'n'))], main: true });
          void c;
          return b.inv;
        },
        findings: [{ primary: 'aws_route_table.main', messageIncludes: ['subnets aws_subnet.a, aws_subnet.c'] }],
      },
      {
        name: 'a NAT instance route',
        inventory: () => {
          const b = new InventoryBuilder();
          const vpc = b.vpc();
          const s = b.subnet(vpc);
          b.routeTable(vpc, { name: 'private', routes: [{ destination: { kind: 'ipv4', value: '0.0.0.0/0' }, target: { kind: 'nat-instance', id: 'eni-0abc' }, origin: 'inline' }], subnets: [s] });
          return b.inv;
        },
        findings: [{ primary: 'aws_route_table.private', messageIncludes: ['NAT instance eni-0abc'] }],
      },
    ],
  });
  describe('a table whose default route is not known', () => {
    const notes = (served: boolean, unclear: 'target' | 'routes') => {
      const b = new InventoryBuilder();
      const vpc = b.vpc();
      const s = b.subnet(vpc);
      const table = unclear === 'target'
        ? b.routeTable(vpc, { name: 'main', routes: [{ destination: { kind: 'ipv4', value: '0.0.0.0/0' }, target: unknown('nat_gateway_id is known only after apply'), origin: 'inline' }], subnets: [s] })
        : b.routeTable(vpc, { name: 'main', subnets: [s] });
      if (unclear === 'routes') table.routesIncomplete = 'aws_route.default (route_table_id = local.rt) may add a route';
      if (served) b.endpoint(vpc, 's3', { routeTables: [table] });
      const result = runRule(rule, b.inv);
      expect(result.findings).toEqual([]);
      return result.diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => d.message);
    };

    it('is not evaluated without an S3 gateway endpoint on it', () => {
      expect(notes(false, 'target')).toEqual([expect.stringContaining('the target of the 0.0.0.0/0 route in aws_route_table.main is unknown (nat_gateway_id is known only after apply)')]);
      expect(notes(false, 'routes')).toEqual([expect.stringContaining('the routes of aws_route_table.main are not fully known (aws_route.default (route_table_id = local.rt) may add a route)')]);
    });

    it('needs no verdict when an S3 gateway endpoint serves it: S3 traffic takes the endpoint whatever the default route', () => {
      expect(notes(true, 'target')).toEqual([]);
      expect(notes(true, 'routes')).toEqual([]);
    });
  });

  describe('an S3 gateway endpoint of the VPC whose route tables cannot be told may serve the NAT table', () => {
    const unresolved = { keys: [], external: [], unresolved: 'data.aws_route_tables.private is read only during apply' };
    const notEvaluated = (setup: (n: ReturnType<typeof natNetwork>) => void) => {
      const n = natNetwork();
      setup(n);
      const result = runRule(rule, n.b.inv);
      return { findings: result.findings, notes: result.diagnostics.filter((d) => d.code === 'not-evaluated') };
    };

    it('route_table_ids unknown: not evaluated, naming the table and the endpoint, no "not associated" finding', () => {
      const { findings, notes } = notEvaluated(({ b, vpc }) => {
        b.endpoint(vpc, 's3', { name: 's3' }).routeTables = unresolved;
      });
      expect(findings).toEqual([]);
      expect(notes.map((d) => d.subject?.key)).toEqual(['aws_route_table.private']);
      expect(notes[0]!.message).toContain('aws_vpc_endpoint.s3');
      expect(notes[0]!.message).toContain('aws_route_table.private');
      expect(notes[0]!.message).toContain('data.aws_route_tables.private is read only during apply');
    });

    it('some tables known, others not: a table outside the known ones is not evaluated', () => {
      const { findings, notes } = notEvaluated(({ b, vpc }) => {
        const other = b.routeTable(vpc, { name: 'other' });
        b.endpoint(vpc, 's3', { name: 's3' }).routeTables = { ...unresolved, keys: [other.ref.key] };
      });
      expect(findings).toEqual([]);
      expect(notes.map((d) => d.subject?.key)).toEqual(['aws_route_table.private']);
    });

    it('an endpoint in the VPC whose service is unknown and whose tables are unknown: not evaluated', () => {
      const { findings, notes } = notEvaluated(({ b, vpc }) => {
        const ep = b.endpoint(vpc, 's3', { name: 'later' });
        ep.routeTables = unresolved;
        ep.serviceName = unknown('known only after apply');
        delete ep.service;
      });
      expect(findings).toEqual([]);
      expect(notes.map((d) => d.subject?.key)).toEqual(['aws_route_table.private']);
    });

    it('still a finding when the endpoint cannot serve the table: another service, another region, an interface endpoint, another VPC', () => {
      const { findings, notes } = notEvaluated(({ b, vpc }) => {
        b.endpoint(vpc, 'dynamodb').routeTables = unresolved;
        b.endpoint(vpc, 'com.amazonaws.us-east-1.s3').routeTables = unresolved;
        b.endpoint(vpc, 's3', { type: 'Interface' }).routeTables = unresolved;
        b.endpoint(b.vpc('other'), 's3').routeTables = unresolved;
      });
      expect(findings.map((f) => f.primary.key)).toEqual(['aws_route_table.private']);
      expect(findings[0]!.message).not.toContain('exists in this VPC');
      expect(notes).toEqual([]);
    });

    it('a table read from AWS shows every gateway endpoint as a route: one whose tables were not read cannot hide there', () => {
      const { findings, notes } = notEvaluated(({ b, vpc, table }) => {
        for (const r of table.routes) r.origin = 'live';
        b.endpoint(vpc, 's3', { name: 's3' }).routeTables = unresolved;
      });
      expect(findings.map((f) => f.primary.key)).toEqual(['aws_route_table.private']);
      expect(notes).toEqual([]);
    });

    it('an endpoint whose VPC cannot be told either may be in this VPC: not evaluated', () => {
      const { findings, notes } = notEvaluated(({ b, vpc }) => {
        const ep = b.endpoint(vpc, 's3', { name: 'anywhere' });
        ep.routeTables = unresolved;
        ep.vpc = { keys: [], external: [], unresolved: 'local.vpc_id' };
      });
      expect(findings).toEqual([]);
      expect(notes.map((d) => d.subject?.key)).toEqual(['aws_route_table.private']);
    });
  });
});
