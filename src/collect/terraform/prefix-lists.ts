import type { PrefixList } from '../../model/nodes.js';
import { isUnknown, unknown, type Unknown } from '../../model/unknown.js';
import { instancesOf, refOf, str, type BuildContext } from './context.js';
import { field, type Instance } from './instances.js';
import { keepUnattached, markSuspectedOwners, ownershipIn, suspectsText, type Unattached } from './unattached.js';

const ENTRY = 'aws_ec2_managed_prefix_list_entry';

/** Managed prefix lists (customer) and the AWS-managed service lists read by data sources. */
export function buildPrefixLists(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_ec2_managed_prefix_list', 'data.aws_prefix_list', 'data.aws_ec2_managed_prefix_list')) {
    const ref = refOf(ctx, inst);
    const name = str(inst, 'name');
    let cidrs: string[] | undefined;
    const direct = field(inst, 'cidr_blocks');
    const entries = field(inst, 'entries') ?? field(inst, 'entry');
    if (Array.isArray(direct)) cidrs = direct.filter((c): c is string => typeof c === 'string');
    else if (Array.isArray(entries)) {
      cidrs = entries.map((e) => (e as Record<string, unknown>)?.cidr).filter((c): c is string => typeof c === 'string');
    }
    const unknownCidrs = isUnknown(direct) ? direct : isUnknown(entries) ? entries : undefined;
    ctx.inv.prefixLists.set(ref.key, { ref, prefixListName: name, cidrs: unknownCidrs ?? cidrs });
  }
  addSeparateEntries(ctx);
}

/** What the separate entry resources do to one list. */
interface EntryChanges {
  added: (string | Unknown)[];
  removed: string[];
}

/**
 * `aws_ec2_managed_prefix_list_entry` adds one CIDR to a customer list. The
 * provider cannot combine it with inline entries (each overwrites the other),
 * so a list that has such entries holds just those: a list this plan creates,
 * whose `entry` is known only after apply, holds exactly the entries of the
 * plan; a list that exists keeps its known entries, with those the plan
 * creates added and those it destroys removed. An entry whose list cannot be
 * told makes every list it may belong to unknown, as rules do for groups.
 */
function addSeparateEntries(ctx: BuildContext): void {
  const changes = new Map<string, EntryChanges>();
  const changesOf = (key: string) => {
    let c = changes.get(key);
    if (!c) changes.set(key, (c = { added: [], removed: [] }));
    return c;
  };
  const unattached: Unattached[] = [];
  for (const inst of instancesOf(ctx, ENTRY)) {
    const key = listOf(ctx, inst, unattached);
    if (key === undefined) continue;
    const cidr = str(inst, 'cidr');
    changesOf(key).added.push(cidr === undefined ? unknown(`${inst.address} has no cidr`) : isUnknown(cidr) ? unknown(`the cidr of ${inst.address} is known only after apply`) : cidr);
  }
  for (const inst of ctx.table.destroyed.values()) {
    if (inst.type !== ENTRY || inst.mode !== 'managed') continue;
    const cidr = str(inst, 'cidr');
    const key = listOf(ctx, inst, undefined);
    if (key !== undefined && typeof cidr === 'string') changesOf(key).removed.push(cidr);
  }
  for (const [key, c] of changes) {
    const list = ctx.inv.prefixLists.get(key);
    if (list) list.cidrs = withEntries(ctx, list, c);
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.prefixLists.values(), {
    kinds: ['prefix-list'],
    vpcOf: () => undefined,
    // AWS-managed lists take no entries.
    accepts: (list) => list.ref.type !== 'data.aws_prefix_list',
    mark: (list, _part, suspects) => {
      list.cidrs = unknown(suspectsText(suspects, list.ref));
    },
  });
}

function withEntries(ctx: BuildContext, list: PrefixList, c: EntryChanges): PrefixList['cidrs'] {
  const unknownEntry = c.added.find(isUnknown);
  if (unknownEntry) return unknownEntry;
  // By value, not plan order: reports must not change with the plan's order.
  const added = [...(c.added as string[])].sort();
  if (isUnknown(list.cidrs)) {
    const created = ctx.table.byAddress.get(list.ref.key)?.action;
    return created === 'create' || created === 'replace' ? [...new Set(added)] : list.cidrs;
  }
  if (list.cidrs === undefined) return undefined;
  const kept = list.cidrs.filter((cidr) => !c.removed.includes(cidr) || added.includes(cidr));
  return [...new Set([...kept, ...added])];
}

/** The list an entry belongs to, or undefined (with a note, and the entry kept among the unattached when it may be one of ours). */
function listOf(ctx: BuildContext, inst: Instance, unattached: Unattached[] | undefined): string | undefined {
  const link = ctx.resolver.link(inst, ['prefix_list_id'], ['prefix-list']);
  const owner = ownershipIn(ctx, link, 'prefix list');
  if (owner.kind === 'one') return owner.key;
  if (unattached && owner.kind === 'unclear') {
    keepUnattached(ctx, unattached, inst, owner, { noun: 'prefix list', subject: 'the entry', consequence: 'the lists it may belong to count as unknown', part: 'entries', action: 'add an entry to' });
  }
  return undefined;
}
