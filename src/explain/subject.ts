import { UsageError } from '../errors.js';
import type { Inventory } from '../model/inventory.js';
import { displayName, type Ref } from '../model/ref.js';
import { topologyOf } from '../model/topology.js';
import { PathTracer, type Hop, type ServicePath, type TraceOptions } from './trace.js';
import { nameList } from '../util/name-list.js';

/** How traffic from one subnet (or from the subnets of one route table) reaches each service. */
export interface RouteExplanation {
  subject: Ref;
  /** The hops before the service paths fork: the subnet and its route table, or the table and the subnets using it. */
  start: Hop[];
  /** Empty when the route table is unknown: the trace stops at the unknown hop in `start`. */
  paths: ServicePath[];
}

/** Explains a subnet or a route table, named by Terraform address, AWS id or inventory key. */
export function explainRoutes(inv: Inventory, name: string, options: TraceOptions = {}): RouteExplanation {
  const ref = inv.refByKey(name) ?? inv.refById(name);
  const tracer = new PathTracer(inv, options);
  const subnet = ref && inv.subnets.get(ref.key);
  if (subnet) {
    const { hops, table } = tracer.subnetStart(subnet);
    return { subject: subnet.ref, start: hops, paths: table ? tracer.servicePaths(table) : [] };
  }
  const table = ref && inv.routeTables.get(ref.key);
  if (table) {
    const users = topologyOf(inv).subnetsUsing(table).map((s) => s.ref);
    const hop = tracer.tableHop(table);
    hop.notes = [users.length > 0 ? `used by ${nameList(users.map(displayName))}` : 'no subnet in the inventory uses this table'];
    return { subject: table.ref, start: [hop], paths: tracer.servicePaths(table) };
  }
  throw new UsageError(notFound(inv, name, ref));
}

function notFound(inv: Inventory, name: string, ref: Ref | undefined): string {
  if (ref) return `${name} is a ${ref.kind}, not a subnet or route table`;
  const examples = [...inv.subnets.values()].slice(0, 3).map((s) => displayName(s.ref));
  return `no subnet or route table ${JSON.stringify(name)} in the input${examples.length > 0 ? ` (subnets there include ${examples.join(', ')})` : ' (it has no subnets)'}`;
}
