import type { ReportedFinding } from '../engine/run.js';
import { SEVERITY_RANK, type Severity } from '../engine/rule.js';
import type { ScanReport, SuppressedFinding } from './scan-report.js';

/**
 * GitHub code scanning rejects a whole SARIF upload with more results than
 * this in one run ("Analysis SARIF file rejected due to result limits"; docs:
 * "SARIF support for code scanning", upload limits). A plan of thousands of
 * module instances reaches it: 5,000 VPCs of the bench plan give 45,000.
 */
export const GITHUB_MAX_RESULTS = 25_000;

/** The results a SARIF run keeps, and those it leaves out. */
export interface ResultSelection {
  findings: ReportedFinding[];
  suppressed: SuppressedFinding[];
  /** Left out, most severe first; empty when everything fits. */
  omitted: ReportedFinding[];
  /** How many of those are suppressed findings. */
  omittedSuppressed: number;
}

/**
 * At most `max` results (0: no limit). What a person must act on goes first:
 * open findings before suppressed ones, then errors, warnings, notes; within
 * one of those classes the report's own order decides. The kept results stay
 * in the report's order, so a log within the limit is exactly as before.
 */
export function selectResults(report: Pick<ScanReport, 'findings' | 'suppressed'>, max: number): ResultSelection {
  const { findings, suppressed } = report;
  if (omittedCount(report, max) === 0) return { findings, suppressed, omitted: [], omittedSuppressed: 0 };
  // Six classes: open error, warning, note, then suppressed error, warning, note.
  const classOf = (f: ReportedFinding, isSuppressed: boolean) => (isSuppressed ? 3 : 0) + 3 - SEVERITY_RANK[f.severity];
  const sizes = [0, 0, 0, 0, 0, 0];
  for (const f of findings) sizes[classOf(f, false)]!++;
  for (const f of suppressed) sizes[classOf(f, true)]!++;
  // Classes before `cut` are kept whole, class `cut` up to `room` results, the rest not at all.
  let cut = 0;
  let room = max;
  while (room >= sizes[cut]!) room -= sizes[cut++]!;
  const taken = [0, 0, 0, 0, 0, 0];
  const omitted: ReportedFinding[][] = [[], [], [], [], [], []];
  const keep = <T extends ReportedFinding>(f: T, isSuppressed: boolean): boolean => {
    const c = classOf(f, isSuppressed);
    if (c < cut || (c === cut && taken[c]! < room)) return (taken[c]!++, true);
    omitted[c]!.push(f);
    return false;
  };
  return {
    findings: findings.filter((f) => keep(f, false)),
    suppressed: suppressed.filter((f) => keep(f, true)),
    omitted: omitted.flat(),
    omittedSuppressed: omitted[3]!.length + omitted[4]!.length + omitted[5]!.length,
  };
}

/** How many of the report's results a run of at most `max` (0: no limit) leaves out. */
export function omittedCount(report: Pick<ScanReport, 'findings' | 'suppressed'>, max: number): number {
  const total = report.findings.length + report.suppressed.length;
  return max > 0 && total > max ? total - max : 0;
}

/** What a log that leaves results out says about them: a warning for the run's notifications. */
export function omittedMessage(total: number, max: number, { omitted, omittedSuppressed }: Pick<ResultSelection, 'omitted' | 'omittedSuppressed'>): string {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of omitted) bySeverity[f.severity]++;
  const parts = (['error', 'warning', 'note'] as const).filter((s) => bySeverity[s] > 0).map((s) => plural(bySeverity[s], s));
  const suppressedPart = omittedSuppressed > 0 ? `, ${omittedSuppressed.toLocaleString('en-US')} of them suppressed` : '';
  return (
    `${plural(total, 'result')}, more than the ${max.toLocaleString('en-US')} this SARIF run may hold` +
    `${max === GITHUB_MAX_RESULTS ? ' (GitHub code scanning rejects a whole upload above that)' : ''}: ` +
    `it keeps the most severe open findings and leaves out ${omitted.length.toLocaleString('en-US')} (${parts.join(', ')}${suppressedPart}). ` +
    'They count for the exit code as always, --format json and text list every one, and their fingerprints are in this run\'s ' +
    `properties (${OMITTED_FINGERPRINTS_KEY}), so --baseline knows them. --sarif-max-results 0 writes them all.`
  );
}

/** Where a run that leaves results out lists their fingerprints, for `--baseline` (suppress/baseline.ts). */
export const OMITTED_FINGERPRINTS_KEY = 'vpcelint/omittedFingerprints';

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}
