import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  isDirectory,
  isLocalSource,
  tfFiles
} from "./chunk-74UFNRK3.js";
import {
  parseHcl
} from "./chunk-Z4QCNFE4.js";
import "./chunk-PSCUI55Q.js";

// src/sourcemap/modules.ts
import { readFileSync as readFileSync3, realpathSync as realpathSync2 } from "node:fs";
import { resolve as resolve3 } from "node:path";

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

// src/sourcemap/templates.ts
import { readFileSync as readFileSync2, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve as resolve2, sep } from "node:path";
var MAX_TEMPLATE_BYTES = 1 << 20;
var TemplateReader = class {
  constructor(parser) {
    this.parser = parser;
  }
  parser;
  byFile = /* @__PURE__ */ new Map();
  /** Gives every `templatefile()` and `file()` call in the expression its file (in place: the tree is this module's own). */
  resolveIn(expr, dirs) {
    for (const call of fileCalls(expr)) call.templateFile = this.fileAt(call.args[0], dirs, call.name === "templatefile");
  }
  fileAt(path, dirs, template) {
    const written = path ? writtenPath(path, dirs) : void 0;
    if (written === void 0) return { unread: "on a path that is not written out (only path.module, path.root and literal text are read)" };
    let real;
    try {
      real = realpathSync(isAbsolute(written) ? written : resolve2(dirs.root, written));
    } catch {
      return { unread: `on ${written}, which is not there` };
    }
    if (!within(real, dirs.module) && !within(real, dirs.root)) return { unread: `on ${written}, outside the module and the root module` };
    const key = `${template ? "template" : "file"}\0${real}`;
    let found = this.byFile.get(key);
    if (!found) this.byFile.set(key, found = this.read(real, relative(dirs.root, real) || real, template));
    return found;
  }
  read(real, name, asTemplate) {
    let raw;
    try {
      if (statSync(real).size > MAX_TEMPLATE_BYTES) return { unread: `on ${name}, larger than vpcelint reads` };
      raw = readFileSync2(real, "utf8");
    } catch (err) {
      return { unread: `on ${name}, which cannot be read (${err.code ?? err.message})` };
    }
    if (!asTemplate) return { file: name, text: raw };
    const text = raw.replace(/\r\n/g, "\n");
    let end = "VPCELINT_TEMPLATE";
    while (text.includes(end)) end += "_";
    const body = text.endsWith("\n") ? text : `${text}
`;
    const parsed = parseHcl(this.parser, `locals {
  template = <<${end}
${body}${end}
}
`);
    const [local] = parsed.locals;
    if (!local || parsed.errorLines.length > 0) return { unread: `on ${name}, which does not parse as a template` };
    const template = inFile(local[1], name);
    if (body !== text && template.t === "template" && typeof template.parts.at(-1) === "string") {
      const last = template.parts.at(-1).replace(/\n$/, "");
      template.parts.splice(-1, 1, ...last ? [last] : []);
    }
    return { file: name, template };
  }
};
function writtenPath(e, dirs) {
  if (e.t === "literal") return typeof e.value === "string" ? e.value : void 0;
  if (e.t !== "template") return void 0;
  let out = "";
  for (const part of e.parts) {
    if (typeof part === "string") out += part;
    else if (part.t === "traversal" && part.root === "path" && part.steps.length === 1 && "attr" in part.steps[0]) {
      const attr = part.steps[0].attr;
      if (attr !== "module" && attr !== "root" && attr !== "cwd") return void 0;
      out += attr === "module" ? dirs.module : dirs.root;
    } else return void 0;
  }
  return out;
}
function within(path, dir) {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}
function inFile(e, file) {
  for (const node of nodesOf(e).slice(1)) {
    if (node.t === "unsupported") {
      node.line -= 2;
      node.what = `${node.what} in ${file}`;
    } else if (node.t === "for") node.line -= 2;
  }
  return e;
}
function fileCalls(e) {
  return nodesOf(e).filter((n) => n.t === "call" && (n.name === "templatefile" || n.name === "file"));
}
function nodesOf(e) {
  const out = [];
  const stack = [e];
  while (stack.length > 0) {
    const node = stack.pop();
    out.push(node);
    stack.push(...childrenOf(node));
  }
  return out;
}
function childrenOf(e) {
  const indexes = (steps) => steps.flatMap((s) => "index" in s && typeof s.index === "object" ? [s.index] : []);
  switch (e.t) {
    case "literal":
    case "unsupported":
      return [];
    case "template":
      return e.parts.filter((p) => typeof p !== "string");
    case "traversal":
      return indexes(e.steps);
    case "splat":
      return [e.base, ...indexes(e.each)];
    case "access":
      return [e.base, ...indexes(e.steps)];
    case "tuple":
      return e.items;
    case "object":
      return e.items.map((i) => i.value);
    case "call":
      return e.args;
    case "conditional":
      return [e.cond, e.then, e.else];
    case "operation":
      return e.args;
    case "for":
      return [e.collection, e.result, ...e.resultKey ? [e.resultKey] : [], ...e.cond ? [e.cond] : []];
  }
}

// src/sourcemap/modules.ts
var ModuleLoader = class {
  constructor(parser) {
    this.parser = parser;
    this.templates = new TemplateReader(parser);
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
  /** The root module's directory: `path.root`. */
  root;
  templates;
  /** The root module (or, inside, the module of that call `key` with `installed` files). */
  load(dir, key = "", installed = false) {
    const real = realpathSync2(dir);
    const cached = this.byDir.get(real);
    if (cached) return cached;
    if (key === "" && this.byDir.size === 0) {
      this.installedDirs = installedModuleDirs(real);
      this.root = real;
    }
    const mod = { dir: real, installed, resources: /* @__PURE__ */ new Map(), calls: /* @__PURE__ */ new Map(), removed: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Map(), outputs: /* @__PURE__ */ new Map() };
    this.byDir.set(real, mod);
    const pending = [];
    for (const file of tfFiles(real)) {
      let text;
      try {
        text = readFileSync3(file, "utf8");
      } catch (err) {
        this.problems.push({ code: "source-unreadable", file, message: `cannot read: ${err.code ?? err.message}` });
        continue;
      }
      const parsed = parseHcl(this.parser, text);
      this.filesParsed++;
      if (text.includes("file(")) this.readFiles(parsed, { module: real, root: this.root ?? real });
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
      const childDir = resolve3(real, at.block.source);
      if (!isDirectory(childDir)) {
        this.problems.push({ code: "source-module-missing", file: at.file, line: at.block.startLine, message: `module "${name}" has source ${JSON.stringify(at.block.source)}, which is not a directory` });
        continue;
      }
      mod.calls.get(name).module = this.load(childDir, childKey, installed);
    }
    return mod;
  }
  /** The files the file's expressions read with `templatefile()` and `file()`: the evaluator reads no files. */
  readFiles(parsed, dirs) {
    const expressions = [
      ...parsed.locals.map(([, e]) => e),
      ...parsed.blocks.flatMap((b) => [...(b.expressions ?? []).map((e) => e.expr), ...(b.arguments ?? []).map(([, e]) => e), ...b.value ? [b.value] : []])
    ];
    for (const e of expressions) this.templates.resolveIn(e, dirs);
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
