import type { Inventory } from '../model/inventory.js';
import type { Route, RouteTable, Subnet, VpcEndpoint } from '../model/nodes.js';
import { displayName, type Ref } from '../model/ref.js';
import { defaultIpv4Route, GATEWAY_FAMILY_LABEL, isGatewayOf, single, topologyOf, type GatewayFamily, type Topology } from '../model/topology.js';
import { isUnknown, type Unknown } from '../model/unknown.js';
import { judge, NO_EVALUATOR, type PolicyEvaluator, type PolicyRequest, type PolicyStep } from './policy-step.js';

export type HopKind =
  | 'subnet'
  | 'route-table'
  | 'gateway-endpoint'
  | 'interface-endpoint'
  | 'nat-gateway'
  | 'nat-instance'
  | 'internet-gateway'
  | 'other-gateway'
  | 'internet'
  | 'service'
  | 'unknown'
  | 'dropped';

export interface Hop {
  kind: HopKind;
  /** What the hop is, for people: "NAT gateway module.net.aws_nat_gateway.a". */
  label: string;
  ref?: Ref;
  /** How traffic leaves this hop for the next one: "0.0.0.0/0", "S3 prefix list", "local route". */
  via?: string;
  notes?: string[];
  policy?: PolicyStep;
}

/**
 * Where a path ends up: through an endpoint (private), out through a NAT, out
 * through an internet gateway, into another network vpcelint does not see
 * (transit gateway, peering, VPN), nowhere (no route), or unknown.
 */
export type PathClass = 'private' | 'nat' | 'internet' | 'other-network' | 'no-route' | 'unknown';

export interface ServicePath {
  /** S3, DynamoDB, or the endpoint service name. */
  service: string;
  class: PathClass;
  /** One line: "through gateway endpoint X", "through NAT gateway Y". */
  summary: string;
  hops: Hop[];
  /** Interface endpoints without private DNS: where clients that use the service's public name go. */
  publicName?: ServicePath;
}

export interface TraceOptions {
  evaluator?: PolicyEvaluator;
  /** The request each endpoint policy is evaluated on; none: policies are listed, not judged. */
  requestFor?: (endpoint: VpcEndpoint) => PolicyRequest | undefined;
  /** S3 only: the region of the bucket asked about; gateway endpoints serve only buckets of their own region. */
  bucketRegion?: string;
}

export type Family = GatewayFamily;
/** How deep to follow NATs into the subnets they live in (a NAT in a subnet routed to another NAT...). */
const MAX_NAT_DEPTH = 3;

/** Follows traffic from a route table's subnets to AWS services, hop by hop, over one inventory. */
export class PathTracer {
  private readonly topo: Topology;
  private readonly evaluator: PolicyEvaluator;
  private readonly familyPaths = new Map<RouteTable, Partial<Record<Family, ServicePath>>>();

  constructor(
    private readonly inv: Inventory,
    private readonly options: TraceOptions = {},
  ) {
    this.topo = topologyOf(inv);
    this.evaluator = options.evaluator ?? NO_EVALUATOR;
  }

  /** The subnet's hop and its effective route table, or the unknown hop that stops the trace. */
  subnetStart(subnet: Subnet): { hops: Hop[]; table?: RouteTable; unknown?: Unknown } {
    const hops: Hop[] = [{ kind: 'subnet', label: `subnet ${displayName(subnet.ref)}`, ref: subnet.ref }];
    const eff = this.topo.effectiveRouteTable(subnet);
    if (isUnknown(eff) || !eff) {
      const reason = isUnknown(eff) ? eff.reason : 'no route table applies';
      hops.push({ kind: 'unknown', label: `route table unknown (${reason})` });
      return isUnknown(eff) ? { hops, unknown: eff } : { hops };
    }
    hops.push(this.tableHop(eff.table, eff.explicit ? 'explicit association' : 'main route table of the VPC'));
    return { hops, table: eff.table };
  }

  tableHop(table: RouteTable, how?: string): Hop {
    return { kind: 'route-table', label: `route table ${displayName(table.ref)}${how ? ` (${how})` : ''}`, ref: table.ref };
  }

  /** Every service path from a route table: S3, DynamoDB, then each interface endpoint service of its VPC. */
  servicePaths(table: RouteTable): ServicePath[] {
    const out = [this.familyPath(table, 's3'), this.familyPath(table, 'dynamodb')];
    const seen = new Set<string>();
    for (const ep of this.vpcEndpoints(table)) {
      if (ep.type !== 'Interface' || isUnknown(ep.serviceName) || ep.service?.family) continue;
      if (seen.has(ep.serviceName)) continue;
      seen.add(ep.serviceName);
      out.push(this.interfacePath(table, ep, ep.serviceName));
    }
    const unknownTypes = this.vpcEndpoints(table).filter((ep) => isUnknown(ep.type) || isUnknown(ep.serviceName));
    for (const ep of unknownTypes) {
      out.push({
        service: isUnknown(ep.serviceName) ? `the service of ${displayName(ep.ref)}` : ep.serviceName,
        class: 'unknown',
        summary: `endpoint ${displayName(ep.ref)} has a type or service known only after apply`,
        hops: [{ kind: 'unknown', label: `endpoint ${displayName(ep.ref)}: ${unknownReason(ep)}`, ref: ep.ref }],
      });
    }
    return out;
  }

  /**
   * S3 or DynamoDB: an interface endpoint that answers the service's name, else a gateway endpoint, else the default route.
   * Worked out once per table: `explain --bucket` asks for every subnet, and thousands of subnets can share a table of
   * thousands of routes. Paths are never changed once made, so the subnets of one table share one.
   */
  familyPath(table: RouteTable, family: Family): ServicePath {
    const known = this.familyPaths.get(table);
    const hit = known?.[family];
    if (hit) return hit;
    const path = this.traceFamily(table, family);
    this.familyPaths.set(table, { ...known, [family]: path });
    return path;
  }

  private traceFamily(table: RouteTable, family: Family): ServicePath {
    const service = GATEWAY_FAMILY_LABEL[family];
    const viaDns = this.interfaceByDns(table, family);
    if (viaDns && 'unknown' in viaDns) {
      return { service, class: 'unknown', summary: viaDns.unknown, hops: [{ kind: 'unknown', label: viaDns.unknown }] };
    }
    if (viaDns) return { ...this.interfacePath(table, viaDns.endpoint, service), service };

    const gateway = this.gatewayEndpoint(table, family);
    if (gateway.endpoint) {
      const ep = gateway.endpoint;
      return {
        service,
        class: 'private',
        summary: `through gateway endpoint ${displayName(ep.ref)}`,
        hops: [
          { kind: 'gateway-endpoint', label: `gateway endpoint ${displayName(ep.ref)}`, ref: ep.ref, via: `${service} prefix list`, policy: this.endpointPolicy(ep) },
          { kind: 'service', label: `${service} (private, on the AWS network)` },
        ],
      };
    }
    if (gateway.unknown) return { service, class: 'unknown', summary: gateway.unknown, hops: [{ kind: 'unknown', label: gateway.unknown }] };
    const path = this.defaultRoute(table, service, 0);
    if (gateway.notes.length > 0) path.hops[0] = { ...path.hops[0]!, notes: [...(path.hops[0]!.notes ?? []), ...gateway.notes] };
    return path;
  }

  /** An interface endpoint: reached over the VPC's local route; without private DNS, the public name takes the default route. */
  interfacePath(table: RouteTable, ep: VpcEndpoint, service: string): ServicePath {
    const notes: string[] = [];
    const subnets = ep.subnets.keys.map((k) => this.inv.refByKey(k)).filter((r): r is Ref => r !== undefined);
    if (subnets.length > 0) notes.push(`network interfaces in ${subnets.map(displayName).join(', ')}`);
    else if (ep.subnets.unresolved) notes.push(`its subnets are unknown (${ep.subnets.unresolved})`);
    const groups = ep.securityGroups.keys.map((k) => this.inv.refByKey(k)).filter((r): r is Ref => r !== undefined);
    if (groups.length > 0) notes.push(`security groups ${groups.map(displayName).join(', ')} must admit the client on the service port`);
    const dns = ep.privateDnsEnabled;
    if (isUnknown(dns)) notes.push(`private DNS: unknown (${dns.reason})`);
    else notes.push(dns ? 'private DNS on: the service name resolves to the endpoint in this VPC' : 'private DNS off: only the endpoint-specific DNS names reach it');
    const path: ServicePath = {
      service,
      class: 'private',
      summary: `through interface endpoint ${displayName(ep.ref)}`,
      hops: [
        { kind: 'interface-endpoint', label: `interface endpoint ${displayName(ep.ref)}`, ref: ep.ref, via: 'local route (VPC CIDR)', notes, policy: this.endpointPolicy(ep) },
        { kind: 'service', label: `${service} (private, through PrivateLink)` },
      ],
    };
    if (dns !== true) {
      const open = this.defaultRoute(table, service, 0);
      path.publicName = { ...open, summary: `clients that use the public name: ${open.summary}` };
    }
    return path;
  }

  /** Where 0.0.0.0/0 takes traffic from this table: NAT (and on through the NAT's own subnet), internet gateway, another network, nowhere. */
  defaultRoute(table: RouteTable, service: string, depth: number): ServicePath {
    const end = (cls: PathClass, summary: string, hops: Hop[]): ServicePath => ({ service, class: cls, summary, hops });
    const route = defaultIpv4Route(table);
    if (!route) {
      const unclear = table.routesIncomplete ?? (table.routes.some((r) => isUnknown(r.destination.value)) ? 'a route destination is known only after apply' : undefined);
      if (unclear) return end('unknown', `the routes of ${displayName(table.ref)} are not fully known`, [{ kind: 'unknown', label: `routes not fully known (${unclear})` }]);
      return end('no-route', 'no route for 0.0.0.0/0: requests are dropped', [{ kind: 'dropped', label: `no 0.0.0.0/0 route in ${displayName(table.ref)}: ${service} is unreachable from here` }]);
    }
    const target = route.target;
    if (isUnknown(target)) return end('unknown', 'the 0.0.0.0/0 target is known only after apply', [{ kind: 'unknown', label: `0.0.0.0/0 target unknown (${target.reason})`, via: '0.0.0.0/0' }]);
    const ref = (target.key && this.inv.refByKey(target.key)) || undefined;
    const name = ref ? displayName(ref) : target.id ?? 'not in the inventory';
    switch (target.kind) {
      case 'igw':
        return end('internet', `through internet gateway ${name}: public`, [
          { kind: 'internet-gateway', label: `internet gateway ${name}`, ...(ref ? { ref } : {}), via: '0.0.0.0/0' },
          { kind: 'internet', label: 'internet' },
          { kind: 'service', label: `${service} (public endpoint)` },
        ]);
      case 'nat':
      case 'nat-instance':
        return this.natPath(route, ref, name, service, depth);
      default: {
        const what = OTHER_TARGET[target.kind] ?? target.kind;
        return end('other-network', `through ${what} ${name}: leaves the scanned network`, [
          { kind: 'other-gateway', label: `${what} ${name}`, ...(ref ? { ref } : {}), via: '0.0.0.0/0' },
          { kind: 'unknown', label: `beyond ${what}: not in the scanned network` },
        ]);
      }
    }
  }

  private natPath(route: Route, ref: Ref | undefined, name: string, service: string, depth: number): ServicePath {
    const target = route.target as Exclude<Route['target'], Unknown>;
    const kind = target.kind === 'nat' ? 'nat-gateway' : 'nat-instance';
    const hop: Hop = { kind, label: `${kind === 'nat-gateway' ? 'NAT gateway' : 'NAT instance'} ${name}`, ...(ref ? { ref } : {}), via: '0.0.0.0/0', notes: ['NAT data processing is billed per GB'] };
    const natSubnet = this.subnetOfNat(target.key);
    if (isUnknown(natSubnet) || !natSubnet || depth >= MAX_NAT_DEPTH) {
      const why = isUnknown(natSubnet) ? natSubnet.reason : depth >= MAX_NAT_DEPTH ? 'NATs chained too deep to follow' : 'the NAT is not in the inventory';
      return { service, class: 'nat', summary: `through ${hop.label}`, hops: [hop, { kind: 'unknown', label: `beyond the NAT: not traced (${why})` }] };
    }
    const eff = this.topo.effectiveRouteTable(natSubnet);
    if (isUnknown(eff) || !eff) {
      const why = isUnknown(eff) ? eff.reason : 'no route table applies';
      return { service, class: 'nat', summary: `through ${hop.label}`, hops: [hop, { kind: 'unknown', label: `route table of the NAT's subnet ${displayName(natSubnet.ref)} unknown (${why})` }] };
    }
    const onward = this.defaultRoute(eff.table, service, depth + 1);
    hop.notes!.push(`in subnet ${displayName(natSubnet.ref)}`);
    return {
      service,
      class: 'nat',
      summary: `through ${hop.label}, then ${onward.summary}`,
      hops: [hop, this.tableHop(eff.table, `of the NAT's subnet ${displayName(natSubnet.ref)}`), ...onward.hops],
    };
  }

  private subnetOfNat(key: string | undefined) {
    if (!key) return undefined;
    const nat = this.inv.natGateways.get(key);
    if (nat) return single(nat.subnet, this.inv.subnets);
    const eni = this.inv.networkInterfaces.get(key);
    if (eni) return single(eni.subnet, this.inv.subnets);
    const instance = this.inv.workloads.get(key);
    if (instance) return single(instance.subnets, this.inv.subnets);
    return undefined;
  }

  /** Endpoints of the table's VPC that the plan keeps. */
  private vpcEndpoints(table: RouteTable): VpcEndpoint[] {
    return [...new Set(table.vpc.keys)].flatMap((k) => [...this.topo.endpointsInVpc(k)]).sort((a, b) => (a.ref.key < b.ref.key ? -1 : 1));
  }

  /** An interface endpoint of the family whose private DNS answers in-VPC clients (S3: unless only for the inbound resolver). */
  private interfaceByDns(table: RouteTable, family: Family): { endpoint: VpcEndpoint } | { unknown: string } | undefined {
    for (const ep of this.vpcEndpoints(table)) {
      if (ep.type !== 'Interface' || ep.service?.family !== family) continue;
      const dns = ep.privateDnsEnabled;
      const inboundOnly = ep.privateDnsOnlyForInboundResolver;
      if (isUnknown(dns)) return { unknown: `whether ${displayName(ep.ref)} answers the ${GATEWAY_FAMILY_LABEL[family]} name is known only after apply (private DNS: ${dns.reason})` };
      if (!dns) continue;
      if (isUnknown(inboundOnly)) return { unknown: `whether ${displayName(ep.ref)} answers in-VPC clients is known only after apply (private DNS only for inbound resolver: ${inboundOnly.reason})` };
      if (family === 's3' && inboundOnly !== false) continue;
      return { endpoint: ep };
    }
    return undefined;
  }

  /** The gateway endpoint of the family associated with the table, in its region, as the NAT path rules judge it. */
  private gatewayEndpoint(table: RouteTable, family: Family): { endpoint?: VpcEndpoint; unknown?: string; notes: string[] } {
    const notes: string[] = [];
    let unknownReason: string | undefined;
    for (const ep of this.topo.endpointsRouting(table).sort((a, b) => (a.ref.key < b.ref.key ? -1 : 1))) {
      if (isUnknown(ep.serviceName) || isUnknown(ep.type)) {
        unknownReason ??= `endpoint ${displayName(ep.ref)} on this route table has a service or type known only after apply`;
        continue;
      }
      if (ep.service?.family !== family || ep.type !== 'Gateway') continue;
      const region = table.ref.region ?? ep.ref.region;
      if (ep.service.region && region && ep.service.region !== region) {
        notes.push(`gateway endpoint ${displayName(ep.ref)} names region ${ep.service.region}, not ${region}: it carries nothing`);
        continue;
      }
      if (family === 's3' && this.options.bucketRegion && ep.service.region && this.options.bucketRegion !== ep.service.region) {
        notes.push(`gateway endpoint ${displayName(ep.ref)} serves ${ep.service.region} only; the bucket is in ${this.options.bucketRegion}`);
        continue;
      }
      return { endpoint: ep, notes };
    }
    // As the NAT path rules do: an endpoint whose route tables cannot be told may be on this table.
    for (const ep of unknownReason ? [] : this.topo.endpointsPerhapsOn(table)) {
      if (isGatewayOf(ep, family) !== false) {
        unknownReason = `endpoint ${displayName(ep.ref)} may be on this route table: which route tables it is on cannot be told (${ep.routeTables.unresolved})`;
        break;
      }
    }
    return unknownReason ? { unknown: unknownReason, notes } : { notes };
  }

  private endpointPolicy(ep: VpcEndpoint): PolicyStep | undefined {
    if (ep.policySupported === false) return undefined;
    return judge(this.evaluator, 'endpoint', ep.ref, ep.policy, this.options.requestFor?.(ep));
  }
}

const OTHER_TARGET: Partial<Record<string, string>> = {
  tgw: 'transit gateway',
  pcx: 'VPC peering connection',
  vgw: 'virtual private gateway',
  gateway: 'gateway (internet or virtual private, known only after apply)',
  vpce: 'Gateway Load Balancer endpoint',
  'local-gateway': 'local gateway',
  carrier: 'carrier gateway',
  'core-network': 'Cloud WAN core network',
  eigw: 'egress-only internet gateway',
  local: 'local route',
};

function unknownReason(ep: VpcEndpoint): string {
  if (isUnknown(ep.serviceName)) return `service name unknown (${ep.serviceName.reason})`;
  if (isUnknown(ep.type)) return `type unknown (${ep.type.reason})`;
  return 'unknown';
}
