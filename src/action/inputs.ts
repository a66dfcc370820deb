/** The Action's inputs, as action.yml declares them. */
export interface ActionInputs {
  plan: string;
  terraformDir: string;
  planFile: string;
  sourceRoot: string;
  config: string;
  failOn: string;
  softFail: boolean;
  sarifFile: string;
  baseline: string;
  aws: boolean;
  regions: string[];
}

/** Reads one input; `@actions/core`'s getInput, passed in so the mapping can be tested without a runner. */
export type InputReader = { text(name: string): string; flag(name: string): boolean };

export function readInputs(read: InputReader): ActionInputs {
  return {
    plan: read.text('plan'),
    terraformDir: read.text('terraform-dir'),
    planFile: read.text('plan-file') || 'tf.plan',
    sourceRoot: read.text('source-root'),
    config: read.text('config'),
    failOn: read.text('fail-on') || 'warning',
    softFail: read.flag('soft-fail'),
    sarifFile: read.text('sarif-file') || 'vpcelint.sarif',
    baseline: read.text('baseline'),
    aws: read.flag('aws'),
    regions: read.text('regions').split(/[\s,]+/).filter(Boolean),
  };
}

/** Which input the scan reads: a plan JSON, a saved plan that terraform turns into JSON, or live AWS. */
export type ScanInput = { kind: 'plan'; file: string } | { kind: 'terraform'; dir: string; planFile: string } | { kind: 'aws' };

export function scanInput(inputs: ActionInputs): ScanInput {
  const given = [inputs.plan && '`plan`', inputs.terraformDir && '`terraform-dir`', inputs.aws && '`aws: true`'].filter(Boolean);
  if (given.length === 0) throw new Error('vpcelint needs an input: set `plan` (a plan JSON file), `terraform-dir` (with a saved plan), or `aws: true`');
  if (given.length > 1) throw new Error(`vpcelint reads one input at a time: ${given.join(' and ')} cannot be combined`);
  if (inputs.regions.length > 0 && !inputs.aws) throw new Error('`regions` applies to live scans: set `aws: true`');
  if (inputs.plan) return { kind: 'plan', file: inputs.plan };
  if (inputs.terraformDir) return { kind: 'terraform', dir: inputs.terraformDir, planFile: inputs.planFile };
  return { kind: 'aws' };
}

/** The directory of the plan's `.tf` files: `source-root`, or the Terraform directory the plan was made in. */
export function sourceRootOf(inputs: ActionInputs, input: ScanInput): string {
  return inputs.sourceRoot || (input.kind === 'terraform' ? input.dir : '');
}

/**
 * The `vpcelint scan` command line for the inputs: the Action is a thin layer
 * over the CLI, so both behave the same. Markdown goes to `markdown` (the job
 * summary), SARIF to `sarif`; the outputs come from the report itself (run.ts).
 */
export function scanArgs(inputs: ActionInputs, input: ScanInput, planJson: string | undefined, files: { markdown: string; sarif: string }): string[] {
  const args = ['scan'];
  if (input.kind === 'aws') {
    args.push('--aws', '--quiet');
    for (const region of inputs.regions) args.push('--region', region);
  } else {
    args.push('--plan', planJson ?? (input as { file: string }).file);
  }
  const sourceRoot = sourceRootOf(inputs, input);
  if (sourceRoot && input.kind !== 'aws') args.push('--source-root', sourceRoot);
  if (inputs.baseline) args.push('--baseline', inputs.baseline);
  if (inputs.config) args.push('--config', inputs.config);
  args.push('--fail-on', inputs.failOn);
  if (inputs.softFail) args.push('--soft-fail');
  args.push('--format', 'markdown', '--output', files.markdown, '--sarif', files.sarif);
  return args;
}
