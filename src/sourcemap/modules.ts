import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { installedModuleDirs } from './installed.js';
import type { Parser } from 'web-tree-sitter';
import type { HclExpr } from './expression.js';
import { parseHcl, type HclBlock, type HclFile } from './hcl.js';
import { TemplateReader, type ModuleDirs } from './templates.js';
import { isDirectory, isLocalSource, tfFiles } from './files.js';

/** A block and the file (absolute path) it is in. */
export interface FileBlock {
  file: string;
  block: HclBlock;
}

/** A `module "name" { source = ... }` block; `module` is set when the source is a local directory we could read. */
export interface ModuleCallSource {
  call: FileBlock;
  /** For a module installed by `terraform init`, read when first asked for (loadInstalled). */
  module?: ModuleSource;
  /** Installed by `terraform init`: where, and its key in the manifest. */
  installed?: { dir: string; key: string };
}

/** One Terraform module: the `.tf` files of one directory. */
export interface ModuleSource {
  dir: string;
  /**
   * Installed by `terraform init` from outside the repository (the registry, git, ...), or a local module of such
   * a module: nobody edits these files, so findings point at the repository's module call instead, but their
   * policies are read from them.
   */
  installed: boolean;
  /** By `type.name`, `data.type.name` for data sources. */
  resources: Map<string, FileBlock>;
  calls: Map<string, ModuleCallSource>;
  /**
   * `removed` blocks by their `from` address (`aws_route_table.private`,
   * `module.net`): what the configuration no longer declares but may still
   * exist (`destroy = false`), so that is the line to point at.
   */
  removed: Map<string, FileBlock>;
  /** The values of its `locals` blocks (the plan does not record them), for the policies that read them. */
  locals: Map<string, HclExpr>;
  /** Its outputs' values, by name: what `module.<call>.<name>` reads (the plan records only their references). */
  outputs: Map<string, HclExpr>;
}

export interface SourceProblem {
  code: 'source-syntax-error' | 'source-module-missing' | 'source-unreadable';
  file: string;
  line?: number;
  message: string;
}

/**
 * Reads a root module and, through `module` blocks whose source is a local
 * path (`./` or `../`), every local module it calls. Each directory, and so
 * each file, is parsed once however many calls share it. Registry and git
 * modules are read where `terraform init` installed them (installed.ts);
 * where it has not, their calls keep no `module`.
 */
export class ModuleLoader {
  private readonly byDir = new Map<string, ModuleSource>();
  /** Where `terraform init` installed each module call, by its key (`vpc`, `vpc.endpoints`); read with the root. */
  private installedDirs = new Map<string, string>();
  readonly problems: SourceProblem[] = [];
  /** Every `vpcelint:` comment read, with its file; `orphan` when it belongs to no block. */
  readonly directives: { file: string; line: number; text: string; orphan: boolean }[] = [];
  /** Number of `.tf` files parsed. */
  filesParsed = 0;
  /** The root module's directory: `path.root`. */
  private root: string | undefined;
  private readonly templates: TemplateReader;

  constructor(private readonly parser: Parser) {
    this.templates = new TemplateReader(parser);
  }

  /** The root module (or, inside, the module of that call `key` with `installed` files). */
  load(dir: string, key = '', installed = false): ModuleSource {
    const real = realpathSync(dir);
    const cached = this.byDir.get(real);
    if (cached) return cached;
    if (key === '' && this.byDir.size === 0) {
      this.installedDirs = installedModuleDirs(real);
      this.root = real;
    }
    const mod: ModuleSource = { dir: real, installed, resources: new Map(), calls: new Map(), removed: new Map(), locals: new Map(), outputs: new Map() };
    // Registered before its calls are followed, so a module calling itself ends instead of recursing.
    this.byDir.set(real, mod);
    const pending: [string, FileBlock][] = [];
    for (const file of tfFiles(real)) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        this.problems.push({ code: 'source-unreadable', file, message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
        continue;
      }
      const parsed = parseHcl(this.parser, text);
      this.filesParsed++;
      // `templatefile(` and `file(` alike.
      if (text.includes('file(')) this.readFiles(parsed, { module: real, root: this.root ?? real });
      if (parsed.errorLines.length > 0) {
        this.problems.push({ code: 'source-syntax-error', file, line: parsed.errorLines[0]!, message: 'HCL syntax error; blocks near it may be missing from the source map' });
      }
      // `vpcelint:` comments are the repository's; an installed module's are its authors', about their own code.
      if (!installed) for (const d of parsed.orphanDirectives) this.directives.push({ file, ...d, orphan: true });
      for (const [name, expr] of parsed.locals) if (!mod.locals.has(name)) mod.locals.set(name, expr);
      for (const block of parsed.blocks) {
        if (!installed) for (const d of block.directives) this.directives.push({ file, ...d, orphan: false });
        const at = { file, block };
        if ((block.type === 'resource' || block.type === 'data') && block.labels.length === 2) {
          const key = `${block.type === 'data' ? 'data.' : ''}${block.labels[0]}.${block.labels[1]}`;
          if (!mod.resources.has(key)) mod.resources.set(key, at);
        } else if (block.type === 'output' && block.labels.length === 1 && block.value && !mod.outputs.has(block.labels[0]!)) {
          mod.outputs.set(block.labels[0]!, block.value);
        } else if (block.type === 'removed' && block.from !== undefined) {
          if (!mod.removed.has(block.from)) mod.removed.set(block.from, at);
        } else if (block.type === 'module' && block.labels.length === 1 && !mod.calls.has(block.labels[0]!)) {
          const call: ModuleCallSource = { call: at };
          mod.calls.set(block.labels[0]!, call);
          pending.push([block.labels[0]!, at]);
        }
      }
    }
    for (const [name, at] of pending) {
      const childKey = key === '' ? name : `${key}.${name}`;
      if (!isLocalSource(at.block.source)) {
        const installedDir = this.installedDirs.get(childKey);
        // Read only when a policy or link inside it needs its source: a repository may install far more than that.
        if (installedDir !== undefined && isDirectory(installedDir)) mod.calls.get(name)!.installed = { dir: installedDir, key: childKey };
        continue;
      }
      const childDir = resolve(real, at.block.source!);
      if (!isDirectory(childDir)) {
        this.problems.push({ code: 'source-module-missing', file: at.file, line: at.block.startLine, message: `module "${name}" has source ${JSON.stringify(at.block.source)}, which is not a directory` });
        continue;
      }
      mod.calls.get(name)!.module = this.load(childDir, childKey, installed);
    }
    return mod;
  }

  /** The files the file's expressions read with `templatefile()` and `file()`: the evaluator reads no files. */
  private readFiles(parsed: HclFile, dirs: ModuleDirs): void {
    const expressions = [
      ...parsed.locals.map(([, e]) => e),
      ...parsed.blocks.flatMap((b) => [...(b.expressions ?? []).map((e) => e.expr), ...(b.arguments ?? []).map(([, e]) => e), ...(b.value ? [b.value] : [])]),
    ];
    for (const e of expressions) this.templates.resolveIn(e, dirs);
  }

  /** The module an installed call names, read now if it was not. */
  loadInstalled(call: ModuleCallSource): ModuleSource | undefined {
    if (!call.module && call.installed) call.module = this.load(call.installed.dir, call.installed.key, true);
    return call.module;
  }
}

