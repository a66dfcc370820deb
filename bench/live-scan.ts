/**
 * Live-scan benchmark: a fake account of 17 regions, 50 VPCs, 2,000 subnets
 * and 500 buckets behind the local fake AWS endpoint, 50 ms added to every
 * call. Prints wall time, API calls and peak memory of a full scan
 * (--all-regions), then the same for each region alone, and compares the full
 * scan with the slowest single region. Run: bash bench/live-scan.sh
 * Knobs: LATENCY_MS (default 50), FULL_ONLY=1 (skip the single-region runs),
 * ORG_ACCOUNTS=N (an organization scan of N member accounts instead),
 * CHILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the scan).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { generateAccount } from '../test/aws/fake-aws/generate.js';
import type { FakeAccount } from '../test/aws/fake-aws/account.js';
import { DEFAULT_ACCESS_KEY, startFakeAws, type FakeAws } from '../test/aws/fake-aws/server.js';

const ROOT = process.env.VPCELINT_ROOT ?? process.cwd();
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1'];
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 50);
/** ORG_ACCOUNTS=N: an organization of N member accounts (and its management account) instead of one large account. */
const ORG_ACCOUNTS = Number(process.env.ORG_ACCOUNTS ?? 0);
const ORG_REGIONS = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
let fakeAws: FakeAws;

/** A management account and `n` members with the audit role, each 4 regions, 4 VPCs, 40 subnets, 10 buckets. */
function organizationAccounts(n: number): FakeAccount[] {
  const ids = Array.from({ length: n + 1 }, (_, i) => String(200000000000 + i));
  const accounts = ids.map((accountId) => ({ ...generateAccount({ accountId, regions: ORG_REGIONS, vpcs: 4, subnets: 40, buckets: 10 }), auditRoleName: 'vpcelint-audit' }));
  accounts[0]!.organizationAccounts = ids;
  return accounts;
}

async function organization(run: (args: string[]) => Promise<Run>): Promise<void> {
  console.log(`fake organization: ${ORG_ACCOUNTS + 1} accounts of ${ORG_REGIONS.length} regions, 4 VPCs, 40 subnets and 10 buckets each; ${LATENCY_MS} ms per call; default concurrency`);
  const r = await run(['--accounts-from-org', '--org-role-name', 'vpcelint-audit', '--all-regions']);
  const failed = fakeAws.calls.filter((c) => c.status >= 400 && c.status !== 404).length;
  console.log(`org scan: ${(r.wallMs / 1000).toFixed(2)} s wall, ${r.calls} API calls (${failed} failed), peak RSS ${r.maxRssMiB.toFixed(0)} MiB, at most ${fakeAws.peak.requests} requests in flight on ${fakeAws.peak.connections} connections, exit ${r.code}`);
}

interface Run { wallMs: number; calls: number; maxRssMiB: number; code: number }

async function main(): Promise<void> {
  const accounts = ORG_ACCOUNTS > 0 ? organizationAccounts(ORG_ACCOUNTS) : [generateAccount({ accountId: '123456789012', regions: REGIONS, vpcs: 50, subnets: 2000, buckets: 500 })];
  const fake = await startFakeAws({ accounts, latencyMs: LATENCY_MS });
  fakeAws = fake;
  const env = {
    PATH: process.env.PATH ?? '',
    AWS_ENDPOINT_URL: fake.url,
    AWS_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const run = async (args: string[]): Promise<Run> => {
    const before = fake.calls.length;
    const started = process.hrtime.bigint();
    const result = await child(['scan', '--aws', ...args, '--format', 'json', '--fail-on', 'none', '--quiet'], env);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    return { wallMs, calls: fake.calls.length - before, maxRssMiB: result.maxRssKiB / 1024, code: result.code };
  };
  try {
    if (ORG_ACCOUNTS > 0) return await organization(run);
    console.log(`fake account: ${REGIONS.length} regions, 50 VPCs, 2000 subnets, 500 buckets; ${LATENCY_MS} ms per call; default concurrency (8 per service and region)`);
    const full = await run(['--all-regions']);
    // 404s are answers (NoSuchBucketPolicy, NoSuchTagSet, NoSuchPublicAccessBlockConfiguration), not failures.
    const absent = fake.calls.filter((c) => c.status === 404).length;
    const failed = fake.calls.filter((c) => c.status >= 400 && c.status !== 404).length;
    console.log(`full scan (--all-regions): ${(full.wallMs / 1000).toFixed(2)} s wall, ${full.calls} API calls (${absent} answered "no such policy/tags/block", ${failed} failed), peak RSS ${full.maxRssMiB.toFixed(0)} MiB, at most ${fake.peak.requests} requests in flight on ${fake.peak.connections} connections, exit ${full.code}`);
    const byAction = new Map<string, number>();
    for (const c of fake.calls) byAction.set(c.iamAction, (byAction.get(c.iamAction) ?? 0) + 1);
    console.log(`  calls by action: ${[...byAction].sort((a, b) => b[1] - a[1]).map(([a, n]) => `${a} ${n}`).join(', ')}`);
    const single: (Run & { region: string })[] = [];
    if (process.env.FULL_ONLY) return;
    for (const region of REGIONS) single.push({ region, ...(await run(['--region', region])) });
    single.sort((a, b) => b.wallMs - a.wallMs);
    const slowest = single[0]!;
    console.log(`single regions: slowest ${slowest.region} ${(slowest.wallMs / 1000).toFixed(2)} s (${slowest.calls} calls), fastest ${single.at(-1)!.region} ${(single.at(-1)!.wallMs / 1000).toFixed(2)} s, sum ${(single.reduce((s, r) => s + r.wallMs, 0) / 1000).toFixed(2)} s`);
    console.log(`full scan / slowest single region: ${(full.wallMs / slowest.wallMs).toFixed(2)}x`);
  } finally {
    await fake.close();
  }
}

function child(args: string[], env: Record<string, string>): Promise<{ code: number; maxRssKiB: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...(process.env.CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(ROOT, 'bench/live-child.mjs'), ...args], { env, stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
    let out = '';
    (p.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', () => {
      try {
        resolve(JSON.parse(out) as { code: number; maxRssKiB: number });
      } catch {
        reject(new Error(`the scan did not report its figures (${out})`));
      }
    });
  });
}

await main();
