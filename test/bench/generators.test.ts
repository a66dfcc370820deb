import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/cli/scan.js';
import { collectPlanFile } from '../../src/collect/terraform/index.js';
import { ROOT } from '../helpers/fixtures.js';

/**
 * The synthetic plans bench/run.mjs measures must make every part of the scan
 * work, as bench/README.md says they do: a plan that silently lost its
 * findings would make the figures mean nothing.
 */
const dir = mkdtempSync(join(tmpdir(), 'vpcelint-bench-'));

function generate(script: string, n: number): string {
  const out = join(dir, `${script}-${n}.json`);
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', script), String(n), out], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return out;
}

function countBy<T>(items: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of items) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

describe('bench plans', () => {
  it('gen-plan: every VPC gives the findings bench/README.md lists, and nothing is left unevaluated', () => {
    const vpcs = 4;
    const report = scan(collectPlanFile(generate('gen-plan.mjs', vpcs)));
    expect(countBy(report.findings, (f) => f.ruleId)).toEqual({
      'dynamodb-via-nat': vpcs,
      'endpoint-policy-full-access': 3 * vpcs,
      'bucket-endpoint-deny-without-exemption': vpcs,
      'interface-endpoint-open-security-group': vpcs,
      'interface-endpoint-private-dns-disabled': vpcs,
      'egress-blocks-gateway-endpoint': 2 * vpcs,
    });
    expect(report.diagnostics.filter((d) => d.level !== 'note' || d.code === 'not-evaluated')).toEqual([]);
  }, 60_000);

  it('gen-wide: N subnets on one route table, N routes, N rules on one group, N buckets judged by their own documents', () => {
    const n = 25;
    const inv = collectPlanFile(generate('gen-wide.mjs', n));
    const table = inv.routeTables.get('aws_route_table.priv')!;
    expect(table.subnets).toHaveLength(n);
    expect(table.routes).toHaveLength(n + 2); // and the default route to the NAT, and the S3 endpoint's prefix-list route
    expect(inv.securityGroups.get('aws_security_group.vpce')!.ingress).toHaveLength(n);
    expect(inv.buckets.size).toBe(n);
    const report = scan(inv);
    expect(countBy(report.findings, (f) => f.ruleId)).toEqual({
      'bucket-endpoint-deny-without-exemption': n,
      'dynamodb-via-nat': 1,
      'endpoint-policy-full-access': 2,
      'interface-endpoint-dns-misconfigured': 1,
    });
    expect(report.diagnostics.filter((d) => d.code === 'not-evaluated')).toEqual([]);
  });
});
