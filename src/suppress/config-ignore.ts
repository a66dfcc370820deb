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
