import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

/**
 * Terraform files parsed with tree-sitter's HCL grammar (its Terraform
 * dialect, from the wasm the grammar's npm package ships): a real parser, so
 * heredocs, strings and comments that look like blocks never fool it. Each
 * file is parsed once and reduced to the little the source map needs; the
 * tree is freed right away.
 */

/** A line range, 1-based and inclusive. */
export interface LineRange {
  startLine: number;
  endLine: number;
}

/** An attribute (`policy = ...`) or a nested block (`ingress { ... }`) directly inside a top-level block. */
export interface HclChild extends LineRange {
  name: string;
  kind: 'attribute' | 'block';
}

/** A comment that mentions `vpcelint:`; which block it belongs to is decided by the source map. */
export interface HclDirective {
  text: string;
  line: number;
}

/** A top-level block: `resource "aws_vpc" "main" { ... }`, `module "net" { ... }`, ... */
export interface HclBlock extends LineRange {
  type: string;
  labels: string[];
  children: HclChild[];
  /** The value of `source = "..."` when it is a plain string (module blocks only). */
  source?: string;
  /** `vpcelint:` comments inside the block or on the comment lines right above it. */
  directives: HclDirective[];
}

export interface HclFile {
  blocks: HclBlock[];
  /** `vpcelint:` comments that belong to no block (outside every block, and not right above one). */
  orphanDirectives: HclDirective[];
  /** First line of each syntax error; the rest of the file is still used. */
  errorLines: number[];
}

let parserPromise: Promise<Parser> | undefined;

/** The parser, loaded once per process (the wasm runtime and grammar take a few milliseconds to load). */
export function hclParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const grammarDir = dirname(createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json'));
    const language = await Language.load(readFileSync(join(grammarDir, 'tree-sitter-terraform.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export function parseHcl(parser: Parser, text: string): HclFile {
  const tree = parser.parse(text);
  if (!tree) return { blocks: [], orphanDirectives: [], errorLines: [1] };
  try {
    const root = tree.rootNode;
    const blocks: HclBlock[] = [];
    const body = root.namedChildren.find((n) => n?.type === 'body');
    for (const node of body?.namedChildren ?? []) {
      if (node?.type === 'block') blocks.push(topLevelBlock(node));
    }
    const orphanDirectives = attachDirectives(root, text, blocks);
    return { blocks, orphanDirectives, errorLines: root.hasError ? errorLines(root) : [] };
  } finally {
    tree.delete();
  }
}

function topLevelBlock(node: Node): HclBlock {
  const named = node.namedChildren.filter((n): n is Node => n !== null);
  const type = named[0]?.text ?? '';
  const labels: string[] = [];
  const children: HclChild[] = [];
  let source: string | undefined;
  for (const child of named.slice(1)) {
    if (child.type === 'string_lit') labels.push(stringLiteral(child) ?? child.text);
    else if (child.type === 'identifier') labels.push(child.text);
    else if (child.type === 'body') {
      for (const item of child.namedChildren) {
        if (!item || (item.type !== 'attribute' && item.type !== 'block')) continue;
        const name = item.namedChildren[0]?.text ?? '';
        children.push({ name, kind: item.type, ...lines(item) });
        if (type === 'module' && item.type === 'attribute' && name === 'source') source = literalValue(item);
      }
    }
  }
  return { type, labels, ...lines(node), children, ...(source !== undefined ? { source } : {}), directives: [] };
}

/** The text of a string literal without interpolation, else undefined. */
function stringLiteral(node: Node): string | undefined {
  const parts = node.namedChildren.filter((n): n is Node => n !== null && n.type !== 'quoted_template_start' && n.type !== 'quoted_template_end');
  if (parts.length === 0) return '';
  if (parts.length === 1 && parts[0]!.type === 'template_literal') return parts[0]!.text;
  return undefined;
}

/** `name = "text"`: the text, when the expression is one plain string. */
function literalValue(attribute: Node): string | undefined {
  let node: Node | null | undefined = attribute.namedChildren[1];
  while (node && (node.type === 'expression' || node.type === 'literal_value') && node.namedChildCount === 1) node = node.namedChildren[0];
  return node?.type === 'string_lit' ? stringLiteral(node) : undefined;
}

function lines(node: Node): LineRange {
  // A node ending at column 0 ends on the previous line (tree-sitter ranges are end-exclusive).
  const end = node.endPosition.column === 0 && node.endPosition.row > node.startPosition.row ? node.endPosition.row - 1 : node.endPosition.row;
  return { startLine: node.startPosition.row + 1, endLine: end + 1 };
}

/**
 * Gives each `vpcelint:` comment to the block it is in, or to the block right
 * below it when only comment lines stand between them (a blank line breaks
 * the tie, as with doc comments).
 */
function attachDirectives(root: Node, text: string, blocks: HclBlock[]): HclDirective[] {
  const comments = root.descendantsOfType('comment').filter((n): n is Node => n !== null);
  const orphans: HclDirective[] = [];
  if (!comments.some((c) => c.text.includes('vpcelint:'))) return orphans;
  const sourceLines = text.split('\n');
  const commentOnly = new Set<number>();
  for (const c of comments) {
    const r = lines(c);
    const before = sourceLines[r.startLine - 1]?.slice(0, c.startPosition.column) ?? '';
    if (before.trim() === '') for (let l = r.startLine; l <= r.endLine; l++) commentOnly.add(l);
  }
  for (const c of comments) {
    if (!c.text.includes('vpcelint:')) continue;
    const r = lines(c);
    const directive = { text: c.text, line: r.startLine };
    const inside = blocks.find((b) => b.startLine <= r.startLine && r.startLine <= b.endLine);
    if (inside) {
      inside.directives.push(directive);
      continue;
    }
    let line = r.endLine + 1;
    while (commentOnly.has(line)) line++;
    const below = commentOnly.has(r.startLine) ? blocks.find((b) => b.startLine === line) : undefined;
    if (below) below.directives.push(directive);
    else orphans.push(directive);
  }
  return orphans;
}

function errorLines(root: Node): number[] {
  const out: number[] = [];
  for (const n of root.descendantsOfType('ERROR')) if (n) out.push(n.startPosition.row + 1);
  if (out.length === 0) {
    // Missing tokens (an unclosed brace) are not ERROR nodes; find the first by walking.
    const stack: Node[] = [root];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.isMissing) {
        out.push(n.startPosition.row + 1);
        break;
      }
      if (n.hasError) for (const c of n.children) if (c) stack.push(c);
    }
  }
  return out.length > 0 ? out : [1];
}
