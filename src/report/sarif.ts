import { randomUUID } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { ReportedFinding, RuleRun } from '../engine/run.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { InventorySource } from '../model/inventory.js';
import { displayName, type Ref } from '../model/ref.js';
import { INFORMATION_URI } from '../version.js';
import { renderRuleHelp, ruleHelpUri, SECURITY_SEVERITY } from './rule-help.js';
import { rangeFor } from '../sourcemap/locate.js';
import { fingerprint, type ScanReport, type Suppression } from './scan-report.js';
import { GITHUB_MAX_RESULTS, OMITTED_FINGERPRINTS_KEY, omittedMessage, selectResults, type ResultSelection } from './sarif-limit.js';
import { Pieces, textOf, type Output } from './pieces.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and SARIF viewers in editors. Valid
 * against the OASIS schema and within GitHub's limits: one run of at most
 * 25,000 results; every rule with texts of at most 1024 characters and at
 * most 20 tags; every result with a physical location (a .tf line, or a
 * stable pseudo-path for what has no source) and fingerprints that do not
 * depend on lines.
 */

/** Our fingerprint's key in `partialFingerprints`; `--baseline` reads it back. Bump the version when the fingerprint changes. */
export const FINGERPRINT_KEY = 'vpcelint/v1';
const SRCROOT = '%SRCROOT%';
/** GitHub's limits (docs: "SARIF support for code scanning"). */
const MAX_TEXT = 1024;
const MAX_TAGS = 20;
const MAX_RELATED = 1000;

/**
 * Result count above which the log is written without indentation, a result at a time. A log that long is read
 * by tools, not people; compact, it is a third smaller, and written in pieces it is never one string, which V8
 * builds from parts and copies whole into fresh memory at the first write (12 ms of the 100-VPC bench plan's
 * 900 results).
 */
export const COMPACT_ABOVE = 100;

export interface SarifOptions {
  /** At most this many results in the run (sarif-limit.ts); 0 for no limit. Default: GitHub code scanning's limit. */
  maxResults?: number;
}

export function renderSarif(full: ScanReport, options: SarifOptions = {}): string {
  return textOf(sarifPieces(full, options));
}

/** The log as pieces (pieces.ts): a large one is written a result at a time and never held whole. */
export function sarifPieces(full: ScanReport, options: SarifOptions = {}): Output {
  const max = options.maxResults ?? GITHUB_MAX_RESULTS;
  const selection = selectResults(full, max);
  const { findings, suppressed, omitted } = selection;
  const report = omitted.length > 0 ? { ...full, findings, suppressed } : full;
  const ruleIndex = new Map(report.rules.map((r, i) => [r.meta.id, i]));
  const ctx: Ctx = { report, ruleIndex };
  const count = report.findings.length + report.suppressed.length;
  // Large logs are written compact, one result at a time: tens of thousands of result objects never live at once.
  const compact = count > COMPACT_ABOVE;
  const sentinel = compact ? `vpcelint-results-${randomUUID()}` : undefined;
  const results = compact ? [] : [...resultsOf(ctx)];
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: report.rules.map(ruleDescriptor),
      },
    },
    automationDetails: { id: `vpcelint/${category(report)}/` },
    ...(report.sourceRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.sourceRoot) } } } : {}),
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [...report.diagnostics.map((d) => notification(ctx, d)), ...omittedNotification(full, max, selection)],
      },
    ],
    results: sentinel ? (sentinel as unknown as Sarif.Result[]) : results,
    columnKind: 'utf16CodeUnits',
    ...(omitted.length > 0 ? { properties: { [OMITTED_FINGERPRINTS_KEY]: omitted.map(fingerprint) } } : {}),
  };
  const log: Sarif.Log = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] };
  // Indented for people when small (one string: JSON.stringify of it all is the fastest there); compact when large
  // (uploads are size-limited, and indentation is a third of the bytes), and in pieces.
  if (!sentinel) return `${JSON.stringify(log, null, 2)}\n`;
  const skeleton = JSON.stringify(log);
  const placeholder = `"results":"${sentinel}"`;
  const at = skeleton.indexOf(placeholder);
  return new Pieces(function* () {
    yield skeleton.slice(0, at);
    yield '"results":[';
    let first = true;
    for (const r of resultsOf(ctx)) {
      yield first ? JSON.stringify(r) : `,${JSON.stringify(r)}`;
      first = false;
    }
    yield ']';
    yield skeleton.slice(at + placeholder.length);
    yield '\n';
  });
}

function* resultsOf(ctx: Ctx): Iterable<Sarif.Result> {
  for (const f of ctx.report.findings) yield result(ctx, f, []);
  for (const f of ctx.report.suppressed) yield result(ctx, f, f.suppressions);
}

interface Ctx {
  report: ScanReport;
  ruleIndex: Map<string, number>;
}

/** The warning of a run that leaves results out (none when it keeps them all). */
function omittedNotification(full: ScanReport, max: number, selection: ResultSelection): Sarif.Notification[] {
  if (selection.omitted.length === 0) return [];
  const total = full.findings.length + full.suppressed.length;
  return [{ level: 'warning', message: { text: omittedMessage(total, max, selection) }, descriptor: { id: 'sarif-results-limited' } }];
}

function ruleDescriptor(run: RuleRun): Sarif.ReportingDescriptor {
  const { meta } = run;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: clip(meta.title) },
    fullDescription: { text: clip(meta.description) },
    help: { text: `${meta.description}\n\n${meta.fix}`, markdown: renderRuleHelp(meta) },
    helpUri: ruleHelpUri(meta.id),
    defaultConfiguration: { level: run.severity },
    properties: {
      tags: meta.tags.slice(0, MAX_TAGS),
      precision: meta.precision,
      'security-severity': SECURITY_SEVERITY[run.severity],
    },
  };
}

function result(ctx: Ctx, f: ReportedFinding, suppressions: readonly Suppression[]): Sarif.Result {
  const fp = fingerprint(f);
  const index = ctx.ruleIndex.get(f.ruleId);
  const related = f.related.slice(0, MAX_RELATED);
  return {
    ruleId: f.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: f.severity,
    message: { text: f.message },
    locations: [location(ctx.report, f.primary, f.attribute)],
    ...(related.length > 0 ? { relatedLocations: related.map((r, i) => ({ id: i + 1, ...location(ctx.report, r), message: { text: displayName(r) } })) } : {}),
    // Line-free: the same finding keeps its alert when lines move. GitHub takes our primaryLocationLineHash instead of hashing the line.
    partialFingerprints: { [FINGERPRINT_KEY]: fp, primaryLocationLineHash: fp },
    ...(suppressions.length > 0 ? { suppressions: suppressions.map(suppression) } : {}),
    ...(ctx.report.baseline ? { baselineState: suppressions.some((s) => s.via === 'baseline') ? 'unchanged' : 'new' } : {}),
  };
}

/**
 * A physical location for every ref, as GitHub requires one per result: the
 * .tf block (or the attribute's lines) when the source map found it, else a
 * pseudo-path that names the resource and never changes:
 * `terraform/<address>` for a plan, `aws/<account>/<region>/<type>/<id>` live.
 */
function location(report: ScanReport, ref: Ref, attribute?: string): Sarif.Location {
  const logical = logicalLocations(ref);
  if (ref.location) {
    const block = { startLine: ref.location.startLine, endLine: ref.location.endLine };
    const region = rangeFor(ref.location, attribute);
    const wider = region.startLine !== block.startLine || region.endLine !== block.endLine;
    return {
      physicalLocation: {
        artifactLocation: { uri: encodePath(ref.location.file), uriBaseId: SRCROOT },
        region: { startLine: region.startLine, endLine: region.endLine },
        ...(wider ? { contextRegion: block } : {}),
      },
      logicalLocations: logical,
    };
  }
  return {
    physicalLocation: { artifactLocation: { uri: pseudoPath(report.source, ref) }, region: { startLine: 1 } },
    logicalLocations: logical,
  };
}

export function pseudoPath(source: InventorySource, ref: Ref): string {
  if (ref.address && (source.kind === 'plan' || !(ref.id || ref.arn))) return `terraform/${encodeURIComponent(ref.address)}`;
  const type = ref.type ?? ref.kind;
  const name = ref.id ?? ref.arn ?? ref.key;
  return ['aws', ref.account ?? 'unknown-account', ref.region ?? 'global', type, name].map(encodeURIComponent).join('/');
}

/** The Terraform address (with its ARN or id when known) or, live, the ARN or id with account and region. */
function logicalLocations(ref: Ref): Sarif.LogicalLocation[] {
  // Plain assignments, not spreads: a large scan builds one per location of every result.
  let properties: { account?: string; region?: string } | undefined;
  if (ref.account || ref.region) {
    properties = {};
    if (ref.account) properties.account = ref.account;
    if (ref.region) properties.region = ref.region;
  }
  const aws = ref.arn ?? ref.id;
  const named = (fullyQualifiedName: string, decoratedName: string | undefined): Sarif.LogicalLocation => {
    const l: Sarif.LogicalLocation = { fullyQualifiedName, kind: 'resource' };
    if (decoratedName) l.decoratedName = decoratedName;
    if (properties) l.properties = properties;
    return l;
  };
  if (!ref.address) return [named(aws ?? ref.key, ref.type)];
  return aws ? [named(ref.address, ref.type), named(aws, undefined)] : [named(ref.address, ref.type)];
}

function suppression(s: Suppression): Sarif.Suppression {
  return {
    kind: s.kind,
    status: 'accepted',
    justification: s.justification,
    ...(s.via === 'inline' && s.location
      ? { location: { physicalLocation: { artifactLocation: { uri: encodePath(s.location.file), uriBaseId: SRCROOT }, region: { startLine: s.location.line ?? 1 } } } }
      : {}),
    properties: { via: s.via, ...(s.via !== 'inline' && s.location ? { file: s.location.file } : {}) },
  };
}

function notification(ctx: Ctx, d: Diagnostic): Sarif.Notification {
  const index = d.ruleId !== undefined ? ctx.ruleIndex.get(d.ruleId) : undefined;
  return {
    level: d.level,
    message: { text: d.message },
    descriptor: { id: d.code },
    ...(d.ruleId ? { associatedRule: { id: d.ruleId, ...(index !== undefined ? { index } : {}) } } : {}),
    ...(d.subject ? { locations: [location(ctx.report, d.subject)] } : {}),
  };
}

/**
 * The run's category (`automationDetails.id` up to its last slash): the scan
 * target, so analyses of several plans or accounts live side by side, and the
 * same target keeps the same category from one scan to the next.
 */
function category(report: ScanReport): string {
  const source = report.source;
  switch (source.kind) {
    case 'plan':
      return `plan:${source.file === '-' ? 'stdin' : repoRelative(report, source.file)}`;
    case 'aws': {
      // What was asked for, not what was found: an organization's new account or a newly enabled region
      // must not make the next scheduled scan a new analysis, which would leave the old alerts open for good.
      const accounts = source.organization !== undefined ? `org:${source.organization}` : source.accounts.join(',') || 'unknown-account';
      const regions = source.allRegions || source.regions.length === 0 ? 'all-regions' : source.regions.join(',');
      return `aws:${accounts}:${regions}`;
    }
    case 'snapshot':
      return `snapshot:${repoRelative(report, source.file)}`;
    case 'test':
      return 'test';
  }
}

/** A file named on the command line, relative to the repository root when it is inside it, with forward slashes. */
function repoRelative(report: ScanReport, file: string): string {
  if (report.sourceRoot && isAbsolute(file)) {
    const rel = relative(report.sourceRoot, file);
    if (!rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file.split(sep).join('/');
}

function encodePath(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * Cut with three ASCII dots, not an ellipsis: one character above Latin-1 anywhere in the log makes V8 hold
 * every string built from it, the whole log included, at two bytes a character, and writing it took twice as
 * long (bench/README.md, "Nineteenth session").
 */
function clip(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 3)}...`;
}

function pascalCase(id: string): string {
  return id.replace(/(^|[-_.])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
