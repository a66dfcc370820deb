#!/usr/bin/env node
// Measures what reading links from the `.tf` source costs a scan:
// bench/links-template planned by Terraform (offline, the AWS provider from
// the local plugin mirror, as scripts/gen-fixtures.sh does) with N copies of
// fixtures/vpc-module-shapes' VPC and security-group modules, where every VPC
// link, route, association and rule is known only through the modules'
// source. The scan runs, alternately, five times after a warm-up with the
// source and without it (an empty --source-root). Prints median wall time and
// peak RSS, findings and notes, and the --timings phases.
//
// Usage: node bench/links.mjs [vpcs ...]   (default 100; needs `npm run build` and terraform on PATH)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, planVpcs } from './terraform.mjs';

const sizes = process.argv.slice(2).map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function planned(vpcs) {
  const dir = join(ROOT, 'bench', '.plans', `links-${vpcs}`);
  if (existsSync(join(dir, 'plan.json'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'bench/links-template/main.tf'), join(dir, 'main.tf'));
  cpSync(join(ROOT, 'fixtures/vpc-module-shapes/modules'), join(dir, 'modules'), { recursive: true });
  planVpcs(dir, vpcs);
  return dir;
}

function timed(dir, sourceRoot) {
  const args = ['-f', '%e %M', process.execPath, join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', join(dir, 'plan.json'), '--source-root', sourceRoot, '--format', 'json', '--output', join(dir, 'out.json'), '--fail-on', 'none', '--timings'];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr.slice(-500)}`);
  const [wall, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  const report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  return { wall, rss: rssKb / 1024, findings: report.findings.length, notes: report.diagnostics.length, phases: (r.stderr.match(/^timings: .*$/m) ?? [''])[0] };
}

const median = (runs) => [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)];

for (const vpcs of sizes.length > 0 ? sizes : [100]) {
  const dir = planned(vpcs);
  const empty = mkdtempSync(join(tmpdir(), 'vpcelint-no-source-'));
  const withSource = [];
  const without = [];
  try {
    timed(dir, dir); // warm-up
    timed(dir, empty);
    for (let i = 0; i < RUNS; i++) {
      withSource.push(timed(dir, dir));
      without.push(timed(dir, empty));
    }
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  for (const [label, runs] of [['with the source', withSource], ['without it', without]]) {
    const m = median(runs);
    console.log(`${String(vpcs).padStart(5)} VPCs, ${label.padEnd(16)} | scan ${m.wall.toFixed(2)} s ${m.rss.toFixed(0)} MB | ${m.findings} findings, ${m.notes} notes | ${m.phases}`);
  }
}
