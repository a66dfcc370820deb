#!/usr/bin/env node
// Measures vpcelint against the physical limit: the time and memory Node.js needs
// just to read and JSON.parse the same plan. For each size it generates a plan
// with bench/gen-plan.mjs, then runs, after one warm-up, at least five times each (alternately):
//   scan:     vpcelint scan --plan P --format sarif --output /dev/null --sarif-max-results 0
//             (every result written, as before GitHub's 25,000-result limit: the full work)
//   baseline: node -e 'JSON.parse(readFileSync(P, "utf8"))'
// and prints medians of wall time and peak RSS (GNU time), their ratios, and the
// scan's per-phase timings (--timings, from the median run).
//
// Usage: node bench/run.mjs [vpcs ...]   (default 100 1000 5000; needs `npm run build`)
//        node bench/run.mjs --wide [n ...] (one VPC with n subnets, routes, rules and
//        buckets from bench/gen-wide.mjs; default 1000 4000 16000)
//        node bench/run.mjs --solver [vpcs ...] (the same plans with exemptions in every
//        bucket fence that the policy shortcuts cannot decide: gen-plan --solver)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const variant = ['--wide', '--solver'].includes(process.argv[2]) ? process.argv[2].slice(2) : undefined;
const wide = variant === 'wide';
const sizes = process.argv.slice(variant ? 3 : 2).map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const dir = join(ROOT, 'bench', '.plans');
mkdirSync(dir, { recursive: true });
// Large plans need more than V8's default old space; both sides get the same limit.
const NODE = [process.execPath, '--max-old-space-size=12288'];

function timed(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  const [wall, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, rssMb: rssKb / 1024, stderr: r.stderr };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Runs the scan and the baseline alternately, after one warm-up each: the
 * machine here is shared and its speed drifts over minutes, so interleaving
 * keeps the ratio fair.
 */
function measurePair(scanArgs, baseArgs) {
  timed(scanArgs); // warm-up: file cache, code cache
  timed(baseArgs);
  const scans = [];
  const bases = [];
  for (let i = 0; i < RUNS; i++) {
    scans.push(timed(scanArgs));
    bases.push(timed(baseArgs));
  }
  return [summary(scans), summary(bases)];
}

function summary(runs) {
  const byWall = [...runs].sort((a, b) => a.wall - b.wall);
  return { wall: median(runs.map((r) => r.wall)), rss: median(runs.map((r) => r.rssMb)), medianRun: byWall[Math.floor(byWall.length / 2)] };
}

const rows = [];
for (const vpcs of sizes.length ? sizes : wide ? [1000, 4000, 16000] : [100, 1000, 5000]) {
  const plan = join(dir, `${variant ?? 'plan'}-${vpcs}.json`);
  if (!existsSync(plan)) {
    const gen = wide ? ['bench/gen-wide.mjs'] : variant === 'solver' ? ['bench/gen-plan.mjs', '--solver'] : ['bench/gen-plan.mjs'];
    const g = spawnSync(process.execPath, [join(ROOT, gen[0]), ...gen.slice(1), String(vpcs), plan], { stdio: 'inherit' });
    if (g.status !== 0) throw new Error('gen-plan failed');
  }
  const mb = statSync(plan).size / 1e6;
  const count = spawnSync(...[NODE[0], [NODE[1], '-e', `const p=JSON.parse(require('fs').readFileSync(${JSON.stringify(plan)},'utf8'));console.log(p.resource_changes.length)`]], { encoding: 'utf8' });
  const resources = Number(count.stdout.trim());
  const [scan, base] = measurePair(
    [...NODE, join(ROOT, 'bin/vpcelint.js'), 'scan', '--plan', plan, '--format', 'sarif', '--output', '/dev/null', '--sarif-max-results', '0', '--fail-on', 'none', '--timings'],
    [...NODE, '-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(plan)}, 'utf8'))`],
  );
  const phases = (scan.medianRun.stderr.match(/^timings: .*$/m) ?? ['timings: (not reported)'])[0];
  rows.push({ vpcs, mb, resources, scan, base, phases });
  console.log(
    `${String(vpcs).padStart(5)} ${wide ? 'wide' : 'VPCs'}  ${mb.toFixed(1).padStart(6)} MB  ${String(resources).padStart(7)} resources | ` +
      `scan ${scan.wall.toFixed(2)} s ${scan.rss.toFixed(0)} MB | read+parse ${base.wall.toFixed(2)} s ${base.rss.toFixed(0)} MB | ` +
      `ratio time ${(scan.wall / base.wall).toFixed(2)}x rss ${(scan.rss / base.rss).toFixed(2)}x`,
  );
  // Time per resource of the phases that build and judge the graph: flat when growth is linear.
  const ms = (name) => Number(phases.match(new RegExp(`${name} (\\d+) ms`))?.[1]);
  const per = (name) => `${((ms(name) * 1000) / resources).toFixed(1)} µs`;
  console.log(`      ${phases}`);
  console.log(`      per resource: inventory ${per('inventory')}, rules ${per('rules')}, report ${per('report')}`);
}
