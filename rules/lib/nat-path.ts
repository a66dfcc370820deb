import type { Rule, RuleContext, RuleMeta, RuleOutput } from '../../src/engine/rule.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { RouteTable, VpcEndpoint } from '../../src/model/nodes.js';
import { displayName, type Ref } from '../../src/model/ref.js';
import { defaultIpv4Route, GATEWAY_FAMILY_LABEL, isGatewayOf, type GatewayFamily } from '../../src/model/topology.js';
import { isUnknown } from '../../src/model/unknown.js';
import { nameList } from '../../src/util/name-list.js';
import { endpointLabel } from './endpoint-queries.js';


/**
 * The check shared by `s3-via-nat` and `dynamodb-via-nat`: route tables that
 * send 0.0.0.0/0 to a NAT (gateway or instance) while no gateway endpoint of
 * the service, in the table's region, is associated with them.
 */
export function natPathRule(meta: RuleMeta, family: GatewayFamily): Rule {
  return {
    meta,
    *check(inv: Inventory, ctx: RuleContext): Iterable<RuleOutput> {
      const label = GATEWAY_FAMILY_LABEL[family];
      for (const subnet of inv.subnets.values()) {
        const eff = ctx.topology.effectiveRouteTable(subnet);
        if (isUnknown(eff)) {
          yield notEvaluated(subnet.ref, `the route table of subnet ${displayName(subnet.ref)} is unknown (${eff.reason}), so its path to ${label} was not evaluated`);
        }
      }
      for (const table of inv.routeTables.values()) {
        const subnets = [...ctx.topology.subnetsUsing(table)].sort((a, b) => (a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0));
        if (subnets.length === 0) continue;
        const route = defaultIpv4Route(table);
        const unclear = !route
          ? incompleteRoutes(table)
          : isUnknown(route.target) ? `the target of the 0.0.0.0/0 route in ${displayName(table.ref)} is unknown (${route.target.reason})` : undefined;
        if (unclear) {
          // A gateway endpoint's prefix-list route is more specific than any default route: whatever that is, the service's traffic takes the endpoint.
          if (!servingEndpoints(ctx, table, family).serving) yield notEvaluated(table.ref, `${unclear}, so its path to ${label} was not evaluated`);
          continue;
        }
        if (!route || isUnknown(route.target)) continue;
        if (route.target.kind !== 'nat' && route.target.kind !== 'nat-instance') continue;

        const served = servingEndpoints(ctx, table, family);
        if (served.unclear) {
          yield notEvaluated(table.ref, `${served.unclear}, so the table's path to ${label} was not evaluated`);
          continue;
        }
        if (served.serving) continue;

        const natRef = (route.target.key && inv.refByKey(route.target.key)) || undefined;
        const natName = natRef ? displayName(natRef) : route.target.id ?? 'a NAT';
        const natWord = route.target.kind === 'nat' ? 'NAT gateway' : 'NAT instance';
        const idle = idleEndpoints(ctx, table, family);
        const subnetNames = subnets.map((s) => displayName(s.ref));
        const fix = idle.length > 0
          ? `${label} gateway endpoint ${nameList(idle.map((e) => displayName(e.ref)))} exists in this VPC but is not associated with this route table: add the table to its route_table_ids (or an aws_vpc_endpoint_route_table_association).`
          : `Add ${article(label)} ${label} gateway endpoint (service com.amazonaws.${table.ref.region ?? '<region>'}.${family}) to this VPC and associate it with this route table.`;
        yield {
          message: `Route table ${displayName(table.ref)} sends 0.0.0.0/0 to ${natWord} ${natName} and has no route to ${article(label)} ${label} gateway endpoint, so ${label} traffic from ${plural(subnetNames.length, 'subnet')} ${nameList(subnetNames)} goes through the NAT. ${fix}`,
          primary: table.ref,
          // The NAT and the idle endpoints before the subnets, which can be thousands: SARIF keeps the first 1,000.
          related: [...(natRef ? [natRef] : []), ...idle.map((e) => e.ref), ...subnets.map((s) => s.ref)],
          attribute: 'route',
          evidence: {
            routeTable: table.ref.key,
            nat: route.target.key ?? route.target.id ?? '',
            service: family,
          },
        };
      }
    },
  };
}

/** Why a table without a known default route may still have one, as a clause; undefined when it has none for sure. */
function incompleteRoutes(table: RouteTable): string | undefined {
  const why = table.routesIncomplete ?? (table.routes.some((r) => isUnknown(r.destination.value)) ? 'a route destination is known only after apply' : undefined);
  return why && `the routes of ${displayName(table.ref)} are not fully known (${why})`;
}

function notEvaluated(subject: Ref, message: string): RuleOutput {
  return { diagnostic: { level: 'note', code: 'not-evaluated', message, subject } };
}

function article(word: string): string {
  return /^[AEFHILMNORSX]/.test(word) ? 'an' : 'a';
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/**
 * Whether a gateway endpoint of the family, in the table's region, installs its route in the table;
 * `unclear` says why that cannot be told (an endpoint of unknown service or type on the table, or one
 * that may be associated with it but whose route tables are unknown).
 */
function servingEndpoints(ctx: RuleContext, table: RouteTable, family: GatewayFamily): { serving: boolean; unclear?: string } {
  let unclear: string | undefined;
  for (const ep of ctx.topology.endpointsRouting(table)) {
    const fit = serves(ep, table, family);
    if (fit === true) return { serving: true };
    if (fit !== false) unclear ??= `${displayName(table.ref)} has endpoint ${displayName(ep.ref)}, whose ${fit}`;
  }
  if (unclear) return { serving: false, unclear };
  for (const ep of ctx.topology.endpointsPerhapsOn(table)) {
    if (serves(ep, table, family) === false) continue;
    return { serving: false, unclear: `${displayName(table.ref)} may be served by endpoint ${endpointLabel(ep)}, whose route tables are unknown (${ep.routeTables.unresolved})` };
  }
  return { serving: false };
}

/** Whether an endpoint would serve the family for the table once associated with it, or what is unknown. */
function serves(ep: VpcEndpoint, table: RouteTable, family: GatewayFamily): boolean | string {
  const gateway = isGatewayOf(ep, family);
  if (gateway !== true) return gateway;
  const region = table.ref.region ?? ep.ref.region;
  return !(ep.service?.region && region && ep.service.region !== region);
}

/** Gateway endpoints of the family in the table's VPC that are not associated with the table. */
function idleEndpoints(ctx: RuleContext, table: RouteTable, family: GatewayFamily): VpcEndpoint[] {
  const out: VpcEndpoint[] = [];
  // The endpoints on the table, not each endpoint's tables: an endpoint may be on thousands of tables.
  const on = ctx.topology.endpointsOn(table);
  for (const vpcKey of new Set(table.vpc.keys)) {
    for (const ep of ctx.topology.endpointsInVpc(vpcKey)) {
      if (ep.type !== 'Gateway' || ep.service?.family !== family) continue;
      if (on.includes(ep)) continue;
      // An endpoint for another region would serve nothing once associated: not worth suggesting.
      const region = table.ref.region ?? ep.ref.region;
      if (ep.service.region && region && ep.service.region !== region) continue;
      out.push(ep);
    }
  }
  return out.sort((a, b) => (a.ref.key < b.ref.key ? -1 : 1));
}
