import { allRules } from '../../rules/index.js';
import { isReadFailure } from '../collect/aws/failures.js';
import { terminalSink } from '../collect/aws/progress.js';
import { loadConfig } from '../config/load.js';
import { UsageError } from '../errors.js';
import type { Inventory } from '../model/inventory.js';
import { redactOutput } from '../report/redact.js';
import type { ScanReport } from '../report/scan-report.js';
import { readSnapshot, snapshotText } from '../snapshot/index.js';
import { applySuppressions, readBaseline } from '../suppress/index.js';
import { checkTargets } from './output.js';
import type { LiveScanOptions } from './scan-input.js';
import { deliver, exitCode, extraReports, githubBlobBase, parseSarifMaxResults, renderOutput, scan, type FailOn, type Format, type Io } from './scan.js';

/** Exit code of a scan that could not read everything it should have (and found nothing at --fail-on). */
export const EXIT_PARTIAL = 3;

/** `scan --aws` and `scan --snapshot`: the same rules and reports as a plan scan, and exit 3 when the scan was partial. */
export async function liveScanCommand(opts: LiveScanOptions, io: Io): Promise<number> {
  const format = (opts.format ?? 'text') as Format;
  const failOn = opts.failOn as FailOn;
  const sarifMaxResults = parseSarifMaxResults(opts.sarifMaxResults);
  checkTargets([['--output', opts.output], ['--sarif', opts.sarif], ['--markdown', opts.markdown], ['--save-snapshot', opts.saveSnapshot]]);
  const config = await loadConfig(opts.config, io.cwd, allRules.map((r) => r.meta.id));
  const baseline = opts.baseline ? { file: opts.baseline, fingerprints: readBaseline(opts.baseline) } : undefined;
  const inv = opts.snapshot !== undefined ? readSnapshot(opts.snapshot) : await readAws(opts, io);
  // No source lines live: suppressions come from the config file and the baseline.
  const report = applySuppressions(scan(inv, config), { knownRules: allRules.map((r) => r.meta.id), config, ...(baseline ? { baseline } : {}) });
  const rendered = redactOutput(renderOutput(report, format, { color: !opts.output && io.isTTY && !io.env.NO_COLOR, sarifMaxResults }), inv.sensitiveValues);
  const extra = extraReports(report, format, rendered, opts, inv.sensitiveValues, { sourceLinkBase: githubBlobBase(io.env), sarifMaxResults });
  const files = [...(opts.saveSnapshot ? [[opts.saveSnapshot, snapshotText(inv)] as const] : []), ...extra];
  deliver({ report, format, rendered, files, sarifMaxResults }, opts, io);
  return liveExitCode(report, failOn, opts.softFail === true, opts.strict === true);
}

export async function readAws(opts: LiveScanOptions, io: Io): Promise<Inventory> {
  // Loaded only for live scans: the SDK clients take a while to load, and plan scans never need them.
  const { collectAws, DEFAULTS } = await import('../collect/aws/index.js');
  const concurrency = opts.concurrency === undefined ? DEFAULTS.concurrency : Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64; got ${JSON.stringify(opts.concurrency)}`);
  if (opts.externalId && !opts.roleArn && !opts.accountsFromOrg) throw new UsageError('--external-id goes with --role-arn or --accounts-from-org');
  if (opts.region && opts.allRegions) throw new UsageError('--region and --all-regions cannot be combined');
  // The SDK warns on stderr about its own future Node.js support; it says nothing about this scan.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const showProgress = !opts.quiet && process.stderr.isTTY === true && !io.env.CI;
  return collectAws({
    ...(opts.region ? { regions: opts.region.flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean) } : {}),
    ...(opts.allRegions ? { allRegions: true } : {}),
    ...(opts.profile ? { profile: opts.profile } : {}),
    ...(opts.roleArn ? { roleArn: opts.roleArn } : {}),
    ...(opts.externalId ? { externalId: opts.externalId } : {}),
    ...(opts.accountsFromOrg ? { accountsFromOrg: true } : {}),
    ...(opts.orgRoleName ? { orgRoleName: opts.orgRoleName } : {}),
    concurrency,
    ...(showProgress ? { progress: terminalSink((s) => process.stderr.write(s)) } : {}),
  });
}

/**
 * 1 when findings reach --fail-on (they are definite, even in a partial scan),
 * else 3 when some AWS reads failed, else what --strict says about the other
 * diagnostics. --soft-fail: always 0.
 */
export function liveExitCode(report: ScanReport, failOn: FailOn, softFail: boolean, strict: boolean): number {
  if (softFail) return 0;
  if (exitCode(report, failOn, false, false) !== 0) return 1;
  if (report.diagnostics.some(isReadFailure)) return EXIT_PARTIAL;
  return exitCode(report, failOn, false, strict);
}
