#!/usr/bin/env node
// One plan scan for bench/heap-need.mjs, through the CLI's main, reading the
// plan the way given (`whole`: as one string; `lean`: piece by piece) whatever
// this process's heap is. Exits 0 when the scan completed. Plans of 1 MiB or
// more are read lean either way since the seventeenth session (read-plan.ts).
//
// Usage: node --max-old-space-size=N bench/heap-child.mjs whole|lean plan.json
import { statSync } from 'node:fs';
import { main } from '../build/src/cli/main.js';
import { heapNeeded } from '../build/src/cli/heap.js';

const [read, plan] = process.argv.slice(2);
if (!['whole', 'lean'].includes(read) || !plan) {
  console.error('usage: node --max-old-space-size=N bench/heap-child.mjs whole|lean plan.json');
  process.exit(2);
}
// The heap the scan is told it has: enough for a whole read, or just too little for one (and enough lean).
const limit = read === 'whole' ? Number.MAX_SAFE_INTEGER : heapNeeded(statSync(plan).size) - 1;
const facts = () => ({ limit, userSet: false, memory: Number.MAX_SAFE_INTEGER, restarted: false });
const code = await main(['scan', '--plan', plan, '--format', 'sarif', '--output', '/dev/null', '--fail-on', 'none'], {
  stdout: (s) => process.stdout.write(s),
  isTTY: false,
  env: process.env,
  cwd: process.cwd(),
  heap: { facts },
});
process.exitCode = code;
