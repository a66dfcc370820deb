import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { OMITTED_FINGERPRINTS_KEY } from '../../src/report/sarif-limit.js';
import { planPath, ROOT } from '../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

/** main() in this process; `warnings` are what it gave io.warn (the Action's annotations). */
async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const warnings: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(args, { stdout: (s) => (stdout += s), isTTY: false, env: { ...process.env, NO_COLOR: '1' }, cwd: ROOT, warn: (t) => warnings.push(t) });
    return { code, stdout, stderr, warnings };
  } finally {
    spy.mockRestore();
  }
}
const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-sarif-max-'));

describe('--sarif-max-results', () => {
  it('writes at most that many results, warns, and still exits on every finding', async () => {
    const all = JSON.parse((await cli(['scan', '--plan', planPath('example'), '--format', 'sarif'])).stdout).runs[0].results;
    expect(all.length).toBeGreaterThan(2);
    const out = join(tmp(), 'out.sarif');
    const r = await cli(['scan', '--plan', planPath('example'), '--format', 'text', '--sarif', out, '--sarif-max-results', '2']);
    expect(r.code).toBe(1);
    expect(r.warnings).toEqual([`the SARIF report holds 2 of ${all.length} results, the most severe; all of them count for the exit code, and --format json lists every one`]);
    // The text report is whole.
    expect(r.stdout).toMatch(new RegExp(`^${all.length} findings:`, 'm'));
    const run = JSON.parse(readFileSync(out, 'utf8')).runs[0];
    expect(run.results).toHaveLength(2);
    expect(run.properties[OMITTED_FINGERPRINTS_KEY]).toHaveLength(all.length - 2);
  });

  it('a baseline written with results left out suppresses them all on the same plan', async () => {
    const base = join(tmp(), 'main.sarif');
    expect((await cli(['scan', '--plan', planPath('example'), '--format', 'sarif', '--output', base, '--soft-fail', '--sarif-max-results', '1'])).code).toBe(0);
    const again = await cli(['scan', '--plan', planPath('example'), '--baseline', base, '--fail-on', 'note', '--format', 'json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.length).toBeGreaterThan(1);
  });

  it('0 writes every result, and no warning', async () => {
    const r = await cli(['scan', '--plan', planPath('example'), '--format', 'sarif', '--sarif-max-results', '0']);
    const run = JSON.parse(r.stdout).runs[0];
    expect(run.results.length).toBeGreaterThan(2);
    expect(run.properties).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('no warning when no SARIF is written', async () => {
    const r = await cli(['scan', '--plan', planPath('example'), '--format', 'text', '--sarif-max-results', '1']);
    expect(r.warnings).toEqual([]);
  });

  it('exit 2 on a value that is not a whole number, before anything is read or written', async () => {
    const dir = tmp();
    for (const value of ['x', '-1', '1.5', '']) {
      const r = await cli(['scan', '--plan', '/no/such/plan.json', '--sarif-max-results', value, '--output', join(dir, 'out.sarif')]);
      expect(r.code, value).toBe(2);
      expect(r.stderr).toBe(`vpcelint: --sarif-max-results must be a whole number (0 for no limit); got ${JSON.stringify(value)}\n`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the built CLI warns on stderr', async () => {
    const out = join(tmp(), 'out.sarif');
    const r = await runCli(['scan', '--plan', planPath('example'), '--format', 'sarif', '--output', out, '--sarif-max-results', '1'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^vpcelint: warning: the SARIF report holds 1 of \d+ results, the most severe; /);
    expect(existsSync(out)).toBe(true);
  });
});
