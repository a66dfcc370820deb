import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  isDirectory,
  isLocalSource,
  tfFiles
} from "./chunk-74UFNRK3.js";
import {
  parseHcl
} from "./chunk-7BYPHCKD.js";
import "./chunk-ZFLBUSVX.js";
import "./chunk-PSCUI55Q.js";

// src/sourcemap/modules.ts
import { readFileSync, realpathSync } from "node:fs";
import { resolve } from "node:path";
var ModuleLoader = class {
  constructor(parser) {
    this.parser = parser;
  }
  parser;
  byDir = /* @__PURE__ */ new Map();
  problems = [];
  /** Every `vpcelint:` comment read, with its file; `orphan` when it belongs to no block. */
  directives = [];
  /** Number of `.tf` files parsed. */
  filesParsed = 0;
  load(dir) {
    const real = realpathSync(dir);
    const cached = this.byDir.get(real);
    if (cached) return cached;
    const mod = { dir: real, resources: /* @__PURE__ */ new Map(), calls: /* @__PURE__ */ new Map(), removed: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Map() };
    this.byDir.set(real, mod);
    const pending = [];
    for (const file of tfFiles(real)) {
      let text;
      try {
        text = readFileSync(file, "utf8");
      } catch (err) {
        this.problems.push({ code: "source-unreadable", file, message: `cannot read: ${err.code ?? err.message}` });
        continue;
      }
      const parsed = parseHcl(this.parser, text);
      this.filesParsed++;
      if (parsed.errorLines.length > 0) {
        this.problems.push({ code: "source-syntax-error", file, line: parsed.errorLines[0], message: "HCL syntax error; blocks near it may be missing from the source map" });
      }
      for (const d of parsed.orphanDirectives) this.directives.push({ file, ...d, orphan: true });
      for (const [name, expr] of parsed.locals) if (!mod.locals.has(name)) mod.locals.set(name, expr);
      for (const block of parsed.blocks) {
        for (const d of block.directives) this.directives.push({ file, ...d, orphan: false });
        const at = { file, block };
        if ((block.type === "resource" || block.type === "data") && block.labels.length === 2) {
          const key = `${block.type === "data" ? "data." : ""}${block.labels[0]}.${block.labels[1]}`;
          if (!mod.resources.has(key)) mod.resources.set(key, at);
        } else if (block.type === "removed" && block.from !== void 0) {
          if (!mod.removed.has(block.from)) mod.removed.set(block.from, at);
        } else if (block.type === "module" && block.labels.length === 1 && !mod.calls.has(block.labels[0])) {
          const call = { call: at };
          mod.calls.set(block.labels[0], call);
          if (isLocalSource(block.source)) pending.push([block.labels[0], at]);
        }
      }
    }
    for (const [name, at] of pending) {
      const childDir = resolve(real, at.block.source);
      if (!isDirectory(childDir)) {
        this.problems.push({ code: "source-module-missing", file: at.file, line: at.block.startLine, message: `module "${name}" has source ${JSON.stringify(at.block.source)}, which is not a directory` });
        continue;
      }
      mod.calls.get(name).module = this.load(childDir);
    }
    return mod;
  }
};
export {
  ModuleLoader
};
