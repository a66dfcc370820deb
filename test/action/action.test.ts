import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { countBySeverity } from '../../src/report/scan-report.js';
import { pathPicture } from '../../src/report/path-picture.js';
import { ROOT, planPath, scanFixture } from '../helpers/fixtures.js';
import { mermaidBlocks, parseMermaid } from '../helpers/mermaid.js';
import { startFakeAws, type FakeAws } from '../aws/fake-aws/server.js';
import { fakeEnv, loadAccount } from '../aws/helpers.js';

/**
 * Runs the committed bundle the way the runner does: `node dist/index.js`
 * with the inputs as INPUT_* variables and the runner's files for outputs and
 * the job summary. The bundle is what users run; it is kept up to date with
 * the sources by dist.test.ts.
 */
interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}, cwd = ROOT): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'vpcelint-action-'));
  const outputFile = join(dir, 'github_output');
  const summaryFile = join(dir, 'step_summary.md');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/network',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    ...extraEnv,
  };
  // As the runner does: every declared input is set, to its default when the workflow does not say.
  const defaults: Record<string, string> = { 'plan-file': 'tf.plan', 'fail-on': 'warning', 'soft-fail': 'false', 'sarif-file': join(dir, 'vpcelint.sarif'), aws: 'false' };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist/index.js')], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), dir }));
  });
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter`, value lines, `delimiter`. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/** What the same scan gives in process: the Action must report exactly that. */
const example = (() => {
  const report = scanFixture('example');
  const counts = countBySeverity(report.findings);
  return { ...counts, findings: report.findings.length, ruleIds: report.findings.map((f) => f.ruleId).sort(), pictures: report.findings.filter((f) => pathPicture(f)).length };
})();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

describe('the bundled Action on a plan', () => {
  it('the example plan has warnings and notes, no errors, and NAT path findings (what the tests below rely on)', () => {
    expect(example).toMatchObject({ error: 0, warning: expect.any(Number), note: expect.any(Number) });
    expect(example.warning).toBeGreaterThan(0);
    expect(example.note).toBeGreaterThan(0);
    expect(example.pictures).toBe(4);
  });

  it('writes outputs, SARIF and a job summary with the table and parsable Mermaid pictures; fails at fail-on warning', async () => {
    const r = await runAction({ plan: planPath('example') });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`::error::vpcelint found ${plural(example.warning, 'finding')} at or above fail-on "warning" (0 errors, ${plural(example.warning, 'warning')})`);
    expect(r.outputs).toEqual({ 'sarif-file': join(r.dir, 'vpcelint.sarif'), findings: `${example.findings}`, errors: '0', warnings: `${example.warning}`, notes: `${example.note}` });
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(example.ruleIds);

    expect(r.summary).toContain('| Severity | Rule | Findings | What it flags |');
    expect(r.summary).toMatch(/\| 🟠 warning \| `s3-via-nat` \| 1 \|/);
    expect(r.summary).toMatch(/\| 🔵 note \| `dynamodb-via-nat` \| 3 \|/);
    const blocks = mermaidBlocks(r.summary);
    expect(blocks).toHaveLength(example.pictures);
    for (const block of blocks) expect(await parseMermaid(block)).toBe('flowchart-v2');
    expect(blocks.join('\n')).toContain('module.network.aws_nat_gateway.this[2]');
  });

  it('fails only when fail-on says so, and never with soft-fail', async () => {
    const byError = await runAction({ plan: planPath('example'), 'fail-on': 'error' });
    expect(byError.code).toBe(0);
    expect(byError.stdout).not.toContain('::error::');
    expect(byError.outputs.findings).toBe(`${example.findings}`);
    expect(byError.summary).toContain('s3-via-nat');

    const none = await runAction({ plan: planPath('example'), 'fail-on': 'none' });
    expect(none.code).toBe(0);

    const notes = await runAction({ plan: planPath('example'), 'fail-on': 'note' });
    expect(notes.code).toBe(1);
    expect(notes.stdout).toContain(`found ${plural(example.findings, 'finding')} at or above fail-on "note" (0 errors, ${plural(example.warning, 'warning')}, ${plural(example.note, 'note')})`);

    const soft = await runAction({ plan: planPath('example'), 'soft-fail': 'true' });
    expect(soft.code).toBe(0);
    expect(soft.outputs.warnings).toBe(`${example.warning}`);
  });

  it('reads the config input (YAML, loaded from its own chunk of dist/): severities and ignore entries', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-action-config-'));
    const config = join(dir, 'vpcelint.yml');
    writeFileSync(config, ['rules:', '  s3-via-nat: error', 'ignore:', '  - rule: dynamodb-via-nat', '    address: "*"', '    reason: no DynamoDB client here', ''].join('\n'));
    const r = await runAction({ plan: planPath('example'), config, 'fail-on': 'none' });
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.errors).toBe('1');
    const results = JSON.parse(readFileSync(r.outputs['sarif-file']!, 'utf8')).runs[0].results as { ruleId: string; level: string; suppressions?: { properties?: { via?: string } }[] }[];
    expect(results.filter((x) => x.ruleId === 's3-via-nat').map((x) => x.level)).toEqual(['error']);
    const dynamodb = results.filter((x) => x.ruleId === 'dynamodb-via-nat');
    expect(dynamodb.length).toBeGreaterThan(0);
    expect(dynamodb.every((x) => x.suppressions?.[0]?.properties?.via === 'config')).toBe(true);
  });

  it('a clean plan: zero counts, a summary that says so, success', async () => {
    const r = await runAction({ plan: planPath('clean-network'), 'fail-on': 'note' });
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe('0');
    expect(r.summary).toContain('**No findings.**');
    expect(mermaidBlocks(r.summary)).toEqual([]);
  });

  it('links findings to their .tf lines at the commit (source-root), and a baseline suppresses what it already holds', async () => {
    const fixture = join(ROOT, 'fixtures', 'sourcemap-base');
    const first = await runAction({ plan: join(fixture, 'plan.json'), 'source-root': fixture, 'fail-on': 'none' });
    expect(first.code).toBe(0);
    expect(Number(first.outputs.findings)).toBeGreaterThan(0);
    expect(first.summary).toMatch(/\]\(https:\/\/github\.com\/acme\/network\/blob\/0123456789abcdef0123456789abcdef01234567\/fixtures\/sourcemap-base\/[\w/.-]+\.tf#L\d+(-L\d+)?\)/);
    for (const block of mermaidBlocks(first.summary)) await parseMermaid(block);

    const second = await runAction({ plan: join(fixture, 'plan.json'), 'source-root': fixture, baseline: first.outputs['sarif-file']! });
    expect(second.code).toBe(0);
    expect(second.outputs.findings).toBe('0');
    expect(second.summary).toMatch(/suppressed/);
  });

  it('ships the worker thread that reads .tf files beside a large plan, and it runs from dist/ on its own', async () => {
    // src/sourcemap/load.ts starts ./sourcemap-worker.js beside the bundle; without it large plans fall back to one thread.
    const fixture = join(ROOT, 'fixtures', 'sourcemap-base');
    const worker = new Worker(join(ROOT, 'dist/sourcemap-worker.js'), { workerData: { root: fixture, base: ROOT } });
    const reply = <T>() =>
      new Promise<T>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    const summary = await reply<{ ok: boolean; filesParsed: number }>();
    expect(summary.ok).toBe(true);
    expect(summary.filesParsed).toBeGreaterThan(0);
    const addresses = (JSON.parse(readFileSync(join(fixture, 'plan.json'), 'utf8')) as { resource_changes: { address: string }[] }).resource_changes.map((rc) => rc.address);
    const answer = reply<{ hits: ({ location: { file: string } } | null)[] }>();
    worker.postMessage({ addresses });
    const { hits } = await answer;
    await worker.terminate();
    expect(hits).toHaveLength(addresses.length);
    expect(hits.filter((h) => h?.location.file.startsWith('fixtures/sourcemap-base/')).length).toBeGreaterThan(0);

    // A plan of a megabyte or more (the same plan, padded with whitespace) links the same lines.
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-action-large-'));
    writeFileSync(join(dir, 'plan.json'), `${readFileSync(join(fixture, 'plan.json'), 'utf8')}${' '.repeat(1 << 20)}`);
    const small = await runAction({ plan: join(fixture, 'plan.json'), 'source-root': fixture, 'fail-on': 'none' });
    const large = await runAction({ plan: join(dir, 'plan.json'), 'source-root': fixture, 'fail-on': 'none' });
    expect(large.code).toBe(0);
    const links = (summary: string) => summary.match(/\.tf#L\d+(-L\d+)?/g) ?? [];
    expect(links(large.summary).length).toBeGreaterThan(0);
    expect(links(large.summary)).toEqual(links(small.summary));
  });

  it('terraform-dir: runs terraform show -json on the saved plan, and says what to do when the output is not JSON', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'vpcelint-fake-terraform-'));
    const work = join(bin, 'infra');
    mkdirSync(work);
    const script = join(bin, 'terraform');
    // A stand-in for terraform: checks its arguments, prints the fixture's plan JSON.
    writeFileSync(script, `#!/bin/sh\n[ "$1" = "-chdir=${work}" ] && [ "$2" = show ] && [ "$3" = -json ] && [ "$4" = tf.plan ] || { echo "bad arguments: $*" >&2; exit 1; }\nif [ -n "$FAKE_TF_PREFIX" ]; then echo "$FAKE_TF_PREFIX"; fi\ncat "${planPath('example')}"\n`);
    chmodSync(script, 0o755);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}` };
    const r = await runAction({ 'terraform-dir': work, 'fail-on': 'error' }, env);
    expect(r.code).toBe(0);
    expect(r.outputs.findings).toBe(`${example.findings}`);

    const wrapped = await runAction({ 'terraform-dir': work }, { ...env, FAKE_TF_PREFIX: '[command]/usr/bin/terraform show -json tf.plan' });
    expect(wrapped.code).toBe(1);
    expect(wrapped.stdout).toContain('terraform_wrapper: false');
    expect(wrapped.outputs).toEqual({});

    const missing = await runAction({ 'terraform-dir': work }, { PATH: '/nonexistent' });
    expect(missing.stdout).toMatch(/::error::`terraform-dir` needs terraform on PATH/);
  });

  it('bad inputs fail the step with one clear message and no outputs', async () => {
    const noFile = await runAction({ plan: '/no/such/plan.json' });
    expect(noFile.code).toBe(1);
    expect(noFile.stdout).toContain('::error::vpcelint: /no/such/plan.json: cannot read: no such file');
    expect(noFile.outputs).toEqual({});
    expect(noFile.summary).toBe('');

    const two = await runAction({ plan: planPath('example'), aws: 'true' });
    expect(two.stdout).toContain('::error::vpcelint reads one input at a time: `plan` and `aws: true` cannot be combined');
    const none = await runAction({});
    expect(none.stdout).toContain('::error::vpcelint needs an input');
    const badFailOn = await runAction({ plan: planPath('example'), 'fail-on': 'sometimes' });
    expect(badFailOn.code).toBe(1);
    expect(badFailOn.stdout).toMatch(/::error::.*sometimes/);
    const regions = await runAction({ plan: planPath('example'), regions: 'eu-west-1' });
    expect(regions.stdout).toContain('`regions` applies to live scans');
    const badFlag = await runAction({ plan: planPath('example'), 'soft-fail': 'maybe' });
    expect(badFlag.stdout).toMatch(/::error::.*soft-fail/);
  });
});

describe('the bundled Action on live AWS', () => {
  let fake: FakeAws | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('aws: true with regions scans the account through the SDK bundled in dist/; a baseline of the last audit leaves only what is new', async () => {
    fake = await startFakeAws({ accounts: [loadAccount('example')] });
    const r = await runAction({ aws: 'true', regions: 'eu-west-1', 'fail-on': 'none' }, fakeEnv(fake));
    expect(r.code, r.stdout).toBe(0);
    expect(Number(r.outputs.findings)).toBeGreaterThan(0);
    expect(existsSync(r.outputs['sarif-file']!)).toBe(true);
    expect(r.summary).toMatch(/^## vpcelint: aws /);
    for (const block of mermaidBlocks(r.summary)) await parseMermaid(block);

    const again = await runAction({ aws: 'true', regions: 'eu-west-1', baseline: r.outputs['sarif-file']! }, fakeEnv(fake));
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.findings).toBe('0');
  });
});
