import { writtenForms } from '../util/json-string.js';
import { textOf, type Output } from './pieces.js';

/**
 * Replaces every occurrence of a sensitive value in rendered output, in its
 * plain and its JSON-escaped spelling. One regular expression over all
 * spellings, longest first so that a value containing another is replaced
 * whole: a plan can hold thousands of sensitive values and a report tens of
 * megabytes, and one search per value over the whole text grows with their
 * product.
 */
export const REDACTED = '(sensitive value hidden)';

/** Passes over the text: a value that overlaps another can remain after the first. */
const MAX_PASSES = 3;

export function redact(text: string, sensitive: ReadonlySet<string>): string {
  if (sensitive.size === 0) return text;
  const forms = new Set<string>();
  for (const v of sensitive) for (const form of writtenForms(v)) forms.add(form);
  const list = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  let out = text.replace(alternation(list), REDACTED);
  // Values that overlap one another can leave a sensitive value behind; look again, without the
  // values the placeholder itself contains (they would be found in it forever).
  const again = list.filter((f) => !REDACTED.includes(f));
  if (again.length === 0) return out;
  const pattern = alternation(again);
  for (let pass = 1; pass < MAX_PASSES && pattern.test(out); pass++) out = out.replace(pattern, REDACTED);
  return out;
}

/**
 * An output redacted. Pieces are joined first when there is anything to hide:
 * a value could straddle two pieces, and a plan with sensitive values is rare
 * enough for its report to be held whole.
 */
export function redactOutput(output: Output, sensitive: ReadonlySet<string>): Output {
  return sensitive.size === 0 ? output : redact(textOf(output), sensitive);
}

function alternation(forms: string[]): RegExp {
  return new RegExp(forms.map(escapeRegExp).join('|'), 'g');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
