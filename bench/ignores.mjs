#!/usr/bin/env node
// Measures config `ignore` entries against many findings: a team that accepts
// findings one by one can list thousands of entries. Scans a plan once to list
// its findings, writes configs with N entries (each a literal address of every
// other finding, and one glob per hundred entries), then runs
// `vpcelint scan --format sarif --timings` with each (5 runs, alternating) and
// prints the median wall time and the `sources` phase, where suppressions are
// applied.
//
// Usage: node bench/ignores.mjs [plan.json] [entries ...]
//   (default bench/.plans/plan-1000.json, from `node bench/run.mjs 1000`, and 0 300 3000; needs `npm run build`)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const plan = process.argv[2] ?? join(ROOT, 'bench', '.plans', 'plan-1000.json');
const counts = process.argv.slice(3).map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bin = join(ROOT, 'bin', 'vpcelint.js');
const work = mkdtempSync(join(tmpdir(), 'vpcelint-ignores-'));

function scan(config, format = 'sarif') {
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, 'scan', '--plan', plan, '--config', config, '--format', format, '--fail-on', 'none', '--timings', ...(format === 'sarif' ? ['--output', '/dev/null'] : [])], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr.slice(-500)}`);
  const sources = Number(/sources (\d+) ms/.exec(r.stderr)?.[1]);
  return { wall: performance.now() - t, sources, stdout: r.stdout };
}

const empty = join(work, 'empty.yml');
writeFileSync(empty, '{}\n');
const findings = JSON.parse(scan(empty, 'json').stdout).findings;
const configs = (counts.length > 0 ? counts : [0, 300, 3000]).map((n) => {
  const lines = ['ignore:'];
  findings.filter((_, i) => i % 2 === 0).slice(0, n).forEach((f, i) => {
    const address = i % 100 === 99 ? `${f.primary.address.split('.aws_')[0]}.*` : f.primary.address;
    lines.push(`  - rule: ${f.ruleId}`, `    address: ${JSON.stringify(address)}`, '    reason: accepted, SEC-1234');
  });
  const file = join(work, `ignore-${n}.yml`);
  writeFileSync(file, n > 0 ? `${lines.join('\n')}\n` : '{}\n');
  return { n, file, runs: [] };
});
configs.forEach((c) => scan(c.file)); // warm-up
for (let i = 0; i < RUNS; i++) for (const c of configs) c.runs.push(scan(c.file));
rmSync(work, { recursive: true, force: true });
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`${plan}: ${findings.length} findings, median of ${RUNS} runs\n`);
console.log('| ignore entries | wall | sources + suppressions |\n|---:|---:|---:|');
for (const c of configs) console.log(`| ${c.n} | ${(median(c.runs.map((r) => r.wall)) / 1000).toFixed(2)} s | ${median(c.runs.map((r) => r.sources))} ms |`);
