import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Ref } from '../model/ref.js';
import type { ScanReport } from '../report/scan-report.js';
import { isDirectory, tfFiles } from './files.js';
import { startLoadingSources, type PendingSources } from './load.js';
import type { LocatedDirective } from './locate.js';
import type { SourceExpression, WantedExpression } from './expression.js';

export { rangeFor } from './locate.js';
export type { LocatedDirective } from './locate.js';

export interface SourceOptions {
  /** The plan file (`-` for standard input). */
  planFile?: string;
  /** `--source-root`, when given. */
  sourceRoot?: string;
  cwd: string;
}

/** What the source map found: the report with located refs and its own diagnostics, and the `vpcelint:` comments per block. */
export interface SourcesResult {
  report: ScanReport;
  /** The `vpcelint:` comments of the block a ref is declared in (empty when not located). */
  directivesOf(ref: Ref): LocatedDirective[];
  /** Every `vpcelint:` comment in the files read, so mistakes in them are reported even where nothing fires. */
  directives: LocatedDirective[];
  /** How many `.tf` files were read, and where (absent when none were). */
  read?: { files: number; where: 'worker' | 'thread' };
}

const NONE = { directivesOf: () => [], directives: [] };

/** The source root, the directory locations are relative to, and the reading of its `.tf` files once started (none when it has none). */
export interface PreparedSources {
  root: string;
  base: string;
  load?: PendingSources;
}

/**
 * Finds the source root and starts reading its `.tf` files, in a worker
 * thread with `background` (see startLoadingSources): called before the plan
 * is parsed, so that a large repository is parsed meanwhile. A bad
 * `--source-root` fails here, before any work.
 */
export function prepareSources(options: SourceOptions, background = false): PreparedSources {
  const root = sourceRoot(options);
  const base = repositoryRoot(root);
  return hasTfFiles(root) ? { root, base, load: startLoadingSources(root, base, background) } : { root, base };
}

/**
 * Fills in `location` on every ref a finding or diagnostic names, from the
 * `.tf` files under the source root. Plans only: live resources have no
 * source. Only the refs that are reported are looked up, so a plan of tens
 * of thousands of resources costs one parse per file and a map lookup per
 * reported resource.
 */
export async function attachSources(report: ScanReport, options: SourceOptions, prepared?: PreparedSources): Promise<SourcesResult> {
  if (report.source.kind !== 'plan') return { report, ...NONE };
  const { root, base, load } = prepared ?? prepareSources(options);
  const refs = reportedRefs(report);
  if (!load) {
    if (refs.length === 0) return { report, ...NONE };
    const note: Diagnostic = {
      level: 'note',
      code: 'source-none',
      message: `no .tf files in ${root}, so results point at Terraform addresses only, not at lines, and what only the source tells (a policy written with jsonencode() over values known after apply, a link written through a local or element()) is not evaluated or taken at the plan's references: pass --source-root with the directory of the root module`,
    };
    return { report: { ...report, diagnostics: [...report.diagnostics, note] }, ...NONE };
  }

  const index = await load.result();
  const located = refs.filter((ref) => ref.address);
  const hits = await index.locate(located.map((ref) => ref.address!));
  const directives = new Map<Ref, LocatedDirective[]>();
  const missing: string[] = [];
  for (const [i, ref] of located.entries()) {
    const hit = hits[i];
    if (!hit) {
      delete ref.location;
      missing.push(ref.address!);
      continue;
    }
    ref.location = hit.location;
    if (hit.directives.length > 0) directives.set(ref, hit.directives);
  }

  const diagnostics: Diagnostic[] = index.problems.map((p) => ({
    level: p.code === 'source-syntax-error' ? 'warning' : 'note',
    code: p.code,
    file: toPosix(relative(base, p.file)),
    message: `${toPosix(relative(base, p.file))}${p.line ? `:${p.line}` : ''}: ${p.message}`,
  }));
  const unique = [...new Set(missing)].sort();
  if (unique.length > 0) {
    diagnostics.push({
      level: 'note',
      code: 'source-not-found',
      message: `${unique.length} reported resource${unique.length === 1 ? ' is' : 's are'} not declared in the .tf files under ${toPosix(relative(base, root)) || '.'} (${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', ...' : ''}), so ${unique.length === 1 ? 'its results point' : 'their results point'} at the Terraform address only: is --source-root the plan's root module?`,
    });
  }
  return {
    report: { ...report, sourceRoot: base, diagnostics: [...report.diagnostics, ...diagnostics] },
    directivesOf: (ref) => directives.get(ref) ?? [],
    directives: index.directives.map((d) => ({ file: toPosix(relative(base, d.file)), line: d.line, text: d.text, ...(d.orphan ? { orphan: true } : {}) })),
    read: { files: index.filesParsed, where: index.where },
  };
}

/**
 * The expressions of attributes in the `.tf` source that the plan knows only
 * by their references (policies, links), read with the blocks (in the worker,
 * when there is one), with the locals, callers and modules they may read.
 * Undefined where the block is not in the files read or has no such expression.
 */
export async function sourceExpressions(prepared: PreparedSources, wanted: readonly WantedExpression[]): Promise<(SourceExpression | undefined)[]> {
  if (wanted.length === 0 || !prepared.load) return [];
  const index = await prepared.load.result();
  const hits = await index.declarations(wanted.map((w) => w.address));
  return wanted.map(({ path }, i) => {
    const hit = hits[i];
    // A block in a module that is not on disk resolves to its module call: not the resource's own block.
    if (!hit || (hit.location.moduleCall !== undefined && !hit.declaredAt)) return undefined;
    const expr = hit.expressions?.find((p) => p.path.length === path.length && p.path.every((step, n) => step === path[n]))?.expr;
    if (!expr) return undefined;
    const { declaredAt: at, location } = hit;
    const whereOf = (name: string) =>
      at ? `${at.file}:${at.attributeLines.find(([n]) => n === name)?.[1] ?? at.startLine}` : `${location.file}:${location.attributes?.[name]?.startLine ?? location.startLine}`;
    // Locals and callers go with every expression: a caller's argument may read its own module's locals.
    const forEach = hit.expressions?.find((p) => p.path.length === 1 && p.path[0] === 'for_each')?.expr;
    return {
      expr,
      where: whereOf(String(path[0])),
      ...(hit.locals ? { locals: hit.locals } : {}),
      ...(hit.callers ? { callers: hit.callers } : {}),
      ...(hit.modulePath ? { modulePath: hit.modulePath } : {}),
      ...(forEach ? { forEach: { expr: forEach, where: whereOf('for_each') } } : {}),
    };
  });
}

/** `--source-root`, else the plan's directory when it holds .tf files, else the working directory. */
export function sourceRoot(options: SourceOptions): string {
  if (options.sourceRoot !== undefined) {
    const dir = resolve(options.cwd, options.sourceRoot);
    if (!isDirectory(dir)) throw new UsageError(`--source-root ${options.sourceRoot}: not a directory`);
    return dir;
  }
  if (options.planFile && options.planFile !== '-') {
    const planDir = dirname(resolve(options.cwd, options.planFile));
    if (hasTfFiles(planDir)) return planDir;
  }
  return resolve(options.cwd);
}

/**
 * The repository root above the source root (the nearest directory with a
 * `.git`), which GitHub resolves result paths against; the source root itself
 * outside a repository.
 */
export function repositoryRoot(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return dir;
  }
}

function reportedRefs(report: ScanReport): Ref[] {
  const out = new Set<Ref>();
  for (const f of [...report.findings, ...report.suppressed]) {
    out.add(f.primary);
    for (const r of f.related) out.add(r);
  }
  for (const d of report.diagnostics) if (d.subject) out.add(d.subject);
  return [...out];
}

function hasTfFiles(dir: string): boolean {
  return tfFiles(dir).length > 0;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
