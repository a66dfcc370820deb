#!/usr/bin/env node
// The heap a plan scan needs, against the estimates the CLI and the Action go
// by (src/cli/heap.ts, heapNeeded): for each plan and each way of reading it
// (as one string, or lean), the smallest --max-old-space-size with which the
// scan (`vpcelint scan --format sarif`, through the CLI's main) completes,
// found by bisection to within 5 %, plus the young generation V8 counts in its
// heap limit. bench/heap-child.mjs runs one scan, with the way of reading
// chosen for it.
//
// Usage: node bench/heap-need.mjs [plan.json ...]   (default: the plans in
//        bench/.plans/, which bench/run.mjs generates; needs `npm run build`)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { heapNeeded } from '../build/src/cli/heap.js';

const ROOT = new URL('..', import.meta.url).pathname;
const MiB = 1024 * 1024;
const dir = join(ROOT, 'bench', '.plans');
const plans = process.argv.length > 2 ? process.argv.slice(2) : existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f)) : [];
if (plans.length === 0) {
  console.error('no plans: give their paths, or run node bench/run.mjs first');
  process.exit(2);
}

/** V8's heap limit with this old generation, in MiB: the old generation and the young. */
function heapLimit(oldMb) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${oldMb}`, '-p', 'require("v8").getHeapStatistics().heap_size_limit'], { encoding: 'utf8' });
  return Number(r.stdout) / MiB;
}

function scans(plan, read, oldMb) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${oldMb}`, join(ROOT, 'bench/heap-child.mjs'), read, plan], { stdio: 'ignore' });
  return r.status === 0;
}

console.log('| plan | size | read | smallest old space | old space per plan byte | heap limit needed | estimate | margin |');
console.log('|---|---:|---|---:|---:|---:|---:|---:|');
const mb = (n) => `${Math.round(n).toLocaleString('en-US')} MB`;
for (const plan of plans) {
  const bytes = statSync(plan).size;
  for (const read of ['whole', 'lean']) {
    let lo = 8;
    let hi = Math.ceil((6 * bytes) / MiB) + 128;
    if (!scans(plan, read, hi)) {
      console.log(`| ${plan} | ${read} | does not scan with ${hi} MB |`);
      continue;
    }
    while (hi - lo > Math.max(2, hi * 0.05)) {
      const mid = Math.floor((lo + hi) / 2);
      if (scans(plan, read, mid)) hi = mid;
      else lo = mid;
    }
    const needed = heapLimit(hi);
    const estimate = heapNeeded(bytes, read === 'lean') / MiB;
    console.log(`| ${plan.split('/').pop()} | ${mb(bytes / MiB)} | ${read} | ${mb(hi)} | ${(hi / (bytes / MiB)).toFixed(2)} | ${mb(needed)} | ${mb(estimate)} | ${((estimate / needed - 1) * 100).toFixed(0)} % |`);
  }
}
