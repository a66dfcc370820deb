import { describe, expect, it } from 'vitest';
import type { ScanReport } from '../src/report/scan-report.js';
import { expectedOf, fixtureNames, scanFixture, scanFixtureWithSources, type Expected } from './helpers/fixtures.js';

function expectReport(report: ScanReport, expected: Expected): void {
  const got = report.findings.map((f) => `${f.ruleId} ${f.primary.key}`).sort();
  const want = expected.findings.map((f) => `${f.ruleId} ${f.primary}`).sort();
  expect(got).toEqual(want);
  for (const d of expected.diagnostics ?? []) {
    const match = report.diagnostics.some((x) => x.code === d.code && (d.subject === undefined || x.subject?.key === d.subject));
    expect(match, `diagnostic ${d.code} ${d.subject ?? ''}`).toBe(true);
  }
}

/**
 * Every fixture's committed expected.json lists exactly the findings its plan must give, scanned as the CLI does
 * (with its .tf files); expected-without-source.json, where there is one, what the plan alone gives (a plan
 * scanned without its source, where the source tells what the plan cannot).
 */
describe('fixtures give exactly their expected findings', () => {
  for (const name of fixtureNames()) {
    const expected = expectedOf(name);
    it(name, async () => {
      expect(expected, `fixtures/${name}/expected.json is missing`).toBeDefined();
      expectReport(await scanFixtureWithSources(name), expected!);
    });
    const planOnly = expectedOf(name, 'expected-without-source.json');
    if (planOnly) it(`${name}, the plan alone`, () => expectReport(scanFixture(name), planOnly));
  }
});
