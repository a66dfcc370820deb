import { partMatches, type RequestParts } from './match.js';
import type { Space } from './space.js';
import type { Policy, Request, Statement } from './types.js';

type Aspect = 'action' | 'resource' | 'principal' | 'network';
const ASPECTS: readonly Aspect[] = ['action', 'resource', 'principal', 'network'];

/**
 * Which representative values a question admits, per aspect of the request
 * (e.g. "the network is not endpoint E"), plus a filter every dimension's
 * values pass. A dimension merged from several aspects (policy variables tie
 * them) applies each aspect's filter.
 */
export interface Filters {
  action?: (v: RequestParts) => boolean;
  resource?: (v: RequestParts) => boolean;
  principal?: (v: RequestParts) => boolean;
  network?: (v: RequestParts) => boolean;
  any?: (v: RequestParts, dim: string) => boolean;
}

function admits(filters: Filters, dim: string): (v: RequestParts) => boolean {
  const parts = dim.split('+');
  const fs = ASPECTS.filter((a) => parts.includes(a)).map((a) => filters[a]).filter((f): f is (v: RequestParts) => boolean => f !== undefined);
  const any = filters.any;
  return (v) => fs.every((f) => f(v)) && (!any || any(v, dim));
}

/**
 * Finds a representative request that matches every `required` statement and
 * none of the `excluded` ones, or proves there is none. Statements are
 * conjunctions over dimensions, so a value of one dimension either keeps a
 * statement possible or rules it out: the search picks one value per
 * dimension so that every excluded statement is ruled out by some dimension.
 * Values whose ruled-out set is contained in another's are dropped, and
 * visited (dimension, ruled-out set) states are remembered, so the search is
 * small in practice (exponential only in the number of excluded statements).
 */
export function findRequest(policy: Policy, space: Space, required: readonly Statement[], excluded: readonly Statement[], filters: Filters = {}): Request | undefined {
  const all = (1n << BigInt(excluded.length)) - 1n;
  const matrix = partMatrix(policy, space);
  const requiredBits = required.reduce((m, s) => m | (1n << BigInt(s.index)), 0n);
  const options: { mask: bigint; value: RequestParts }[][] = [];
  space.dims.forEach((dim, d) => {
    const admit = admits(filters, dim.name);
    const best = new Map<bigint, RequestParts>();
    dim.values.forEach((v, vi) => {
      const matches = matrix[d]![vi]!;
      if ((matches & requiredBits) !== requiredBits || !admit(v)) return;
      let mask = 0n;
      excluded.forEach((s, i) => {
        if (!(matches & (1n << BigInt(s.index)))) mask |= 1n << BigInt(i);
      });
      if (!best.has(mask)) best.set(mask, v);
    });
    options.push(...optionsOf(best));
  });
  if (options.length !== space.dims.length) return undefined;
  // Dimensions that rule out the most first: finds answers sooner.
  const order = options.map((o, i) => ({ o, i })).sort((a, b) => a.o.length - b.o.length);
  const seen = new Set<string>();
  const chosen: RequestParts[] = new Array(options.length);
  const search = (depth: number, union: bigint): boolean => {
    if (union === all) {
      // Every excluded statement is ruled out already: any value will do for the rest.
      for (let d = depth; d < order.length; d++) chosen[order[d]!.i] = order[d]!.o[0]!.value;
      return true;
    }
    if (depth === order.length) return false;
    const key = `${depth}:${union}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const { o, i } = order[depth]!;
    for (const opt of o) {
      chosen[i] = opt.value;
      if (search(depth + 1, union | opt.mask)) return true;
    }
    return false;
  };
  if (!search(0, 0n)) return undefined;
  return merge(chosen);
}

/** Values whose ruled-out sets are maximal (none when the dimension admits no value: then no request exists). */
function optionsOf(best: Map<bigint, RequestParts>): { mask: bigint; value: RequestParts }[][] {
  if (best.size === 0) return [];
  const masks = [...best.keys()];
  const maximal = masks.filter((m) => !masks.some((o) => o !== m && (o & m) === m));
  return [maximal.map((mask) => ({ mask, value: best.get(mask)! }))];
}

const matrices = new WeakMap<Space, bigint[][]>();

/** For each dimension value, the statements (by index bit) whose part on that dimension matches: computed once per space. */
function partMatrix(policy: Policy, space: Space): bigint[][] {
  const cached = matrices.get(space);
  if (cached) return cached;
  const m = space.dims.map((dim) =>
    dim.values.map((v) => policy.statements.reduce((bits, s) => (partMatches(policy, s, v, dim.keys) ? bits | (1n << BigInt(s.index)) : bits), 0n)),
  );
  matrices.set(space, m);
  return m;
}

function merge(parts: RequestParts[]): Request {
  const context = new Map<string, readonly string[]>();
  let action = '';
  let resource = '';
  let principal: Request['principal'] = { kind: 'anonymous' };
  for (const p of parts) {
    if (p.action !== undefined) action = p.action;
    if (p.resource !== undefined) resource = p.resource;
    if (p.principal !== undefined) principal = p.principal;
    for (const [k, v] of p.context) context.set(k, v);
  }
  return { action, resource, principal, context };
}

/** Every representative request of the space that passes the filters: for brute-force checks in tests. */
export function* allRequests(space: Space, filters: Filters = {}): Iterable<Request> {
  const lists = space.dims.map((d) => d.values.filter(admits(filters, d.name)));
  const idx = lists.map(() => 0);
  if (lists.some((l) => l.length === 0)) return;
  for (;;) {
    yield merge(lists.map((l, i) => l[idx[i]!]!));
    let k = 0;
    while (k < lists.length && ++idx[k]! === lists[k]!.length) idx[k++] = 0;
    if (k === lists.length) return;
  }
}
