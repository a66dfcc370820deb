import type { Route as Ec2Route, RouteTable as Ec2RouteTable, IpPermission } from '@aws-sdk/client-ec2';
import type { Inventory } from '../../model/inventory.js';
import type { Route, RouteTable, RouteTarget, SecurityGroupRule, Subnet } from '../../model/nodes.js';
import type { Ref } from '../../model/ref.js';
import { unknown, type Maybe } from '../../model/unknown.js';
import type { Ec2Region } from './ec2.js';
import type { Read } from './reader.js';
import { ec2Ref, linkIds, registerOnce, tagMap, type Place } from './refs.js';

/** Why a field is unknown when the call that would tell was not answered. */
function unread(read: Read<unknown>): string | undefined {
  return read.ok ? undefined : read.reason;
}

const ok = <T>(read: Read<T[]>): T[] => (read.ok ? read.value : []);

/** Registers the refs of every network resource of the region, so links can be made in any order. */
export function registerNetwork(inv: Inventory, r: Ec2Region, place: Place): void {
  for (const v of ok(r.vpcs)) registerOnce(inv, ec2Ref('vpc', 'aws_vpc', v.VpcId!, place, { owner: v.OwnerId, tags: v.Tags }));
  for (const s of ok(r.subnets)) registerOnce(inv, ec2Ref('subnet', 'aws_subnet', s.SubnetId!, place, { owner: s.OwnerId, arn: s.SubnetArn, tags: s.Tags }));
  for (const t of ok(r.routeTables)) registerOnce(inv, ec2Ref('route-table', 'aws_route_table', t.RouteTableId!, place, { owner: t.OwnerId, tags: t.Tags }));
  for (const n of liveNats(r)) registerOnce(inv, ec2Ref('nat-gateway', 'aws_nat_gateway', n.NatGatewayId!, place, { tags: n.Tags }));
  for (const g of ok(r.internetGateways)) registerOnce(inv, ec2Ref('internet-gateway', 'aws_internet_gateway', g.InternetGatewayId!, place, { owner: g.OwnerId, tags: g.Tags }));
  for (const g of ok(r.securityGroups)) registerOnce(inv, ec2Ref('security-group', 'aws_security_group', g.GroupId!, place, { owner: g.OwnerId, arn: g.SecurityGroupArn, tags: g.Tags }));
  for (const p of ok(r.prefixLists)) registerOnce(inv, ec2Ref('prefix-list', 'aws_prefix_list', p.PrefixListId!, place, { owner: 'AWS' }));
  for (const { list } of ok(r.managedPrefixLists)) registerOnce(inv, ec2Ref('prefix-list', 'aws_ec2_managed_prefix_list', list.PrefixListId!, place, { owner: list.OwnerId, arn: list.PrefixListArn, tags: list.Tags }));
  for (const i of ok(r.instances)) {
    registerOnce(inv, ec2Ref('instance', 'aws_instance', i.InstanceId!, place, { tags: i.Tags }));
    for (const eni of i.NetworkInterfaces ?? []) registerOnce(inv, ec2Ref('network-interface', 'aws_network_interface', eni.NetworkInterfaceId!, place, { owner: eni.OwnerId }));
  }
}

function liveNats(r: Ec2Region) {
  // Deleted and failed NAT gateways stay listed for a while; they carry no traffic.
  return ok(r.natGateways).filter((n) => n.State !== 'deleted' && n.State !== 'failed');
}

const ref = (inv: Inventory, id: string): Ref => inv.refById(id)!;

/** VPCs, subnets, route tables with routes and associations, gateways, security groups, prefix lists, instances. */
export function buildNetwork(inv: Inventory, r: Ec2Region): void {
  const vpcsUnread = unread(r.vpcs);
  const tablesUnread = unread(r.routeTables);
  const mains = new Map<string, string>();
  const explicit = new Map<string, string>();
  for (const t of ok(r.routeTables)) {
    for (const a of t.Associations ?? []) {
      if (a.AssociationState?.State && a.AssociationState.State !== 'associated') continue;
      if (a.Main) mains.set(t.VpcId!, t.RouteTableId!);
      else if (a.SubnetId) explicit.set(a.SubnetId, t.RouteTableId!);
    }
  }

  for (const v of ok(r.vpcs)) {
    const id = v.VpcId!;
    const attrs = r.vpcAttributes.get(id);
    const cidrs = (v.CidrBlockAssociationSet ?? []).filter((c) => c.CidrBlockState?.State === 'associated' || !c.CidrBlockState).map((c) => c.CidrBlock!).filter(Boolean);
    const v6 = (v.Ipv6CidrBlockAssociationSet ?? []).filter((c) => c.Ipv6CidrBlockState?.State === 'associated' || !c.Ipv6CidrBlockState).map((c) => c.Ipv6CidrBlock!).filter(Boolean);
    const main = mains.get(id);
    inv.vpcs.set(id, {
      ref: ref(inv, id),
      ...tagMap(v.Tags),
      cidrBlocks: cidrs.length > 0 ? cidrs : v.CidrBlock ? [v.CidrBlock] : [],
      ipv6CidrBlocks: v6,
      enableDnsSupport: attribute(attrs?.enableDnsSupport, `enableDnsSupport of ${id}`),
      enableDnsHostnames: attribute(attrs?.enableDnsHostnames, `enableDnsHostnames of ${id}`),
      mainRouteTable: tablesUnread ? unknown(`the route tables of ${r.region} were not read (${tablesUnread})`) : main ?? unknown(`AWS reported no main route table for ${id}`),
    });
  }

  for (const s of ok(r.subnets)) {
    const id = s.SubnetId!;
    const table = explicit.get(id);
    const subnet: Subnet = {
      ref: ref(inv, id),
      ...tagMap(s.Tags),
      vpc: linkIds(inv, [s.VpcId], ['vpc'], vpcsUnread),
      availabilityZone: s.AvailabilityZone ?? unknown(`no availability zone reported for ${id}`),
      cidrBlock: s.CidrBlock,
      ipv6CidrBlock: s.Ipv6CidrBlockAssociationSet?.find((a) => a.Ipv6CidrBlockState?.State === 'associated' || !a.Ipv6CidrBlockState)?.Ipv6CidrBlock,
      routeTable: tablesUnread ? { keys: [], external: [], unresolved: `the route tables of ${r.region} were not read (${tablesUnread})` } : linkIds(inv, [table], ['route-table']),
    };
    inv.subnets.set(id, subnet);
  }

  for (const t of ok(r.routeTables)) inv.routeTables.set(t.RouteTableId!, routeTable(inv, t, vpcsUnread));

  for (const n of liveNats(r)) {
    inv.natGateways.set(n.NatGatewayId!, {
      ref: ref(inv, n.NatGatewayId!),
      ...tagMap(n.Tags),
      subnet: linkIds(inv, [n.SubnetId], ['subnet'], unread(r.subnets)),
      connectivityType: n.ConnectivityType === 'private' ? 'private' : 'public',
    });
  }
  for (const g of ok(r.internetGateways)) {
    inv.internetGateways.set(g.InternetGatewayId!, {
      ref: ref(inv, g.InternetGatewayId!),
      ...tagMap(g.Tags),
      vpc: linkIds(inv, (g.Attachments ?? []).map((a) => a.VpcId), ['vpc'], vpcsUnread),
      egressOnly: false,
    });
  }
  buildSecurityGroups(inv, r);
  buildPrefixLists(inv, r);
  buildInstances(inv, r);
}

function attribute(read: Read<boolean | undefined> | undefined, what: string): Maybe<boolean> {
  if (!read) return unknown(`${what} was not read`);
  if (!read.ok) return unknown(read.reason);
  return read.value ?? unknown(`${what} was not reported`);
}

function routeTable(inv: Inventory, t: Ec2RouteTable, vpcsUnread: string | undefined): RouteTable {
  const tableRef = ref(inv, t.RouteTableId!);
  const routes: Route[] = [];
  for (const r of t.Routes ?? []) {
    // A blackhole route's target is gone: the traffic it matches is dropped, not sent anywhere.
    if (r.State === 'blackhole') continue;
    routes.push({ destination: destination(r), target: target(inv, r), origin: 'live', declaredBy: tableRef });
  }
  const subnets = (t.Associations ?? []).filter((a) => !a.Main && a.SubnetId && (!a.AssociationState || a.AssociationState.State === 'associated')).map((a) => a.SubnetId!);
  return {
    ref: tableRef,
    ...tagMap(t.Tags),
    vpc: linkIds(inv, [t.VpcId], ['vpc'], vpcsUnread),
    routes,
    subnets: linkIds(inv, subnets, ['subnet']).keys,
  };
}

function destination(r: Ec2Route): Route['destination'] {
  if (r.DestinationCidrBlock) return { kind: 'ipv4', value: r.DestinationCidrBlock };
  if (r.DestinationIpv6CidrBlock) return { kind: 'ipv6', value: r.DestinationIpv6CidrBlock };
  if (r.DestinationPrefixListId) return { kind: 'prefix-list', value: r.DestinationPrefixListId };
  return { kind: 'ipv4', value: unknown('AWS reported a route without a destination') };
}

/** Route fields in the order they decide the target: an instance route also names the instance's interface. */
const TARGETS: [keyof Ec2Route, RouteTarget['kind']][] = [
  ['NatGatewayId', 'nat'],
  ['InstanceId', 'nat-instance'],
  ['NetworkInterfaceId', 'nat-instance'],
  ['TransitGatewayId', 'tgw'],
  ['VpcPeeringConnectionId', 'pcx'],
  ['EgressOnlyInternetGatewayId', 'eigw'],
  ['CarrierGatewayId', 'carrier'],
  ['LocalGatewayId', 'local-gateway'],
  ['CoreNetworkArn', 'core-network'],
];

function target(inv: Inventory, r: Ec2Route): Maybe<RouteTarget> {
  const gw = r.GatewayId;
  if (gw === 'local') return { kind: 'local' };
  if (gw) {
    const kind = gw.startsWith('igw-') ? 'igw' : gw.startsWith('vgw-') ? 'vgw' : gw.startsWith('vpce-') ? 'vpce' : 'gateway';
    return withKey(inv, kind, gw);
  }
  for (const [field, kind] of TARGETS) {
    const id = r[field];
    if (typeof id === 'string' && id) return withKey(inv, kind, id);
  }
  return unknown('AWS reported a route without a target');
}

function withKey(inv: Inventory, kind: RouteTarget['kind'], id: string): RouteTarget {
  const key = inv.refById(id)?.key;
  return { kind, id, ...(key ? { key } : {}) };
}

function buildSecurityGroups(inv: Inventory, r: Ec2Region): void {
  for (const g of ok(r.securityGroups)) {
    const sgRef = ref(inv, g.GroupId!);
    const rules = (direction: 'ingress' | 'egress', perms: IpPermission[] | undefined): SecurityGroupRule[] =>
      (perms ?? []).map((p) => permission(inv, g.GroupId!, sgRef, direction, p, unread(r.prefixLists)));
    inv.securityGroups.set(g.GroupId!, {
      ref: sgRef,
      ...tagMap(g.Tags),
      vpc: linkIds(inv, [g.VpcId], ['vpc'], unread(r.vpcs)),
      ...(g.GroupName !== undefined ? { groupName: g.GroupName } : {}),
      ingress: rules('ingress', g.IpPermissions),
      egress: rules('egress', g.IpPermissionsEgress),
    });
  }
}

/** One IpPermission is one rule, as one inline Terraform block is. */
function permission(inv: Inventory, groupId: string, sgRef: Ref, direction: 'ingress' | 'egress', p: IpPermission, listsUnread: string | undefined): SecurityGroupRule {
  const pairs = (p.UserIdGroupPairs ?? []).map((u) => u.GroupId);
  const description = [...(p.IpRanges ?? []), ...(p.Ipv6Ranges ?? []), ...(p.PrefixListIds ?? []), ...(p.UserIdGroupPairs ?? [])].find((x) => x.Description)?.Description;
  return {
    direction,
    protocol: p.IpProtocol ?? '-1',
    fromPort: p.FromPort,
    toPort: p.ToPort,
    ipv4: (p.IpRanges ?? []).map((x) => x.CidrIp!).filter(Boolean),
    ipv6: (p.Ipv6Ranges ?? []).map((x) => x.CidrIpv6!).filter(Boolean),
    prefixLists: linkIds(inv, (p.PrefixListIds ?? []).map((x) => x.PrefixListId), ['prefix-list'], listsUnread),
    groups: linkIds(inv, pairs.filter((id) => id !== groupId), ['security-group']),
    self: pairs.includes(groupId),
    ...(description ? { description } : {}),
    declaredBy: sgRef,
  };
}

function buildPrefixLists(inv: Inventory, r: Ec2Region): void {
  for (const p of ok(r.prefixLists)) {
    if (inv.prefixLists.has(p.PrefixListId!)) continue;
    inv.prefixLists.set(p.PrefixListId!, { ref: ref(inv, p.PrefixListId!), prefixListName: p.PrefixListName, cidrs: p.Cidrs ?? [] });
  }
  for (const { list, entries } of ok(r.managedPrefixLists)) {
    if (inv.prefixLists.has(list.PrefixListId!)) continue;
    inv.prefixLists.set(list.PrefixListId!, {
      ref: ref(inv, list.PrefixListId!),
      ...tagMap(list.Tags),
      prefixListName: list.PrefixListName,
      cidrs: entries.ok ? entries.value.map((e) => e.Cidr!).filter(Boolean) : unknown(entries.reason),
    });
  }
}

function buildInstances(inv: Inventory, r: Ec2Region): void {
  for (const i of ok(r.instances)) {
    const id = i.InstanceId!;
    const enis = i.NetworkInterfaces ?? [];
    inv.workloads.set(id, {
      ref: ref(inv, id),
      ...tagMap(i.Tags),
      workloadKind: 'instance',
      subnets: linkIds(inv, enis.length > 0 ? enis.map((e) => e.SubnetId) : [i.SubnetId], ['subnet'], unread(r.subnets)),
      securityGroups: linkIds(inv, (i.SecurityGroups ?? []).map((g) => g.GroupId), ['security-group'], unread(r.securityGroups)),
    });
    for (const eni of enis) {
      inv.networkInterfaces.set(eni.NetworkInterfaceId!, {
        ref: ref(inv, eni.NetworkInterfaceId!),
        subnet: linkIds(inv, [eni.SubnetId], ['subnet'], unread(r.subnets)),
        instance: { keys: [id], external: [] },
      });
    }
  }
}
