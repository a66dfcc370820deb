import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  SourceMap,
  loadSources,
  toWire
} from "./chunk-234V7QFA.js";
import "./chunk-74UFNRK3.js";
import "./chunk-PSCUI55Q.js";

// src/sourcemap/sourcemap-worker.ts
import { parentPort, workerData } from "node:worker_threads";
var { root, base } = workerData;
var port = parentPort;
var loaded;
try {
  loaded = await loadSources(root);
} catch {
  port.postMessage({ ok: false });
}
if (loaded) {
  const { module, loadInstalled, problems, directives, filesParsed } = loaded;
  const map = new SourceMap(module, base, loadInstalled);
  port.on("message", ({ addresses, deep }) => {
    const wire = /* @__PURE__ */ new Map();
    const hits = addresses.map((a) => {
      const hit = deep ? map.declaration(a) : map.locate(a);
      if (!hit) return null;
      if (!wire.has(hit)) wire.set(hit, toWire(hit));
      return wire.get(hit);
    });
    port.postMessage({ hits });
  });
  port.postMessage({ ok: true, problems, directives, filesParsed });
}
