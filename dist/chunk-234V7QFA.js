import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  moduleTreeBytes
} from "./chunk-74UFNRK3.js";

// src/sourcemap/locate.ts
import { relative, sep } from "node:path";

// src/collect/terraform/address.ts
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (i === 0 || i + 1 === text.length) return void 0;
      i++;
      continue;
    }
    if (c === 91) {
      const close = scanIndex(text, i + 1);
      if (!close) return void 0;
      tokens.push({ key: close.key });
      i = close.end + 1;
      continue;
    }
    let j = i;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
    if (j === i) return void 0;
    tokens.push({ name: text.slice(i, j) });
    i = j;
  }
  return tokens;
}
function isNameChar(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95 || c === 45 || c === 42;
}
function scanIndex(text, start) {
  if (text[start] === '"') {
    let j = start + 1;
    let plain = true;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 34) break;
      if (c === 92) {
        plain = false;
        j++;
      } else if (c < 32) plain = false;
    }
    if (text[j + 1] !== "]") return void 0;
    if (plain) return { key: text.slice(start + 1, j), end: j + 1 };
    try {
      return { key: JSON.parse(text.slice(start, j + 1)), end: j + 1 };
    } catch {
      return void 0;
    }
  }
  const close = text.indexOf("]", start);
  if (close === -1) return void 0;
  const raw = text.slice(start, close);
  if (!/^\d+$/.test(raw)) return void 0;
  return { key: Number(raw), end: close };
}
function formatKey(key) {
  return key === void 0 ? "" : typeof key === "number" ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
function formatModules(modules) {
  return modules.map((m) => `module.${m.name}${formatKey(m.key)}`).join(".");
}
function configSteps(address) {
  return [...address.modules.map((m) => `module.${m.name}`), `${address.mode === "data" ? "data." : ""}${address.type}.${address.name}`];
}
function parseInstanceAddress(address) {
  const tokens = tokenize(address);
  if (!tokens) return void 0;
  const modules = [];
  let i = 0;
  while (isName(tokens[i], "module")) {
    const name2 = tokens[i + 1];
    if (!name2 || !("name" in name2)) return void 0;
    const step = { name: name2.name };
    i += 2;
    const k2 = tokens[i];
    if (k2 && "key" in k2) {
      step.key = k2.key;
      i++;
    }
    modules.push(step);
  }
  let mode = "managed";
  if (isName(tokens[i], "data")) {
    mode = "data";
    i++;
  }
  const type = tokens[i];
  const name = tokens[i + 1];
  if (!type || !("name" in type) || !name || !("name" in name)) return void 0;
  i += 2;
  const k = tokens[i];
  let key;
  if (k && "key" in k) {
    key = k.key;
    i++;
  }
  if (i !== tokens.length) return void 0;
  const parsed = { modules, mode, type: type.name, name: name.name };
  if (key !== void 0) parsed.key = key;
  return parsed;
}
function isName(token, name) {
  return token !== void 0 && "name" in token && token.name === name;
}
function parseReference(text) {
  const tokens = tokenize(text);
  const first = tokens?.[0];
  if (!tokens || !first || !("name" in first)) return { kind: "other", text };
  const nameAt = (i) => {
    const t = tokens[i];
    return t && "name" in t ? t.name : void 0;
  };
  const keyAt = (i) => {
    const t = tokens[i];
    return t && "key" in t ? t.key : void 0;
  };
  switch (first.name) {
    case "var":
      return nameAt(1) ? { kind: "var", name: nameAt(1) } : { kind: "other", text };
    case "local":
      return nameAt(1) ? { kind: "local", name: nameAt(1) } : { kind: "other", text };
    case "count":
    case "each": {
      const attribute = nameAt(2);
      return { kind: "iteration", name: `${first.name}.${nameAt(1) ?? ""}`, ...attribute ? { attribute } : {} };
    }
    case "path":
    case "terraform":
    case "self":
      return { kind: "other", text };
    case "module": {
      const call = nameAt(1);
      if (!call) return { kind: "other", text };
      const key = keyAt(2);
      const output = nameAt(key === void 0 ? 2 : 3);
      return { kind: "module", call, ...key !== void 0 ? { key } : {}, ...output ? { output } : {} };
    }
    default: {
      const data = first.name === "data";
      const base = data ? 1 : 0;
      const type = nameAt(base);
      const name = nameAt(base + 1);
      if (!type || !name) return { kind: "other", text };
      const key = keyAt(base + 2);
      const attribute = nameAt(key === void 0 ? base + 2 : base + 3);
      return {
        kind: "resource",
        mode: data ? "data" : "managed",
        type,
        name,
        ...key !== void 0 ? { key } : {},
        ...attribute ? { attribute } : {}
      };
    }
  }
}

// src/sourcemap/locate.ts
var SourceMap = class {
  /** `base` is the directory locations are relative to (the repository root); `loadInstalled` reads an installed module when asked for. */
  constructor(root, base, loadInstalled = (call) => call.module) {
    this.root = root;
    this.base = base;
    this.loadInstalled = loadInstalled;
  }
  root;
  base;
  loadInstalled;
  cache = /* @__PURE__ */ new Map();
  deepCache = /* @__PURE__ */ new Map();
  sites = /* @__PURE__ */ new WeakMap();
  values = /* @__PURE__ */ new WeakMap();
  /** Where an address is declared, as findings point at it: in an installed module, the repository's call. */
  locate(address) {
    return this.find(address, false);
  }
  /** The same, and inside installed modules the block's own expressions (read from their files, now if not yet). */
  declaration(address) {
    return this.find(address, true);
  }
  find(address, deep) {
    const parsed = parseInstanceAddress(address);
    if (!parsed) return void 0;
    const steps = configSteps(parsed);
    const configAddress = steps.join(".");
    const cache = deep ? this.deepCache : this.cache;
    const hit = cache.get(configAddress);
    if (hit !== void 0) return hit ?? void 0;
    let mod = this.root;
    let found;
    let removed;
    let done = false;
    let outerCall;
    const callers = [];
    const path = [mod];
    for (const [i, step] of parsed.modules.entries()) {
      if (!mod.installed) removed ??= removedBlock(mod, steps.slice(i));
      const call = mod.calls.get(step.name);
      if (!call) {
        done = true;
        break;
      }
      callers.push(this.siteOf(call, mod));
      const module = !call.installed ? call.module : deep ? this.loadInstalled(call) : void 0;
      if (!module || module.installed && !outerCall) {
        const at = this.toLocated(call.call, false, steps.slice(0, i + 1).join("."));
        if (!module) {
          found = outerCall ?? at;
          done = true;
          break;
        }
        outerCall = at;
      }
      mod = module;
      path.push(module);
    }
    if (!done) {
      const at = mod.resources.get(steps[steps.length - 1]);
      const modulePath = deep && at?.block.expressions ? path.map((m) => this.valuesOf(m)) : void 0;
      if (at) found = outerCall ? this.installedBlock(outerCall, at, mod, callers, modulePath) : this.toLocated(at, true, void 0, mod, callers, modulePath);
      else if (outerCall) found = outerCall;
      else removed ??= removedBlock(mod, steps.slice(parsed.modules.length));
    }
    if (!found && removed) found = this.toLocated(removed, false);
    cache.set(configAddress, found ?? null);
    return found;
  }
  /** A block of an installed module: located at the repository's call, with the block's own policies and place. */
  installedBlock(call, at, mod, callers, modulePath) {
    const { expressions } = at.block;
    if (!expressions) return call;
    const attributeLines = at.block.children.map((c) => [c.name, c.startLine]);
    const declaredAt = { file: this.relative(at.file), startLine: at.block.startLine, attributeLines };
    return { ...call, expressions, locals: mod.locals, callers, declaredAt, ...modulePath ? { modulePath } : {} };
  }
  /** A module call as the values of the called module's variables: one object per call, shared by every block that needs it. */
  siteOf(call, parent) {
    let site = this.sites.get(call);
    if (!site) this.sites.set(call, site = { arguments: new Map(call.call.block.arguments), locals: parent.locals, where: `${this.relative(call.call.file)}:${call.call.block.startLine}` });
    return site;
  }
  /** What a module writes, with the modules it calls (installed ones read now): once per module. */
  valuesOf(mod) {
    const known = this.values.get(mod);
    if (known) return known;
    const calls = /* @__PURE__ */ new Map();
    const values = { locals: mod.locals, outputs: mod.outputs, calls };
    this.values.set(mod, values);
    for (const [name, call] of mod.calls) {
      const child = call.installed ? this.loadInstalled(call) : call.module;
      calls.set(name, { site: this.siteOf(call, mod), ...child ? { module: this.valuesOf(child) } : {} });
    }
    return values;
  }
  relative(file) {
    return relative(this.base, file).split(sep).join("/");
  }
  /** `mod`: the module of a resource's own block, whose locals its policies may read, and `callers` its variables. */
  toLocated(at, withAttributes, moduleCall, mod, callers = [], modulePath) {
    const file = this.relative(at.file);
    const location = {
      file,
      startLine: at.block.startLine,
      endLine: at.block.endLine,
      ...withAttributes ? { attributes: attributeRanges(at.block) } : {},
      ...moduleCall ? { moduleCall } : {}
    };
    const expressions = at.block.expressions;
    const locals = expressions && mod ? { locals: mod.locals, ...callers.length > 0 ? { callers } : {}, ...modulePath ? { modulePath } : {} } : {};
    return { location, directives: at.block.directives.map((d) => ({ ...d, file })), ...expressions ? { expressions } : {}, ...locals };
  }
};
function removedBlock(mod, steps) {
  if (mod.removed.size === 0) return void 0;
  for (let n = 1; n <= steps.length; n++) {
    const hit = mod.removed.get(steps.slice(0, n).join("."));
    if (hit) return hit;
  }
  return void 0;
}
function attributeRanges(block) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const c of block.children) {
    const seen = out[c.name];
    out[c.name] = seen ? { startLine: Math.min(seen.startLine, c.startLine), endLine: Math.max(seen.endLine, c.endLine) } : { startLine: c.startLine, endLine: c.endLine };
  }
  return out;
}
function rangeFor(location, attribute) {
  const name = attribute?.split(/[.[]/)[0];
  const attr = name ? location.attributes?.[name] : void 0;
  return attr ?? { startLine: location.startLine, endLine: location.endLine };
}

// src/sourcemap/load.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var BASELINE_WASM_MAX_TREE_BYTES = 128 * 1024;
async function loadSources(root) {
  const [{ hclParser, compileWasmForQuickExit }, { ModuleLoader }] = await Promise.all([import("./hcl-TVJ5ZELC.js"), import("./modules-4O76HWRD.js")]);
  if (moduleTreeBytes(root, BASELINE_WASM_MAX_TREE_BYTES) <= BASELINE_WASM_MAX_TREE_BYTES) compileWasmForQuickExit();
  const loader = new ModuleLoader(await hclParser());
  const module = loader.load(root);
  return { module, loadInstalled: (call) => loader.loadInstalled(call), problems: loader.problems, directives: loader.directives, filesParsed: loader.filesParsed };
}
function indexOf(loaded, base, where = "thread") {
  const map = new SourceMap(loaded.module, base, loaded.loadInstalled);
  const { problems, directives, filesParsed } = loaded;
  const locate = async (addresses) => addresses.map((a) => map.locate(a));
  const declarations = async (addresses) => addresses.map((a) => map.declaration(a));
  return { problems, directives, filesParsed, where, locate, declarations };
}
function startLoadingSources(root, base, background) {
  const pending = startLoading(root, base, background);
  let index;
  return { root, result: () => index ??= pending.result() };
}
function startLoading(root, base, background) {
  const script = new URL("./sourcemap-worker.js", import.meta.url);
  const here = async () => indexOf(await loadSources(root), base);
  if (!background || availableParallelism() < 2 || !existsSync(fileURLToPath(script))) return { root, result: here };
  let worker;
  try {
    worker = new Worker(script, { workerData: { root, base } });
  } catch {
    return { root, result: here };
  }
  const ask = conversation(worker);
  return {
    root,
    async result() {
      const summary = await ask();
      if (!summary?.ok) {
        void worker.terminate();
        return here();
      }
      const { problems, directives, filesParsed } = summary;
      const question = async (addresses, deep) => {
        const reply = await ask({ addresses, deep });
        if (!reply) {
          const index = await here();
          return deep ? index.declarations(addresses) : index.locate(addresses);
        }
        const seen = /* @__PURE__ */ new Map();
        return reply.hits.map((h) => {
          if (!h) return void 0;
          if (!seen.has(h)) seen.set(h, fromWire(h));
          return seen.get(h);
        });
      };
      return {
        problems,
        directives,
        filesParsed,
        where: "worker",
        declarations: (addresses) => question(addresses, true),
        async locate(addresses) {
          const hits = await question(addresses, false);
          void worker.terminate();
          return hits;
        }
      };
    }
  };
}
function conversation(worker) {
  const inbox = [];
  let waiting;
  let gone = false;
  const deliver = (msg) => {
    if (!waiting) return void inbox.push(msg);
    const w = waiting;
    waiting = void 0;
    w(msg);
  };
  const end = () => {
    gone = true;
    deliver(void 0);
  };
  worker.on("message", deliver);
  worker.once("error", end);
  worker.once("exit", end);
  worker.unref();
  const next = () => inbox.length > 0 ? Promise.resolve(inbox.shift()) : gone ? Promise.resolve(void 0) : new Promise((resolve) => waiting = resolve);
  return async (send) => {
    const reply = next();
    if (send !== void 0) worker.postMessage(send);
    worker.ref();
    try {
      return await reply;
    } finally {
      worker.unref();
    }
  };
}
function toWire(hit) {
  const { attributes, ...location } = hit.location;
  return { ...hit, location: { ...location, ...attributes ? { attributes: Object.entries(attributes) } : {} } };
}
function fromWire(hit) {
  const { attributes, ...location } = hit.location;
  if (!attributes) return { ...hit, location };
  const byName = /* @__PURE__ */ Object.create(null);
  for (const [name, range] of attributes) byName[name] = range;
  return { ...hit, location: { ...location, attributes: byName } };
}

export {
  formatKey,
  formatModules,
  configSteps,
  parseInstanceAddress,
  parseReference,
  SourceMap,
  rangeFor,
  loadSources,
  startLoadingSources,
  toWire
};
