import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/fixtures.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from './fake-aws/server.js';
import { fakeEnv, loadAccount } from './helpers.js';

type Run = CliRun;

/** The real executable in a child process (not spawnSync: the fake endpoint lives in this process's event loop). */
const cli = runCli;

/** main() in this process: fast, for the cases that stop before any report. */
async function inProcess(args: string[], env: Record<string, string>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((stderr += String(s)), true));
  try {
    const code = await main(args, { stdout: (s) => (stdout += s), isTTY: false, env: process.env, cwd: ROOT });
    return { code, stdout, stderr };
  } finally {
    spy.mockRestore();
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

let fake: FakeAws | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
async function start(options: Partial<FakeAwsOptions> = {}): Promise<FakeAws> {
  fake = await startFakeAws({ accounts: [loadAccount('example')], ...options });
  return fake;
}
const tmp = () => mkdtempSync(join(tmpdir(), 'vpcelint-live-'));
const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/live-example/expected.json'), 'utf8')) as { findings: { ruleId: string; primary: string }[] };

interface SarifLog { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations: { logicalLocations?: { fullyQualifiedName?: string; name?: string }[] }[] }[]; invocations?: { toolExecutionNotifications?: { descriptor?: { id: string } }[] }[] }[] }

/** Rule and primary resource id of each SARIF result: the live id appears in the logical location (id or ARN). */
function sarifFindings(log: SarifLog): string[] {
  const ids = expected.findings.map((f) => f.primary);
  return log.runs[0]!.results.map((r) => {
    const names = r.locations.flatMap((l) => l.logicalLocations ?? []).map((l) => `${l.fullyQualifiedName ?? ''} ${l.name ?? ''}`).join(' ');
    return `${r.ruleId} ${ids.find((id) => names.includes(id)) ?? names}`;
  }).sort();
}

describe('vpcelint scan --aws, end to end', () => {
  it('scans the fake account and reports the expected findings in SARIF, exit 1, nothing on stderr when not a terminal', async () => {
    const f = await start();
    const r = await cli(['scan', '--aws', '--region', 'eu-west-1', '--format', 'sarif'], fakeEnv(f));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    for (const res of log.runs[0]!.results) {
      expect(log.runs[0]!.tool.driver.rules.map((x) => x.id)).toContain(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(res.message.text.length).toBeGreaterThan(0);
    }
    expect(sarifFindings(log)).toEqual(expected.findings.map((x) => `${x.ruleId} ${x.primary}`).sort());
    // Read-only, and only what the scan needs.
    expect(f.calls.every((c) => /^(ec2:(Describe|Get)|s3:(Get|List)|iam:Get|sts:GetCallerIdentity)/.test(c.iamAction))).toBe(true);
  });

  it('exits 3 when reads failed and no finding reaches --fail-on; the report says what was not read', async () => {
    const f = await start({ faults: [{ kind: 'deny', action: 'DescribeRouteTables' }] });
    const r = await cli(['scan', '--aws', '--region', 'eu-west-1', '--fail-on', 'error'], fakeEnv(f));
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/could not read the route tables of eu-west-1 \(ec2:DescribeRouteTables in 111122223333\/eu-west-1\): UnauthorizedOperation/);
    expect(r.stdout).toMatch(/Partial scan: 1 AWS read failed/);
    const json = await cli(['scan', '--aws', '--region', 'eu-west-1', '--format', 'json', '--fail-on', 'error'], fakeEnv(f));
    expect(JSON.parse(json.stdout).summary.partial).toBe(true);
    expect(json.code).toBe(3);
    // --soft-fail: 0 whenever the scan ran.
    expect((await cli(['scan', '--aws', '--region', 'eu-west-1', '--soft-fail'], fakeEnv(f))).code).toBe(0);
  });

  it('findings take precedence: exit 1 when findings reach --fail-on, even if the scan was partial', async () => {
    const f = await start({ faults: [{ kind: 'deny', action: 'GetBucketPolicy' }] });
    const r = await cli(['scan', '--aws', '--region', 'eu-west-1'], fakeEnv(f));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('s3:GetBucketPolicy');
    expect(r.stdout).toContain('Partial scan');
  });

  it('saves a snapshot and scans it offline with the same results and the same exit code', async () => {
    const f = await start({ faults: [{ kind: 'deny', action: 'GetBucketTagging' }] });
    const dir = tmp();
    const snap = join(dir, 'inventory.json');
    const live = await cli(['scan', '--aws', '--region', 'eu-west-1', '--format', 'sarif', '--save-snapshot', snap], fakeEnv(f));
    expect(live.code).toBe(1);
    const calls = f.calls.length;
    const offline = await cli(['scan', '--snapshot', snap, '--format', 'sarif'], {});
    expect(offline.stderr).toBe('');
    expect(f.calls.length).toBe(calls);
    expect(offline.code).toBe(1);
    const a = JSON.parse(live.stdout) as SarifLog;
    const b = JSON.parse(offline.stdout) as SarifLog;
    expect(sarifFindings(b)).toEqual(sarifFindings(a));
    expect(b.runs[0]!.results.map((x) => x.message.text)).toEqual(a.runs[0]!.results.map((x) => x.message.text));
    const notices = (l: SarifLog) => (l.runs[0]!.invocations?.[0]?.toolExecutionNotifications ?? []).map((n) => n.descriptor?.id).sort();
    expect(notices(b)).toEqual(notices(a));
    expect(notices(a)).toContain('aws-access-denied');
    const doc = JSON.parse(readFileSync(snap, 'utf8'));
    expect(doc).toMatchObject({ format: 'vpcelint-inventory-snapshot', version: 1, source: { kind: 'aws', accounts: ['111122223333'] } });
    // Partial stays partial: with no finding at --fail-on, the snapshot scan exits 3 too.
    expect((await cli(['scan', '--snapshot', snap, '--fail-on', 'error'], {})).code).toBe(3);
  });

  it('--sarif-max-results holds live and snapshot SARIF to that many results too', async () => {
    const f = await start();
    const snap = join(tmp(), 'inventory.json');
    const live = await cli(['scan', '--aws', '--region', 'eu-west-1', '--format', 'sarif', '--save-snapshot', snap, '--sarif-max-results', '1'], fakeEnv(f));
    const offline = await cli(['scan', '--snapshot', snap, '--format', 'sarif', '--sarif-max-results', '1'], {});
    for (const r of [live, offline]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^vpcelint: warning: the SARIF report holds 1 of \d+ results, the most severe; /);
      const run = (JSON.parse(r.stdout) as SarifLog).runs[0]!;
      expect(run.results).toHaveLength(1);
    }
  });

  it('exits 2 with one line for options that do not fit, a bad snapshot, or credentials AWS refuses', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{"format":"vpcelint-inventory-snapshot","version":1,"source":{"kind":"aws"},"closedWorld":[],"refs":[],"ids":[],"nodes":{"vpcs":[["vpc-1",{"ref":{"$ref":"vpc-1"}}]]},"diagnostics":[]}');
    writeFileSync(join(dir, 'newer.json'), '{"format":"vpcelint-inventory-snapshot","version":7}');
    const f = await start();
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['scan', '--region', 'eu-west-1', '--plan', join(ROOT, 'fixtures/example/plan.json')], {}, /--region applies to live scans: add --aws/],
      [['scan', '--aws', '--plan', join(ROOT, 'fixtures/example/plan.json')], {}, /--plan and --aws cannot be combined/],
      [['scan', '--aws', '--region', 'eu-west-1', '--concurrency', '0'], fakeEnv(f), /--concurrency must be a whole number/],
      [['scan', '--aws', '--region', 'moon-base-1x'], fakeEnv(f), /is not an AWS region name/],
      [['scan', '--aws', '--accounts-from-org'], fakeEnv(f), /needs --org-role-name/],
      [['scan', '--snapshot', join(dir, 'bad.json')], {}, /bad\.json: not a valid snapshot at \$\.nodes\.vpcs\[0\]\[1\]\.ref: "\$ref" names "vpc-1", which is not in "refs"/],
      [['scan', '--snapshot', join(dir, 'newer.json')], {}, /newer\.json: snapshot version 7 is newer than this vpcelint reads \(1\)/],
      [['scan', '--snapshot', join(ROOT, 'fixtures/example/plan.json')], {}, /not a vpcelint snapshot/],
      [['scan', '--aws', '--region', 'eu-west-1'], { ...fakeEnv(f), AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY' }, /cannot use the AWS credentials \(sts:GetCallerIdentity in eu-west-1\): InvalidClientTokenId/],
    ];
    for (const [args, env, message] of cases) {
      const r = await inProcess(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    // One of them through the real executable, as users run it.
    const r = await cli(['scan', '--aws', '--region', 'eu-west-1'], { ...fakeEnv(f), AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vpcelint: cannot use the AWS credentials/);
  });

  it('assumes --role-arn (with --external-id) through STS before scanning', async () => {
    const f = await start();
    const r = await cli(['scan', '--aws', '--region', 'eu-west-1', '--role-arn', 'arn:aws:iam::111122223333:role/vpcelint-audit', '--external-id', 'x-123', '--format', 'json'], fakeEnv(f));
    expect(r.code).toBe(1);
    expect(f.calls[0]).toMatchObject({ iamAction: 'sts:AssumeRole', account: '111122223333' });
    // Everything after the role assumption is made with the role's keys.
    expect(JSON.parse(r.stdout).findings).toHaveLength(expected.findings.length);
  });
});
