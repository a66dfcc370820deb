import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceRange } from '../model/ref.js';
import { moduleTreeBytes } from './files.js';
import { SourceMap, type Located } from './locate.js';
import type { ModuleCallSource, ModuleLoader, ModuleSource, SourceProblem } from './modules.js';

/** What reading a root module's `.tf` files (and its local modules') gives the source map. */
export interface LoadedSources {
  module: ModuleSource;
  /** Reads a module installed by `terraform init` when a declaration inside it is asked for. */
  loadInstalled(call: ModuleCallSource): ModuleSource | undefined;
  problems: SourceProblem[];
  directives: ModuleLoader['directives'];
  filesParsed: number;
}

/** The source map of the files read, wherever they were read: what a scan asks of them. */
export interface SourceIndex {
  problems: SourceProblem[];
  directives: LoadedSources['directives'];
  filesParsed: number;
  where: 'worker' | 'thread';
  /** Where each address is declared (undefined where it is not), as findings point at it; the last question: a worker ends after it. */
  locate(addresses: readonly string[]): Promise<(Located | undefined)[]>;
  /** The same with the expressions of blocks inside installed modules (SourceMap.declaration), as a question before the last one. */
  declarations(addresses: readonly string[]): Promise<(Located | undefined)[]>;
}

/** A load under way: in a worker thread while the plan is parsed and judged, or on this thread when asked for. */
export interface PendingSources {
  readonly root: string;
  result(): Promise<SourceIndex>;
}

/**
 * Up to this much `.tf` in the root module and the local modules it calls
 * (about 500 blocks), V8's optimizing compile of the parser's wasm costs a
 * scan more than it saves (hcl.ts, compileWasmForQuickExit).
 */
const BASELINE_WASM_MAX_TREE_BYTES = 128 * 1024;

/** Reads the `.tf` files here and now, on this thread (the main thread or the worker's). */
export async function loadSources(root: string): Promise<LoadedSources> {
  // The parser (tree-sitter and its grammar) loads only when there are .tf files to read.
  const [{ hclParser, compileWasmForQuickExit }, { ModuleLoader }] = await Promise.all([import('./hcl.js'), import('./modules.js')]);
  if (moduleTreeBytes(root, BASELINE_WASM_MAX_TREE_BYTES) <= BASELINE_WASM_MAX_TREE_BYTES) compileWasmForQuickExit();
  const loader = new ModuleLoader(await hclParser());
  const module = loader.load(root);
  return { module, loadInstalled: (call) => loader.loadInstalled(call), problems: loader.problems, directives: loader.directives, filesParsed: loader.filesParsed };
}

/** The index of files read on this thread; `base` is the directory locations are relative to. */
export function indexOf(loaded: LoadedSources, base: string, where: SourceIndex['where'] = 'thread'): SourceIndex {
  const map = new SourceMap(loaded.module, base, loaded.loadInstalled);
  const { problems, directives, filesParsed } = loaded;
  const locate = async (addresses: readonly string[]) => addresses.map((a) => map.locate(a));
  const declarations = async (addresses: readonly string[]) => addresses.map((a) => map.declaration(a));
  return { problems, directives, filesParsed, where, locate, declarations };
}

/** Messages of the worker (sourcemap-worker.ts): the summary once the files are read, then the hits asked for. */
export type WorkerSummary = { ok: true; problems: SourceProblem[]; directives: LoadedSources['directives']; filesParsed: number } | { ok: false };
export type WorkerHits = { hits: (WireLocated | null)[] };
/** Where the addresses are declared; `deep`: with the blocks inside installed modules (SourceMap.declaration). */
export type WorkerQuestion = { addresses: readonly string[]; deep: boolean };

/**
 * Starts reading the `.tf` files. With `background`, and a second core and
 * the worker's script beside this module (the built CLI and the Action ship
 * it; tests that run the TypeScript sources do not), tree-sitter parses them
 * in a worker thread while this thread parses the plan and runs the rules: on
 * a large repository that is seconds of parsing taken off the scan. The
 * blocks stay in the worker, which answers for the addresses a report names.
 * Anything that goes wrong in the worker reads the files again here, so a
 * failure is reported exactly as without it.
 */
export function startLoadingSources(root: string, base: string, background: boolean): PendingSources {
  const pending = startLoading(root, base, background);
  // Asked for by the policies that need their source, then by the report: read once.
  let index: Promise<SourceIndex> | undefined;
  return { root, result: () => (index ??= pending.result()) };
}

function startLoading(root: string, base: string, background: boolean): PendingSources {
  const script = new URL('./sourcemap-worker.js', import.meta.url);
  const here = async () => indexOf(await loadSources(root), base);
  if (!background || availableParallelism() < 2 || !existsSync(fileURLToPath(script))) return { root, result: here };
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { root, base } });
  } catch {
    return { root, result: here };
  }
  const ask = conversation(worker);
  return {
    root,
    async result() {
      const summary = await ask<WorkerSummary>();
      if (!summary?.ok) {
        void worker.terminate();
        return here();
      }
      const { problems, directives, filesParsed } = summary;
      const question = async (addresses: readonly string[], deep: boolean): Promise<(Located | undefined)[]> => {
        const reply = await ask<WorkerHits>({ addresses, deep } satisfies WorkerQuestion);
        // The worker read the files; should it fail now, this thread reads them again and answers itself.
        if (!reply) {
          const index = await here();
          return deep ? index.declarations(addresses) : index.locate(addresses);
        }
        const seen = new Map<WireLocated, Located>();
        return reply.hits.map((h) => {
          if (!h) return undefined;
          if (!seen.has(h)) seen.set(h, fromWire(h));
          return seen.get(h);
        });
      };
      return {
        problems,
        directives,
        filesParsed,
        where: 'worker',
        declarations: (addresses) => question(addresses, true),
        async locate(addresses) {
          const hits = await question(addresses, false);
          void worker.terminate();
          return hits;
        },
      };
    },
  };
}

/**
 * Questions to a worker, one at a time: `ask(message)` posts it (or nothing)
 * and resolves with the worker's next message, or undefined once the worker
 * failed or ended. Messages that arrive early wait in an inbox. The worker is
 * referenced only while this thread waits on it, so that a scan that stops
 * early (a bad plan) exits without waiting for it.
 */
function conversation(worker: Worker): <T>(send?: unknown) => Promise<T | undefined> {
  const inbox: unknown[] = [];
  let waiting: ((msg: unknown) => void) | undefined;
  let gone = false;
  const deliver = (msg: unknown) => {
    if (!waiting) return void inbox.push(msg);
    const w = waiting;
    waiting = undefined;
    w(msg);
  };
  const end = () => {
    gone = true;
    deliver(undefined);
  };
  worker.on('message', deliver);
  worker.once('error', end);
  worker.once('exit', end);
  // After the listeners: adding a 'message' listener references the worker again.
  worker.unref();
  const next = () => (inbox.length > 0 ? Promise.resolve(inbox.shift()) : gone ? Promise.resolve(undefined) : new Promise<unknown>((resolve) => (waiting = resolve)));
  return async <T>(send?: unknown) => {
    const reply = next();
    if (send !== undefined) worker.postMessage(send);
    worker.ref();
    try {
      return (await reply) as T | undefined;
    } finally {
      worker.unref();
    }
  };
}

/** A located block as it crosses threads: attribute ranges as a list, since a clone does not keep a null prototype. */
export interface WireLocated extends Omit<Located, 'location'> {
  location: Omit<Located['location'], 'attributes'> & { attributes?: [string, SourceRange][] };
}

export function toWire(hit: Located): WireLocated {
  const { attributes, ...location } = hit.location;
  return { ...hit, location: { ...location, ...(attributes ? { attributes: Object.entries(attributes) } : {}) } };
}

function fromWire(hit: WireLocated): Located {
  const { attributes, ...location } = hit.location;
  if (!attributes) return { ...hit, location };
  // As SourceMap builds them: attribute names come from the .tf files, so "__proto__" is just a name.
  const byName = Object.create(null) as Record<string, SourceRange>;
  for (const [name, range] of attributes) byName[name] = range;
  return { ...hit, location: { ...location, attributes: byName } };
}
