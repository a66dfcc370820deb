// What the benches that plan with Terraform share: the CLI run offline, as
// scripts/gen-fixtures.sh runs it (the AWS provider from the local plugin
// mirror, dummy credentials, -refresh=false).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

const env = {
  ...process.env,
  TF_CLI_CONFIG_FILE: join(ROOT, 'scripts/terraformrc'),
  TF_IN_AUTOMATION: '1',
  TF_INPUT: '0',
  CHECKPOINT_DISABLE: '1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** Runs a command in a directory, with that environment; its standard output, or an error with its end. */
export function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-800)}`);
  return r.stdout;
}

/** `terraform init`, `plan` with `-var=vpcs=N` and `show -json` in a directory: writes its plan.json. */
export function planVpcs(dir, vpcs) {
  run('terraform', ['init', '-backend=false', '-input=false', '-no-color'], dir);
  run('terraform', ['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', `-var=vpcs=${vpcs}`, '-out', 'tf.plan'], dir);
  writeFileSync(join(dir, 'plan.json'), run('terraform', ['show', '-json', 'tf.plan'], dir));
}
