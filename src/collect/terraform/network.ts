import type { Link, Route, RouteTable, RouteTarget, TargetKind } from '../../model/nodes.js';
import type { NodeKind } from '../../model/ref.js';
import { isUnknown, unknown, type Maybe } from '../../model/unknown.js';
import { bool, declRef, instancesOf, merge, refOf, str, tagsOf, type BuildContext } from './context.js';
import { blockExpressions, isExpression } from './config.js';
import { attr, field, type Instance } from './instances.js';
import { referenceStrings } from './expression-references.js';
import { kindOf } from './resource-kinds.js';
import { assignMainTables } from './main-tables.js';
import { also, keepUnattached, markSuspectedOwners, ownership, ownershipIn, soleVpc, suspectsText, type Unattached } from './unattached.js';

/** VPCs, subnets, route tables and their routes and associations, NAT and internet gateways. */
export function buildNetwork(ctx: BuildContext): void {
  buildVpcs(ctx);
  buildGateways(ctx);
  buildRouteTables(ctx);
  buildSubnets(ctx);
  const routes = attachRoutes(ctx);
  const associations = attachAssociations(ctx);
  assignMainTables(ctx);
  // After the main tables: an implicit main table may be what a route names.
  markUnattached(ctx, routes, associations);
}

function buildVpcs(ctx: BuildContext): void {
  const secondary = secondaryCidrs(ctx);
  for (const inst of instancesOf(ctx, 'aws_vpc', 'aws_default_vpc', 'data.aws_vpc')) {
    const ref = refOf(ctx, inst);
    const cidr = str(inst, 'cidr_block');
    const isDefault = inst.type === 'aws_default_vpc' || field(inst, 'default') === true;
    ctx.inv.vpcs.set(ref.key, {
      ref,
      ...tagsField(inst),
      cidrBlocks: isUnknown(cidr) ? cidr : [...(cidr ? [cidr] : []), ...(secondary.get(inst.address) ?? [])],
      ipv6CidrBlocks: ipv6Of(inst),
      enableDnsSupport: orUnknown(bool(inst, 'enable_dns_support', inst.mode === 'data' ? undefined : true), 'DNS support of the VPC'),
      enableDnsHostnames: orUnknown(unsetIsDefault(ctx, inst, 'enable_dns_hostnames', inst.mode === 'data' ? undefined : isDefault), 'DNS hostnames of the VPC'),
      mainRouteTable: undefined,
    });
  }
}

/** Secondary CIDRs from aws_vpc_ipv4_cidr_block_association, by VPC key. */
function secondaryCidrs(ctx: BuildContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const assoc of instancesOf(ctx, 'aws_vpc_ipv4_cidr_block_association')) {
    const cidr = str(assoc, 'cidr_block');
    if (typeof cidr !== 'string') continue;
    for (const key of ctx.resolver.link(assoc, ['vpc_id'], ['vpc']).keys) out.set(key, [...(out.get(key) ?? []), cidr]);
  }
  return out;
}

function ipv6Of(inst: Instance): Maybe<string[]> {
  const v = str(inst, 'ipv6_cidr_block');
  if (isUnknown(v)) return bool(inst, 'assign_generated_ipv6_cidr_block', false) === true ? v : [];
  return v ? [v] : [];
}

/**
 * Optional and computed booleans (`enable_dns_hostnames`) are unknown in the plan of a new
 * resource that does not set them; the provider then keeps AWS's default.
 */
function unsetIsDefault(ctx: BuildContext, inst: Instance, name: string, dflt: boolean | undefined): Maybe<boolean | undefined> {
  const v = bool(inst, name, dflt);
  const created = inst.action === 'create' || inst.action === 'replace';
  return isUnknown(v) && created && !ctx.resolver.expressionOf(inst, [name]) ? dflt : v;
}

function orUnknown<T>(v: Maybe<T | undefined>, what: string): Maybe<T> {
  return v === undefined ? unknown(`${what} is not recorded`) : v;
}

function tagsField(inst: Instance): { tags?: Record<string, string> } {
  const tags = tagsOf(inst);
  return tags ? { tags } : {};
}

function buildGateways(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_nat_gateway', 'data.aws_nat_gateway')) {
    const ref = refOf(ctx, inst);
    const ct = str(inst, 'connectivity_type');
    ctx.inv.natGateways.set(ref.key, {
      ref,
      ...tagsField(inst),
      subnet: ctx.resolver.link(inst, ['subnet_id'], ['subnet']),
      connectivityType: isUnknown(ct) ? ct : ct === 'private' ? 'private' : 'public',
    });
  }
  for (const inst of instancesOf(ctx, 'aws_internet_gateway', 'data.aws_internet_gateway', 'aws_egress_only_internet_gateway')) {
    const ref = refOf(ctx, inst);
    const vpc = inst.mode === 'data'
      ? linkFirstAttachment(ctx, inst)
      : ctx.resolver.link(inst, ['vpc_id'], ['vpc']);
    ctx.inv.internetGateways.set(ref.key, { ref, ...tagsField(inst), vpc, egressOnly: inst.type === 'aws_egress_only_internet_gateway' });
  }
}

function linkFirstAttachment(ctx: BuildContext, inst: Instance): Link {
  return ctx.resolver.link(inst, ['attachments', 0, 'vpc_id'], ['vpc']);
}

function buildRouteTables(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_route_table', 'aws_default_route_table', 'data.aws_route_table')) {
    const ref = refOf(ctx, inst);
    const table: RouteTable = { ref, ...tagsField(inst), vpc: ctx.resolver.link(inst, ['vpc_id'], ['vpc']), routes: [], subnets: [] };
    const routesAttr = inst.mode === 'data' ? 'routes' : 'route';
    const routes = attr(inst, routesAttr);
    if (isUnknown(routes)) {
      // Optional and computed: with nothing in the configuration, the routes come from aws_route resources.
      if (inst.mode === 'data' || ctx.resolver.expressionOf(inst, [routesAttr])) {
        table.routesIncomplete = `the inline routes of ${inst.address} are known only after apply`;
      }
    } else if (Array.isArray(routes)) {
      routes.forEach((_, i) => table.routes.push(inlineRoute(ctx, inst, routesAttr, i)));
    }
    table.routes.push({ destination: { kind: 'ipv4', value: 'local' }, target: { kind: 'local' }, origin: 'inline', declaredBy: ref });
    ctx.inv.routeTables.set(ref.key, table);
  }
}

/** Route target fields of aws_route and inline route blocks, with the kind each one means. */
const TARGET_FIELDS: { field: string; kind: TargetKind | 'gateway' | 'eni' | 'instance'; nodeKinds: NodeKind[] }[] = [
  { field: 'nat_gateway_id', kind: 'nat', nodeKinds: ['nat-gateway'] },
  { field: 'gateway_id', kind: 'gateway', nodeKinds: ['internet-gateway', 'nat-gateway', 'vpc-endpoint', 'other'] },
  { field: 'egress_only_gateway_id', kind: 'eigw', nodeKinds: ['egress-only-gateway'] },
  { field: 'network_interface_id', kind: 'eni', nodeKinds: ['network-interface'] },
  { field: 'instance_id', kind: 'instance', nodeKinds: ['instance'] },
  { field: 'transit_gateway_id', kind: 'tgw', nodeKinds: ['other'] },
  { field: 'vpc_peering_connection_id', kind: 'pcx', nodeKinds: ['other'] },
  { field: 'vpc_endpoint_id', kind: 'vpce', nodeKinds: ['vpc-endpoint'] },
  { field: 'carrier_gateway_id', kind: 'carrier', nodeKinds: ['other'] },
  { field: 'local_gateway_id', kind: 'local-gateway', nodeKinds: ['other'] },
  { field: 'core_network_arn', kind: 'core-network', nodeKinds: ['other'] },
];

const DESTINATIONS: { field: string; kind: 'ipv4' | 'ipv6' | 'prefix-list' }[] = [
  { field: 'cidr_block', kind: 'ipv4' },
  { field: 'destination_cidr_block', kind: 'ipv4' },
  { field: 'ipv6_cidr_block', kind: 'ipv6' },
  { field: 'destination_ipv6_cidr_block', kind: 'ipv6' },
  { field: 'destination_prefix_list_id', kind: 'prefix-list' },
];

function inlineRoute(ctx: BuildContext, inst: Instance, listAttr: string, index: number): Route {
  const path = [listAttr, index];
  const destination = destinationOf(inst, path);
  const target = targetOf(ctx, inst, path, (field) => inlineTargetExpression(ctx, inst, listAttr, destination.value, field));
  return { destination, target, origin: 'inline', declaredBy: refOf(ctx, inst) };
}

function destinationOf(inst: Instance, path: (string | number)[]): Route['destination'] {
  for (const d of DESTINATIONS) {
    const v = attr(inst, ...path, d.field);
    if (v === undefined) continue;
    const value = isUnknown(v) ? v : typeof v === 'string' ? v : unknown(`${inst.address}.${d.field} is not a string`);
    return { kind: d.kind, value };
  }
  return { kind: 'ipv4', value: unknown(`no destination in ${inst.address}`) };
}

/**
 * The target of a route. Terraform leaves the unset target fields of a new
 * `aws_route` unknown (they are optional and computed), so a field counts when
 * its value is known and set, or unknown but written in the configuration. A
 * field known only after apply still tells the kind (a NAT gateway, say); the
 * exact node comes from the configuration's references.
 */
function targetOf(
  ctx: BuildContext,
  inst: Instance,
  path: (string | number)[],
  expressionFor: (field: string) => ReturnType<BuildContext['resolver']['expressionOf']>,
): Maybe<RouteTarget> {
  // Each target field read once: every route of every table asks all ten.
  const values = TARGET_FIELDS.map((t) => attr(inst, ...path, t.field));
  const set = TARGET_FIELDS.filter((_, i) => values[i] !== undefined && !isUnknown(values[i]));
  const pending = TARGET_FIELDS.filter((_, i) => isUnknown(values[i]));
  const written = pending.filter((t) => expressionFor(t.field) !== undefined);
  const chosen = set[0] ?? (written.length === 1 ? written[0] : pending.length === 1 ? pending[0] : undefined);
  if (!chosen) {
    return unknown(written.length > 1 || pending.length > 1
      ? `${inst.address}: the route target is known only after apply and the configuration does not say which kind it is`
      : `${inst.address}: no route target is set`);
  }
  const v = values[TARGET_FIELDS.indexOf(chosen)];
  const expr = isUnknown(v) ? expressionFor(chosen.field) : undefined;
  let link: Link;
  if (!isUnknown(v)) link = ctx.resolver.link(inst, [...path, chosen.field], chosen.nodeKinds);
  else if (!expr) link = { keys: [], external: [], unresolved: v.reason };
  // An aws_route's own attribute goes through link() (the same expression), where the source may tell what its references do not.
  else if (path.length === 0) link = ctx.resolver.link(inst, [chosen.field], chosen.nodeKinds);
  else link = ctx.resolver.linkExpression(inst, expr, chosen.nodeKinds);
  const key = link.keys.length === 1 ? link.keys[0] : undefined;
  const id = typeof v === 'string' ? v : undefined;
  const kind = resolveKind(ctx, chosen.kind, key, id);
  if (kind === undefined) {
    const why = id !== undefined
      ? `is ${JSON.stringify(id)}, which is not the id of an internet, virtual private or NAT gateway or of an endpoint, so where the route leads cannot be told`
      : `is known only after apply and ${!expr ? 'the plan records no expression for it' : link.keys.length > 1 ? `may name any of ${link.keys.join(', ')}` : link.unresolved ? `its reference cannot be followed (${link.unresolved})` : 'its reference names no gateway in the plan'}, so whether it is a NAT gateway cannot be told`;
    return unknown(`${inst.address}: ${chosen.field} ${why}`);
  }
  return { kind, ...(key ? { key } : {}), ...(id ? { id } : {}) };
}

function resolveKind(ctx: BuildContext, kind: TargetKind | 'gateway' | 'eni' | 'instance', key: string | undefined, id: string | undefined): TargetKind | undefined {
  if (kind === 'eni' || kind === 'instance') return 'nat-instance';
  if (kind !== 'gateway') return kind;
  // gateway_id holds an internet gateway, a virtual private gateway, (edge routes) an endpoint, or a NAT gateway:
  // AWS accepts a NAT gateway's id there and routes through the NAT (terraform-provider-aws issues 9445, 31124).
  const type = (key ? ctx.inv.refByKey(key)?.type ?? ctx.table.byAddress.get(key)?.type : undefined)?.replace(/^data\./, '');
  if (type === 'aws_internet_gateway') return 'igw';
  if (type === 'aws_vpn_gateway') return 'vgw';
  if (type === 'aws_vpc_endpoint') return 'vpce';
  if (type === 'aws_nat_gateway') return 'nat';
  if (id?.startsWith('igw-')) return 'igw';
  if (id?.startsWith('vgw-')) return 'vgw';
  if (id?.startsWith('vpce-')) return 'vpce';
  if (id?.startsWith('nat-')) return 'nat';
  if (id === 'local') return 'local';
  // A resource of the plan of another type (a transit gateway, say): some gateway, not a NAT. Anything else is unknown.
  return type !== undefined ? 'gateway' : undefined;
}

/** Finds the configuration expression of an inline route's target: by matching block, or from a flat `route` expression. */
function inlineTargetExpression(ctx: BuildContext, inst: Instance, listAttr: string, destination: Maybe<string>, field: string) {
  const cfg = ctx.resolver.configOf(inst)?.expressions;
  const blocks = blockExpressions(cfg, listAttr);
  if (blocks) {
    const match = blocks.find((b) => DESTINATIONS.some((d) => constantOf(b[d.field]) === destination)) ?? (blocks.length === 1 ? blocks[0] : undefined);
    const expr = match?.[field];
    return isExpression(expr) ? expr : undefined;
  }
  // "Attributes as blocks" can come out as one flat expression naming every target of every route: keep the
  // references to resources of the field's type, and use them only when there is exactly one such resource.
  const flat = cfg?.[listAttr];
  if (!isExpression(flat) || !Array.isArray(flat.references)) return undefined;
  const wanted = TARGET_FIELDS.find((t) => t.field === field)?.nodeKinds ?? [];
  const refs = referenceStrings(flat).filter((r) => {
    const m = /^(?:module\.[^.]+\.)?(data\.)?([a-z0-9_]+)\./.exec(r);
    const k = m ? kindOf(m[1] ? 'data' : 'managed', m[2]!) : undefined;
    return r.startsWith('module.') || (k !== undefined && wanted.includes(k));
  });
  return refs.length > 0 ? { references: refs } : undefined;
}

function constantOf(expr: unknown): unknown {
  return isExpression(expr) ? expr.constant_value : undefined;
}

function buildSubnets(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_subnet', 'aws_default_subnet', 'data.aws_subnet')) {
    const ref = refOf(ctx, inst);
    const az = str(inst, 'availability_zone');
    ctx.inv.subnets.set(ref.key, {
      ref,
      ...tagsField(inst),
      vpc: ctx.resolver.link(inst, ['vpc_id'], ['vpc']),
      availabilityZone: az === undefined ? unknown('no availability zone set') : az,
      cidrBlock: str(inst, 'cidr_block'),
      ipv6CidrBlock: str(inst, 'ipv6_cidr_block'),
      routeTable: { keys: [], external: [] },
    });
  }
}

/** Separate aws_route resources join the route list of their table; those whose table cannot be told are returned. */
function attachRoutes(ctx: BuildContext): Unattached[] {
  const unattached: Unattached[] = [];
  for (const inst of instancesOf(ctx, 'aws_route')) {
    const tables = ctx.resolver.link(inst, ['route_table_id'], ['route-table']);
    const route: Route = {
      destination: destinationOf(inst, []),
      target: targetOf(ctx, inst, [], (field) => ctx.resolver.expressionOf(inst, [field])),
      origin: 'resource',
      declaredBy: declRef(ctx, inst),
    };
    const owner = ownershipIn(ctx, tables, 'route table');
    if (owner.kind === 'one') {
      ctx.inv.routeTables.get(owner.key)?.routes.push(route);
      continue;
    }
    if (owner.kind === 'outside') continue;
    if (owner.kind === 'none') {
      ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which route table it belongs to (no route_table_id); the route is ignored` });
      continue;
    }
    const dest = isUnknown(route.destination.value) ? 'a route' : `its ${route.destination.value} route`;
    const vpc = isUnknown(route.target) ? undefined : targetVpc(ctx, route.target);
    const consequence = 'the route tables it may belong to count as incomplete';
    keepUnattached(ctx, unattached, inst, owner, { noun: 'route table', consequence, part: 'routes', action: `add ${dest} to`, ...(vpc ? { vpc } : {}) });
  }
  return unattached;
}

/** The VPC of a route's target when the plan tells it (a NAT gateway's subnet's, an internet gateway's): the table's own. */
function targetVpc(ctx: BuildContext, target: RouteTarget): string | undefined {
  if (!target.key) return undefined;
  const nat = ctx.inv.natGateways.get(target.key);
  if (nat) {
    const subnet = ownership(nat.subnet);
    return subnet.kind === 'one' ? soleVpc(ctx.inv.subnets.get(subnet.key)?.vpc) : undefined;
  }
  return soleVpc(ctx.inv.internetGateways.get(target.key)?.vpc);
}

/** Subnet associations; those whose subnet cannot be told are returned. */
function attachAssociations(ctx: BuildContext): Unattached[] {
  const unattached: Unattached[] = [];
  // Each table's subnets as a set while they are added: a search of the list per association was quadratic in a table thousands of subnets share.
  const subnetsOf = new Map<string, Set<string>>();
  for (const inst of instancesOf(ctx, 'aws_route_table_association')) {
    if (field(inst, 'gateway_id') !== undefined) continue; // edge association: not a subnet
    const subnets = ctx.resolver.link(inst, ['subnet_id'], ['subnet']);
    const tables = ctx.resolver.link(inst, ['route_table_id'], ['route-table']);
    const owner = ownershipIn(ctx, subnets, 'subnet');
    if (owner.kind === 'none') {
      ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which subnet it associates (no subnet_id)` });
    }
    const soleTable = ownership(tables);
    if (owner.kind === 'unclear') {
      const name = soleTable.kind === 'one' ? soleTable.key : 'a route table';
      const vpc = soleTable.kind === 'one' ? soleVpc(ctx.inv.routeTables.get(soleTable.key)?.vpc) : undefined;
      const consequence = 'the subnets it may associate count as having an unknown route table';
      keepUnattached(ctx, unattached, inst, owner, { noun: 'subnet', verb: 'associates', consequence, part: 'association', action: `associate ${name} with`, ...(vpc ? { vpc } : {}) });
    }
    if (owner.kind !== 'one') continue;
    // An association whose table cannot be found still overrides the main table: the subnet's routing is unknown.
    const table: Link = soleTable.kind === 'one' || soleTable.kind === 'outside' ? tables
      : soleTable.kind === 'unclear' ? { ...tables, unresolved: `${inst.address} names a route table that cannot be told (${soleTable.why})` }
      : { keys: [], external: [], unresolved: `${inst.address}: its route table reference does not resolve to a route table in the plan` };
    const subnet = ctx.inv.subnets.get(owner.key);
    if (!subnet) continue;
    subnet.routeTable = merge(subnet.routeTable, table);
    subnet.associationRef = declRef(ctx, inst);
    for (const key of tables.keys) {
      const t = ctx.inv.routeTables.get(key);
      if (!t) continue;
      let known = subnetsOf.get(key);
      if (!known) subnetsOf.set(key, (known = new Set(t.subnets)));
      if (!known.has(owner.key)) {
        known.add(owner.key);
        t.subnets.push(owner.key);
      }
    }
  }
  return unattached;
}

/**
 * Routes and subnet associations whose route table or subnet cannot be told:
 * the tables they may belong to have incomplete routes, the subnets (that have
 * no association of their own) an unknown route table.
 */
function markUnattached(ctx: BuildContext, routes: Unattached[], associations: Unattached[]): void {
  markSuspectedOwners(ctx, routes, ctx.inv.routeTables.values(), {
    kinds: ['route-table'],
    vpcOf: (table) => soleVpc(table.vpc),
    mark: (table, _part, suspects) => {
      table.routesIncomplete = also(table.routesIncomplete, suspectsText(suspects, table.ref));
    },
  });
  markSuspectedOwners(ctx, associations, ctx.inv.subnets.values(), {
    kinds: ['subnet'],
    vpcOf: (subnet) => soleVpc(subnet.vpc),
    // A subnet has one association at most: one with its own cannot take another.
    accepts: (subnet) => ownership(subnet.routeTable).kind === 'none',
    mark: (subnet, _part, suspects) => {
      subnet.routeTable = merge(subnet.routeTable, { keys: [], external: [], unresolved: suspectsText(suspects, subnet.ref) });
    },
  });
}
