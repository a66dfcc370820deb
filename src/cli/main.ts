import { Command, CommanderError, Option } from 'commander';
import { allRules } from '../../rules/index.js';
import { InputError, UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { FAIL_ON, FORMATS, scanCommand, type Io } from './scan.js';
import { isLiveInput } from './scan-input.js';
import { processHeap, restartWithHeap } from './heap.js';
import { EXPLAIN_FORMATS } from '../explain/formats.js';
import { stdoutWriter } from './output.js';

export { delayOptimization } from '../util/tier-up.js';

/**
 * The command line. Exit codes: 0 no finding at or above --fail-on, 1 some,
 * 2 bad command line or bad input (one line on stderr, nothing written),
 * 3 a live scan that could not read everything and found nothing at --fail-on.
 */
export async function main(argv: string[], io: Io = defaultIo(argv)): Promise<number> {
  let code = 0;
  const program = new Command()
    .name('vpcelint')
    .description('Lints AWS private connectivity: VPC endpoints, route tables, endpoint and bucket policies.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true);

  program
    .command('scan')
    .description('scan a Terraform plan (terraform show -json), a live AWS account or a saved snapshot, and report findings')
    .option('--plan <file>', 'plan JSON from "terraform show -json tf.plan"; "-" reads standard input')
    .option('--aws', 'scan live AWS accounts, read-only (credentials from the SDK default chain; see README "Live scans")')
    .option('--region <region...>', 'with --aws: region(s) to scan, repeated or comma-separated (default: the SDK default region)')
    .option('--all-regions', 'with --aws: every region enabled for the account')
    .option('--profile <name>', 'with --aws: profile from the AWS config files')
    .option('--role-arn <arn>', 'with --aws: role to assume before scanning')
    .option('--external-id <id>', 'with --aws: external id for --role-arn and the organization role')
    .option('--accounts-from-org', 'with --aws: every active account of the organization (needs --org-role-name)')
    .option('--org-role-name <name>', 'with --accounts-from-org: role to assume in each member account')
    .option('--concurrency <n>', 'with --aws: AWS calls in flight per service, account and region (default 8); 16 times that across the scan')
    .option('--save-snapshot <file>', 'with --aws: also save what was read, to scan again offline with --snapshot')
    .option('--snapshot <file>', 'scan an inventory saved by --save-snapshot')
    .option('-q, --quiet', 'no progress on stderr')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices([...FAIL_ON]).default('warning'))
    .option('--soft-fail', 'always exit 0 when the scan ran, whatever it found')
    .option('--config <file>', 'config file (default: .vpcelint.yml in the working directory, if present)')
    .option('--strict', 'exit 1 when anything could not be evaluated (diagnostics), even without findings')
    .option('--timings', 'print the wall time of each phase (parse, inventory, rules, report), the slowest rules and the peak memory on stderr (plan scans)')
    .option('--sarif <file>', 'also write the report as SARIF to this file, whatever --format prints')
    .option('--markdown <file>', 'also write the report as Markdown (with Mermaid path pictures) to this file, whatever --format prints')
    .option('--source-root <dir>', "directory of the plan's root module (.tf files), for source lines and for the policies and links the plan keeps only by references (default: the plan's directory if it has .tf files, else the working directory)")
    .option('--baseline <sarif>', 'SARIF of an earlier scan: findings already in it are reported as suppressed, so only new ones fail')
    .option('--sarif-max-results <n>', "at most this many results in SARIF, the most severe (default 25000, GitHub code scanning's limit for one run; 0: no limit)")
    .action(async (opts) => {
      // The live and explain paths load on demand: a plan scan should not pay for their modules at startup.
      code = isLiveInput(opts) ? await (await import('./scan-live.js')).liveScanCommand(opts, io) : await scanCommand(opts, io);
    });

  program
    .command('explain')
    .description('show how traffic from a subnet (or a route table\'s subnets) reaches S3, DynamoDB and interface endpoint services, hop by hop; or, with --bucket, which subnets reach a bucket and whether its policies let requests through')
    .argument('[subnet-or-route-table]', 'Terraform address or AWS id of a subnet or route table')
    .option('--plan <file>', 'plan JSON from "terraform show -json tf.plan"; "-" reads standard input')
    .option('--snapshot <file>', 'an inventory saved by scan --aws --save-snapshot')
    .option('--aws', 'read live AWS, read-only (credentials from the SDK default chain)')
    .option('--region <regions>', 'with --aws: region(s) to read, comma-separated')
    .option('--profile <name>', 'with --aws: profile from the AWS config files')
    .option('--role-arn <arn>', 'with --aws: role to assume before reading')
    .option('--bucket <name>', 'explain the paths to this S3 bucket (name or Terraform address) instead')
    .option('--source-root <dir>', "with --plan: directory of the plan's root module (.tf files), for the policies and links the plan keeps only by references (default: the plan's directory if it has .tf files, else the working directory)")
    .addOption(new Option('--format <format>', 'output format').choices([...EXPLAIN_FORMATS]).default('text'))
    .action(async (target: string | undefined, opts) => {
      const { explainCommand } = await import('../explain/command.js');
      code = await explainCommand(target, opts, io);
    });

  program
    .command('rules')
    .description('list the rules with id, default severity and description')
    .action(() => {
      const width = Math.max(...allRules.map((r) => r.meta.id.length));
      const lines = allRules.map((r) => `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.title}`);
      io.stdout(`${lines.join('\n')}\n`);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version print and exit 0; every other commander error is a usage error, already printed.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof InputError || err instanceof UsageError) {
      process.stderr.write(`vpcelint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

function defaultIo(argv: string[]): Io {
  return {
    heap: { facts: () => processHeap(), restart: (heapMb) => restartWithHeap(heapMb, process.argv[1]!, argv) },
    stdout: stdoutWriter(),
    isTTY: process.stdout.isTTY === true,
    ...(process.stderr.isTTY ? { progressLine: (s: string) => void process.stderr.write(s) } : {}),
    env: process.env,
    cwd: process.cwd(),
  };
}
