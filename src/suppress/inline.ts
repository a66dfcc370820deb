import type { LocatedDirective } from '../sourcemap/index.js';

/** `# vpcelint:ignore <rule-id>[,<rule-id>...] <reason>` in or right above a resource block. */
export interface InlineIgnore {
  rules: string[];
  reason: string;
  file: string;
  line: number;
}

export type ParsedDirective = { ignore: InlineIgnore } | { problem: string };

const MARKER = /vpcelint:(\S*)/;

/**
 * Reads one `vpcelint:` comment. A reason is required: a suppression nobody
 * can explain later is a finding switched off for good.
 */
export function parseDirective(directive: LocatedDirective, knownRules: ReadonlySet<string>): ParsedDirective {
  const body = stripCommentMarkers(directive.text);
  const m = MARKER.exec(body);
  const where = `${directive.file}:${directive.line}`;
  if (!m) return { problem: `${where}: unreadable vpcelint comment` };
  if (m[1] !== 'ignore') return { problem: `${where}: unknown directive "vpcelint:${m[1]}" (the one directive is "vpcelint:ignore <rule-id> <reason>")` };
  const rest = body.slice(m.index + m[0].length).trim();
  const [ruleList = '', ...reasonWords] = rest.split(/\s+/);
  const rules = ruleList.split(',').filter((r) => r.length > 0);
  const reason = reasonWords.join(' ').trim();
  if (rules.length === 0) return { problem: `${where}: "vpcelint:ignore" needs a rule id and a reason` };
  const unknown = rules.filter((r) => !knownRules.has(r));
  if (unknown.length > 0) return { problem: `${where}: "vpcelint:ignore" names unknown rule ${unknown.map((r) => JSON.stringify(r)).join(', ')} (run "vpcelint rules" for the list)` };
  if (!reason) return { problem: `${where}: "vpcelint:ignore ${ruleList}" has no reason, so it suppresses nothing: say why after the rule id` };
  return { ignore: { rules, reason, file: directive.file, line: directive.line } };
}

function stripCommentMarkers(text: string): string {
  return text.replace(/^\s*(#|\/\/|\/\*)/, '').replace(/\*\/\s*$/, '');
}
