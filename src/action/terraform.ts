import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `terraform show -json` of a saved plan, into `out`. Written straight to a
 * file: plans of large estates run to hundreds of megabytes.
 */
export function terraformShow(dir: string, planFile: string, out: string, env: NodeJS.ProcessEnv): void {
  const fd = openSync(out, 'w');
  let result;
  try {
    result = spawnSync('terraform', [`-chdir=${dir}`, 'show', '-json', planFile], { stdio: ['ignore', fd, 'pipe'], env, encoding: 'utf8' });
  } finally {
    closeSync(fd);
  }
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT'
      ? '`terraform-dir` needs terraform on PATH: add hashicorp/setup-terraform before this step, or pass the plan JSON as `plan`'
      : `could not run terraform: ${result.error.message}`);
  }
  if (result.status !== 0) {
    const said = result.stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ');
    throw new Error(`terraform show -json ${planFile} in ${dir} failed (exit ${result.status}): ${said || 'no message'}`);
  }
  if (firstByte(out) !== '{') {
    // hashicorp/setup-terraform's wrapper prints its own lines into stdout.
    throw new Error(`terraform show -json ${join(dir, planFile)} did not print JSON: with hashicorp/setup-terraform, set terraform_wrapper: false`);
  }
}

function firstByte(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(64);
    const n = readSync(fd, buf, 0, 64, 0);
    return buf.subarray(0, n).toString('utf8').trimStart().charAt(0);
  } finally {
    closeSync(fd);
  }
}
