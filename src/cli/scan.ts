import { allRules } from '../../rules/index.js';
import { collectPlanWithSources } from './plan-sources.js';
import { planFileSize, readPlanFile, type ReadOptions } from '../collect/terraform/read-plan.js';
import { heldWhileParsing, holdYoungGeneration, releaseMemory, releaseYoungGeneration } from '../util/release-memory.js';
import { formatPeakMemory, Timings } from '../util/timings.js';
import { emptyConfig, loadConfig, type Config } from '../config/load.js';
import { SEVERITY_RANK, type Severity } from '../engine/rule.js';
import { runRules, type RuleRun } from '../engine/run.js';
import type { Inventory } from '../model/inventory.js';
import { renderJson } from '../report/json.js';
import { renderMarkdown } from '../report/markdown.js';
import { sarifPieces } from '../report/sarif.js';
import { GITHUB_MAX_RESULTS, omittedCount } from '../report/sarif-limit.js';
import { makeReport, type ScanReport } from '../report/scan-report.js';
import { redactOutput } from '../report/redact.js';
import { batches, textOf, type Output } from '../report/pieces.js';
import { renderText } from '../report/text.js';
import { attachSources, prepareSources, type PreparedSources } from '../sourcemap/index.js';
import { applySuppressions, readBaseline } from '../suppress/index.js';
import { UsageError } from '../errors.js';
import { checkTargets, writeAll } from './output.js';
import { fitPlanToHeap, type HeapControl } from './heap.js';
import { planProgress, type PhaseLine } from './plan-progress.js';
import { warnUser } from './warn.js';

export type Format = 'text' | 'json' | 'sarif' | 'markdown';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown'];
export type FailOn = Severity | 'none';
export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'none'];

export interface ScanOptions {
  plan?: string;
  format?: string;
  output?: string;
  failOn: string;
  softFail?: boolean;
  config?: string;
  /** Print the wall time of each phase on stderr. */
  timings?: boolean;
  /** Fail (exit 1) when anything could not be evaluated, even without findings. */
  strict?: boolean;
  /** Also write SARIF to this file, whatever --format prints. */
  sarif?: string;
  /** Also write the Markdown report (the GitHub job summary) to this file, whatever --format prints. */
  markdown?: string;
  /** Directory of the root module's .tf files, for source lines. */
  sourceRoot?: string;
  /** A SARIF from an earlier scan: findings already in it are suppressed. */
  baseline?: string;
  /** No progress line on stderr. */
  quiet?: boolean;
  /** At most this many results in SARIF (default GitHub code scanning's 25,000; "0" for no limit). */
  sarifMaxResults?: string;
}

export interface Io {
  stdout: (text: string) => void;
  isTTY: boolean;
  /** Where a progress line goes, when standard error is a terminal (unset: no progress line). */
  progressLine?: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** This process's heap, to fit a large plan to (heap.ts); unset, the plan is read as it comes. */
  heap?: HeapControl;
  /** A warning for whoever ran the scan (the Action makes it an annotation); standard error when unset. */
  warn?: (text: string) => void;
  /** Given the report once every output is written: the Action takes its outputs from it instead of reading a JSON report back. */
  onReport?: (report: ScanReport) => void;
}

/** Runs a scan and returns the exit code: 0 clean, 1 findings at or above --fail-on. */
export async function scanCommand(opts: ScanOptions, io: Io): Promise<number> {
  const format = parseFormat(opts.format);
  const failOn = parseFailOn(opts.failOn);
  const sarifMaxResults = parseSarifMaxResults(opts.sarifMaxResults);
  if (!opts.plan) throw new UsageError('scan needs an input: --plan <plan.json> (use "-" for standard input)');
  checkTargets([['--output', opts.output], ['--sarif', opts.sarif], ['--markdown', opts.markdown]]);
  const fit = await fitPlanToHeap(opts.plan, io.heap, io.warn);
  if ('exitCode' in fit) return fit.exitCode;
  // Whether the plan was read lean, for --timings: decided now, or by a pipe's size once read.
  let readLean = fit.lean === true;
  const choice = fit.lean;
  const lean = typeof choice === 'function' ? (bytes: number) => (readLean = choice(bytes)) : choice;

  const timings = new Timings();
  const config = await loadConfig(opts.config, io.cwd, allRules.map((r) => r.meta.id));
  const baseline = opts.baseline ? { file: opts.baseline, fingerprints: readBaseline(opts.baseline) } : undefined;
  const progress = io.progressLine ? planProgress(opts.plan, { quiet: opts.quiet, env: io.env, write: io.progressLine }) : undefined;
  let done: Rendered;
  try {
    try {
      done = await scanPlan(opts.plan, opts, io, { format, config, baseline, timings, progress, lean, sarifMaxResults });
    } finally {
      progress?.end(); // before anything else reaches the terminal
    }
    deliver({ report: done.report, format, rendered: done.rendered, files: done.extra, sarifMaxResults }, opts, io);
  } finally {
    releaseYoungGeneration(); // held from the end of the parse, or from its start (planInventory)
  }
  timings.mark('report');
  if (opts.timings) {
    const leanLine = readLean ? 'plan: read lean, piece by piece (this heap is too small for it as one string)\n' : '';
    process.stderr.write(`${timings.format()}\n${slowestRules(done.report.rules)}\n${leanLine}${done.sourcesRead ? `${done.sourcesRead}\n` : ''}${formatPeakMemory()}\n`);
  }
  return exitCode(done.report, failOn, opts.softFail === true, opts.strict === true);
}

interface Rendered {
  report: ScanReport;
  rendered: Output;
  /** Other files to write: [path, text]. */
  extra: [string, Output][];
  /** `sources: 12 .tf files read in a worker thread`, for --timings. */
  sourcesRead?: string;
}

/** Below this, parsing the plan takes less time than starting a worker thread to read the .tf files meanwhile. */
const SOURCES_WORKER_MIN_PLAN_BYTES = 1 << 20;

/**
 * Whether to read the .tf files in a worker thread: beside a large plan, and
 * beside a pipe on standard input, whose size is unknown until it is read and
 * which usually comes from `terraform show -json` while it is still writing.
 * Standard input redirected from a file (`< plan.json`) goes by its size.
 */
function sourcesInBackground(plan: string, size: number | undefined): boolean {
  return size === undefined ? plan === '-' : size >= SOURCES_WORKER_MIN_PLAN_BYTES;
}

interface ScanSteps {
  format: Format;
  config: Config;
  baseline: { file: string; fingerprints: ReturnType<typeof readBaseline> } | undefined;
  timings: Timings;
  progress: PhaseLine | undefined;
  /** Read the plan lean (read-plan.ts): it needs more heap than this process has as one string. */
  lean: NonNullable<ReadOptions['lean']>;
  sarifMaxResults: number;
}

/** Plan -> inventory -> rules -> source lines -> suppressions -> rendered reports; nothing is written yet. */
async function scanPlan(plan: string, opts: ScanOptions, io: Io, steps: ScanSteps): Promise<Rendered> {
  const { format, config, baseline, timings, progress, lean, sarifMaxResults } = steps;
  const sourceOptions = { planFile: plan, ...(opts.sourceRoot !== undefined ? { sourceRoot: opts.sourceRoot } : {}), cwd: io.cwd };
  // The plan's size, looked up once: whether the .tf files are read in a worker, and the parse's young generation.
  const planBytes = planFileSize(plan);
  const prepared = prepareSources(sourceOptions, sourcesInBackground(plan, planBytes));
  const inv = await planInventory(plan, planBytes, timings, progress, lean, prepared);
  releaseMemory(); // the parsed plan
  timings.mark('inventory');
  progress?.show(`running ${allRules.length} rules`);
  const engineReport = scan(inv, config);
  timings.mark('rules');
  progress?.show(format === 'sarif' ? 'writing SARIF' : 'writing the report');
  const sources = await attachSources(engineReport, sourceOptions, prepared);
  const report = applySuppressions(sources.report, { knownRules: allRules.map((r) => r.meta.id), sources, config, ...(baseline ? { baseline } : {}) });
  timings.mark('sources');
  const shared = { sourceLinkBase: githubBlobBase(io.env), sarifMaxResults };
  const rendered = redactOutput(renderOutput(report, format, { ...shared, color: !opts.output && io.isTTY && !io.env.NO_COLOR }), inv.sensitiveValues);
  // Everything is rendered before anything is written, but for the pieces of a large SARIF log (report/pieces.ts).
  const extra = extraReports(report, format, rendered, opts, inv.sensitiveValues, shared);
  const read = sources.read;
  return { report, rendered, extra, ...(read ? { sourcesRead: `sources: ${read.files} .tf file${read.files === 1 ? '' : 's'} read ${read.where === 'worker' ? 'in a worker thread' : 'on the main thread'}` } : {}) };
}

/**
 * Parses the plan and builds its inventory, with the policies only the .tf
 * source can give; the parsed plan is not held past this frame, so it can be
 * collected during the rules and reports.
 */
async function planInventory(path: string, planBytes: number | undefined, timings: Timings, progress: PhaseLine | undefined, lean: ScanSteps['lean'], sources: PreparedSources): Promise<Inventory> {
  // No collection here: a plan of 1 MiB or more is read a window at a time and leaves no text behind, and a smaller
  // one's text is not worth a collection (read-plan.ts).
  if (heldWhileParsing(planBytes)) holdYoungGeneration();
  const plan = readPlanFile(path, { lean });
  timings.mark('parse');
  holdYoungGeneration();
  progress?.show(`building the inventory of ${(plan.resource_changes?.length ?? 0).toLocaleString('en-US')} resource changes`);
  return collectPlanWithSources(plan, path, sources);
}

/** `slowest rules: endpoint-policy-full-access 199 ms, ...`: where the rules phase went. */
function slowestRules(runs: readonly RuleRun[], count = 5): string {
  const slowest = [...runs].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, count);
  return `slowest rules: ${slowest.map((r) => `${r.meta.id} ${(r.ms ?? 0).toFixed(0)} ms`).join(', ')}`;
}

export function scan(inv: Inventory, config: Config = emptyConfig()): ScanReport {
  const result = runRules(inv, { rules: allRules, ruleSettings: config.ruleSettings, settings: config.settings });
  return makeReport(inv.source, result, inv.diagnostics, inventoryCounts(inv));
}

export interface RenderOptions {
  color: boolean;
  sourceLinkBase?: string;
  /** SARIF: at most this many results (sarif-limit.ts). */
  sarifMaxResults?: number;
}

export function render(report: ScanReport, format: Format, options: RenderOptions): string {
  return textOf(renderOutput(report, format, options));
}

/** The report in `format`; a large SARIF log as pieces, rendered while it is written. */
export function renderOutput(report: ScanReport, format: Format, options: RenderOptions): Output {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report, options.sourceLinkBase ? { sourceLinkBase: options.sourceLinkBase } : {});
    case 'json':
      return renderJson(report);
    case 'sarif':
      return sarifPieces(report, options.sarifMaxResults !== undefined ? { maxResults: options.sarifMaxResults } : {});
    case 'text':
      return renderText(report, options);
  }
}

export function exitCode(report: ScanReport, failOn: FailOn, softFail: boolean, strict = false): number {
  if (softFail) return 0;
  // Unknown is not a pass: with --strict, a scan that could not judge everything fails.
  // Source-map notes (a block not found, no .tf files) cost a line number, not an evaluation.
  if (strict && report.diagnostics.some((d) => !d.code.startsWith('source-'))) return 1;
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}

/** The files of --sarif and --markdown, rendered (and redacted) before anything is written. */
export function extraReports(
  report: ScanReport,
  format: Format,
  rendered: Output,
  opts: Pick<ScanOptions, 'sarif' | 'markdown'>,
  sensitive: ReadonlySet<string>,
  options: Omit<RenderOptions, 'color'>,
): [string, Output][] {
  const out: [string, Output][] = [];
  const as = (f: Format) => (f === format ? rendered : redactOutput(renderOutput(report, f, { ...options, color: false }), sensitive));
  if (opts.sarif) out.push([opts.sarif, as('sarif')]);
  if (opts.markdown) out.push([opts.markdown, as('markdown')]);
  return out;
}

/** In a GitHub Actions job, Markdown links source lines to the files at the scanned commit. */
export function githubBlobBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}/` : undefined;
}

function parseFormat(value: string | undefined): Format {
  const format = value ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got ${JSON.stringify(format)}`);
  return format as Format;
}

/** What a scan rendered, to write out. */
export interface Delivery {
  report: ScanReport;
  format: Format;
  /** The report in `format`, for --output or standard output. */
  rendered: Output;
  /** Other files: [path, text]. */
  files: readonly (readonly [string, Output])[];
  sarifMaxResults: number;
}

/**
 * The end of every scan: the files all or nothing, then standard output once
 * they are written; the warning of a SARIF that left results out; and the
 * report to whoever asked for it (the Action's outputs).
 */
export function deliver(d: Delivery, opts: Pick<ScanOptions, 'output' | 'sarif'>, io: Io): void {
  writeAll([...(opts.output ? [[opts.output, d.rendered] as const] : []), ...d.files]);
  if (!opts.output) for (const text of batches(d.rendered)) io.stdout(text);
  warnSarifLimit(d, opts, io);
  io.onReport?.(d.report);
}

/**
 * A SARIF written with fewer results than the scan found says so in its own
 * notifications; this line says it where the person who ran the scan looks.
 */
function warnSarifLimit({ report, format, sarifMaxResults: max }: Delivery, opts: Pick<ScanOptions, 'sarif'>, io: Pick<Io, 'warn'>): void {
  if ((format !== 'sarif' && !opts.sarif) || omittedCount(report, max) === 0) return;
  const total = report.findings.length + report.suppressed.length;
  const text =
    `the SARIF report holds ${max.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} results, the most severe` +
    `${max === GITHUB_MAX_RESULTS ? " (GitHub code scanning's limit for one run)" : ''}; all of them count for the exit code, and --format json lists every one`;
  warnUser(text, io.warn);
}

/** `--sarif-max-results`: a whole number, 0 for no limit; GitHub code scanning's limit when not given. */
export function parseSarifMaxResults(value: string | undefined): number {
  if (value === undefined) return GITHUB_MAX_RESULTS;
  if (!/^\d+$/.test(value)) throw new UsageError(`--sarif-max-results must be a whole number (0 for no limit); got ${JSON.stringify(value)}`);
  return Number(value);
}

function parseFailOn(value: string): FailOn {
  if (!(FAIL_ON as readonly string[]).includes(value)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(', ')}; got ${JSON.stringify(value)}`);
  return value as FailOn;
}

function inventoryCounts(inv: Inventory): Record<string, number> {
  return {
    vpcs: inv.vpcs.size,
    subnets: inv.subnets.size,
    routeTables: inv.routeTables.size,
    natGateways: inv.natGateways.size,
    internetGateways: inv.internetGateways.size,
    vpcEndpoints: inv.vpcEndpoints.size,
    endpointServices: inv.endpointServices.size,
    securityGroups: inv.securityGroups.size,
    prefixLists: inv.prefixLists.size,
    buckets: inv.buckets.size,
    workloads: inv.workloads.size,
    iamPolicies: inv.iamPolicies.size,
  };
}
