import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  isDirectory,
  isLocalSource,
  tfFiles
} from "./chunk-74UFNRK3.js";
import {
  parseHcl
} from "./chunk-FTZVN2EY.js";
import "./chunk-PSCUI55Q.js";

// src/sourcemap/modules.ts
import { readFileSync as readFileSync2, realpathSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// src/sourcemap/installed.ts
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
function installedModuleDirs(root, dataDir = process.env.TF_DATA_DIR || ".terraform") {
  const out = /* @__PURE__ */ new Map();
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(resolve(root, dataDir), "modules", "modules.json"), "utf8"));
  } catch {
    return out;
  }
  const modules = typeof manifest === "object" && manifest !== null ? manifest.Modules : void 0;
  if (!Array.isArray(modules)) return out;
  for (const m of modules) {
    if (typeof m !== "object" || m === null) continue;
    const { Key: key, Dir: dir } = m;
    if (typeof key === "string" && key !== "" && typeof dir === "string" && dir !== "") out.set(key, resolve(root, dir));
  }
  return out;
}

// src/sourcemap/modules.ts
var ModuleLoader = class {
  constructor(parser) {
    this.parser = parser;
  }
  parser;
  byDir = /* @__PURE__ */ new Map();
  /** Where `terraform init` installed each module call, by its key (`vpc`, `vpc.endpoints`); read with the root. */
  installedDirs = /* @__PURE__ */ new Map();
  problems = [];
  /** Every `vpcelint:` comment read, with its file; `orphan` when it belongs to no block. */
  directives = [];
  /** Number of `.tf` files parsed. */
  filesParsed = 0;
  /** The root module (or, inside, the module of that call `key` with `installed` files). */
  load(dir, key = "", installed = false) {
    const real = realpathSync(dir);
    const cached = this.byDir.get(real);
    if (cached) return cached;
    if (key === "" && this.byDir.size === 0) this.installedDirs = installedModuleDirs(real);
    const mod = { dir: real, installed, resources: /* @__PURE__ */ new Map(), calls: /* @__PURE__ */ new Map(), removed: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Map(), outputs: /* @__PURE__ */ new Map() };
    this.byDir.set(real, mod);
    const pending = [];
    for (const file of tfFiles(real)) {
      let text;
      try {
        text = readFileSync2(file, "utf8");
      } catch (err) {
        this.problems.push({ code: "source-unreadable", file, message: `cannot read: ${err.code ?? err.message}` });
        continue;
      }
      const parsed = parseHcl(this.parser, text);
      this.filesParsed++;
      if (parsed.errorLines.length > 0) {
        this.problems.push({ code: "source-syntax-error", file, line: parsed.errorLines[0], message: "HCL syntax error; blocks near it may be missing from the source map" });
      }
      if (!installed) for (const d of parsed.orphanDirectives) this.directives.push({ file, ...d, orphan: true });
      for (const [name, expr] of parsed.locals) if (!mod.locals.has(name)) mod.locals.set(name, expr);
      for (const block of parsed.blocks) {
        if (!installed) for (const d of block.directives) this.directives.push({ file, ...d, orphan: false });
        const at = { file, block };
        if ((block.type === "resource" || block.type === "data") && block.labels.length === 2) {
          const key2 = `${block.type === "data" ? "data." : ""}${block.labels[0]}.${block.labels[1]}`;
          if (!mod.resources.has(key2)) mod.resources.set(key2, at);
        } else if (block.type === "output" && block.labels.length === 1 && block.value && !mod.outputs.has(block.labels[0])) {
          mod.outputs.set(block.labels[0], block.value);
        } else if (block.type === "removed" && block.from !== void 0) {
          if (!mod.removed.has(block.from)) mod.removed.set(block.from, at);
        } else if (block.type === "module" && block.labels.length === 1 && !mod.calls.has(block.labels[0])) {
          const call = { call: at };
          mod.calls.set(block.labels[0], call);
          pending.push([block.labels[0], at]);
        }
      }
    }
    for (const [name, at] of pending) {
      const childKey = key === "" ? name : `${key}.${name}`;
      if (!isLocalSource(at.block.source)) {
        const installedDir = this.installedDirs.get(childKey);
        if (installedDir !== void 0 && isDirectory(installedDir)) mod.calls.get(name).installed = { dir: installedDir, key: childKey };
        continue;
      }
      const childDir = resolve2(real, at.block.source);
      if (!isDirectory(childDir)) {
        this.problems.push({ code: "source-module-missing", file: at.file, line: at.block.startLine, message: `module "${name}" has source ${JSON.stringify(at.block.source)}, which is not a directory` });
        continue;
      }
      mod.calls.get(name).module = this.load(childDir, childKey, installed);
    }
    return mod;
  }
  /** The module an installed call names, read now if it was not. */
  loadInstalled(call) {
    if (!call.module && call.installed) call.module = this.load(call.installed.dir, call.installed.key, true);
    return call.module;
  }
};
export {
  ModuleLoader
};
