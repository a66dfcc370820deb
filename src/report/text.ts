import { styleText } from 'node:util';
import type { ReportedFinding } from '../engine/run.js';
import { isReadFailure } from '../collect/aws/failures.js';
import { displayName } from '../model/ref.js';
import { rangeFor } from '../sourcemap/locate.js';
import { countBySeverity, sourceLabel, type ScanReport } from './scan-report.js';

type Style = Parameters<typeof styleText>[0];

/** The terse report for people: findings grouped by rule, then what was not evaluated, then a summary line. */
export function renderText(report: ScanReport, options: { color: boolean }): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text) : text);
  const sevStyle = { error: 'red', warning: 'yellow', note: 'cyan' } as const;
  const lines: string[] = [];
  lines.push(paint('bold', `vpcelint ${report.tool.version}: ${sourceLabel(report.source)}`));
  const byRule = new Map<string, ReportedFinding[]>();
  for (const f of report.findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
  for (const [ruleId, findings] of byRule) {
    const run = report.rules.find((r) => r.meta.id === ruleId);
    lines.push('');
    lines.push(`${paint('bold', ruleId)} ${paint('dim', `- ${run?.meta.title ?? ''}`)}`);
    for (const f of findings) {
      const where = f.primary.location ? ` ${paint('dim', `(${f.primary.location.file}:${rangeFor(f.primary.location, f.attribute).startLine})`)}` : '';
      lines.push(`  ${paint(sevStyle[f.severity], f.severity.padEnd(7))} ${paint('bold', displayName(f.primary))}${where}`);
      lines.push(`          ${f.message}`);
    }
  }
  if (report.diagnostics.length > 0) {
    lines.push('');
    lines.push(paint('bold', `Not evaluated or incomplete (${report.diagnostics.length}):`));
    for (const d of report.diagnostics) {
      const who = d.ruleId ? `[${d.ruleId}] ` : '';
      lines.push(`  ${paint('dim', d.level.padEnd(7))} ${who}${d.message}`);
    }
  }
  const c = countBySeverity(report.findings);
  lines.push('');
  const total = report.findings.length;
  const summary = total === 0
    ? paint('green', 'No findings.')
    : `${total} finding${total === 1 ? '' : 's'}: ${paint('red', `${c.error} error${c.error === 1 ? '' : 's'}`)}, ${paint('yellow', `${c.warning} warning${c.warning === 1 ? '' : 's'}`)}, ${paint('cyan', `${c.note} note${c.note === 1 ? '' : 's'}`)}.`;
  lines.push(`${summary}${report.diagnostics.length > 0 ? ` ${report.diagnostics.length} diagnostic${report.diagnostics.length === 1 ? '' : 's'}.` : ''}${suppressedNote(report)}`);
  const unread = report.diagnostics.filter(isReadFailure).length;
  if (unread > 0) lines.push(paint('yellow', `Partial scan: ${unread} AWS read${unread === 1 ? '' : 's'} failed (listed above); what ${unread === 1 ? 'it' : 'they'} would have read was not evaluated.`));
  return `${lines.join('\n')}\n`;
}

/** Suppressed findings are counted apart, by what suppressed them (the first reason when several apply). */
function suppressedNote(report: ScanReport): string {
  if (report.suppressed.length === 0) return '';
  const by = new Map<string, number>();
  for (const f of report.suppressed) {
    const via = f.suppressions[0]?.via ?? 'other';
    by.set(via, (by.get(via) ?? 0) + 1);
  }
  return ` ${report.suppressed.length} suppressed (${[...by].map(([via, n]) => `${n} ${via}`).join(', ')}).`;
}
