import { describe, expect, it } from 'vitest';
import type { ReportedFinding } from '../../src/engine/run.js';
import type { Ref } from '../../src/model/ref.js';
import { escapeMd, FULL_PER_BLOCK, MAX_PICTURES, renderMarkdown, SUMMARY_BUDGET_BYTES } from '../../src/report/markdown.js';
import { escapeLabel } from '../../src/report/mermaid.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { scanFixture } from '../helpers/fixtures.js';
import { mermaidBlocks, parseMermaid } from '../helpers/mermaid.js';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const PATH_RULES = new Set(['s3-via-nat', 'dynamodb-via-nat']);
/** The example plan's NAT path findings (other rules may report more on it; these tests are about paths). */
const example = (): ScanReport => {
  const report = scanFixture('example');
  return { ...report, findings: report.findings.filter((f) => PATH_RULES.has(f.ruleId)) };
};

/** The example's s3-via-nat finding, copied under other route table names: a report of any size. */
/** `n` s3-via-nat findings, each on a block of its own (`sameBlock`: all on instances of one block). */
function manyPathFindings(n: number, base = example(), sameBlock = false): ScanReport {
  const model = base.findings.find((f) => f.ruleId === 's3-via-nat')!;
  const findings: ReportedFinding[] = Array.from({ length: n }, (_, i) => {
    const address = `module.net${sameBlock ? '' : i}["zone-${i}"].aws_route_table.private[${i}]`;
    return { ...model, primary: { ...model.primary, key: address, address }, evidence: { ...model.evidence, routeTable: address } };
  });
  return { ...base, findings };
}

describe('Markdown report', () => {
  it('has a summary table by severity and rule, a section per rule with its fix, and each finding with its resource', () => {
    expect(example().findings.map((f) => `${f.ruleId} ${f.severity}`).sort()).toEqual(['dynamodb-via-nat note', 'dynamodb-via-nat note', 'dynamodb-via-nat note', 's3-via-nat warning']);
    const md = renderMarkdown(example());
    expect(md).toMatch(/^## vpcelint: .*example\/plan\.json$/m);
    expect(md).toContain('**4 findings**: 0 errors, 1 warning, 3 notes');
    expect(md).toContain('| 🟠 warning | `s3-via-nat` | 1 | Private subnets reach S3 through a NAT instead of a gateway endpoint |');
    expect(md).toContain('| 🔵 note | `dynamodb-via-nat` | 3 |');
    // Most severe rule first.
    expect(md.indexOf('### `s3-via-nat`')).toBeLessThan(md.indexOf('### `dynamodb-via-nat`'));
    expect(md.match(/<summary>How to fix<\/summary>/g)).toHaveLength(2);
    expect(md).toContain('resource "aws_vpc_endpoint" "s3"');
    for (const address of ['module.network.aws_route_table.private[0]', 'module.network.aws_route_table.private[1]', 'module.network.aws_route_table.private[2]']) {
      expect(md).toContain(`: \`${address}\``);
    }
  });

  it('counts a rule once per severity when its findings differ in severity', () => {
    const report = example();
    report.findings.find((f) => f.ruleId === 'dynamodb-via-nat')!.severity = 'warning';
    const rows = renderMarkdown(report).split('\n').filter((l) => /^\| \S+ (error|warning|note) \|/.test(l));
    expect(rows.map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| 🟠 warning | `dynamodb-via-nat` | 1',
      '| 🟠 warning | `s3-via-nat` | 1',
      '| 🔵 note | `dynamodb-via-nat` | 2',
    ]);
  });

  it('draws the path found and the path that should be for each NAT path finding, and every picture parses', async () => {
    const md = renderMarkdown(example());
    const blocks = mermaidBlocks(md);
    expect(blocks).toHaveLength(4);
    for (const b of blocks) expect(await parseMermaid(b)).toBe('flowchart-v2');
    const s3 = blocks.find((b) => b.includes('S3 gateway endpoint'))!;
    expect(s3).toContain('Path found');
    expect(s3).toContain('Path that should be');
    expect(s3).toContain('NAT gateway<br/>module.network.aws_nat_gateway.this[2]');
    // The example has an S3 endpoint that is merely not associated: the picture names it.
    expect(s3).toContain('module.network.aws_vpc_endpoint.s3<br/>(associate this route table)');
    // No DynamoDB endpoint exists: the picture asks for a new one.
    expect(blocks.filter((b) => b.includes('new DynamoDB gateway endpoint'))).toHaveLength(3);
  });

  it('links a located finding to its file and lines; without a link base it prints file:line', () => {
    const report = example();
    const f = report.findings[0]!;
    f.primary = { ...f.primary, location: { file: 'infra/modules/net work/main.tf', startLine: 42, endLine: 57 } };
    expect(renderMarkdown(report)).toContain('`infra/modules/net work/main.tf:42`');
    const linked = renderMarkdown(report, { sourceLinkBase: 'https://github.com/acme/net/blob/abc123/' });
    expect(linked).toContain('[infra/modules/net work/main.tf:42](https://github.com/acme/net/blob/abc123/infra/modules/net%20work/main.tf#L42-L57)');
  });

  it('works for any rule: a finding of a rule it knows nothing about is listed, without a picture', () => {
    const base = example();
    const odd: ReportedFinding = {
      ruleId: 'some-future-rule',
      severity: 'error',
      message: 'Found <something> with *stars* and | pipes in com.amazonaws.<region>.s3',
      primary: { key: 'aws_thing.`odd`', kind: 'other', address: 'aws_thing.`odd`' },
      related: [],
      evidence: {},
    };
    const md = renderMarkdown({ ...base, findings: [odd] });
    expect(md).toContain('| 🔴 error | `some-future-rule` | 1 |');
    expect(md).toContain('`` aws_thing.`odd` ``');
    expect(md).toContain('Found \\<something\\> with \\*stars\\* and \\| pipes in com.amazonaws.\\<region\\>.s3');
    expect(mermaidBlocks(md)).toEqual([]);
  });

  it('escapes what Markdown and Mermaid would read as markup', async () => {
    expect(escapeMd('a_b _c_ [x](y) <b> `c` 1|2 #3')).toBe('a_b \\_c\\_ \\[x\\](y) \\<b\\> \\`c\\` 1\\|2 \\#3');
    const label = escapeLabel('module.net["a"].x <y> #1 `z`');
    expect(label).toBe('module.net[#quot;a#quot;].x #lt;y#gt; #35;1 #96;z#96;');
    expect(await parseMermaid(`flowchart TD\n  a["${label}"] --> b(("${escapeLabel('say "hi"')}"))`)).toBe('flowchart-v2');
    // Instance keys with quotes (for_each) come out as pictures that parse.
    const md = renderMarkdown(manyPathFindings(2));
    for (const b of mermaidBlocks(md)) expect(await parseMermaid(b)).toBe('flowchart-v2');
    expect(md).toContain('module.net1[#quot;zone-1#quot;].aws_route_table.private[1]');
  });

  it('draws at most MAX_PICTURES pictures, and says so', () => {
    const md = renderMarkdown(manyPathFindings(MAX_PICTURES + 5));
    expect(mermaidBlocks(md)).toHaveLength(MAX_PICTURES);
    expect(md).toContain(`Path pictures are drawn for the first ${MAX_PICTURES} path findings only`);
    expect(md.match(/^#### /gm)).toHaveLength(MAX_PICTURES + 5);
  });

  it('shows the first instances of a block in full and names the rest in one line, so every rule and block gets its place', () => {
    const base = example();
    const report = manyPathFindings(5_000, base, true);
    report.findings.push(...base.findings.filter((f) => f.ruleId === 'dynamodb-via-nat'));
    const md = renderMarkdown(report);
    // 3 in full, then one line; dynamodb-via-nat (3 instances of one block) in full.
    expect(md.match(/^#### /gm)).toHaveLength(FULL_PER_BLOCK + 3);
    const names = Array.from({ length: 10 }, (_, i) => `\`module.net["zone-${i + 3}"].aws_route_table.private[${i + 3}]\``).join(', ');
    expect(md).toContain(`… and 4,997 more findings on \`module.net.aws_route_table.private\`, on ${names} and 4,987 more.\n`);
    expect(md).toContain('### `dynamodb-via-nat`');
    expect(md).not.toContain('findings are not shown');
    // Every finding shown in full has its picture: no note about pictures left out.
    expect(mermaidBlocks(md)).toHaveLength(FULL_PER_BLOCK + 3);
    expect(md).not.toContain('Path pictures are drawn');
    expect(bytes(md)).toBeLessThan(30_000);
  });

  it('under any budget, shows a prefix of what it shows without one: nothing after the first thing left out', () => {
    const base = example();
    const report = manyPathFindings(50, base, true);
    // After the block of 50, a small section (a rule the report does not describe, one short finding) that fits where the block's last line does not.
    const small: ReportedFinding = { ...report.findings[0]!, ruleId: 'zz-small', message: 'short', primary: { kind: 'vpc', key: 'vpc-1', id: 'vpc-1' } };
    report.findings.push(small, ...base.findings.filter((f) => f.ruleId === 'dynamodb-via-nat'));
    const structure = (md: string) => md.split('\n').filter((l) => /^(###|####|… and) /.test(l));
    const whole = structure(renderMarkdown(report));
    expect(whole.filter((l) => l.startsWith('… and'))).toHaveLength(1);
    for (let budget = 2_000; budget < 40_000; budget += 100) {
      const cut = structure(renderMarkdown(report, { budgetBytes: budget }));
      expect(cut, `budget ${budget}`).toEqual(whole.slice(0, cut.length));
    }
  });

  it('shows a block of one instance more than the full count in full, and never groups live findings or different severities', () => {
    const four = renderMarkdown(manyPathFindings(FULL_PER_BLOCK + 1, example(), true));
    expect(four.match(/^#### /gm)).toHaveLength(FULL_PER_BLOCK + 1);
    expect(four).not.toContain('more finding');

    const report = manyPathFindings(8, example(), true);
    for (const f of report.findings.slice(4)) f.severity = 'error';
    const split = renderMarkdown(report);
    expect(split.match(/^#### /gm)).toHaveLength(8);

    // Live resources have no address: each is its own block.
    const live = manyPathFindings(8, example(), true);
    live.findings = live.findings.map((f, i) => ({ ...f, primary: { kind: 'route-table', key: `rtb-${i}`, id: `rtb-${i}` } }));
    expect(renderMarkdown(live).match(/^#### /gm)).toHaveLength(8);
  });

  it('cuts large results within the budget, keeps the whole table, and says how many findings are not shown', () => {
    const report = manyPathFindings(3_000);
    const md = renderMarkdown(report, { budgetBytes: 60_000 });
    expect(bytes(md)).toBeLessThanOrEqual(60_000);
    expect(md).toContain('| 🟠 warning | `s3-via-nat` | 3000 |');
    const shown = md.match(/^#### /gm)!.length;
    expect(shown).toBeGreaterThan(10);
    expect(md).toContain(`> ${3_000 - shown} of 3000 findings are not shown: GitHub limits a step summary to 1 MiB.`);
  });

  it('stays under GitHub\'s 1 MiB step summary limit by default, however many findings and diagnostics', () => {
    const report = manyPathFindings(20_000);
    report.diagnostics = Array.from({ length: 5_000 }, (_, i) => ({ level: 'note' as const, code: 'not-evaluated', message: `the routes of aws_route_table.t${i} are not fully known (a route destination is known only after apply)` }));
    const md = renderMarkdown(report);
    expect(bytes(md)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(SUMMARY_BUDGET_BYTES).toBeLessThan(1024 * 1024);
    expect(md).toMatch(/of 20000 findings are not shown/);
    expect(md).toContain('### Not evaluated (5000)');
  });

  it('lists what could not be evaluated, cut with a count when it does not fit', () => {
    const base = example();
    const subject = (i: number): Ref => ({ key: `aws_route_table.x${i}`, kind: 'route-table', address: `aws_route_table.x${i}` });
    const diagnostics = Array.from({ length: 400 }, (_, i) => ({ level: 'note' as const, code: 'not-evaluated', ruleId: 's3-via-nat', subject: subject(i), message: `diagnostic number ${i} about <things>` }));
    const full = renderMarkdown({ ...base, diagnostics });
    expect(full).toContain('### Not evaluated (400)');
    expect(full).toContain('- note `s3-via-nat`: diagnostic number 399 about \\<things\\>');
    const cut = renderMarkdown({ ...base, diagnostics }, { budgetBytes: 20_000 });
    expect(bytes(cut)).toBeLessThanOrEqual(20_000);
    expect(cut).toMatch(/- … and \d+ more \(cut to stay within GitHub's 1 MiB summary limit\)/);
  });

  it('shows the first diagnostics of one cause on one block in full and names the rest in one line', () => {
    const subject = (i: number): Ref => ({ key: `module.vpc["v${i}"].aws_route.nat`, kind: 'other', address: `module.vpc["v${i}"].aws_route.nat` });
    const unknownTable = Array.from({ length: 500 }, (_, i) => ({ level: 'note' as const, code: 'unresolved-reference', subject: subject(i), message: `route ${i}: cannot tell which route table it belongs to` }));
    const otherRule = [0, 1].map((i) => ({ level: 'note' as const, code: 'not-evaluated', ruleId: 's3-via-nat', subject: subject(i), message: `path ${i} not evaluated` }));
    const alone = { level: 'warning' as const, code: 'suppression-invalid', message: 'a comment without a reason' };
    const md = renderMarkdown({ ...example(), diagnostics: [...unknownTable, ...otherRule, alone] });
    expect(md).toContain('### Not evaluated (503)');
    const listed = md.slice(md.indexOf('### Not evaluated')).split('\n').filter((l) => l.startsWith('- '));
    expect(listed).toEqual([
      '- note: route 0: cannot tell which route table it belongs to',
      '- note: route 1: cannot tell which route table it belongs to',
      '- note: route 2: cannot tell which route table it belongs to',
      `- … and 497 more like these on \`module.vpc.aws_route.nat\`, on ${[3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => `\`module.vpc["v${i}"].aws_route.nat\``).join(', ')} and 487 more`,
      '- note `s3-via-nat`: path 0 not evaluated',
      '- note `s3-via-nat`: path 1 not evaluated',
      '- warning: a comment without a reason',
    ]);
  });

  it('says when there is nothing to report, and counts suppressed findings', () => {
    const clean = scanFixture('clean-network');
    const md = renderMarkdown(clean);
    expect(md).toContain('✅ **No findings.**');
    expect(md).not.toContain('| Severity |');
    const base = example();
    const suppressed = base.findings.slice(0, 2).map((f) => ({ ...f, suppressions: [{ kind: 'external' as const, via: 'baseline' as const, justification: 'in the baseline' }] }));
    expect(renderMarkdown({ ...base, findings: base.findings.slice(2), suppressed, baseline: { file: 'base.sarif' } })).toContain('· 2 suppressed (already in the baseline, or silenced), not shown');
  });
});
