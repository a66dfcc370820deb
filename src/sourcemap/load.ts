import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ModuleSource, SourceProblem } from './modules.js';

/** What reading a root module's `.tf` files (and its local modules') gives the source map. */
export interface LoadedSources {
  module: ModuleSource;
  problems: SourceProblem[];
  directives: { file: string; line: number; text: string; orphan: boolean }[];
  filesParsed: number;
}

/** A load under way: in a worker thread while the plan is parsed and judged, or on this thread when asked for. */
export interface PendingSources {
  readonly root: string;
  /** The files' contents, and which thread read them. */
  result(): Promise<{ loaded: LoadedSources; where: 'worker' | 'thread' }>;
}

/** Reads the `.tf` files here and now, on this thread. */
export async function loadSources(root: string): Promise<LoadedSources> {
  // The parser (tree-sitter and its grammar) loads only when there are .tf files to read.
  const [{ hclParser }, { ModuleLoader }] = await Promise.all([import('./hcl.js'), import('./modules.js')]);
  const loader = new ModuleLoader(await hclParser());
  const module = loader.load(root);
  return { module, problems: loader.problems, directives: loader.directives, filesParsed: loader.filesParsed };
}

/**
 * Starts reading the `.tf` files. With `background`, and a second core and
 * the worker's script beside this module (the built CLI and the Action ship
 * it; tests that run the TypeScript sources do not), tree-sitter parses them
 * in a worker thread while this thread parses the plan and runs the rules: on
 * a large repository that is seconds of parsing taken off the scan. Anything
 * that goes wrong in the worker reads the files again here, so a failure is
 * reported exactly as without it.
 */
export function startLoadingSources(root: string, background: boolean): PendingSources {
  const script = new URL('./sourcemap-worker.js', import.meta.url);
  if (!background || availableParallelism() < 2 || !existsSync(fileURLToPath(script))) return onThisThread(root);
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: { root } });
  } catch {
    return onThisThread(root);
  }
  const settled = new Promise<LoadedSources | undefined>((resolve) => {
    worker.once('message', (msg: { ok: true; loaded: LoadedSources } | { ok: false }) => resolve(msg.ok ? msg.loaded : undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  // Unreferenced until awaited, so that a scan that stops early (a bad plan) exits without waiting for it.
  // After the listeners: adding a 'message' listener references the worker again.
  worker.unref();
  return {
    root,
    async result() {
      worker.ref();
      const loaded = await settled;
      void worker.terminate();
      return loaded ? { loaded, where: 'worker' } : { loaded: await loadSources(root), where: 'thread' };
    },
  };
}

function onThisThread(root: string): PendingSources {
  return { root, result: async () => ({ loaded: await loadSources(root), where: 'thread' }) };
}
