import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phaseLine, planProgress, PROGRESS_MIN_BYTES } from '../../src/cli/plan-progress.js';
import { explainCommand } from '../../src/explain/command.js';
import { scanCommand } from '../../src/cli/scan.js';
import { planPath } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'vpcelint-progress-'));
const ERASE = '\r\x1b[2K';

/** A file of the given size (sparse: nothing is written). */
function fileOf(name: string, bytes: number): string {
  const file = join(dir, name);
  writeFileSync(file, '');
  truncateSync(file, bytes);
  return file;
}

describe('phaseLine', () => {
  it('rewrites one line in place, and erases it once at the end', () => {
    const out: string[] = [];
    const line = phaseLine((s) => out.push(s));
    line.show('reading plan.json (88 MB)');
    line.show('running 20 rules');
    line.end();
    line.end();
    expect(out).toEqual([`${ERASE}vpcelint: reading plan.json (88 MB)…`, `${ERASE}vpcelint: running 20 rules…`, ERASE]);
  });

  it('writes nothing at the end when it showed nothing', () => {
    const out: string[] = [];
    phaseLine((s) => out.push(s)).end();
    expect(out).toEqual([]);
  });
});

describe('planProgress', () => {
  const big = fileOf('big.json', PROGRESS_MIN_BYTES);
  const small = fileOf('small.json', PROGRESS_MIN_BYTES - 1);
  const terminal = { env: {}, write: () => {} };

  it('shows on a terminal for a large plan, starting with the read', () => {
    const out: string[] = [];
    expect(planProgress(big, { ...terminal, write: (s) => out.push(s) })).toBeDefined();
    expect(out).toEqual([`${ERASE}vpcelint: reading big.json (10 MB)…`]);
  });

  it('stays silent with --quiet, in CI, on standard input, for small or missing files', () => {
    expect(planProgress(big, { ...terminal, quiet: true })).toBeUndefined();
    expect(planProgress(big, { ...terminal, env: { CI: 'true' } })).toBeUndefined();
    expect(planProgress('-', terminal)).toBeUndefined();
    expect(planProgress(small, terminal)).toBeUndefined();
    expect(planProgress(join(dir, 'missing.json'), terminal)).toBeUndefined();
  });
});

describe('a plan scan on a terminal', () => {
  it('names each phase on stderr and erases the line before the report reaches stdout', async () => {
    // The example plan, padded inside planned_values past the size where the line shows.
    const text = readFileSync(planPath('example'), 'utf8').replace('"planned_values": {', `"planned_values": {"padding": ${JSON.stringify('x'.repeat(PROGRESS_MIN_BYTES))},`);
    const plan = join(dir, 'padded.json');
    writeFileSync(plan, text);
    const order: string[] = [];
    const io = { stdout: (s: string) => order.push(`stdout ${s.slice(0, 10)}`), progressLine: (s: string) => order.push(`stderr ${s}`), isTTY: true, env: {}, cwd: dir };
    const code = await scanCommand({ plan, format: 'sarif', failOn: 'none' }, io);
    expect(code).toBe(0);
    // With --quiet, or when standard error is not a terminal (no progressLine), nothing.
    const quiet: string[] = [];
    await scanCommand({ plan, format: 'sarif', failOn: 'none', quiet: true }, { ...io, progressLine: (s: string) => quiet.push(s), stdout: () => {} });
    expect(quiet).toEqual([]);
    const phases = order.filter((o) => o.startsWith('stderr') && o !== `stderr ${ERASE}`).map((o) => o.replace(`stderr ${ERASE}vpcelint: `, ''));
    expect(phases).toEqual([expect.stringMatching(/^reading padded\.json \(\d+ MB\)…$/), expect.stringMatching(/^building the inventory of \d+ resource changes…$/), 'running 21 rules…', 'writing SARIF…']);
    const out = order.findIndex((o) => o.startsWith('stdout'));
    expect(order[out - 1]).toBe(`stderr ${ERASE}`);
  });

  it('explain shows the reading line too, erased before the answer', async () => {
    const text = readFileSync(planPath('example'), 'utf8').replace('"planned_values": {', `"planned_values": {"padding": ${JSON.stringify('x'.repeat(PROGRESS_MIN_BYTES))},`);
    const plan = join(dir, 'padded-explain.json');
    writeFileSync(plan, text);
    const order: string[] = [];
    const io = { stdout: (s: string) => order.push(`stdout ${s.slice(0, 10)}`), progressLine: (s: string) => order.push(`stderr ${s}`), isTTY: true, env: {}, cwd: dir };
    expect(await explainCommand('module.network.aws_subnet.private[0]', { plan }, io)).toBe(0);
    expect(order[0]).toBe(`stderr ${ERASE}vpcelint: reading padded-explain.json (${Math.round(Buffer.byteLength(text) / 1e6)} MB)…`);
    expect(order.at(-2)).toBe(`stderr ${ERASE}`);
    expect(order.at(-1)).toMatch(/^stdout /);
    // Not on a small plan.
    const small: string[] = [];
    await explainCommand('module.network.aws_subnet.private[0]', { plan: planPath('example') }, { ...io, progressLine: (s: string) => small.push(s), stdout: () => {} });
    expect(small).toEqual([]);
  });

  it('erases the line when the scan fails', async () => {
    const plan = fileOf('broken.json', PROGRESS_MIN_BYTES); // all zero bytes: not JSON
    const order: string[] = [];
    const io = { stdout: () => {}, progressLine: (s: string) => order.push(s), isTTY: true, env: {}, cwd: dir };
    await expect(scanCommand({ plan, format: 'sarif', failOn: 'none' }, io)).rejects.toThrow(/not valid JSON/);
    expect(order.at(-1)).toBe(ERASE);
  });
});
