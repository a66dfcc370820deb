import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyConfig, type Config, type IgnoreEntry } from '../../src/config/load.js';
import { InputError } from '../../src/errors.js';
import { renderSarif } from '../../src/report/sarif.js';
import { compileIgnores, globToRegExp, IgnoreIndex, ignoreMatches } from '../../src/suppress/config-ignore.js';
import { parseDirective } from '../../src/suppress/inline.js';
import { readBaseline } from '../../src/suppress/index.js';
import { planPath } from '../helpers/fixtures.js';
import { defaultRoute, InventoryBuilder } from '../helpers/inventory-builder.js';
import { sarifOf, scanPipeline, scanPlan } from '../report/pipeline.js';

const KNOWN = new Set(['s3-via-nat', 'dynamodb-via-nat']);
const at = (text: string) => ({ text, line: 7, file: 'main.tf' });
const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-suppress-'));

describe('inline comments', () => {
  it('# // and /* */ comments with one or several rule ids and a reason', () => {
    expect(parseDirective(at('# vpcelint:ignore s3-via-nat the reason here'), KNOWN)).toEqual({ ignore: { rules: ['s3-via-nat'], reason: 'the reason here', file: 'main.tf', line: 7 } });
    expect(parseDirective(at('// vpcelint:ignore s3-via-nat,dynamodb-via-nat  both, on purpose '), KNOWN)).toMatchObject({ ignore: { rules: ['s3-via-nat', 'dynamodb-via-nat'], reason: 'both, on purpose' } });
    expect(parseDirective(at('/* vpcelint:ignore s3-via-nat legacy VPC */'), KNOWN)).toMatchObject({ ignore: { reason: 'legacy VPC' } });
  });

  it('a missing reason, an unknown rule or directive is a problem naming file and line, and suppresses nothing', () => {
    const problem = (text: string) => (parseDirective(at(text), KNOWN) as { problem: string }).problem;
    expect(problem('# vpcelint:ignore s3-via-nat')).toMatch(/^main\.tf:7: .*has no reason/);
    expect(problem('# vpcelint:ignore s3-via-natt typo')).toMatch(/unknown rule "s3-via-natt"/);
    expect(problem('# vpcelint:ignore')).toMatch(/needs a rule id and a reason/);
    expect(problem('# vpcelint:disable s3-via-nat x')).toMatch(/unknown directive "vpcelint:disable"/);
  });
});

describe('config ignore entries', () => {
  const ref = { key: 'k', kind: 'route-table' as const, address: 'module.vpc["blue"].aws_route_table.private[0]', id: 'rtb-0abc', arn: 'arn:aws:ec2:eu-west-1:111122223333:route-table/rtb-0abc' };
  const one = (entry: Partial<IgnoreEntry>, today = '2030-01-01') => compileIgnores([{ rule: 's3-via-nat', reason: 'r', ...entry }], today, '.vpcelint.yml')[0]!;

  it('globs: * matches anything, brackets and quotes are literal', () => {
    expect(globToRegExp('module.vpc["blue"].*').test(ref.address)).toBe(true);
    expect(globToRegExp('module.vpc["green"].*').test(ref.address)).toBe(false);
    expect(globToRegExp('aws_route_table.private[?]').test('aws_route_table.private[3]')).toBe(true);
    expect(globToRegExp('aws_route_table.private').test('aws_route_table.private[0]')).toBe(false);
  });

  it('matches the rule and the address, or the id or ARN', () => {
    expect(ignoreMatches(one({ address: 'module.vpc*' }), 's3-via-nat', ref)).toBe(true);
    expect(ignoreMatches(one({ address: 'module.vpc*' }), 'dynamodb-via-nat', ref)).toBe(false);
    expect(ignoreMatches(one({ id: 'rtb-0abc' }), 's3-via-nat', ref)).toBe(true);
    expect(ignoreMatches(one({ id: 'arn:aws:ec2:*:111122223333:*' }), 's3-via-nat', ref)).toBe(true);
    expect(ignoreMatches(one({ id: 'rtb-9*' }), 's3-via-nat', ref)).toBe(false);
  });

  it('the index finds exactly the entries ignoreMatches accepts, in the config order, literal or glob, by address, id or ARN', () => {
    const entries: IgnoreEntry[] = [
      { rule: 's3-via-nat', address: ref.address, reason: 'literal address' },
      { rule: 's3-via-nat', address: 'module.vpc*', reason: 'address glob' },
      { rule: 's3-via-nat', id: 'rtb-0abc', reason: 'literal id' },
      { rule: 's3-via-nat', id: ref.arn, reason: 'literal ARN' },
      { rule: 's3-via-nat', id: 'arn:aws:ec2:*:111122223333:*', reason: 'ARN glob' },
      { rule: 's3-via-nat', address: ref.address, id: 'rtb-9*', reason: 'literal address, id glob that misses' },
      { rule: 's3-via-nat', address: 'aws_route_table.other', id: 'rtb-0abc', reason: 'other address, literal id' },
      { rule: 's3-via-nat', address: 'module.vpc["blue"].aws_route_table.private[?]', reason: 'one-character glob' },
      { rule: 's3-via-nat', address: ref.address, reason: 'expired', expires: '2020-01-01' },
      { rule: 's3-via-nat', address: 'module.vpc["green"].*', reason: 'glob that misses' },
      { rule: 's3-via-nat', address: 'module.vpc["blue"].aws_route_table.private', reason: 'literal prefix only' },
      { rule: 'dynamodb-via-nat', address: ref.address, reason: 'other rule' },
    ];
    const compiled = compileIgnores(entries, '2030-01-01', '.vpcelint.yml');
    const index = new IgnoreIndex(compiled);
    const refs = [ref, { ...ref, address: undefined }, { ...ref, id: undefined, arn: undefined }, { key: 'x', kind: 'route-table' as const, address: 'aws_route_table.other' }];
    for (const r of refs) {
      for (const rule of ['s3-via-nat', 'dynamodb-via-nat', 'endpoint-policy-full-access']) {
        expect(index.matching(rule, r).map((ig) => ig.entry.reason)).toEqual(compiled.filter((ig) => !ig.expired && ignoreMatches(ig, rule, r)).map((ig) => ig.entry.reason));
      }
    }
    expect(index.matching('s3-via-nat', ref).map((ig) => ig.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('applies through its expires day and is expired after it; a date that does not exist is an input error', () => {
    expect(one({ address: '*', expires: '2030-01-01' }, '2030-01-01').expired).toBe(false);
    expect(one({ address: '*', expires: '2030-01-01' }, '2030-01-02').expired).toBe(true);
    expect(() => one({ address: '*', expires: '2030-02-30' })).toThrow(InputError);
  });
});

function natInventory() {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const pub = b.subnet(vpc, { name: 'pub' });
  const priv = b.subnet(vpc, { name: 'priv' });
  const nat = b.nat(pub, 'nat');
  b.routeTable(vpc, { name: 'private', routes: [defaultRoute(nat)], subnets: [priv] });
  b.routeTable(vpc, { name: 'legacy', routes: [defaultRoute(nat)], subnets: [b.subnet(vpc, { name: 'old' })] });
  return b.inv;
}

describe('applying suppressions', () => {
  const config = (ignore: IgnoreEntry[]): Config => ({ ...emptyConfig(), file: '.vpcelint.yml', ignore });

  it('a config entry suppresses its findings, which stay in SARIF as external suppressions with the reason', async () => {
    const report = await scanPipeline(natInventory(), { config: config([{ rule: 's3-via-nat', address: 'aws_route_table.legacy', reason: 'decommissioned in Q3' }]) });
    expect(report.findings.filter((f) => f.ruleId === 's3-via-nat').map((f) => f.primary.key)).toEqual(['aws_route_table.private']);
    expect(report.suppressed.map((f) => [f.ruleId, f.primary.key])).toEqual([['s3-via-nat', 'aws_route_table.legacy']]);
    const result = sarifOf(report).runs[0]!.results!.find((r) => r.suppressions)!;
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'decommissioned in Q3', properties: { via: 'config', file: '.vpcelint.yml' } }]);
  });

  it('an expired entry suppresses nothing and is itself reported as a warning diagnostic', async () => {
    const report = await scanPipeline(natInventory(), {
      config: config([{ rule: 's3-via-nat', address: 'aws_route_table.legacy', reason: 'until the migration', expires: '2024-06-30' }]),
      now: new Date('2024-07-01T08:00:00Z'),
    });
    expect(report.suppressed).toEqual([]);
    const d = report.diagnostics.find((x) => x.code === 'suppression-expired')!;
    expect(d).toMatchObject({ level: 'warning', ruleId: 's3-via-nat' });
    expect(d.message).toContain('ignore[0] (s3-via-nat on aws_route_table.legacy) expired on 2024-06-30');
    const notes = sarifOf(report).runs[0]!.invocations![0]!.toolExecutionNotifications!;
    expect(notes.some((n) => n.descriptor?.id === 'suppression-expired' && n.level === 'warning')).toBe(true);
  });
});

describe('baselines', () => {
  it('only findings whose fingerprint is not in the baseline count; the others are unchanged and suppressed', async () => {
    const dir = tmp();
    const base = join(dir, 'base.sarif');
    writeFileSync(base, renderSarif(await scanPlan(planPath('sourcemap-base'))));
    const report = await scanPlan(planPath('sourcemap-added'), { baseline: base });
    // The pull request adds one endpoint: what is reported is on it, and nothing else.
    expect(report.findings.map((f) => `${f.ruleId} ${f.primary.address}`)).toContain('gateway-endpoint-region-mismatch aws_vpc_endpoint.s3_copy');
    expect(report.findings.filter((f) => f.primary.address !== 'aws_vpc_endpoint.s3_copy')).toEqual([]);
    const results = sarifOf(report).runs[0]!.results!;
    const added = results.filter((r) => r.baselineState === 'new');
    expect(new Set(added.map((r) => r.locations![0]!.logicalLocations![0]!.fullyQualifiedName))).toEqual(new Set(['aws_vpc_endpoint.s3_copy']));
    expect(added).toHaveLength(report.findings.length);
    const unchanged = results.filter((r) => r.baselineState === 'unchanged');
    expect(unchanged.length).toBe(results.length - added.length);
    for (const r of unchanged) expect(r.suppressions!.some((s) => s.kind === 'external' && s.properties?.via === 'baseline')).toBe(true);
  });

  it('fingerprints survive blank lines and an unrelated resource (the plan regenerated by Terraform)', async () => {
    const fps = async (name: string) => {
      const results = sarifOf(await scanPlan(planPath(name))).runs[0]!.results!;
      return new Map(results.map((r) => [r.locations![0]!.logicalLocations![0]!.fullyQualifiedName! + r.ruleId, { fp: r.partialFingerprints!, line: r.locations![0]!.physicalLocation!.region!.startLine }]));
    };
    const before = await fps('sourcemap-base');
    const after = await fps('sourcemap-shifted');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    let moved = 0;
    for (const [key, b] of before) {
      expect(after.get(key)!.fp, key).toEqual(b.fp);
      if (after.get(key)!.line !== b.line) moved++;
    }
    expect(moved).toBe(before.size); // every result moved, none changed identity
  });

  it('a baseline that is not a vpcelint SARIF is an input error naming the file', () => {
    const dir = tmp();
    const cases: [string, RegExp][] = [
      ['{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"tfsec"}},"results":[]}]}', /has no vpcelint run/],
      ['{"runs":[]}', /not a SARIF 2\.1\.0 log/],
      ['{', /not valid JSON/],
    ];
    for (const [text, message] of cases) {
      const file = join(dir, 'b.sarif');
      writeFileSync(file, text);
      expect(() => readBaseline(file)).toThrow(message);
      expect(() => readBaseline(file)).toThrow(/--baseline .*b\.sarif: /);
    }
    expect(() => readBaseline(join(dir, 'none.sarif'))).toThrow(/cannot read: no such file/);
  });
});
