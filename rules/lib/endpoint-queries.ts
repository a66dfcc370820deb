import type { Inventory } from '../../src/model/inventory.js';
import type { Link, Subnet, VpcEndpoint } from '../../src/model/nodes.js';
import { displayName } from '../../src/model/ref.js';
import type { GatewayFamily } from '../../src/model/topology.js';
import { isUnknown } from '../../src/model/unknown.js';

/** Interface endpoints that exist after apply. */
export function interfaceEndpoints(inv: Inventory): VpcEndpoint[] {
  return [...inv.vpcEndpoints.values()].filter((ep) => !ep.destroyed && ep.type === 'Interface');
}

/** The endpoint's service for messages: its name, or that it is unknown (why is said where it matters). */
export function serviceLabel(ep: VpcEndpoint): string {
  return isUnknown(ep.serviceName) ? 'service unknown' : ep.serviceName;
}

/** "aws_vpc_endpoint.ssm (com.amazonaws.eu-west-1.ssm)". */
export function endpointLabel(ep: VpcEndpoint): string {
  return `${displayName(ep.ref)} (${serviceLabel(ep)})`;
}

/**
 * A VPC's identity for comparing links: its inventory key, or its AWS id when
 * the VPC is outside the inventory. Undefined when the link names no single VPC.
 */
export function vpcIdentity(link: Link): string | undefined {
  if (link.unresolved) return undefined;
  const all = [...link.keys, ...link.external];
  return all.length === 1 ? all[0] : undefined;
}

/** Why an endpoint's VPC cannot be told, for diagnostics. */
export function vpcUnclear(link: Link): string {
  if (link.unresolved) return link.unresolved;
  const all = [...link.keys, ...link.external];
  return all.length === 0 ? 'no VPC is named' : `the VPC is ambiguous (${all.join(', ')})`;
}

export interface GatewayLookup {
  endpoints: VpcEndpoint[];
  /** Set when an endpoint of the VPC has an unknown type or service, so absence cannot be told. */
  unclear?: string;
}

interface ByVpc {
  endpoints: Map<string, VpcEndpoint[]>;
  subnets: Map<string, Subnet[]>;
}

const BY_VPC = new WeakMap<Inventory, ByVpc>();

/** Endpoints (that exist after apply) and subnets by VPC identity, built once per inventory: rules ask per endpoint. */
function byVpc(inv: Inventory): ByVpc {
  let index = BY_VPC.get(inv);
  if (index) return index;
  index = { endpoints: new Map(), subnets: new Map() };
  for (const ep of inv.vpcEndpoints.values()) {
    const vpc = vpcIdentity(ep.vpc);
    if (!ep.destroyed && vpc !== undefined) append(index.endpoints, vpc, ep);
  }
  for (const subnet of inv.subnets.values()) {
    const vpc = vpcIdentity(subnet.vpc);
    if (vpc !== undefined) append(index.subnets, vpc, subnet);
  }
  BY_VPC.set(inv, index);
  return index;
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Endpoints of a VPC (by identity) that exist after apply. */
export function endpointsInVpc(inv: Inventory, vpc: string): readonly VpcEndpoint[] {
  return byVpc(inv).endpoints.get(vpc) ?? [];
}

/** Subnets of a VPC (by identity). */
export function subnetsInVpc(inv: Inventory, vpc: string): readonly Subnet[] {
  return byVpc(inv).subnets.get(vpc) ?? [];
}

/** Gateway endpoints of a service family in a VPC (and the VPC's region, when known). */
export function gatewayEndpointsInVpc(inv: Inventory, vpc: string, family: GatewayFamily, region?: string): GatewayLookup {
  const endpoints: VpcEndpoint[] = [];
  let unclear: string | undefined;
  for (const ep of endpointsInVpc(inv, vpc)) {
    // Plans: known only after apply; live: missing from the API's answer. The reason says which.
    const unknownPart = isUnknown(ep.type) ? `type (${ep.type.reason})` : isUnknown(ep.serviceName) ? `service (${ep.serviceName.reason})` : undefined;
    if (unknownPart) {
      unclear ??= `${displayName(ep.ref)} has an unknown ${unknownPart}`;
      continue;
    }
    if (ep.type !== 'Gateway' || ep.service?.family !== family) continue;
    if (region && ep.service.region && ep.service.region !== region) continue;
    endpoints.push(ep);
  }
  return unclear ? { endpoints, unclear } : { endpoints };
}
