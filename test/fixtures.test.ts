import { describe, expect, it } from 'vitest';
import { expectedOf, fixtureNames, scanFixtureWithSources } from './helpers/fixtures.js';

/** Every fixture's committed expected.json lists exactly the findings its plan must give, scanned as the CLI does (with its .tf files). */
describe('fixtures give exactly their expected findings', () => {
  for (const name of fixtureNames()) {
    const expected = expectedOf(name);
    it(name, async () => {
      expect(expected, `fixtures/${name}/expected.json is missing`).toBeDefined();
      const report = await scanFixtureWithSources(name);
      const got = report.findings.map((f) => `${f.ruleId} ${f.primary.key}`).sort();
      const want = expected!.findings.map((f) => `${f.ruleId} ${f.primary}`).sort();
      expect(got).toEqual(want);
      for (const d of expected!.diagnostics ?? []) {
        const match = report.diagnostics.some((x) => x.code === d.code && (d.subject === undefined || x.subject?.key === d.subject));
        expect(match, `diagnostic ${d.code} ${d.subject ?? ''}`).toBe(true);
      }
    });
  }
});
