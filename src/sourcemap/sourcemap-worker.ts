// The worker thread of startLoadingSources (load.ts): reads a root module's .tf
// files, posts a summary (problems, directives), then answers where the
// addresses the main thread sends are declared, until it is ended. The blocks
// never cross threads; only the located ones do.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSources, toWire, type LoadedSources, type WireLocated, type WorkerHits, type WorkerQuestion, type WorkerSummary } from './load.js';
import { SourceMap, type Located } from './locate.js';

const { root, base } = workerData as { root: string; base: string };
const port = parentPort!;
let loaded: LoadedSources | undefined;
try {
  loaded = await loadSources(root);
} catch {
  // The main thread reads the files itself and reports the failure as it always has.
  port.postMessage({ ok: false } satisfies WorkerSummary);
}
if (loaded) {
  const { module, loadInstalled, problems, directives, filesParsed } = loaded;
  const map = new SourceMap(module, base, loadInstalled);
  // Questions until the main thread ends the worker: where policies are written, then where the reported resources are.
  port.on('message', ({ addresses, deep }: WorkerQuestion) => {
    // Instances of one block share its location, as on the main thread: one wire object each, which the clone keeps shared.
    const wire = new Map<Located, WireLocated>();
    const hits = addresses.map((a) => {
      const hit = deep ? map.declaration(a) : map.locate(a);
      if (!hit) return null;
      if (!wire.has(hit)) wire.set(hit, toWire(hit));
      return wire.get(hit)!;
    });
    port.postMessage({ hits } satisfies WorkerHits);
  });
  port.postMessage({ ok: true, problems, directives, filesParsed } satisfies WorkerSummary);
}
