import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/cli/scan.js';
import type { ReportedFinding } from '../../src/engine/run.js';
import { renderSarif } from '../../src/report/sarif.js';
import { GITHUB_MAX_RESULTS, OMITTED_FINGERPRINTS_KEY, selectResults } from '../../src/report/sarif-limit.js';
import { fingerprint, type ScanReport, type SuppressedFinding } from '../../src/report/scan-report.js';
import { readBaseline } from '../../src/suppress/index.js';
import { InventoryBuilder, defaultRoute } from '../helpers/inventory-builder.js';
import { sarifValidator } from './pipeline.js';

/** A network with `n` private route tables behind one NAT: n s3-via-nat (warning) and n dynamodb-via-nat findings. */
function natTables(n: number): ScanReport {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const nat = b.nat(b.subnet(vpc, { name: 'public' }), 'main');
  for (let i = 0; i < n; i++) b.routeTable(vpc, { name: `private_${i}`, routes: [defaultRoute(nat)], subnets: [b.subnet(vpc, { name: `private_${i}` })] });
  return scan(b.inv);
}

/** Findings named by their place: `e1` is the first error, `n2` the second note. */
function named(spec: string): ReportedFinding[] {
  const severity = { e: 'error', w: 'warning', n: 'note' } as const;
  return spec.split(' ').map((name) => ({ ruleId: name, severity: severity[name[0] as 'e' | 'w' | 'n'], message: name, primary: { kind: 'vpc', key: name }, related: [], evidence: {} }) as unknown as ReportedFinding);
}
const suppressedOf = (findings: ReportedFinding[]): SuppressedFinding[] => findings.map((f) => ({ ...f, ruleId: `s${f.ruleId}`, suppressions: [{ kind: 'external', via: 'config', justification: 'accepted' }] }));
const ids = (fs: readonly ReportedFinding[]) => fs.map((f) => f.ruleId).join(' ');

describe('selectResults', () => {
  const findings = named('n1 w1 e1 n2 w2 e2 n3');
  const suppressed = suppressedOf(named('e3 n4 w3'));

  it('keeps everything within the limit, the same arrays, and with no limit', () => {
    for (const max of [10, 11, 0]) {
      const s = selectResults({ findings, suppressed }, max);
      expect(s.findings).toBe(findings);
      expect(s.suppressed).toBe(suppressed);
      expect(s.omitted).toEqual([]);
    }
  });

  it('keeps open errors, then warnings, then notes, then suppressed ones, each in the report order', () => {
    const cases: [number, string, string, string][] = [
      // max, kept findings, kept suppressed, omitted (most severe first)
      [9, 'n1 w1 e1 n2 w2 e2 n3', 'se3 sw3', 'sn4'],
      [8, 'n1 w1 e1 n2 w2 e2 n3', 'se3', 'sw3 sn4'],
      [7, 'n1 w1 e1 n2 w2 e2 n3', '', 'se3 sw3 sn4'],
      [6, 'n1 w1 e1 n2 w2 e2', '', 'n3 se3 sw3 sn4'],
      [5, 'n1 w1 e1 w2 e2', '', 'n2 n3 se3 sw3 sn4'],
      [4, 'w1 e1 w2 e2', '', 'n1 n2 n3 se3 sw3 sn4'],
      [3, 'w1 e1 e2', '', 'w2 n1 n2 n3 se3 sw3 sn4'],
      [1, 'e1', '', 'e2 w1 w2 n1 n2 n3 se3 sw3 sn4'],
    ];
    for (const [max, kept, keptSuppressed, omitted] of cases) {
      const s = selectResults({ findings, suppressed }, max);
      expect([ids(s.findings), ids(s.suppressed), ids(s.omitted)], `max ${max}`).toEqual([kept, keptSuppressed, omitted]);
      expect(s.omittedSuppressed, `max ${max}`).toBe(s.omitted.filter((f) => f.ruleId.startsWith('s')).length);
      expect(s.findings.length + s.suppressed.length).toBe(max);
    }
  });
});

describe('SARIF within GitHub code scanning\'s result limit', () => {
  it('keeps the most severe results, says what it left out, lists their fingerprints, and stays valid', () => {
    const report = natTables(6);
    const all = [...report.findings];
    report.suppressed = suppressedOf(named('e9 n9')).map((f) => ({ ...f, primary: all[0]!.primary }));
    const log = JSON.parse(renderSarif(report, { maxResults: 7 }));
    const run = log.runs[0];
    expect(run.results).toHaveLength(7);
    // The 6 s3-via-nat warnings and the first note, in the report's order (the note came first); no suppressed result fits.
    const firstNote = all.findIndex((f) => f.severity === 'note');
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(all.filter((f, i) => f.severity === 'warning' || i === firstNote).map((f) => f.ruleId));
    expect(run.results.filter((r: { level: string }) => r.level === 'warning')).toHaveLength(6);
    expect(run.results.some((r: { suppressions?: unknown }) => r.suppressions)).toBe(false);
    const omitted = [...all.filter((f) => f.severity === 'note').slice(1), ...report.suppressed];
    expect(run.properties[OMITTED_FINGERPRINTS_KEY]).toEqual(omitted.map(fingerprint));
    const notice = run.invocations[0].toolExecutionNotifications.at(-1);
    expect(notice).toMatchObject({ level: 'warning', descriptor: { id: 'sarif-results-limited' } });
    expect(notice.message.text).toMatch(/^14 results, more than the 7 this SARIF run may hold: it keeps the most severe open findings and leaves out 7 \(1 error, 6 notes, 2 of them suppressed\)\./);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('writes a log within the limit exactly as without one', () => {
    const report = natTables(5);
    expect(renderSarif(report)).toBe(renderSarif(report, { maxResults: 0 }));
    expect(renderSarif(report, { maxResults: 10 })).toBe(renderSarif(report, { maxResults: 0 }));
  });

  it('a baseline written with results left out still knows every finding', () => {
    const report = natTables(8);
    const file = join(mkdtempSync(join(tmpdir(), 'vpcelint-limit-')), 'base.sarif');
    writeFileSync(file, renderSarif(report, { maxResults: 3 }));
    expect(readBaseline(file)).toEqual(new Set(report.findings.map(fingerprint)));
  });

  it('a baseline whose list of left-out fingerprints is not a list of strings is refused', () => {
    const log = JSON.parse(renderSarif(natTables(3), { maxResults: 2 }));
    log.runs[0].properties[OMITTED_FINGERPRINTS_KEY] = [1, 2];
    const file = join(mkdtempSync(join(tmpdir(), 'vpcelint-limit-')), 'bad.sarif');
    writeFileSync(file, JSON.stringify(log));
    expect(() => readBaseline(file)).toThrow(`--baseline ${file}: runs[0].properties["${OMITTED_FINGERPRINTS_KEY}"] is not a list of fingerprints`);
  });

  it(`holds at most ${GITHUB_MAX_RESULTS.toLocaleString('en-US')} results by default, as GitHub accepts in one run`, () => {
    const report = natTables(GITHUB_MAX_RESULTS / 2 + 1);
    expect(report.findings.length).toBe(GITHUB_MAX_RESULTS + 2);
    const run = JSON.parse(renderSarif(report)).runs[0];
    expect(run.results).toHaveLength(GITHUB_MAX_RESULTS);
    expect(run.properties[OMITTED_FINGERPRINTS_KEY]).toHaveLength(2);
    expect(run.invocations[0].toolExecutionNotifications.at(-1).message.text).toContain('(GitHub code scanning rejects a whole upload above that)');
    expect(JSON.parse(renderSarif(report, { maxResults: 0 })).runs[0].results).toHaveLength(GITHUB_MAX_RESULTS + 2);
  }, 60_000);
});
