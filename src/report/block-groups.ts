import { configSteps, parseInstanceAddress } from '../collect/terraform/address.js';
import type { Ref } from '../model/ref.js';

/** Items of one kind on the instances of one configuration block. */
export interface BlockGroup<T> {
  /** The block's configuration address (`module.vpc.aws_route_table.private`), or the resource's key when it has no address (live scans). */
  block: string;
  items: T[];
}

/**
 * Groups items (findings, diagnostics) of one kind by the configuration block
 * of their resource: instance keys dropped, so
 * `module.vpc["a"].aws_route_table.private[0]` and
 * `module.vpc["b"].aws_route_table.private[2]` are one block. A module called
 * with `for_each` over 5,000 VPCs gives 5,000 findings that one change fixes;
 * a summary that lists them one by one fills its page with the first rule's
 * first block. An item without a resource is a group of its own. Groups keep
 * the order in which their first item comes.
 */
export function groupByBlock<T>(items: readonly T[], refOf: (item: T) => Ref | undefined, kindOf: (item: T) => string): BlockGroup<T>[] {
  const groups = new Map<string, BlockGroup<T>>();
  for (const [i, item] of items.entries()) {
    const ref = refOf(item);
    const block = ref ? blockOf(ref) : undefined;
    const id = block === undefined ? `\u0001${i}` : `${kindOf(item)}\u0000${block}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { block: block ?? '', items: [] }));
    g.items.push(item);
  }
  return [...groups.values()];
}

function blockOf(ref: Ref): string | undefined {
  const address = ref.address;
  // A diagnostic's subject may name neither (a hand-built report): then it stands alone.
  if (!address) return ref.key || undefined;
  const parsed = parseInstanceAddress(address);
  return parsed ? configSteps(parsed).join('.') : address;
}
