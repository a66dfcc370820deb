import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAws, type FakeAws } from '../aws/fake-aws/server.js';
import { fakeEnv, loadAccount } from '../aws/helpers.js';
import { ROOT, planPath } from '../helpers/fixtures.js';
import { parseMermaid } from '../helpers/mermaid.js';
import { runCli } from '../helpers/run-cli.js';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/vpcelint.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vpcelint explain', () => {
  it('prints each service hop by hop, and the policies on the way', () => {
    const r = cli(['explain', '--plan', planPath('explain-bucket'), 'aws_subnet.app[0]']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('How traffic from subnet aws_subnet.app[0] reaches AWS services');
    expect(r.stdout).toContain('S3: through gateway endpoint aws_vpc_endpoint.s3 [private]');
    expect(r.stdout).toContain('endpoint policy of aws_vpc_endpoint.s3: limits access: it lets through only "OnlyTheReportsBucket"');
    expect(r.stdout).toContain('DynamoDB: through gateway endpoint aws_vpc_endpoint.dynamodb [private]');
    expect(r.stdout).toContain('endpoint policy of aws_vpc_endpoint.dynamodb: no endpoint policy: the AWS default policy allows every request');
  });

  it('--format mermaid prints a picture Mermaid parses, for a subnet and for a bucket', async () => {
    for (const args of [['aws_subnet.batch'], ['aws_route_table.app'], ['--bucket', 'acme-reports']]) {
      const r = cli(['explain', '--plan', planPath('explain-bucket'), '--format', 'mermaid', ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^flowchart TD\n/);
      expect(await parseMermaid(r.stdout)).toBe('flowchart-v2');
    }
  });

  it('--bucket answers the reverse question', () => {
    const r = cli(['explain', '--plan', planPath('explain-bucket'), '--bucket', 'acme-reports']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Privately, through an endpoint:\n  through gateway endpoint aws_vpc_endpoint.s3 \[private\]\n    from 2 subnets:/);
    expect(r.stdout).toContain('Through a NAT, the internet or another network:');
    expect(r.stdout).toContain('statement "OnlyThroughTheEndpoint" (Deny)');
  });

  it('--source-root: the .tf files of a plan kept elsewhere, for the policies the plan keeps only by references', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vpcelint-explain-root-'));
    const plan = join(dir, 'plan.json');
    copyFileSync(planPath('module-instances-as-values'), plan);
    const args = ['explain', '--plan', plan, '--bucket', 'acme-shared-reports'];
    const alone = cli(args);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout).toContain('cannot be rebuilt from the plan: its values reads a module without naming an output');
    const withSource = cli([...args, '--source-root', join(ROOT, 'fixtures', 'module-instances-as-values')]);
    expect(withSource.code, withSource.stderr).toBe(0);
    expect(withSource.stdout).not.toContain('cannot be rebuilt');
    expect(withSource.stdout).toContain('statement "DenyOutsideCoreEndpoints" (Deny)');
  });

  it('exit 2 with one line for a wrong command line', () => {
    const cases: [string[], RegExp][] = [
      [['explain', '--plan', planPath('example')], /explain needs a subnet or route table/],
      [['explain', '--plan', planPath('example'), 'aws_subnet.x', '--bucket', 'b'], /not both/],
      [['explain', 'aws_subnet.x'], /explain needs an input: --plan/],
      [['explain', '--plan', planPath('example'), 'aws_subnet.x'], /no subnet or route table "aws_subnet.x"/],
      [['explain', '--plan', planPath('example'), '--format', 'svg', 'aws_subnet.x'], /svg/],
      [['explain', '--snapshot', planPath('example'), '--source-root', '.', 'aws_subnet.x'], /--source-root applies to --plan/],
      [['explain', '--plan', planPath('example'), '--source-root', 'no/such/dir', 'aws_subnet.x'], /--source-root no\/such\/dir: not a directory/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('vpcelint explain on live AWS and on a snapshot', () => {
  let fake: FakeAws | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('--aws reads the account (by AWS id), and --snapshot the inventory saved from it, with the same answer', async () => {
    fake = await startFakeAws({ accounts: [loadAccount('example')] });
    const env = fakeEnv(fake);
    const subnet = 'subnet-01a7c3e5f9b2d4061';
    const live = await runCli(['explain', '--aws', '--region', 'eu-west-1', subnet], env);
    expect(live.code, live.stderr).toBe(0);
    expect(live.stdout).toContain(`How traffic from subnet ${subnet}`);
    expect(live.stdout).toMatch(/^S3: /m);

    const snap = join(mkdtempSync(join(tmpdir(), 'vpcelint-explain-')), 'inventory.json');
    const saved = await runCli(['scan', '--aws', '--region', 'eu-west-1', '--fail-on', 'none', '--format', 'json', '--save-snapshot', snap], env);
    expect(saved.code, saved.stderr).toBe(0);
    const offline = await runCli(['explain', '--snapshot', snap, subnet], {});
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toBe(live.stdout);

    const bucket = await runCli(['explain', '--snapshot', snap, '--bucket', 'example-prod-data-lake', '--format', 'mermaid'], {});
    expect(bucket.code, bucket.stderr).toBe(0);
    expect(await parseMermaid(bucket.stdout)).toBe('flowchart-v2');
  });

  it('--region without --aws, or two inputs, is a usage error', () => {
    expect(cli(['explain', '--plan', planPath('example'), '--region', 'eu-west-1', 'x']).stderr).toMatch(/--region, --profile and --role-arn apply to --aws/);
    expect(cli(['explain', '--plan', planPath('example'), '--snapshot', 'x.json', 'x']).stderr).toMatch(/explain reads one input: --plan and --snapshot cannot be combined/);
  });
});
