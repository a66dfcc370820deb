import type { Inventory } from '../../model/inventory.js';
import type { EndpointType, PolicySource, VpcEndpoint } from '../../model/nodes.js';
import { parseServiceName } from '../../model/service-name.js';
import { unknown } from '../../model/unknown.js';
import type { Ec2Region } from './ec2.js';
import { ec2Ref, linkIds, registerOnce, tagMap, type Place } from './refs.js';

const TYPES: readonly EndpointType[] = ['Gateway', 'Interface', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'];
/** Endpoints in these states are gone or never carried traffic: kept only so that references to them can be judged. */
const GONE = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired']);

export function registerEndpoints(inv: Inventory, r: Ec2Region, place: Place): void {
  if (r.vpcEndpoints.ok) {
    for (const e of r.vpcEndpoints.value) registerOnce(inv, ec2Ref('vpc-endpoint', 'aws_vpc_endpoint', e.VpcEndpointId!, place, { owner: e.OwnerId, tags: e.Tags }));
  } else {
    for (const id of routedEndpoints(r)) registerOnce(inv, ec2Ref('vpc-endpoint', 'aws_vpc_endpoint', id, place));
  }
  if (r.serviceConfigurations.ok) {
    for (const { config } of r.serviceConfigurations.value) registerOnce(inv, ec2Ref('endpoint-service', 'aws_vpc_endpoint_service', config.ServiceId!, place, { tags: config.Tags }));
  }
}

/**
 * Endpoints with their route tables, subnets, security groups and policy.
 * When the endpoints could not be read, each endpoint a route points at is
 * kept as a node whose every field is unknown, so no rule takes the route for
 * one that leads nowhere.
 */
export function buildEndpoints(inv: Inventory, r: Ec2Region): void {
  if (!r.vpcEndpoints.ok) {
    placeholders(inv, r, r.vpcEndpoints.reason);
  } else {
    const supported = new Map<string, boolean>();
    // Whether an interface endpoint of the service can have private DNS: the service names a private DNS name (DynamoDB's does not).
    const privateDns = new Map<string, boolean>();
    if (r.serviceDetails.ok) {
      for (const s of r.serviceDetails.value) {
        if (!s.ServiceName) continue;
        if (s.VpcEndpointPolicySupported !== undefined) supported.set(s.ServiceName, s.VpcEndpointPolicySupported);
        if (s.ServiceType?.some((t) => t.ServiceType === 'Interface')) privateDns.set(s.ServiceName, Boolean(s.PrivateDnsName || s.PrivateDnsNames?.some((n) => n.PrivateDnsName)));
      }
    }
    for (const e of r.vpcEndpoints.value) {
      const id = e.VpcEndpointId!;
      const epRef = inv.refById(id)!;
      const type = TYPES.find((t) => t.toLowerCase() === e.VpcEndpointType?.toLowerCase());
      const service = e.ServiceName ? parseServiceName(e.ServiceName) : undefined;
      const policySupported = e.ServiceName ? supported.get(e.ServiceName) : undefined;
      const privateDnsSupported = e.ServiceName && type === 'Interface' ? privateDns.get(e.ServiceName) : undefined;
      const policy: PolicySource = e.PolicyDocument !== undefined
        ? { kind: 'document', text: e.PolicyDocument, holder: epRef, attribute: 'policy', sensitive: false }
        : { kind: 'absent' };
      const endpoint: VpcEndpoint = {
        ref: epRef,
        ...tagMap(e.Tags),
        vpc: linkIds(inv, [e.VpcId], ['vpc'], r.vpcs.ok ? undefined : r.vpcs.reason),
        type: type ?? unknown(`${id}: endpoint type ${JSON.stringify(e.VpcEndpointType)} is not one vpcelint knows`),
        serviceName: e.ServiceName ?? unknown(`${id} has no service name (a ${e.VpcEndpointType ?? 'typeless'} endpoint)`),
        ...(service ? { service } : {}),
        policy,
        routeTables: linkIds(inv, e.RouteTableIds ?? [], ['route-table'], r.routeTables.ok ? undefined : r.routeTables.reason),
        subnets: linkIds(inv, e.SubnetIds ?? [], ['subnet'], r.subnets.ok ? undefined : r.subnets.reason),
        securityGroups: linkIds(inv, (e.Groups ?? []).map((g) => g.GroupId), ['security-group'], r.securityGroups.ok ? undefined : r.securityGroups.reason),
        privateDnsEnabled: e.PrivateDnsEnabled ?? false,
        privateDnsOnlyForInboundResolver: e.DnsOptions?.PrivateDnsOnlyForInboundResolverEndpoint,
        ...(policySupported !== undefined ? { policySupported } : {}),
        ...(privateDnsSupported !== undefined ? { privateDnsSupported } : {}),
        ...(GONE.has((e.State ?? '').toLowerCase()) ? { destroyed: true } : {}),
      };
      inv.vpcEndpoints.set(id, endpoint);
    }
  }
  buildEndpointServices(inv, r);
}

/** Endpoints that routes of the region point at (gateway endpoints' prefix-list routes). */
function routedEndpoints(r: Ec2Region): Set<string> {
  const ids = new Set<string>();
  if (r.routeTables.ok) for (const t of r.routeTables.value) for (const route of t.Routes ?? []) if (route.GatewayId?.startsWith('vpce-')) ids.add(route.GatewayId);
  return ids;
}

function placeholders(inv: Inventory, r: Ec2Region, reason: string): void {
  for (const id of routedEndpoints(r)) {
    const epRef = inv.refById(id);
    if (!epRef || inv.vpcEndpoints.has(id)) continue;
    const why = `the endpoints of ${r.region} were not read (${reason})`;
    inv.vpcEndpoints.set(id, {
      ref: epRef,
      vpc: { keys: [], external: [], unresolved: why },
      type: unknown(why),
      serviceName: unknown(why),
      policy: { kind: 'unknown', reason: why, holder: epRef, attribute: 'policy' },
      routeTables: { keys: [], external: [], unresolved: why },
      subnets: { keys: [], external: [], unresolved: why },
      securityGroups: { keys: [], external: [], unresolved: why },
      privateDnsEnabled: unknown(why),
      privateDnsOnlyForInboundResolver: unknown(why),
    });
  }
}

function buildEndpointServices(inv: Inventory, r: Ec2Region): void {
  if (!r.serviceConfigurations.ok) return;
  for (const { config, principals } of r.serviceConfigurations.value) {
    const id = config.ServiceId!;
    inv.endpointServices.set(id, {
      ref: inv.refById(id)!,
      ...tagMap(config.Tags),
      acceptanceRequired: config.AcceptanceRequired ?? unknown(`${id}: acceptance setting not reported`),
      allowedPrincipals: principals.ok ? principals.value.map((p) => p.Principal!).filter(Boolean) : unknown(principals.reason),
      ...(config.ServiceName ? { serviceName: config.ServiceName } : {}),
    });
  }
}
