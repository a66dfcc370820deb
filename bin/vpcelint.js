#!/usr/bin/env node
// Entry point: runs the bundled CLI (build/ is produced by `npm ci` through the
// prepare script: tsc, then scripts/bundle-cli.mjs).
import module from 'node:module';

// Node 22+ caches compiled code between runs; on Node 20 the call does not exist.
module.enableCompileCache?.();

// A reader that stops early (`vpcelint scan ... | head`) closes the pipe. The rest of the output is not wanted, which is
// no failure of the scan: without this, Node throws EPIPE with a stack trace. The exit code stays the scan's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') return;
    throw err;
  });
}
const { main, delayOptimization } = await import('../build/cli/main.js');
// On Node 20, V8 optimizes fewer of the scan's functions, later: its compiles took the cores the GC needs (src/util/tier-up.ts).
delayOptimization();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Only a bug reaches here; inputs and usage errors are handled in main().
    process.stderr.write(`vpcelint: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 3;
  },
);
