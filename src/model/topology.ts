import type { Inventory } from './inventory.js';
import type { Link, Route, RouteTable, Subnet, Vpc, VpcEndpoint } from './nodes.js';
import { isUnknown, unknown, type Maybe } from './unknown.js';

/** The single node a link points at, or why there is not exactly one. */
export function single<T>(link: Link, nodes: ReadonlyMap<string, T>): Maybe<T | undefined> {
  if (link.keys.length > 1) return unknown(`ambiguous reference: ${link.keys.join(', ')}`);
  if (link.keys.length === 1) {
    const node = nodes.get(link.keys[0]!);
    return node ?? unknown(`${link.keys[0]} is not a resource of the expected type`);
  }
  if (link.unresolved) return unknown(link.unresolved);
  if (link.external.length > 0) return unknown(`${link.external.join(', ')} is not in the scanned inventory`);
  return undefined;
}

export interface EffectiveRouteTable {
  table: RouteTable;
  /** True when the subnet has an explicit association; false when the VPC's main table applies. */
  explicit: boolean;
}

/**
 * Derived views of the inventory that several rules need: which route table a
 * subnet uses, which subnets use a table. Computed once per inventory, in time
 * linear in its size.
 */
export class Topology {
  private readonly effective = new Map<string, Maybe<EffectiveRouteTable | undefined>>();
  private readonly subnetsByTable = new Map<string, Subnet[]>();
  private readonly endpointsByTable = new Map<string, VpcEndpoint[]>();
  private readonly subnetsByVpc = new Map<string, Subnet[]>();
  private readonly endpointsByVpc = new Map<string, VpcEndpoint[]>();
  /** Endpoints whose route tables cannot be told, by VPC (key or id); those whose VPC cannot be told either under ''. */
  private readonly undecidedByVpc = new Map<string, VpcEndpoint[]>();
  private readonly undecided: VpcEndpoint[] = [];

  constructor(private readonly inv: Inventory) {
    for (const subnet of inv.subnets.values()) {
      const eff = this.computeEffective(subnet);
      this.effective.set(subnet.ref.key, eff);
      if (eff && !isUnknown(eff)) push(this.subnetsByTable, eff.table.ref.key, subnet);
      for (const vpcKey of subnet.vpc.keys) push(this.subnetsByVpc, vpcKey, subnet);
    }
    for (const endpoint of inv.vpcEndpoints.values()) {
      if (endpoint.destroyed) continue;
      for (const rtKey of endpoint.routeTables.keys) push(this.endpointsByTable, rtKey, endpoint);
      for (const vpcKey of endpoint.vpc.keys) push(this.endpointsByVpc, vpcKey, endpoint);
      if (endpoint.routeTables.unresolved) {
        this.undecided.push(endpoint);
        for (const vpc of vpcsOf(endpoint.vpc)) push(this.undecidedByVpc, vpc, endpoint);
      }
    }
  }

  /** The route table that governs a subnet: its explicit association, else its VPC's main table. */
  effectiveRouteTable(subnet: Subnet): Maybe<EffectiveRouteTable | undefined> {
    return this.effective.get(subnet.ref.key);
  }

  /** Subnets whose effective route table is this one (explicitly or as main table). */
  subnetsUsing(table: RouteTable): readonly Subnet[] {
    return this.subnetsByTable.get(table.ref.key) ?? [];
  }

  subnetsOf(vpc: Vpc): readonly Subnet[] {
    return this.subnetsByVpc.get(vpc.ref.key) ?? [];
  }

  /** Endpoints associated with a route table (gateway endpoints install their prefix-list routes there). */
  endpointsOn(table: RouteTable): readonly VpcEndpoint[] {
    return this.endpointsByTable.get(table.ref.key) ?? [];
  }

  /** Endpoints that install their routes in a table: associated with it, or targets of its routes (of any type and service). */
  endpointsRouting(table: RouteTable): VpcEndpoint[] {
    const found = new Set<VpcEndpoint>(this.endpointsOn(table));
    for (const route of table.routes) {
      if (isUnknown(route.target) || route.target.kind !== 'vpce' || !route.target.key) continue;
      const ep = this.inv.vpcEndpoints.get(route.target.key);
      if (ep && !ep.destroyed) found.add(ep);
    }
    return [...found];
  }

  /**
   * Endpoints not associated with the table by name that may still be: their route tables cannot be
   * told (a data source read during apply, a reference that does not resolve) and their VPC is the
   * table's, or cannot be told. None for a table read from AWS, whose routes show every association.
   */
  endpointsPerhapsOn(table: RouteTable): readonly VpcEndpoint[] {
    // Routes read from AWS hold a prefix-list route for every gateway endpoint associated with the table: none can hide.
    if (this.undecided.length === 0 || table.routes.some((r) => r.origin === 'live')) return [];
    const vpcs = vpcsOf(table.vpc);
    const candidates = vpcs.includes('')
      ? this.undecided
      : [...new Set([...vpcs, ''].flatMap((v) => this.undecidedByVpc.get(v) ?? []))];
    // The endpoints on the table, not each endpoint's tables: an endpoint may be on thousands of tables.
    const on = this.endpointsOn(table);
    return candidates
      .filter((ep) => !on.includes(ep) && sameOrUnknown(ep.ref.region, table.ref.region) && sameOrUnknown(ep.ref.account, table.ref.account))
      .sort((a, b) => (a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0));
  }

  /** Endpoints of a VPC that the plan does not destroy. */
  endpointsInVpc(vpcKey: string): readonly VpcEndpoint[] {
    return this.endpointsByVpc.get(vpcKey) ?? [];
  }

  vpcOf(node: { vpc: Link }): Maybe<Vpc | undefined> {
    return single(node.vpc, this.inv.vpcs);
  }

  private computeEffective(subnet: Subnet): Maybe<EffectiveRouteTable | undefined> {
    const explicit = single(subnet.routeTable, this.inv.routeTables);
    if (isUnknown(explicit)) return explicit;
    if (explicit) return { table: explicit, explicit: true };
    const vpc = single(subnet.vpc, this.inv.vpcs);
    if (isUnknown(vpc)) return vpc;
    if (!vpc) return unknown(`the VPC of ${subnet.ref.address ?? subnet.ref.key} is not in the inventory, so its main route table is unknown`);
    const main = vpc.mainRouteTable;
    if (isUnknown(main)) return main;
    if (main === undefined) return unknown(`the main route table of ${vpc.ref.address ?? vpc.ref.key} is not in the inventory`);
    const table = this.inv.routeTables.get(main);
    return table ? { table, explicit: false } : unknown(`main route table ${main} is not in the inventory`);
  }
}

/** The VPCs a link names (keys and AWS ids), or [''] when it may name any. */
function vpcsOf(link: Link): string[] {
  const named = [...link.keys, ...link.external];
  return link.unresolved || named.length === 0 ? [''] : named;
}

function sameOrUnknown(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The route for 0.0.0.0/0, if the table has one with a known destination. */
export function defaultIpv4Route(table: RouteTable): Route | undefined {
  return table.routes.find((r) => r.destination.kind === 'ipv4' && r.destination.value === '0.0.0.0/0');
}

const topologies = new WeakMap<Inventory, Topology>();

/** The topology of an inventory, built on first use. Inventories are read-only once built. */
export function topologyOf(inv: Inventory): Topology {
  let topo = topologies.get(inv);
  if (!topo) {
    topo = new Topology(inv);
    topologies.set(inv, topo);
  }
  return topo;
}

/** The services whose gateway endpoints keep traffic off NAT: S3 and DynamoDB. */
export type GatewayFamily = 's3' | 'dynamodb';

/** How messages name them. */
export const GATEWAY_FAMILY_LABEL: Readonly<Record<GatewayFamily, string>> = { s3: 'S3', dynamodb: 'DynamoDB' };

/** Whether an endpoint is a gateway endpoint of the family, or (a clause) what about it is unknown. */
export function isGatewayOf(ep: VpcEndpoint, family: GatewayFamily): boolean | string {
  if (isUnknown(ep.serviceName)) return `service name is unknown (${ep.serviceName.reason})`;
  if (ep.service?.family !== family) return false;
  if (isUnknown(ep.type)) return `type is unknown (${ep.type.reason})`;
  return ep.type === 'Gateway';
}
