// Runs the CLI in this process and reports its peak memory (max RSS) on fd 3, so the
// benchmark measures the scanner alone, not the fake endpoint.
import { writeSync } from 'node:fs';
import { main } from '../build/src/cli/main.js';

const code = await main(process.argv.slice(2), { stdout: () => {}, isTTY: false, env: process.env, cwd: process.cwd() });
writeSync(3, JSON.stringify({ code, maxRssKiB: process.resourceUsage().maxRSS }));
process.exitCode = code;
