import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { planPath, ROOT } from '../helpers/fixtures.js';
import { sarifValidator } from '../report/pipeline.js';

/** The real executable, as a CI job runs it (npm test builds first). */
function spawned(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** main() in this process, with the working directory given: the same code path, without a process start per case. */
async function cli(args: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(args, { stdout: (s) => (stdout += s), isTTY: false, env: { ...process.env, NO_COLOR: '1' }, cwd });
    return { code, stdout, stderr };
  } finally {
    spy.mockRestore();
  }
}
const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-cli-sarif-'));

describe('several formats in one run', () => {
  it('--format text prints for people while --sarif writes the file for machines', () => {
    const out = join(tmp(), 'reports', 'out.sarif');
    const r = spawned(['scan', '--plan', planPath('sourcemap-base'), '--format', 'text', '--sarif', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^s3-via-nat - /m);
    expect(r.stdout).toContain('(fixtures/sourcemap-base/modules/network/main.tf:');
    const summary = /^(\d+) findings: \d+ errors?, \d+ warnings?, \d+ notes?\. 4 suppressed \(4 inline\)\.$/m.exec(r.stdout);
    expect(summary, r.stdout).not.toBeNull();
    const log = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarifValidator()(log)).toBe(true);
    // The file holds what the text counts: the findings and the suppressed ones.
    expect(log.runs[0].results).toHaveLength(Number(summary![1]) + 4);
  });

  it('the JSON report counts suppressed findings apart', async () => {
    const r = await cli(['scan', '--plan', planPath('sourcemap-base'), '--format', 'json', '--fail-on', 'none']);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ findings: report.findings.length, suppressed: 4 });
    expect(report.findings.length).toBeGreaterThanOrEqual(3);
    expect(report.suppressed[0].suppressions[0]).toMatchObject({ kind: 'inSource', via: 'inline', location: { file: 'fixtures/sourcemap-base/modules/network/main.tf' } });
  });
});

describe('--baseline: a pull request fails only on what it adds', () => {
  it('the base branch SARIF as baseline: exit 0 on the same plan, exit 1 with only the new finding on the changed one', async () => {
    const dir = tmp();
    const base = join(dir, 'main.sarif');
    expect((await cli(['scan', '--plan', planPath('sourcemap-base'), '--format', 'sarif', '--output', base, '--soft-fail'])).code).toBe(0);

    const same = await cli(['scan', '--plan', planPath('sourcemap-shifted'), '--baseline', base, '--fail-on', 'note']);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^No findings\. \d+ suppressed \(4 inline, \d+ baseline\)\.$/m);

    const pr = await cli(['scan', '--plan', planPath('sourcemap-added'), '--baseline', base, '--format', 'json']);
    expect(pr.code).toBe(1);
    const report = JSON.parse(pr.stdout);
    // Only the endpoint the pull request adds is reported (whatever rules find on it).
    const reported = report.findings.map((f: { ruleId: string; primary: { address: string } }) => `${f.ruleId} ${f.primary.address}`);
    expect(reported).toContain('gateway-endpoint-region-mismatch aws_vpc_endpoint.s3_copy');
    expect(reported.filter((r: string) => !r.endsWith(' aws_vpc_endpoint.s3_copy'))).toEqual([]);
  });

  it('a bad baseline or source root is exit 2 with one line, and nothing is written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'other.sarif'), '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"checkov"}}}]}');
    const out = join(dir, 'out.sarif');
    const cases: [string[], RegExp][] = [
      [['--baseline', join(dir, 'other.sarif')], /^vpcelint: --baseline .*other\.sarif: has no vpcelint run/],
      [['--baseline', join(dir, 'missing.sarif')], /^vpcelint: --baseline .*missing\.sarif: cannot read: no such file/],
      [['--source-root', join(dir, 'nope')], /^vpcelint: --source-root .*nope: not a directory/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['scan', '--plan', planPath('sourcemap-base'), '--sarif', out, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir)).toEqual(['other.sarif']);
  });
});

describe('--source-root', () => {
  it('maps a plan stored away from its .tf files; without it, results keep pseudo-paths and a note says why', async () => {
    const dir = tmp();
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, readFileSync(planPath('sourcemap-base')));
    const without = JSON.parse((await cli(['scan', '--plan', plan, '--format', 'sarif', '--soft-fail'], dir)).stdout);
    const uri = (log: { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }) =>
      log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uri(without).every((u) => u.startsWith('terraform/'))).toBe(true);
    const notifications = without.runs[0].invocations[0].toolExecutionNotifications as { descriptor: { id: string }; message: { text: string } }[];
    expect(notifications.map((n) => n.descriptor.id)).toContain('source-none');
    // What the source alone tells is said to be missing too, not only the lines.
    expect(notifications.find((n) => n.descriptor.id === 'source-none')!.message.text).toContain("taken at the plan's references");
    // A missing line number is not a missing evaluation: --strict does not fail on it.
    expect((await cli(['scan', '--plan', plan, '--strict', '--fail-on', 'none'], dir)).code).toBe(0);

    const mapped = JSON.parse((await cli(['scan', '--plan', plan, '--format', 'sarif', '--soft-fail', '--source-root', join(ROOT, 'fixtures/sourcemap-base')], dir)).stdout);
    expect(uri(mapped).every((u) => u.startsWith('fixtures/sourcemap-base/'))).toBe(true);
    expect(mapped.runs[0].automationDetails.id).toBe(`vpcelint/plan:${plan}/`);
  });
});
