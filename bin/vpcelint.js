#!/usr/bin/env node
// Entry point: runs the compiled CLI (build/ is produced by `npm ci` through the prepare script).
import { main } from '../build/src/cli/main.js';

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
