import type { IgnoreEntry } from '../config/load.js';
import type { ReportedFinding } from '../engine/run.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Ref } from '../model/ref.js';
import { fingerprint, type ScanReport, type SuppressedFinding, type Suppression } from '../report/scan-report.js';
import type { LocatedDirective } from '../sourcemap/index.js';
import { compileIgnores, IgnoreIndex, utcDate } from './config-ignore.js';
import { parseDirective, type InlineIgnore } from './inline.js';

export { readBaseline } from './baseline.js';

export interface SuppressOptions {
  /** Every rule id vpcelint knows, to catch typos in comments. */
  knownRules: readonly string[];
  /** From the source map: the `vpcelint:` comments of a ref's block, and all of them. */
  sources?: { directivesOf: (ref: Ref) => LocatedDirective[]; directives: readonly LocatedDirective[] };
  config?: { file?: string; ignore: readonly IgnoreEntry[] };
  baseline?: { file: string; fingerprints: ReadonlySet<string> };
  /** The clock, for `expires`; tests pass a fixed date. */
  now?: Date;
}

/**
 * Splits the report's findings into those still reported and those
 * suppressed, with every reason that applies: an inline comment in the
 * resource's block, a config `ignore` entry, the baseline. Suppressed
 * findings stay in the report (SARIF `suppressions`) but count for nothing.
 * Problems with the suppressions themselves (an expired entry, a comment
 * without a reason) become diagnostics.
 */
export function applySuppressions(report: ScanReport, options: SuppressOptions): ScanReport {
  const known = new Set(options.knownRules);
  const diagnostics: Diagnostic[] = [];
  const configFile = options.config?.file ?? '.vpcelint.yml';
  const ignores = compileIgnores(options.config?.ignore ?? [], utcDate(options.now ?? new Date()), configFile);
  for (const ig of ignores.filter((i) => i.expired)) {
    const target = ig.entry.address ?? ig.entry.id;
    diagnostics.push({
      level: 'warning',
      code: 'suppression-expired',
      ruleId: ig.entry.rule,
      file: configFile,
      message: `${configFile}: ignore[${ig.index}] (${ig.entry.rule} on ${target}) expired on ${ig.entry.expires}, so its findings are reported again: fix them, or renew the entry with a new reason and date`,
    });
  }

  // Each comment is read once: its problems are reported even where no finding fires.
  const inline = new Map<string, InlineIgnore>();
  for (const d of options.sources?.directives ?? []) {
    const parsed = parseDirective(d, known);
    if ('problem' in parsed) diagnostics.push({ level: 'warning', code: 'suppression-invalid', file: d.file, message: parsed.problem });
    else if (d.orphan) {
      diagnostics.push({ level: 'warning', code: 'suppression-invalid', file: d.file, message: `${d.file}:${d.line}: "vpcelint:ignore" is neither inside a block nor on the comment lines right above one, so it suppresses nothing` });
    } else inline.set(`${d.file}:${d.line}`, parsed.ignore);
  }
  const inlineOf = (ref: Ref): InlineIgnore[] =>
    (options.sources?.directivesOf(ref) ?? []).flatMap((d) => inline.get(`${d.file}:${d.line}`) ?? []);

  const index = new IgnoreIndex(ignores);
  const findings: ReportedFinding[] = [];
  const suppressed: SuppressedFinding[] = [...report.suppressed];
  for (const f of report.findings) {
    const reasons: Suppression[] = [];
    for (const ig of inlineOf(f.primary)) {
      if (ig.rules.includes(f.ruleId)) reasons.push({ kind: 'inSource', via: 'inline', justification: ig.reason, location: { file: ig.file, line: ig.line } });
    }
    for (const ig of index.matching(f.ruleId, f.primary)) {
      reasons.push({ kind: 'external', via: 'config', justification: ig.entry.reason, location: { file: configFile } });
    }
    if (options.baseline?.fingerprints.has(fingerprint(f))) {
      reasons.push({ kind: 'external', via: 'baseline', justification: `already reported in the baseline ${options.baseline.file}`, location: { file: options.baseline.file } });
    }
    if (reasons.length > 0) suppressed.push({ ...f, suppressions: reasons });
    else findings.push(f);
  }
  return {
    ...report,
    findings,
    suppressed,
    diagnostics: [...report.diagnostics, ...diagnostics],
    ...(options.baseline ? { baseline: { file: options.baseline.file } } : {}),
  };
}
