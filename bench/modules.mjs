#!/usr/bin/env node
// Measures what reading policies from modules installed by `terraform init`
// costs a scan: bench/modules-template planned by Terraform (offline, the AWS
// provider from the local plugin mirror, as scripts/gen-fixtures.sh does) with
// N VPCs, each calling an installed endpoints module with two endpoint
// policies known only after apply. The scan runs, alternately, five times
// after a warm-up, with the installed modules (every policy evaluated from
// their source) and without them (every policy "not evaluated", as before
// init). Prints median wall time and peak RSS, and the --timings phases.
//
// Usage: node bench/modules.mjs [vpcs ...]   (default 300; needs `npm run build` and terraform on PATH)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, planVpcs, run } from './terraform.mjs';

const sizes = process.argv.slice(2).map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The module repository the template's git source names, as scripts/gen-fixtures.sh makes it. */
function moduleRepository() {
  const target = '/tmp/vpcelint-module-repos/vpc-endpoints';
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(ROOT, 'fixtures/installed-modules/module-repos/vpc-endpoints'), target, { recursive: true });
  run('git', ['init', '-q'], target);
  run('git', ['add', '-A'], target);
  run('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'module'], target);
  run('git', ['tag', 'v1.0.0'], target);
}

function planned(vpcs) {
  const dir = join(ROOT, 'bench', '.plans', `modules-${vpcs}`);
  if (existsSync(join(dir, 'plan.json')) && existsSync(join(dir, '.terraform'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'bench/modules-template/main.tf'), join(dir, 'main.tf'));
  moduleRepository();
  planVpcs(dir, vpcs);
  return dir;
}

function timed(dir) {
  const args = ['-f', '%e %M', process.execPath, join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', join(dir, 'plan.json'), '--format', 'json', '--output', '/dev/null', '--fail-on', 'none', '--timings'];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr.slice(-500)}`);
  const [wall, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, rss: rssKb / 1024, phases: (r.stderr.match(/^timings: .*$/m) ?? [''])[0] };
}

const median = (runs) => [...runs].sort((a, b) => a.wall - b.wall)[Math.floor(runs.length / 2)];

for (const vpcs of sizes.length > 0 ? sizes : [300]) {
  const dir = planned(vpcs);
  const installed = join(dir, '.terraform');
  const aside = join(dir, '.terraform-aside');
  const withModules = [];
  const without = [];
  const measure = (into, present) => {
    if (present) renameSync(aside, installed);
    else renameSync(installed, aside);
    into.push(timed(dir));
  };
  renameSync(installed, aside);
  try {
    measure([], true); // warm-up
    measure([], false);
    for (let i = 0; i < RUNS; i++) {
      measure(withModules, true);
      measure(without, false);
    }
  } finally {
    if (existsSync(aside)) renameSync(aside, installed);
  }
  for (const [label, runs] of [['installed modules read', withModules], ['not installed', without]]) {
    const m = median(runs);
    console.log(`${String(vpcs).padStart(5)} VPCs, ${label.padEnd(22)} | scan ${m.wall.toFixed(2)} s ${m.rss.toFixed(0)} MB | ${m.phases}`);
  }
}
