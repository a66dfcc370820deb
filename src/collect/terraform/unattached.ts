import type { Link } from '../../model/nodes.js';
import { displayName, type NodeKind, type Ref } from '../../model/ref.js';
import { formatModules } from './address.js';
import { declRef, type BuildContext } from './context.js';
import { isUnknown } from '../../model/unknown.js';
import { field, type Instance } from './instances.js';
import { naturalCompare } from '../../util/name-list.js';

/**
 * Resources that attach to an owner (a security group rule to its group, a
 * route to its table, an association to its subnet or endpoint) whose owner
 * reference the plan does not let us follow: a local value (the plan does not
 * record locals), a value known only after apply, an ambiguous reference.
 * Dropping them would leave their owner looking complete; instead every owner
 * they may belong to is marked incomplete, naming them, so that rules say "not
 * evaluated" where they would otherwise judge without them.
 *
 * Which owners they may belong to: a value the module instance builds can only
 * come from what that module sees: its own resources, its child modules'
 * outputs, and its input variables. So the candidates are the owners in the
 * module instance and below it (in the root module, every owner of the plan),
 * plus those its input variables name. An input variable the plan cannot
 * follow either (the caller's own local, most often `tags = local.tags`) is
 * not taken to mean every owner the caller sees: that would make one module
 * with such rules (terraform-aws-modules/security-group writes every rule
 * with `local.this_sg_id`) mark every group of the plan. A VPC the owner must
 * be in (the other side of an association, a route's NAT gateway) narrows the
 * candidates. Computed in one pass over the owners, grouped by module
 * instance: linear in the size of the plan.
 */
export interface Unattached {
  inst: Instance;
  /** What of its owner it may add to ('egress', 'routes', ...): owners are marked part by part. */
  part: string;
  /** What it would do to its owner, ending where the owner's name goes: "add an egress rule to". */
  action: string;
  /** Why it cannot be attached, as a clause: "which route table it belongs to cannot be told (...)". */
  why: string;
  /** Owners the reference names without being one of them for sure (an ambiguous reference). */
  named: readonly string[];
  /** True when owners other than the named ones are possible (part of the reference is not followed). */
  open: boolean;
  /** The VPC (inventory key or AWS id) its owner must be in, when known. */
  vpc?: string;
}

/** How a link names the owner of a resource that attaches to one. */
export type Ownership =
  | { kind: 'one'; key: string }
  /** Only AWS ids the plan does not hold: the owner is outside the plan. */
  | { kind: 'outside' }
  | { kind: 'none' }
  | { kind: 'unclear'; named: string[]; open: boolean; why: string };

export function ownership(link: Link): Ownership {
  if (!link.unresolved && link.keys.length === 1 && link.external.length === 0) return { kind: 'one', key: link.keys[0]! };
  if (!link.unresolved && link.keys.length === 0) return link.external.length > 0 ? { kind: 'outside' } : { kind: 'none' };
  const named = [...link.keys, ...link.external];
  return { kind: 'unclear', named: link.keys, open: link.unresolved !== undefined, why: link.unresolved ?? `the reference may mean any of ${named.join(', ')}` };
}

/**
 * How a link names an owner, for the owner's side of a resource: a data source
 * read only after apply (its arguments depend on this plan) may find an owner
 * this plan creates, so a resource attached to it may belong to any owner.
 */
export function ownershipIn(ctx: BuildContext, link: Link, ownerNoun: string): Ownership {
  const owner = ownership(link);
  if (owner.kind !== 'one') return owner;
  const inst = ctx.table.byAddress.get(owner.key);
  if (inst?.mode !== 'data' || !isUnknown(field(inst, 'id'))) return owner;
  return { kind: 'unclear', named: [owner.key], open: true, why: `${owner.key} is read only after apply and may find a ${ownerNoun} this plan creates` };
}

/** The unattached resources that may belong to one owner: the first by address, and whether there are others. */
export interface Suspects {
  first: Unattached;
  more: boolean;
}

/**
 * A resource whose owner cannot be told: a note naming it ("cannot tell which
 * route table it belongs to (...); <consequence>"), and a place among the
 * unattached, so that every owner it may belong to is marked.
 */
export function keepUnattached(
  ctx: BuildContext,
  unattached: Unattached[],
  inst: Instance,
  owner: Extract<Ownership, { kind: 'unclear' }>,
  o: { noun: string; subject?: string; verb?: string; consequence: string; part: string; action: string; vpc?: string },
): void {
  const verb = o.verb ?? 'belongs to';
  ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which ${o.noun} ${o.subject ?? 'it'} ${verb} (${owner.why}); ${o.consequence}` });
  unattached.push({ inst, part: o.part, action: o.action, why: ownerUnclear(o.noun, owner.why, verb), named: owner.named, open: owner.open, ...(o.vpc ? { vpc: o.vpc } : {}) });
}

/** The `why` of a resource whose owner reference is unclear. */
export function ownerUnclear(ownerNoun: string, why: string, verb = 'belongs to'): string {
  return `which ${ownerNoun} it ${verb} cannot be told (${why})`;
}

/** "aws_route.x may add a route to aws_route_table.y: which route table it belongs to cannot be told (...)". */
export function suspectsText(s: Suspects, owner: Ref): string {
  const who = s.more ? `${s.first.inst.address} (and other resources like it)` : s.first.inst.address;
  return `${who} may ${s.first.action} ${displayName(owner)}: ${s.first.why}`;
}

/** Two unattached resources at most, by their index in the list: the first, and whether another one exists. */
interface Pair {
  first: number;
  second?: number;
}

function add(pair: Pair | undefined, i: number): Pair {
  if (!pair) return { first: i };
  if (i === pair.first || i === pair.second) return pair;
  const all = [pair.first, ...(pair.second === undefined ? [] : [pair.second]), i].sort((a, b) => a - b);
  return { first: all[0]!, second: all[1]! };
}

/** Marks every owner that the unattached resources may belong to, once per part, with the suspects for it. */
export function markSuspectedOwners<T extends { ref: Ref }>(
  ctx: BuildContext,
  items: readonly Unattached[],
  owners: Iterable<T>,
  options: {
    kinds: readonly NodeKind[];
    /** The owner's VPC: a key or id when known for sure, else undefined. */
    vpcOf: (owner: T) => string | undefined;
    /** Whether the owner can take that part at all (an endpoint type, an existing association). */
    accepts?: (owner: T, part: string) => boolean;
    mark: (owner: T, part: string, suspects: Suspects) => void;
  },
): void {
  if (items.length === 0) return;
  // The first suspect is the one named: first by address, not by plan order, so the message is the same whatever the order.
  items = [...items].sort((a, b) => naturalCompare(a.inst.address, b.inst.address));
  // Buckets by module prefix, VPC ('' for none; ANY gathers those with one, for owners whose VPC is unknown) and part.
  const ANY = '\u0001';
  const buckets = new Map<string, Pair>();
  const byKey = new Map<string, Map<string, Pair>>();
  const parts = new Set<string>();
  // The owners a module instance's input variables name, once per module instance.
  const inputs = new Map<string, string[]>();
  const inputsOf = (inst: Instance): string[] => {
    let keys = inputs.get(inst.moduleInstance);
    if (!keys) {
      keys = inst.modules.length > 0 ? ctx.resolver.linkModuleInputs(inst.modules, options.kinds).keys : [];
      inputs.set(inst.moduleInstance, keys);
    }
    return keys;
  };
  const keyed = (key: string, part: string, i: number) => {
    let m = byKey.get(key);
    if (!m) byKey.set(key, (m = new Map()));
    m.set(part, add(m.get(part), i));
  };
  items.forEach((item, i) => {
    parts.add(item.part);
    for (const key of item.named) keyed(key, item.part, i);
    if (!item.open) return;
    for (const key of inputsOf(item.inst)) keyed(key, item.part, i);
    for (const vpc of item.vpc === undefined ? [''] : [item.vpc, ANY]) {
      const b = `${item.inst.moduleInstance}\u0000${vpc}\u0000${item.part}`;
      buckets.set(b, add(buckets.get(b), i));
    }
  });

  const ancestors = new Map<string, string[]>();
  const prefixesOf = (owner: T): string[] => {
    const inst = ctx.table.byAddress.get(owner.ref.address ?? owner.ref.key);
    if (!inst) return [''];
    let list = ancestors.get(inst.moduleInstance);
    if (!list) {
      list = inst.modules.map((_, n) => formatModules(inst.modules.slice(0, n)));
      list.push(inst.moduleInstance);
      ancestors.set(inst.moduleInstance, list);
    }
    return list;
  };
  for (const owner of owners) {
    const prefixes = prefixesOf(owner);
    const vpc = options.vpcOf(owner);
    const own = byKey.get(owner.ref.key);
    for (const part of parts) {
      if (options.accepts && !options.accepts(owner, part)) continue;
      let pair = own?.get(part);
      for (const prefix of prefixes) {
        for (const v of ['', vpc ?? ANY]) {
          const found = buckets.get(`${prefix}\u0000${v}\u0000${part}`);
          if (!found) continue;
          pair = add(pair, found.first);
          if (found.second !== undefined) pair = add(pair, found.second);
        }
      }
      if (pair) options.mark(owner, part, { first: items[pair.first]!, more: pair.second !== undefined });
    }
  }
}

/** The VPC a link names for sure (a key or an AWS id), or undefined. */
export function soleVpc(link: Link | undefined): string | undefined {
  if (!link || link.unresolved) return undefined;
  const all = [...link.keys, ...link.external];
  return all.length === 1 ? all[0] : undefined;
}

/** Adds a reason to one that may already be there. */
export function also(existing: string | undefined, reason: string): string {
  return existing ? `${existing}; ${reason}` : reason;
}
