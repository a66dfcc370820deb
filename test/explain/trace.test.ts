import { describe, expect, it } from 'vitest';
import { explainRoutes } from '../../src/explain/subject.js';
import type { ServicePath } from '../../src/explain/trace.js';
import { unknown } from '../../src/model/unknown.js';
import { inventoryOf } from '../helpers/fixtures.js';
import { defaultRoute, InventoryBuilder, link } from '../helpers/inventory-builder.js';

const kinds = (p: ServicePath) => p.hops.map((h) => h.kind);
const pathTo = (paths: ServicePath[], service: string) => paths.find((p) => p.service === service)!;

describe('explain: paths from a subnet of the example plan', () => {
  const inv = inventoryOf('example');

  it('a subnet whose table has the S3 endpoint: S3 private through it, DynamoDB out through the NAT and the internet gateway', () => {
    const e = explainRoutes(inv, 'module.network.aws_subnet.private[0]');
    expect(e.start.map((h) => h.label)).toEqual(['subnet module.network.aws_subnet.private[0]', 'route table module.network.aws_route_table.private[0] (explicit association)']);
    const s3 = pathTo(e.paths, 'S3');
    expect(s3.class).toBe('private');
    expect(kinds(s3)).toEqual(['gateway-endpoint', 'service']);
    expect(s3.hops[0]!.ref!.address).toBe('module.network.aws_vpc_endpoint.s3');
    expect(s3.hops[0]!.policy!.verdict).toMatchObject({ decision: 'allow', because: expect.stringContaining('AWS default policy') });
    const ddb = pathTo(e.paths, 'DynamoDB');
    expect(ddb.class).toBe('nat');
    expect(kinds(ddb)).toEqual(['nat-gateway', 'route-table', 'internet-gateway', 'internet', 'service']);
    expect(ddb.hops.map((h) => h.ref?.address).filter(Boolean)).toEqual([
      'module.network.aws_nat_gateway.this[0]',
      'module.network.aws_route_table.public',
      'module.network.aws_internet_gateway.this',
    ]);
  });

  it('the third zone, whose table was never added to the endpoint: S3 goes through the NAT', () => {
    const e = explainRoutes(inv, 'module.network.aws_subnet.private[2]');
    expect(pathTo(e.paths, 'S3').class).toBe('nat');
    expect(pathTo(e.paths, 'S3').hops[0]!.ref!.address).toBe('module.network.aws_nat_gateway.this[2]');
  });

  it('a route table: the subnets that use it, then the same paths', () => {
    const e = explainRoutes(inv, 'module.network.aws_route_table.public');
    expect(e.start[0]!.notes).toEqual(['used by module.network.aws_subnet.public[0], module.network.aws_subnet.public[1], module.network.aws_subnet.public[2]']);
    expect(pathTo(e.paths, 'S3').class).toBe('internet');
  });

  it('a route table thousands of subnets share: the first 10 by number, and a count', () => {
    const b = new InventoryBuilder();
    const vpc = b.vpc('main');
    const subnets = Array.from({ length: 1_200 }, (_, i) => b.subnet(vpc, { name: `p${i}` }));
    b.routeTable(vpc, { name: 'shared', subnets });
    const e = explainRoutes(b.inv, 'aws_route_table.shared');
    expect(e.start[0]!.notes).toEqual([`used by ${Array.from({ length: 10 }, (_, i) => `aws_subnet.p${i}`).join(', ')} and 1,190 more`]);
  });

  it('names that are not a subnet or route table are a usage error', () => {
    expect(() => explainRoutes(inv, 'aws_subnet.nope')).toThrow(/no subnet or route table "aws_subnet.nope" in the input \(subnets there include module\.network\.aws_subnet\.private\[0\]/);
    expect(() => explainRoutes(inv, 'module.network.aws_vpc_endpoint.s3')).toThrow('module.network.aws_vpc_endpoint.s3 is a vpc-endpoint, not a subnet or route table');
  });
});

describe('explain: every kind of hop, unknowns included', () => {
  function net() {
    const b = new InventoryBuilder('eu-west-1');
    const vpc = b.vpc('main');
    const pub = b.subnet(vpc, { name: 'public' });
    const priv = b.subnet(vpc, { name: 'private' });
    const igw = b.igw(vpc, 'igw');
    b.routeTable(vpc, { name: 'public', routes: [defaultRoute(igw, 'igw')], subnets: [pub] });
    const nat = b.nat(pub, 'nat');
    return { b, vpc, pub, priv, igw, nat };
  }

  it('an unknown route table stops the trace with an unknown hop, never a guess', () => {
    const { b, priv } = net();
    priv.routeTable = { keys: [], external: [], unresolved: 'route_table_id is known only after apply' };
    const e = explainRoutes(b.inv, priv.ref.key);
    expect(e.start.at(-1)).toMatchObject({ kind: 'unknown', label: 'route table unknown (route_table_id is known only after apply)' });
    expect(e.paths).toEqual([]);
  });

  it('an unknown 0.0.0.0/0 target, unknown routes, and no default route at all', () => {
    const { b, vpc, priv } = net();
    const t = b.routeTable(vpc, { name: 't', routes: [{ destination: { kind: 'ipv4', value: '0.0.0.0/0' }, target: unknown('nat_gateway_id is known only after apply'), origin: 'resource' }], subnets: [priv] });
    let s3 = pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3');
    expect(s3.class).toBe('unknown');
    expect(s3.hops[0]).toMatchObject({ kind: 'unknown', label: '0.0.0.0/0 target unknown (nat_gateway_id is known only after apply)' });

    t.routes = t.routes.slice(0, 1);
    t.routesIncomplete = 'the route list is known only after apply';
    s3 = pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3');
    expect(s3.class).toBe('unknown');

    delete t.routesIncomplete;
    s3 = pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3');
    expect(s3.class).toBe('no-route');
    expect(kinds(s3)).toEqual(['dropped']);
  });

  it('a transit gateway route leaves the scanned network: the hop after it is unknown', () => {
    const { b, vpc, priv } = net();
    const tgw = { ref: b.ref('other', 'aws_ec2_transit_gateway', 'tgw') };
    b.routeTable(vpc, { name: 't', routes: [defaultRoute(tgw, 'tgw')], subnets: [priv] });
    const s3 = pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3');
    expect(s3.class).toBe('other-network');
    expect(kinds(s3)).toEqual(['other-gateway', 'unknown']);
    expect(s3.hops[0]!.label).toBe('transit gateway aws_ec2_transit_gateway.tgw');
  });

  it('a NAT whose own subnet is unknown: the NAT hop, then an unknown hop', () => {
    const { b, vpc, priv, nat } = net();
    nat.subnet = { keys: [], external: [], unresolved: 'subnet_id is built by a function' };
    b.routeTable(vpc, { name: 't', routes: [defaultRoute(nat)], subnets: [priv] });
    const s3 = pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3');
    expect(s3.class).toBe('nat');
    expect(s3.hops.map((h) => h.label)).toEqual(['NAT gateway aws_nat_gateway.nat', 'beyond the NAT: not traced (subnet_id is built by a function)']);
  });

  it('main route table when the subnet has no association', () => {
    const { b, vpc, priv, nat } = net();
    b.routeTable(vpc, { name: 'main', main: true, routes: [defaultRoute(nat)] });
    const e = explainRoutes(b.inv, priv.ref.key);
    expect(e.start[1]!.label).toBe('route table aws_route_table.main (main route table of the VPC)');
  });

  it('a gateway endpoint of another region carries nothing: the path goes on by the default route, with a note', () => {
    const { b, vpc, priv, nat } = net();
    const t = b.routeTable(vpc, { name: 't', routes: [defaultRoute(nat)], subnets: [priv] });
    b.endpoint(vpc, 'com.amazonaws.us-east-1.s3', { name: 's3', routeTables: [t] });
    const s3 = pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3');
    expect(s3.class).toBe('nat');
    expect(s3.hops[0]!.notes).toContain('gateway endpoint aws_vpc_endpoint.s3 names region us-east-1, not eu-west-1: it carries nothing');
  });

  it('interface endpoints: private DNS on answers the name; off, the public name takes the default route', () => {
    const { b, vpc, priv, pub, nat } = net();
    b.routeTable(vpc, { name: 't', routes: [defaultRoute(nat)], subnets: [priv] });
    b.endpoint(vpc, 'com.amazonaws.eu-west-1.ecr.dkr', { name: 'ecr', subnets: [priv] });
    b.endpoint(vpc, 'logs', { name: 'logs', subnets: [priv, pub], privateDnsEnabled: false });
    b.endpoint(vpc, 'sts', { name: 'sts', privateDnsEnabled: unknown('private_dns_enabled is known only after apply') });
    const paths = explainRoutes(b.inv, priv.ref.key).paths;
    expect(paths.map((p) => p.service)).toEqual(['S3', 'DynamoDB', 'com.amazonaws.eu-west-1.ecr.dkr', 'com.amazonaws.eu-west-1.logs', 'com.amazonaws.eu-west-1.sts']);
    const ecr = pathTo(paths, 'com.amazonaws.eu-west-1.ecr.dkr');
    expect(ecr.class).toBe('private');
    expect(ecr.hops[0]).toMatchObject({ kind: 'interface-endpoint', via: 'local route (VPC CIDR)' });
    expect(ecr.publicName).toBeUndefined();
    const logs = pathTo(paths, 'com.amazonaws.eu-west-1.logs');
    expect(logs.hops[0]!.notes).toContain('private DNS off: only the endpoint-specific DNS names reach it');
    expect(logs.publicName!.class).toBe('nat');
    expect(logs.publicName!.summary).toMatch(/^clients that use the public name: through NAT gateway aws_nat_gateway.nat/);
    const sts = pathTo(paths, 'com.amazonaws.eu-west-1.sts');
    expect(sts.hops[0]!.notes).toContain('private DNS: unknown (private_dns_enabled is known only after apply)');
    expect(sts.publicName).toBeDefined();
  });

  it('S3 interface endpoint: private DNS for in-VPC clients wins over the gateway endpoint; inbound-resolver-only does not', () => {
    const { b, vpc, priv, nat } = net();
    const t = b.routeTable(vpc, { name: 't', routes: [defaultRoute(nat)], subnets: [priv] });
    b.endpoint(vpc, 's3', { name: 's3gw', routeTables: [t] });
    const iface = b.endpoint(vpc, 's3', { name: 's3if', type: 'Interface', privateDnsEnabled: true, privateDnsOnlyForInboundResolver: true });
    expect(pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3').hops[0]!.ref!.key).toBe('aws_vpc_endpoint.s3gw');
    iface.privateDnsOnlyForInboundResolver = false;
    const s3 = pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3');
    expect(s3.hops[0]).toMatchObject({ kind: 'interface-endpoint', ref: { key: 'aws_vpc_endpoint.s3if' } });
    iface.privateDnsOnlyForInboundResolver = unknown('known only after apply');
    expect(pathTo(explainRoutes(b.inv, priv.ref.key).paths, 'S3').class).toBe('unknown');
  });

  it('an endpoint whose service is known only after apply is shown as unknown, and blocks the S3 verdict on its table', () => {
    const { b, vpc, priv, nat } = net();
    const t = b.routeTable(vpc, { name: 't', routes: [defaultRoute(nat)], subnets: [priv] });
    const ep = b.endpoint(vpc, 's3', { name: 'mystery', routeTables: [t] });
    ep.serviceName = unknown('service_name is known only after apply');
    delete ep.service;
    ep.routeTables = link(t.ref.key);
    const paths = explainRoutes(b.inv, priv.ref.key).paths;
    expect(pathTo(paths, 'S3').class).toBe('unknown');
    expect(paths.at(-1)).toMatchObject({ class: 'unknown', service: 'the service of aws_vpc_endpoint.mystery' });
  });
});

describe('explain: a gateway endpoint whose route tables are read only during apply', () => {
  it('S3 from a NAT table is unknown, naming the endpoint, as s3-via-nat says; DynamoDB still goes through the NAT', () => {
    const e = explainRoutes(inventoryOf('gateway-endpoint-tables-at-apply'), 'aws_route_table.private');
    const s3 = pathTo(e.paths, 'S3');
    expect(s3.class).toBe('unknown');
    expect(s3.hops.map((h) => h.label).join('\n')).toContain('endpoint aws_vpc_endpoint.s3 may be on this route table');
    expect(pathTo(e.paths, 'DynamoDB').class).toBe('nat');
  });
});
