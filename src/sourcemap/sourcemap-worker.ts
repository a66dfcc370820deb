// The worker thread of startLoadingSources (load.ts): reads a root module's .tf
// files and posts what the source map needs. The blocks are plain data, so they
// cross to the main thread by structured clone (modules shared by several calls,
// or calling themselves, stay shared).
import { parentPort, workerData } from 'node:worker_threads';
import { loadSources } from './load.js';

const { root } = workerData as { root: string };
try {
  parentPort!.postMessage({ ok: true, loaded: await loadSources(root) });
} catch {
  // The main thread reads the files itself and reports the failure as it always has.
  parentPort!.postMessage({ ok: false });
}
