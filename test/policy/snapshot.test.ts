import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { scan } from '../../src/cli/scan.js';
import { readSnapshot, snapshotText } from '../../src/snapshot/index.js';
import { inventoryOf } from '../helpers/fixtures.js';
/** Policies, placeholders, document origins and external buckets survive an inventory snapshot: scanning it again gives the same report. */
it('policy fixtures give the same findings and diagnostics from their snapshot', () => {
  const file = join(tmpdir(), `vpcelint-policy-snapshot-${process.pid}.json`);
  for (const name of ['policy-buckets', 'policy-endpoints', 'policy-done-right']) {
    const inv = inventoryOf(name);
    writeFileSync(file, snapshotText(inv));
    const back = readSnapshot(file);
    const a = scan(inv); const b = scan(back);
    expect(b.findings.map((f) => `${f.ruleId} ${f.primary.key}`)).toEqual(a.findings.map((f) => `${f.ruleId} ${f.primary.key}`));
    expect(b.diagnostics.map((d) => d.message)).toEqual(a.diagnostics.map((d) => d.message));
  }
});
