import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run, type ActionHeap } from '../../src/action/run.js';
import { RESTARTED_ENV } from '../../src/cli/heap.js';
import { countBySeverity } from '../../src/report/scan-report.js';
import { ROOT, planPath, scanFixture } from '../helpers/fixtures.js';

/**
 * A plan too large for the Action's heap: run() (here, in process, told its
 * limit is 1 MB) starts the committed bundle again with a larger heap, and
 * that process does the whole job. Its output is captured instead of
 * inherited, so the test's own output stays clean.
 */
const example = countBySeverity(scanFixture('example').findings);

function restartBundle(): ActionHeap & { calls: { heapMb: number; env: NodeJS.ProcessEnv }[]; log: string[] } {
  const calls: { heapMb: number; env: NodeJS.ProcessEnv }[] = [];
  const log: string[] = [];
  return {
    calls,
    log,
    facts: () => ({ limit: 1024 * 1024, userSet: false, memory: 8 * 1024 ** 3, restarted: false }),
    restart: (heapMb, env) => {
      calls.push({ heapMb, env });
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, join(ROOT, 'dist/index.js')], { env: { ...env, [RESTARTED_ENV]: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (d: Buffer) => log.push(d.toString()));
        child.stderr.on('data', (d: Buffer) => log.push(d.toString()));
        child.once('error', reject);
        child.once('close', (code) => resolve(code ?? -1));
      });
    },
  };
}

function runnerEnv(inputs: Record<string, string>, extra: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vpcelint-action-heap-'));
  const files = { output: join(dir, 'github_output'), summary: join(dir, 'step_summary.md') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = { GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary, RUNNER_TEMP: dir, ...extra };
  const all = { 'plan-file': 'tf.plan', 'fail-on': 'warning', 'soft-fail': 'false', 'sarif-file': join(dir, 'vpcelint.sarif'), aws: 'false', plan: '', 'terraform-dir': '', 'source-root': '', config: '', baseline: '', regions: '', ...inputs };
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.toUpperCase()}`] = value;
  // @actions/core reads the inputs and the runner's files from process.env.
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return files;
}

describe('the Action restarts with a larger heap', () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    process.exitCode = exitCode;
  });

  it('plan: the new process writes the outputs once, and its exit code is the step\'s', async () => {
    const files = runnerEnv({ plan: planPath('example') });
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
    const heap = restartBundle();
    await run(process.env, heap);
    vi.restoreAllMocks();
    expect(heap.calls).toHaveLength(1);
    expect(heap.calls[0]!.heapMb).toBe(257);
    expect(stdout.join('')).toMatch(/plan\.json is \d+ KiB, too large for Node's heap limit of 1\.0 MiB here: running again in a new process with --max-old-space-size=257/);
    expect(process.exitCode, heap.log.join('')).toBe(1);
    // Written by the new process only: this one stopped at the restart.
    const outputs = readFileSync(files.output, 'utf8');
    expect(outputs.match(/^findings<</gm)).toHaveLength(1);
    expect(outputs).toContain(`warnings<<`);
    expect(heap.log.join('')).toContain(`::error::vpcelint found ${example.warning} finding`);
    expect(readFileSync(files.summary, 'utf8')).toContain('s3-via-nat');
  });

  it('terraform-dir: the new process scans the JSON terraform wrote here, with the same source root, and does not run terraform again', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'vpcelint-fake-terraform-'));
    const work = join(bin, 'infra');
    mkdirSync(work);
    const calls = join(bin, 'calls');
    writeFileSync(join(bin, 'terraform'), `#!/bin/sh\necho "$*" >> "${calls}"\ncat "${planPath('example')}"\n`);
    chmodSync(join(bin, 'terraform'), 0o755);
    const files = runnerEnv({ 'terraform-dir': work, 'fail-on': 'error' }, { PATH: `${bin}:${process.env.PATH ?? ''}` });
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const heap = restartBundle();
    await run(process.env, heap);
    vi.restoreAllMocks();
    const again = heap.calls[0]!.env;
    expect(again.INPUT_PLAN).toMatch(/vpcelint-.*\/plan\.json$/);
    expect(again['INPUT_TERRAFORM-DIR']).toBe('');
    expect(again['INPUT_SOURCE-ROOT']).toBe(work);
    expect(process.exitCode, heap.log.join('')).toBe(0);
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(1);
    expect(readFileSync(files.output, 'utf8')).toContain(`findings<<`);
  });
});
