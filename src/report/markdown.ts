import type { ReportedFinding, RuleRun } from '../engine/run.js';
import { SEVERITY_RANK, type Severity } from '../engine/rule.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { displayName, type Ref } from '../model/ref.js';
import { nameList } from '../util/name-list.js';
import { groupByBlock } from './block-groups.js';
import { pathPicture } from './path-picture.js';
import { countBySeverity, sourceLabel, type ScanReport } from './scan-report.js';

/**
 * GitHub refuses a step summary over 1024 KiB (the upload is aborted, nothing
 * is shown). The default budget leaves room below that for whatever else the
 * step appends.
 */
export const SUMMARY_BUDGET_BYTES = 1_000_000;
/** GitHub draws every Mermaid block in its own frame: past a few dozen, the page crawls. */
export const MAX_PICTURES = 20;
/** Findings shown in full for one configuration block; the block's other instances are named in one line. */
export const FULL_PER_BLOCK = 3;

export interface MarkdownOptions {
  /** Largest output in UTF-8 bytes; findings past it are cut with a note. */
  budgetBytes?: number;
  maxPictures?: number;
  /**
   * Where source files can be opened: `https://github.com/o/r/blob/<sha>/` plus
   * the source root's path in the repository. Without it, locations are plain text.
   */
  sourceLinkBase?: string;
}

const ICON: Record<Severity, string> = { error: '🔴', warning: '🟠', note: '🔵' };

/**
 * The report for people on GitHub (job summary, pull request comment): the
 * counts by severity and rule, then each rule's findings with their resource,
 * source line, message and, for path findings, a Mermaid picture of the path
 * found and the path that should be; then what could not be evaluated.
 */
export function renderMarkdown(report: ScanReport, options: MarkdownOptions = {}): string {
  const budget = options.budgetBytes ?? SUMMARY_BUDGET_BYTES;
  const out = new Budgeted(budget);
  out.add(header(report));

  const groups = byRule(report);
  const total = report.findings.length;
  const diagnostics = diagnosticsSection(report.diagnostics);
  // Keep room for the note that says what was cut, and for a short diagnostics section.
  const reserve = 600 + Math.min(bytes(diagnostics), 4_000);
  let shown = 0;
  let pictures = 0;
  // Path findings shown in full without their picture, past the limit on pictures.
  let undrawn = 0;
  // False once a chunk does not fit: everything after it is left out, and the note says how much.
  const add = (chunk: string, findings: number): boolean => {
    if (!out.fits(chunk, reserve)) return false;
    out.add(chunk);
    shown += findings;
    return true;
  };
  sections: for (const { run, findings } of groups) {
    if (!add(ruleSection(run, findings.length), 0)) break;
    for (const { block, items: same } of groupByBlock(findings, (f) => f.primary, (f) => f.severity)) {
      // A block's first instances in full; past that one line names the rest (one change to the block fixes them all).
      const { full, rest } = inFull(same);
      for (const f of full) {
        const drawable = pathPicture(f);
        const picture = drawable && pictures < (options.maxPictures ?? MAX_PICTURES) ? drawable : undefined;
        if (!add(findingSection(f, picture?.render(), options.sourceLinkBase), 1)) break sections;
        if (picture) pictures++;
        else if (drawable) undrawn++;
      }
      if (rest.length > 0 && !add(moreInstances(block, rest), rest.length)) break sections;
    }
  }
  if (shown < total) {
    out.add(`> [!NOTE]\n> ${total - shown} of ${total} findings are not shown: GitHub limits a step summary to 1 MiB. \`vpcelint scan --format json\` lists them all; the SARIF file holds up to 25,000 (GitHub code scanning's limit for one run).\n`);
  }
  if (undrawn > 0 && shown === total) {
    out.add(`> [!NOTE]\n> Path pictures are drawn for the first ${pictures} path findings only, to keep the page fast.\n`);
  }
  if (out.fits(diagnostics, 0)) out.add(diagnostics);
  else out.add(diagnosticsSection(report.diagnostics, Math.max(0, budget - out.bytes - 400)));
  return out.text();
}

class Budgeted {
  private readonly parts: string[] = [];
  bytes = 0;
  constructor(private readonly budget: number) {}
  fits(chunk: string, reserve: number): boolean {
    return this.bytes + bytes(chunk) + reserve <= this.budget;
  }
  add(chunk: string): void {
    this.parts.push(chunk);
    this.bytes += bytes(chunk) + 1;
  }
  text(): string {
    return `${this.parts.join('\n')}`;
  }
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function header(report: ScanReport): string {
  const c = countBySeverity(report.findings);
  const total = report.findings.length;
  const lines = [`## vpcelint: ${escapeMd(sourceLabel(report.source))}`, ''];
  const suppressed = report.suppressed?.length ?? 0;
  const notEvaluated = (report.diagnostics.length > 0 ? ` · ${report.diagnostics.length} not evaluated (see the end)` : '')
    + (suppressed > 0 ? ` · ${suppressed} suppressed${report.baseline ? ' (already in the baseline, or silenced)' : ''}, not shown` : '');
  if (total === 0) {
    lines.push(`✅ **No findings.**${notEvaluated}`, '');
    return lines.join('\n');
  }
  lines.push(`**${plural(total, 'finding')}**: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${plural(c.note, 'note')}${notEvaluated}`, '');
  lines.push('| Severity | Rule | Findings | What it flags |', '|---|---|---:|---|');
  // One row per severity and rule: a rule can report some findings at another severity than its default.
  const rows: { sev: Severity; run: RuleRun; n: number }[] = [];
  for (const { run, findings } of byRule(report)) {
    const counts = countBySeverity(findings);
    for (const sev of ['error', 'warning', 'note'] as const) if (counts[sev] > 0) rows.push({ sev, run, n: counts[sev] });
  }
  rows.sort((a, b) => SEVERITY_RANK[b.sev] - SEVERITY_RANK[a.sev]);
  for (const { sev, run, n } of rows) lines.push(`| ${ICON[sev]} ${sev} | \`${run.meta.id}\` | ${n} | ${escapeMd(run.meta.title)} |`);
  lines.push('');
  return lines.join('\n');
}

interface RuleGroup {
  run: RuleRun;
  findings: ReportedFinding[];
}

/** Findings grouped by rule, the most severe rules first, then by rule id; each group's findings most severe first. */
function byRule(report: ScanReport): RuleGroup[] {
  const runs = new Map(report.rules.map((r) => [r.meta.id, r]));
  const groups = new Map<string, RuleGroup>();
  for (const f of report.findings) {
    let g = groups.get(f.ruleId);
    if (!g) {
      const run = runs.get(f.ruleId) ?? unknownRun(f.ruleId, f.severity);
      g = { run, findings: [] };
      groups.set(f.ruleId, g);
    }
    g.findings.push(f);
  }
  const list = [...groups.values()];
  for (const g of list) g.findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return list.sort((a, b) => SEVERITY_RANK[worst(b.findings)] - SEVERITY_RANK[worst(a.findings)] || (a.run.meta.id < b.run.meta.id ? -1 : 1));
}

/** A finding of a rule the report does not describe (a report assembled by hand): still shown, without a fix. */
function unknownRun(id: string, severity: Severity): RuleRun {
  return { severity, meta: { id, severity, title: '', description: '', fix: '', docs: [], tags: [], precision: 'medium' } };
}

function worst(findings: readonly ReportedFinding[]): Severity {
  return findings.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w), 'note');
}

function ruleSection(run: RuleRun, count: number): string {
  const lines = [`### \`${run.meta.id}\`${run.meta.title ? `: ${escapeMd(run.meta.title)}` : ''} (${count})`, ''];
  if (run.meta.fix || run.meta.docs.length > 0) {
    lines.push('<details><summary>How to fix</summary>', '', run.meta.fix, '');
    if (run.meta.docs.length > 0) lines.push(`AWS documentation: ${run.meta.docs.map((d) => `<${d}>`).join(', ')}`, '');
    lines.push('</details>', '');
  }
  return lines.join('\n');
}

function findingSection(f: ReportedFinding, mermaid: string | undefined, linkBase: string | undefined): string {
  const lines = [`#### ${ICON[f.severity]} ${f.severity}: ${code(displayName(f.primary))}`, ''];
  lines.push(`${where(f.primary, linkBase)}`, '', escapeMd(f.message), '');
  if (mermaid) lines.push('```mermaid', mermaid, '```', '');
  return lines.join('\n');
}

/** A block's first items, shown in full, and the rest, named in one line; one left over is shown in full instead. */
function inFull<T>(items: readonly T[]): { full: readonly T[]; rest: readonly T[] } {
  const full = items.length <= FULL_PER_BLOCK + 1 ? items : items.slice(0, FULL_PER_BLOCK);
  return { full, rest: items.slice(full.length) };
}

/** The line for a block's findings not shown in full: how many, and on which of its instances (a resource can have several). */
function moreInstances(block: string, rest: readonly ReportedFinding[]): string {
  const names = [...new Set(rest.map((f) => code(displayName(f.primary))))];
  return `… and ${rest.length.toLocaleString('en-US')} more ${rest.length === 1 ? 'finding' : 'findings'} on ${code(block)}, on ${nameList(names)}.\n`;
}

/** `file:line` of the resource, linked to the file at the scanned commit when a link base is known. */
function where(ref: Ref, linkBase: string | undefined): string {
  const loc = ref.location;
  if (!loc) return ref.arn ? `ARN ${code(ref.arn)}` : '_no source location_';
  const text = `${loc.file}:${loc.startLine}`;
  if (!linkBase) return code(text);
  const anchor = loc.endLine > loc.startLine ? `#L${loc.startLine}-L${loc.endLine}` : `#L${loc.startLine}`;
  return `[${escapeMd(text)}](${linkBase}${loc.file.split('/').map(encodeURIComponent).join('/')}${anchor})`;
}

function diagnosticsSection(diagnostics: readonly Diagnostic[], budget = Infinity): string {
  if (diagnostics.length === 0) return '';
  const head = [`### Not evaluated (${diagnostics.length})`, '', 'Unknown is not a pass: these could not be judged and need a look.', '', '<details><summary>Show</summary>', ''];
  const tail = ['', '</details>', ''];
  const lines = [...head];
  let size = bytes([...head, ...tail].join('\n'));
  let listed = 0;
  // As with findings: the first few of one cause on one block in full, then one line for the rest.
  const add = (line: string, count: number): boolean => {
    if (size + bytes(line) + 120 > budget) return false;
    lines.push(line);
    size += bytes(line) + 1;
    listed += count;
    return true;
  };
  groups: for (const { block, items } of groupByBlock(diagnostics, (d) => d.subject, (d) => `${d.level}\u0000${d.code}\u0000${d.ruleId ?? ''}`)) {
    const { full, rest } = inFull(items);
    for (const d of full) if (!add(`- ${d.level}${d.ruleId ? ` \`${d.ruleId}\`` : ''}: ${escapeMd(d.message)}`, 1)) break groups;
    if (rest.length > 0 && !add(`- … and ${rest.length.toLocaleString('en-US')} more like ${full.length === 1 ? 'it' : 'these'} on ${code(block)}, on ${nameList([...new Set(rest.map((d) => code(displayName(d.subject!))))])}`, rest.length)) break;
  }
  if (listed < diagnostics.length) lines.push(`- … and ${diagnostics.length - listed} more (cut to stay within GitHub's 1 MiB summary limit)`);
  return [...lines, ...tail].join('\n');
}

/** A code span that survives backticks in the text. */
function code(text: string): string {
  if (!text.includes('`')) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}

/** Backslash-escapes what GitHub Markdown would read as markup or HTML in plain text. */
export function escapeMd(text: string): string {
  return text
    .replace(/[\\`*[\]<>|~&#]/g, (c) => `\\${c}`)
    // An underscore inside a word (aws_route_table) is never emphasis in GitHub Markdown.
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/\r?\n/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
