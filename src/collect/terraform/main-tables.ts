import type { Vpc } from '../../model/nodes.js';
import { isUnknown, unknown } from '../../model/unknown.js';
import { declRef, instancesOf, str, type BuildContext } from './context.js';
import { field } from './instances.js';
import { markSuspectedOwners, ownerUnclear, ownership, ownershipIn, soleVpc, suspectsText, type Unattached } from './unattached.js';

/**
 * The main route table of each VPC: `aws_main_route_table_association`,
 * `aws_default_route_table`, a data source's association flag, or for a VPC the
 * plan creates, the implicit default table (local route only).
 */
export function assignMainTables(ctx: BuildContext): void {
  const setMain = (vpcKey: string, tableKey: string) => {
    const vpc = ctx.inv.vpcs.get(vpcKey);
    if (vpc) vpc.mainRouteTable = tableKey;
  };
  const unattached: Unattached[] = [];
  for (const inst of instancesOf(ctx, 'aws_default_route_table')) {
    const res = ctx.resolver.resolveAttribute(inst, ['default_route_table_id']);
    let found = false;
    for (const hit of res.hits) {
      if (hit.instance.type !== 'aws_vpc' && hit.instance.type !== 'aws_default_vpc') continue;
      setMain(hit.instance.address, inst.address);
      found = true;
    }
    for (const c of res.constants) {
      const vpc = typeof c === 'string' ? findVpcByMainTableId(ctx, c) : undefined;
      if (!vpc) continue;
      setMain(vpc.ref.key, inst.address);
      found = true;
    }
    if (!found && res.unresolved) {
      ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which VPC's default route table it is (${res.unresolved}); the VPCs it may belong to count as having an unknown main route table` });
      unattached.push({ inst, part: 'default', action: 'be the default route table of', why: `which VPC's default route table it is cannot be told (${res.unresolved})`, named: [], open: true });
    }
  }
  for (const inst of instancesOf(ctx, 'data.aws_route_table')) {
    const assocs = field(inst, 'associations');
    if (Array.isArray(assocs) && assocs.some((a) => (a as Record<string, unknown>)?.main === true)) {
      for (const key of ctx.resolver.link(inst, ['vpc_id'], ['vpc']).keys) setMain(key, inst.address);
    }
  }
  const byAssociation = new Set<string>();
  for (const inst of instancesOf(ctx, 'aws_main_route_table_association')) {
    const tables = ctx.resolver.link(inst, ['route_table_id'], ['route-table']);
    const table = ownership(tables);
    const owner = ownershipIn(ctx, ctx.resolver.link(inst, ['vpc_id'], ['vpc']), 'VPC');
    if (owner.kind === 'unclear') {
      ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which VPC it sets the main route table of (${owner.why}); the VPCs it may belong to count as having an unknown main route table` });
      const vpc = table.kind === 'one' ? soleVpc(ctx.inv.routeTables.get(table.key)?.vpc) : undefined;
      const action = `make ${table.kind === 'one' ? table.key : 'a route table'} the main route table of`;
      unattached.push({ inst, part: 'main', action, why: ownerUnclear('VPC', owner.why), named: owner.named, open: owner.open, ...(vpc ? { vpc } : {}) });
    }
    const vpc = owner.kind === 'one' ? ctx.inv.vpcs.get(owner.key) : undefined;
    if (!vpc) continue;
    byAssociation.add(vpc.ref.key);
    vpc.mainRouteTable = table.kind === 'one' ? table.key : unknown(`${inst.address}: the main route table cannot be resolved (${tables.unresolved ?? (tables.external.join(', ') || `it may be any of ${tables.keys.join(', ')}`)})`);
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.vpcs.values(), {
    kinds: ['vpc'],
    vpcOf: (vpc) => vpc.ref.key,
    // A main association replaces whatever table is main; a VPC has one default table, and one main association.
    accepts: (vpc, part) => (part === 'main' ? !byAssociation.has(vpc.ref.key) : vpc.mainRouteTable === undefined),
    mark: (vpc, _part, suspects) => {
      if (!isUnknown(vpc.mainRouteTable)) vpc.mainRouteTable = unknown(suspectsText(suspects, vpc.ref));
    },
  });
  for (const vpc of ctx.inv.vpcs.values()) {
    if (vpc.mainRouteTable !== undefined) continue;
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    const byId = inst ? str(inst, 'main_route_table_id') : undefined;
    if (typeof byId === 'string') {
      const table = ctx.inv.refById(byId);
      vpc.mainRouteTable = table?.kind === 'route-table' ? table.key : unknown(`the main route table ${byId} of ${vpc.ref.address ?? vpc.ref.key} is not in the plan`);
    } else if (inst && inst.action === 'create' && inst.type === 'aws_vpc') {
      vpc.mainRouteTable = implicitMainTable(ctx, vpc);
    } else {
      vpc.mainRouteTable = unknown(`the main route table of ${vpc.ref.address ?? vpc.ref.key} is not in the plan`);
    }
  }
}

function findVpcByMainTableId(ctx: BuildContext, id: string): Vpc | undefined {
  for (const vpc of ctx.inv.vpcs.values()) {
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    if (inst && (field(inst, 'main_route_table_id') === id || field(inst, 'default_route_table_id') === id)) return vpc;
  }
  return undefined;
}

/** A new VPC's main route table, created by AWS with only the local route. */
function implicitMainTable(ctx: BuildContext, vpc: Vpc): string {
  const key = `${vpc.ref.key}#main_route_table`;
  const ref = { key, kind: 'route-table' as const, ...(vpc.ref.address ? { address: vpc.ref.address } : {}), ...(vpc.ref.region ? { region: vpc.ref.region } : {}), implicit: true, name: 'main route table' };
  ctx.inv.register(ref);
  ctx.inv.routeTables.set(key, {
    ref,
    vpc: { keys: [vpc.ref.key], external: [] },
    routes: [{ destination: { kind: 'ipv4', value: 'local' }, target: { kind: 'local' }, origin: 'inline', declaredBy: vpc.ref }],
    subnets: [],
  });
  return key;
}

