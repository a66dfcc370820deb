#!/usr/bin/env node
// Measures what most scans are: a small plan, in CI on every pull request or
// in a pre-commit hook, where start-up is most of the time. Runs each case
// (default 9 times, alternating) on the bundled example and prints the median
// wall time of the whole process:
//   node -e 0                 Node.js starting and exiting, the floor
//   plan                      the example's plan alone (no .tf beside it, no config)
//   plan + .tf                with its .tf files read for source lines
//   plan + .tf + config       and a .vpcelint.yml (severities, ignore entries)
//   stdin + .tf + config      the same plan piped on standard input
//
// Usage: node bench/startup.mjs [bin/vpcelint.js ...]   (needs `npm run build`;
// BENCH_RUNS=n to change the count). Given several copies of the CLI (an older
// build, say), it runs them alternately and prints a column for each.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const example = join(ROOT, 'fixtures', 'example');
const bins = process.argv.length > 2 ? process.argv.slice(2).map((b) => resolve(b)) : [join(ROOT, 'bin', 'vpcelint.js')];
const work = mkdtempSync(join(tmpdir(), 'vpcelint-startup-'));
const bare = join(work, 'bare');
const withConfig = join(work, 'config');
for (const dir of [bare, withConfig]) spawnSync('mkdir', ['-p', dir]);
copyFileSync(join(example, 'plan.json'), join(bare, 'plan.json'));
writeFileSync(
  join(withConfig, '.vpcelint.yml'),
  ['rules:', '  dynamodb-via-nat: warning', 'ignore:', '  - rule: s3-via-nat', '    address: module.legacy.*', '    reason: moved in Q3', '    expires: 2099-12-31', ''].join('\n'),
);
const scan = ['scan', '--format', 'sarif', '--output', '/dev/null', '--fail-on', 'none'];
const cases = (bin) => [
  { name: 'node -e 0', args: ['-e', '0'], cwd: work },
  { name: 'plan', args: [bin, ...scan, '--plan', join(bare, 'plan.json')], cwd: bare },
  { name: 'plan + .tf', args: [bin, ...scan, '--plan', join(example, 'plan.json')], cwd: bare },
  { name: 'plan + .tf + config', args: [bin, ...scan, '--plan', join(example, 'plan.json')], cwd: withConfig },
  { name: 'stdin + .tf + config', args: [bin, ...scan, '--plan', '-', '--source-root', example], cwd: withConfig, input: readFileSync(join(example, 'plan.json')) },
];
const runs = bins.map(cases);

function wallMs(c) {
  const t = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: c.cwd, input: c.input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${c.name} failed (${r.status}): ${r.stderr}`);
  return performance.now() - t;
}

const times = runs.map((cs) => cs.map(() => []));
runs.flat().forEach((c) => wallMs(c)); // warm-up: file cache
for (let i = 0; i < RUNS; i++) runs.forEach((cs, b) => cs.forEach((c, k) => times[b][k].push(wallMs(c))));
rmSync(work, { recursive: true, force: true });
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`Node ${process.version}, median of ${RUNS} runs each\n`);
console.log(`| case | ${bins.join(' | ')} |\n|---|${bins.map(() => '---:').join('|')}|`);
runs[0].forEach((c, k) => console.log(`| ${c.name} | ${times.map((t) => `${Math.round(median(t[k]))} ms`).join(' | ')} |`));
