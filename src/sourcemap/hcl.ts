import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, type Node, type Point, type TreeCursor } from 'web-tree-sitter';
import { blockSourceExpressions, readsSourceExpressions } from './block-expressions.js';
import { attributeExpressions, type BlockExpression, type HclExpr } from './expression.js';

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
  /** The address in `from = ...` (removed blocks only): `aws_route_table.private`, `module.net`. */
  from?: string;
  /** `vpcelint:` comments inside the block or on the comment lines right above it. */
  directives: HclDirective[];
  /** The expressions a plan may need the structure of: policies, an endpoint's links (expression.ts). */
  expressions?: BlockExpression[];
  /** A module call's arguments (module blocks only): the structure of the values its input variables get. */
  arguments?: [string, HclExpr][];
  /** An output's value (output blocks only): the structure of what `module.<call>.<name>` reads. */
  value?: HclExpr;
}

export interface HclFile {
  blocks: HclBlock[];
  /** `vpcelint:` comments that belong to no block (outside every block, and not right above one). */
  orphanDirectives: HclDirective[];
  /** First line of each syntax error; the rest of the file is still used. */
  errorLines: number[];
  /** The values of its `locals` blocks, which the plan does not record. */
  locals: [string, HclExpr][];
}

let parserPromise: Promise<Parser> | undefined;

/**
 * Has V8 compile WebAssembly with its baseline compiler only, for the whole
 * process, from now on. By default the lexer and parser functions that get hot
 * are recompiled by the optimizing compiler on background threads, and Node
 * waits for those compilations before the process exits: 70 to 100 ms on a
 * repository of a few dozen blocks, more than the parse itself. The optimized
 * code pays off only from about 400 blocks (90 KB of .tf) up; below that it
 * is pure waiting, above it the baseline code parses up to 40 % slower. Call
 * it before the parser is first loaded, when the files to read are few
 * (load.ts). A worker thread shares the process's flags.
 */
export function compileWasmForQuickExit(): void {
  if (parserPromise) return; // too late: the wasm is compiled already
  try {
    setFlagsFromString('--liftoff-only');
  } catch {
    // A runtime that refuses flags parses as before.
  }
}

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
  if (!tree) return { blocks: [], orphanDirectives: [], errorLines: [1], locals: [] };
  try {
    const root = tree.rootNode;
    const locals: [string, HclExpr][] = [];
    const blocks = topLevelBlocks(tree.walk(), text, locals);
    const orphanDirectives = text.includes('vpcelint:') ? attachDirectives(root, text, blocks) : [];
    return { blocks, orphanDirectives, errorLines: root.hasError ? errorLines(root) : [], locals };
  } finally {
    tree.delete();
  }
}

/**
 * The blocks directly in the file's body, walked with one cursor: far fewer
 * calls into the wasm runtime than a Node per child, which matters on
 * repositories with tens of thousands of blocks.
 */
function topLevelBlocks(cursor: TreeCursor, text: string, locals: [string, HclExpr][]): HclBlock[] {
  const blocks: HclBlock[] = [];
  try {
    if (!cursor.gotoFirstChild()) return blocks;
    do {
      if (typeAt(cursor) !== 'body') continue;
      if (cursor.gotoFirstChild()) {
        do {
          if (typeAt(cursor) !== 'block') continue;
          const block = readBlock(cursor);
          blocks.push(block);
          // Only the few blocks a policy may need are read into expressions: a Node each, on top of the cursor's walk.
          if (block.type === 'locals') locals.push(...attributeExpressions(cursor.currentNode, text));
          else if (block.type === 'module') block.arguments = attributeExpressions(cursor.currentNode, text);
          else if (block.type === 'output') {
            const value = attributeExpressions(cursor.currentNode, text).find(([name]) => name === 'value')?.[1];
            if (value) block.value = value;
          }
          else if (readsSourceExpressions(block)) {
            // A for_each alone is nothing to evaluate: only blocks with an expression of their own keep it.
            const expressions = blockSourceExpressions(cursor.currentNode, text, block.type, block.labels);
            if (expressions.some((p) => p.path[0] !== 'for_each')) block.expressions = expressions;
          }
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
    } while (cursor.gotoNextSibling());
    return blocks;
  } finally {
    cursor.delete();
  }
}

/** Reads the block under the cursor and leaves the cursor on it. */
function readBlock(cursor: TreeCursor): HclBlock {
  const range = cursorLines(cursor);
  let type = '';
  const labels: string[] = [];
  const children: HclChild[] = [];
  let source: string | undefined;
  let from: string | undefined;
  if (cursor.gotoFirstChild()) {
    do {
      switch (typeAt(cursor)) {
        case 'identifier':
          if (type === '') type = cursor.nodeText;
          else labels.push(cursor.nodeText);
          break;
        case 'string_lit':
          labels.push(unquote(cursor.nodeText) ?? cursor.nodeText);
          break;
        case 'body':
          if (cursor.gotoFirstChild()) {
            do {
              const kind = typeAt(cursor);
              if (kind !== 'attribute' && kind !== 'block') continue;
              const lines = cursorLines(cursor);
              cursor.gotoFirstChild();
              const name = cursor.nodeText;
              if (type === 'module' && kind === 'attribute' && name === 'source') source = attributeString(cursor);
              if (type === 'removed' && kind === 'attribute' && name === 'from') from = attributeExpression(cursor)?.replace(/\s+/g, '');
              cursor.gotoParent();
              children.push({ name, kind, ...lines });
            } while (cursor.gotoNextSibling());
            cursor.gotoParent();
          }
          break;
      }
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  return { type, labels, ...range, children, ...(source !== undefined ? { source } : {}), ...(from !== undefined ? { from } : {}), directives: [] };
}

/** With the cursor on an attribute's name: the value when it is one plain string (`source = "./x"`), else undefined. */
function attributeString(cursor: TreeCursor): string | undefined {
  const text = attributeExpression(cursor);
  return text === undefined ? undefined : unquote(text);
}

/** With the cursor on an attribute's name: the text of its value expression. */
function attributeExpression(cursor: TreeCursor): string | undefined {
  let value: string | undefined;
  while (cursor.gotoNextSibling()) if (typeAt(cursor) === 'expression') value = cursor.nodeText.trim();
  return value;
}

/** The text of a quoted string without interpolation or escapes, else undefined. */
function unquote(text: string): string | undefined {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return undefined;
  const inner = text.slice(1, -1);
  return /["\\]|\$\{|%\{/.test(inner) ? undefined : inner;
}

/** The cursor's node type; a call, so TypeScript does not carry a narrowing across cursor moves. */
function typeAt(cursor: TreeCursor): string {
  return cursor.nodeType;
}

function cursorLines(cursor: TreeCursor): LineRange {
  return toLines(cursor.startPosition, cursor.endPosition);
}

function lines(node: Node): LineRange {
  return toLines(node.startPosition, node.endPosition);
}

function toLines(start: Point, end: Point): LineRange {
  // A node ending at column 0 ends on the previous line (tree-sitter ranges are end-exclusive).
  const last = end.column === 0 && end.row > start.row ? end.row - 1 : end.row;
  return { startLine: start.row + 1, endLine: last + 1 };
}

/**
 * Gives each `vpcelint:` comment to the block it is in, or to the block right
 * below it when only comment lines stand between them (a blank line breaks
 * the tie, as with doc comments).
 */
function attachDirectives(root: Node, text: string, blocks: HclBlock[]): HclDirective[] {
  const comments = root.descendantsOfType('comment').filter((n): n is Node => n !== null);
  const orphans: HclDirective[] = [];
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
