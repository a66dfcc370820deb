import type { IgnoreEntry } from '../config/load.js';
import { InputError } from '../errors.js';
import type { Ref } from '../model/ref.js';

/** A config `ignore` entry, compiled. */
export interface CompiledIgnore {
  entry: IgnoreEntry;
  index: number;
  expired: boolean;
  address?: RegExp;
  id?: RegExp;
}

/**
 * Compiles the config's `ignore` entries. `today` is `YYYY-MM-DD` (UTC); an
 * entry applies through its `expires` day and is expired after it.
 */
export function compileIgnores(entries: readonly IgnoreEntry[], today: string, file: string): CompiledIgnore[] {
  return entries.map((entry, index) => {
    if (entry.expires !== undefined && !isCalendarDate(entry.expires)) {
      throw new InputError(`${file}: ignore[${index}].expires ${JSON.stringify(entry.expires)} is not a calendar date (YYYY-MM-DD)`, file);
    }
    return {
      entry,
      index,
      expired: entry.expires !== undefined && entry.expires < today,
      ...(entry.address ? { address: globToRegExp(entry.address) } : {}),
      ...(entry.id ? { id: globToRegExp(entry.id) } : {}),
    };
  });
}

/**
 * True when the entry names the finding's rule and one of its patterns
 * matches the primary resource: `address` its Terraform address, `id` its AWS
 * id or ARN. Giving both lets one entry cover a plan scan and a live scan.
 */
export function ignoreMatches(ignore: CompiledIgnore, ruleId: string, ref: Ref): boolean {
  if (ignore.entry.rule !== ruleId) return false;
  if (ignore.address && ref.address && ignore.address.test(ref.address)) return true;
  if (ignore.id && ((ref.id && ignore.id.test(ref.id)) || (ref.arn && ignore.id.test(ref.arn)))) return true;
  return false;
}

/**
 * The entries that apply (not expired), by rule, with literal patterns looked
 * up by value: a config can list thousands of entries (one per accepted
 * finding), and a scan report thousands of findings; testing every entry
 * against every finding took seconds.
 */
export class IgnoreIndex {
  private readonly byRule = new Map<string, { byAddress: Map<string, CompiledIgnore[]>; byId: Map<string, CompiledIgnore[]>; globs: CompiledIgnore[] }>();

  constructor(ignores: readonly CompiledIgnore[]) {
    for (const ig of ignores) {
      if (ig.expired) continue;
      let slot = this.byRule.get(ig.entry.rule);
      if (!slot) this.byRule.set(ig.entry.rule, (slot = { byAddress: new Map(), byId: new Map(), globs: [] }));
      const { address, id } = ig.entry;
      if (address && isLiteral(address)) push(slot.byAddress, address, ig);
      if (id && isLiteral(id)) push(slot.byId, id, ig);
      if ((address && !isLiteral(address)) || (id && !isLiteral(id))) slot.globs.push(ig);
    }
  }

  /** The entries that suppress a finding of this rule on this resource, in the config's order (what ignoreMatches accepts). */
  matching(ruleId: string, ref: Ref): CompiledIgnore[] {
    const slot = this.byRule.get(ruleId);
    if (!slot) return [];
    const found = new Set<CompiledIgnore>();
    const add = (list: CompiledIgnore[] | undefined) => list?.forEach((ig) => found.add(ig));
    if (ref.address) add(slot.byAddress.get(ref.address));
    if (ref.id) add(slot.byId.get(ref.id));
    if (ref.arn) add(slot.byId.get(ref.arn));
    for (const ig of slot.globs) if (ignoreMatches(ig, ruleId, ref)) found.add(ig);
    return found.size > 1 ? [...found].sort((a, b) => a.index - b.index) : [...found];
  }
}

/** A pattern without wildcards matches only itself. */
function isLiteral(glob: string): boolean {
  return !glob.includes('*') && !glob.includes('?');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `*` matches any run of characters (dots and brackets included), `?` one
 * character; everything else is literal, so `module.vpc["a"].aws_route_table.*`
 * means what it says (brackets are not character classes here).
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (const c of glob) out += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${out}$`);
}

/** Today's date in UTC, as config files write it. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function isCalendarDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && utcDate(d) === text;
}
