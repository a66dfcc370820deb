#!/usr/bin/env node
// Bundles the CLI's own modules (src/ and rules/, from the TypeScript sources)
// into build/cli/, which bin/vpcelint.js runs. Resolving and loading ~150
// separate ES modules cost every scan about 0.1 s at startup; one file (plus a
// chunk per lazily imported path: live scans, explain) costs a fraction of it.
// npm packages stay external and load from node_modules as usual.
// build/src (tsc's output) is still what tests and other scripts import.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(repo, 'build', 'cli');
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: repo,
  // The worker thread that reads .tf files while the plan is scanned (src/sourcemap/load.ts) is an entry of its own.
  entryPoints: [
    { in: 'src/cli/main.ts', out: 'main' },
    { in: 'src/sourcemap/sourcemap-worker.ts', out: 'sourcemap-worker' },
  ],
  outdir,
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
});
