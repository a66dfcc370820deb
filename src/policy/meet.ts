import { parseArn } from './arn.js';
import { NotEvaluable } from './not-evaluable.js';
import { globMatch, hasWildcard } from './wildcard.js';

/**
 * Values that match two wildcard patterns at once. A request whose value
 * matches an Allow's pattern and a Deny's exception pattern (`app-*` and
 * `*-prod`) is one the representative requests must hold, and instantiating
 * each pattern on its own never gives it.
 */

const FILL = 'Vpcelintq';
/** Pairs of positions the search may visit: two patterns of 250 characters. */
const MAX_STATES = 64_000;
/** Pairs of patterns one list may need compared: a few hundred patterns that all begin with a wildcard. */
const MAX_PAIRS = 250_000;

/**
 * A string both IAM wildcard patterns match (`*` any run, `?` one
 * character), or undefined when none does. Search over the pairs of pattern
 * positions (a product of the two patterns' automata): O(|a| × |b|) states.
 * Where both patterns are at a `*`, the run is filled with a word of its
 * own, so the value is not shorter than it need be in other patterns' eyes.
 */
export function globMeet(a: string, b: string): string | undefined {
  if (!hasWildcard(a)) return globMatch(b, a) ? a : undefined;
  if (!hasWildcard(b)) return globMatch(a, b) ? b : undefined;
  if (isStars(a)) return instantiateFill(b);
  if (isStars(b)) return instantiateFill(a);
  if (!affixesAgree(a, b)) return undefined;
  // Real patterns are short (an ARN); two of thousands of characters each are hostile, and their pairs too many.
  if ((a.length + 1) * (b.length + 1) > MAX_STATES) throw new NotEvaluable(`two wildcard patterns are too long to compare (${a.length} and ${b.length} characters)`);
  const other = otherChar(a + b);
  const alphabet = [...new Set([...(a + b)].filter((c) => c !== '*' && c !== '?')), other];
  const width = b.length + 1;
  const id = (i: number, j: number) => i * width + j;
  // 0-1 breadth-first search: stepping over a `*` costs nothing, a character costs one.
  const prev = new Map<number, { from: number; ch: string }>([[0, { from: -1, ch: '' }]]);
  const deque: number[] = [0];
  const goal = id(a.length, b.length);
  while (deque.length > 0) {
    const s = deque.shift()!;
    if (s === goal) return rebuild(prev, goal, a, b, width);
    const i = Math.floor(s / width);
    const j = s % width;
    const visit = (t: number, ch: string, free: boolean) => {
      if (prev.has(t)) return;
      prev.set(t, { from: s, ch });
      if (free) deque.unshift(t);
      else deque.push(t);
    };
    if (a[i] === '*') visit(id(i + 1, j), '', true);
    if (b[j] === '*') visit(id(i, j + 1), '', true);
    for (const c of alphabet) {
      const ni = step(a, i, c);
      const nj = step(b, j, c);
      if (ni !== undefined && nj !== undefined) visit(id(ni, nj), c, false);
    }
  }
  return undefined;
}

/**
 * A pattern whose values both ARN patterns match, part by part as ArnLike
 * and the Resource element compare (a wildcard never spans a colon); a part
 * that is `*` in one keeps the other's pattern, so `arn:aws:iam::*:role/app-*`
 * and `arn:aws:iam::*:role/*-prod` meet in `arn:aws:iam::*:role/app-…-prod`,
 * still any account. Patterns that are not ARNs meet as plain wildcards.
 */
export function arnMeet(a: string, b: string): string | undefined {
  const pa = parseArn(a);
  const pb = parseArn(b);
  if (!pa || !pb) return a === '*' ? b : b === '*' ? a : globMeet(a, b);
  const parts: string[] = [];
  for (const k of ['partition', 'service', 'region', 'account', 'resource'] as const) {
    const x = pa[k];
    const y = pb[k];
    const m = x === y ? x : isStars(x) ? y : isStars(y) ? x : globMeet(x, y);
    if (m === undefined) return undefined;
    parts.push(m);
  }
  return `arn:${parts.join(':')}`;
}

/**
 * The meets of every pair of wildcard patterns in a list that have one (plain
 * values need none: they are representatives already). Pairs whose literal
 * beginnings differ cannot meet: sorted by that beginning, each pattern is
 * compared only with those that extend its own, so a list of named buckets
 * (`arn:aws:s3:::a/*`, `arn:aws:s3:::b/*`, ...) costs a sort, not every pair.
 * ARN patterns are sorted by their resource part, which two ARNs that meet
 * must share whatever their other parts (`arn:aws:dynamodb:*:*:table/a` and
 * `…:table/b` are never compared). A list whose pairs are too many to compare
 * (hundreds of patterns that begin with a wildcard) is NotEvaluable: leaving
 * pairs out would leave requests out.
 */
export function pairwiseMeets(patterns: readonly string[], meet: 'glob' | 'arn', fold = false): string[] {
  const wild = [...new Set(patterns.filter((p) => hasWildcard(p) && !isStars(p)).map((p) => (fold ? p.toLowerCase() : p)))];
  if (wild.length < 2) return [];
  const meetOf = meet === 'arn' ? arnMeet : globMeet;
  // A pattern that is not an ARN meets an ARN as a plain wildcard: it is compared with every other one.
  const keyOf = (p: string) => (meet === 'arn' ? parseArn(p)?.resource : p);
  const keyed = wild.filter((p) => keyOf(p) !== undefined);
  const loose = wild.filter((p) => keyOf(p) === undefined);
  const out = new Set<string>();
  let pairs = 0;
  const compare = (a: string, b: string) => {
    if (++pairs > MAX_PAIRS) throw new NotEvaluable(`the policy has too many wildcard patterns that may overlap to compare (${wild.length} on one key)`);
    const m = meetOf(a, b);
    if (m !== undefined) out.add(m);
  };
  const byHead = keyed.map((p) => ({ p, head: head(keyOf(p)!) })).sort((x, y) => (x.head < y.head ? -1 : x.head > y.head ? 1 : 0));
  for (let k = 0; k < byHead.length; k++) {
    const { p, head: h } = byHead[k]!;
    for (let l = k + 1; l < byHead.length && byHead[l]!.head.startsWith(h); l++) compare(p, byHead[l]!.p);
  }
  loose.forEach((p, k) => {
    for (const q of [...keyed, ...loose.slice(k + 1)]) compare(p, q);
  });
  return [...out];
}

/** The literal text before a pattern's first wildcard. */
function head(p: string): string {
  const i = p.search(/[*?]/);
  return i < 0 ? p : p.slice(0, i);
}

/** Literal beginnings and endings must agree for two patterns to meet: cheap, and it rules most pairs out. */
function affixesAgree(a: string, b: string): boolean {
  const ha = head(a);
  const hb = head(b);
  if (!(ha.startsWith(hb) || hb.startsWith(ha))) return false;
  const ta = tail(a);
  const tb = tail(b);
  return ta.endsWith(tb) || tb.endsWith(ta);
}

function tail(p: string): string {
  const i = Math.max(p.lastIndexOf('*'), p.lastIndexOf('?'));
  return p.slice(i + 1);
}

function step(p: string, i: number, c: string): number | undefined {
  if (i >= p.length) return undefined;
  if (p[i] === '*') return i;
  return p[i] === '?' || p[i] === c ? i + 1 : undefined;
}

function rebuild(prev: Map<number, { from: number; ch: string }>, goal: number, a: string, b: string, width: number): string {
  const chars: string[] = [];
  let filled = false;
  for (let s = goal; s !== 0; ) {
    const { from, ch } = prev.get(s)!;
    chars.push(ch);
    const i = Math.floor(from / width);
    const j = from % width;
    // Both at a star: any run fits there.
    if (!filled && a[i] === '*' && b[j] === '*') {
      chars.push(FILL);
      filled = true;
    }
    s = from;
  }
  return chars.reverse().join('');
}

function otherChar(text: string): string {
  for (const c of 'qxzjkQXZ0') if (!text.includes(c)) return c;
  return '~';
}

function isStars(p: string): boolean {
  return /^\*+$/.test(p);
}

function instantiateFill(p: string): string {
  let out = '';
  for (const ch of p) out += ch === '*' ? FILL : ch === '?' ? 'q' : ch;
  return out;
}
