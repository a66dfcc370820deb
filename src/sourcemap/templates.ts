import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Parser } from 'web-tree-sitter';
import type { HclExpr, TemplateFile, TraversalStep } from './expression.js';
import { parseHcl } from './hcl.js';

/** Where a module's paths lead: `path.module` and `path.root` (which relative paths are also read from). */
export interface ModuleDirs {
  module: string;
  root: string;
}

/** Larger templates are not read: a policy is at most 20 KB, and a template is read whole. */
const MAX_TEMPLATE_BYTES = 1 << 20;

/**
 * The files `templatefile()` and `file()` calls read (a policy kept in its own file,
 * `templatefile("${path.module}/policy.json.tftpl", { vpce = ... })`), read
 * with the module that calls them: the plan keeps only the call's references,
 * and the evaluator reads no files. A template is read only from a path that
 * is written out (`path.module`, `path.root` and literal text) and lies inside
 * the calling module's directory or the root module's, as a file Terraform
 * reads; anything else is left unread, saying why.
 */
export class TemplateReader {
  private readonly byFile = new Map<string, TemplateFile>();

  constructor(private readonly parser: Parser) {}

  /** Gives every `templatefile()` and `file()` call in the expression its file (in place: the tree is this module's own). */
  resolveIn(expr: HclExpr, dirs: ModuleDirs): void {
    for (const call of fileCalls(expr)) call.templateFile = this.fileAt(call.args[0], dirs, call.name === 'templatefile');
  }

  private fileAt(path: HclExpr | undefined, dirs: ModuleDirs, template: boolean): TemplateFile {
    const written = path ? writtenPath(path, dirs) : undefined;
    if (written === undefined) return { unread: 'on a path that is not written out (only path.module, path.root and literal text are read)' };
    let real: string;
    try {
      real = realpathSync(isAbsolute(written) ? written : resolve(dirs.root, written));
    } catch {
      return { unread: `on ${written}, which is not there` };
    }
    if (!within(real, dirs.module) && !within(real, dirs.root)) return { unread: `on ${written}, outside the module and the root module` };
    const key = `${template ? 'template' : 'file'}\u0000${real}`;
    let found = this.byFile.get(key);
    if (!found) this.byFile.set(key, (found = this.read(real, relative(dirs.root, real) || real, template)));
    return found;
  }

  private read(real: string, name: string, asTemplate: boolean): TemplateFile {
    let raw: string;
    try {
      if (statSync(real).size > MAX_TEMPLATE_BYTES) return { unread: `on ${name}, larger than vpcelint reads` };
      raw = readFileSync(real, 'utf8');
    } catch (err) {
      return { unread: `on ${name}, which cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    }
    // file() gives the text as it is.
    if (!asTemplate) return { file: name, text: raw };
    const text = raw.replace(/\r\n/g, '\n');
    // A template file is a heredoc's body: parsed as one, with a delimiter the text does not hold.
    let end = 'VPCELINT_TEMPLATE';
    while (text.includes(end)) end += '_';
    const body = text.endsWith('\n') ? text : `${text}\n`;
    const parsed = parseHcl(this.parser, `locals {\n  template = <<${end}\n${body}${end}\n}\n`);
    const [local] = parsed.locals;
    // What the parser recovered from an error is not the template Terraform rendered.
    if (!local || parsed.errorLines.length > 0) return { unread: `on ${name}, which does not parse as a template` };
    const template = inFile(local[1], name);
    // The newline the heredoc needed before its delimiter is not the file's.
    if (body !== text && template.t === 'template' && typeof template.parts.at(-1) === 'string') {
      const last = (template.parts.at(-1) as string).replace(/\n$/, '');
      template.parts.splice(-1, 1, ...(last ? [last] : []));
    }
    return { file: name, template };
  }
}

/** `"${path.module}/policy.json"`, `"policy.json"`: the path, when nothing but those is written. */
function writtenPath(e: HclExpr, dirs: ModuleDirs): string | undefined {
  if (e.t === 'literal') return typeof e.value === 'string' ? e.value : undefined;
  if (e.t !== 'template') return undefined;
  let out = '';
  for (const part of e.parts) {
    if (typeof part === 'string') out += part;
    else if (part.t === 'traversal' && part.root === 'path' && part.steps.length === 1 && 'attr' in part.steps[0]!) {
      const attr = part.steps[0].attr;
      if (attr !== 'module' && attr !== 'root' && attr !== 'cwd') return undefined;
      out += attr === 'module' ? dirs.module : dirs.root;
    } else return undefined;
  }
  return out;
}

function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * The template's lines as the file's (its parse starts two lines down), and what it does not follow inside named
 * with the file (the evaluator names it for the template as a whole).
 */
function inFile(e: HclExpr, file: string): HclExpr {
  for (const node of nodesOf(e).slice(1)) {
    if (node.t === 'unsupported') {
      node.line -= 2;
      node.what = `${node.what} in ${file}`;
    } else if (node.t === 'for') node.line -= 2;
  }
  return e;
}

function fileCalls(e: HclExpr): Extract<HclExpr, { t: 'call' }>[] {
  return nodesOf(e).filter((n): n is Extract<HclExpr, { t: 'call' }> => n.t === 'call' && (n.name === 'templatefile' || n.name === 'file'));
}

/** Every node of an expression, itself first. */
function nodesOf(e: HclExpr): HclExpr[] {
  const out: HclExpr[] = [];
  const stack = [e];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    stack.push(...childrenOf(node));
  }
  return out;
}

function childrenOf(e: HclExpr): HclExpr[] {
  const indexes = (steps: readonly TraversalStep[]) => steps.flatMap((s) => ('index' in s && typeof s.index === 'object' ? [s.index] : []));
  switch (e.t) {
    case 'literal':
    case 'unsupported':
      return [];
    case 'template':
      return e.parts.filter((p): p is HclExpr => typeof p !== 'string');
    case 'traversal':
      return indexes(e.steps);
    case 'splat':
      return [e.base, ...indexes(e.each)];
    case 'access':
      return [e.base, ...indexes(e.steps)];
    case 'tuple':
      return e.items;
    case 'object':
      return e.items.map((i) => i.value);
    case 'call':
      return e.args;
    case 'conditional':
      return [e.cond, e.then, e.else];
    case 'operation':
      return e.args;
    case 'for':
      return [e.collection, e.result, ...(e.resultKey ? [e.resultKey] : []), ...(e.cond ? [e.cond] : [])];
  }
}
