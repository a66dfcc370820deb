import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliver, renderOutput, scan } from '../../src/cli/scan.js';
import { COMPACT_ABOVE, renderSarif, sarifPieces } from '../../src/report/sarif.js';
import { Pieces } from '../../src/report/pieces.js';
import { InventoryBuilder, defaultRoute } from '../helpers/inventory-builder.js';
import { sarifValidator } from './pipeline.js';

/** A network with `n` private route tables behind one NAT: n s3-via-nat and n dynamodb-via-nat findings. */
function natTables(n: number) {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const nat = b.nat(b.subnet(vpc, { name: 'public' }), 'main');
  for (let i = 0; i < n; i++) b.routeTable(vpc, { name: `private_${i}`, routes: [defaultRoute(nat)], subnets: [b.subnet(vpc, { name: `private_${i}` })] });
  return scan(b.inv);
}

describe('SARIF size', () => {
  it('is indented when small and compact when large, valid either way', () => {
    const small = renderSarif(natTables(3));
    expect(small).toContain('\n  "runs"');
    const report = natTables(COMPACT_ABOVE);
    expect(report.findings.length).toBeGreaterThan(COMPACT_ABOVE);
    const large = renderSarif(report);
    expect(large.trimEnd()).not.toContain('\n');
    const log = JSON.parse(large);
    expect(log.runs[0].results).toHaveLength(report.findings.length);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('a large log comes in pieces, a result at a time, that make the same text on every pass', () => {
    const report = natTables(COMPACT_ABOVE);
    expect(typeof sarifPieces(natTables(3))).toBe('string');
    const pieces = sarifPieces(report);
    expect(pieces).toBeInstanceOf(Pieces);
    const parts = [...(pieces as Pieces)];
    // skeleton head, '"results":[', one piece per result, ']', skeleton tail, newline
    expect(parts).toHaveLength(report.findings.length + 5);
    const text = parts.join('');
    expect(text).toBe(renderSarif(report));
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
    expect([...(pieces as Pieces)].join('')).toBe(text);
  });

  it('a large log in pieces reaches standard output and the --sarif file whole, the same text as rendered at once', () => {
    const report = natTables(COMPACT_ABOVE);
    const rendered = renderOutput(report, 'sarif', { color: false, sarifMaxResults: 0 });
    const file = join(mkdtempSync(join(tmpdir(), 'vpcelint-sarif-')), 'r.sarif');
    const writes: string[] = [];
    deliver({ report, format: 'sarif', rendered, files: [[file, rendered]], sarifMaxResults: 0 }, {}, { stdout: (s) => writes.push(s), isTTY: false, env: {}, cwd: '/' });
    const whole = renderSarif(report, { maxResults: 0 });
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.join('')).toBe(whole);
    expect(readFileSync(file, 'utf8')).toBe(whole);
  });

  it('keeps 1,000 related locations, the NAT among them, for a route table that thousands of subnets share', () => {
    const b = new InventoryBuilder();
    const vpc = b.vpc('main');
    const nat = b.nat(b.subnet(vpc, { name: 'public' }), 'main');
    const subnets = Array.from({ length: 1_500 }, (_, i) => b.subnet(vpc, { name: `private_${i}` }));
    b.routeTable(vpc, { name: 'private', routes: [defaultRoute(nat)], subnets });
    const report = scan(b.inv);
    const finding = report.findings.find((f) => f.ruleId === 's3-via-nat')!;
    expect(finding.related).toHaveLength(1_501);
    const result = JSON.parse(renderSarif(report)).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 's3-via-nat');
    expect(result.relatedLocations).toHaveLength(1_000);
    expect(result.relatedLocations[0].logicalLocations[0].fullyQualifiedName).toBe('aws_nat_gateway.main');
    expect(result.message.text).toContain('aws_subnet.private_9 and 1,490 more goes through the NAT');
  });
});
