import type { Node } from 'web-tree-sitter';
import type { HclExpr } from './expression.js';
import { named, unsupported } from './hcl-nodes.js';

/** Reads an `expression` node (expression.ts, passed in so that the two modules do not import each other). */
type Read = (node: Node) => HclExpr;

type Unsupported = Extract<HclExpr, { t: 'unsupported' }>;

/** A template's content in order: literal text, and interpolations and directives with their strip markers (`~`). */
type Item = { literal: string } | { expr: HclExpr; stripBefore: boolean; stripAfter: boolean };

interface Reading {
  text: string;
  heredoc: boolean;
  read: Read;
}

/**
 * A quoted or heredoc template: literal text between the delimiters,
 * interpolations as expressions, and directives as the expressions they
 * amount to: `%{ if c }a%{ else }b%{ endif }` a conditional of two templates,
 * `%{ for v in c }body%{ endfor }` the join of a `for` over the body. Strip
 * markers (`~`) trim the whitespace beside them, as Terraform does.
 */
export function templateOf(node: Node, text: string, read: Read): HclExpr {
  const heredoc = node.type === 'heredoc_template';
  const children = named(node);
  let start: number;
  let end: number;
  if (heredoc) {
    const ids = children.filter((n) => n.type === 'heredoc_identifier');
    if (ids.length < 2) return unsupported(node, 'a heredoc');
    start = text.indexOf('\n', ids[0]!.endIndex) + 1;
    end = ids[ids.length - 1]!.startIndex;
    if (start <= 0 || start > end) return unsupported(node, 'a heredoc');
  } else {
    start = node.startIndex + 1;
    end = node.endIndex - 1;
  }
  const flush = heredoc && children[0]?.text.startsWith('<<-');
  // An indented heredoc's indentation is its lines', which directives would split: not read.
  if (flush && children.some((c) => c.type === 'template_directive')) return unsupported(node, 'a template directive (%{ }) in an indented heredoc (<<-)');
  const content = itemsOf(children, start, end, { text, heredoc, read });
  if ('t' in content) return content;
  const parts = partsOf(content);
  return flush ? stripIndent(parts) : { t: 'template', parts };
}

/** The content between two offsets: the literal text around the interpolations and directives among `nodes`. */
function itemsOf(nodes: readonly Node[], start: number, end: number, r: Reading): Item[] | Unsupported {
  const out: Item[] = [];
  let at = start;
  for (const n of nodes) {
    if ((n.type !== 'template_interpolation' && n.type !== 'template_directive') || n.startIndex < start || n.endIndex > end) continue;
    const literal = literalText(r.text.slice(at, n.startIndex), r.heredoc);
    if (literal === undefined) return unsupported(n, 'a string with an escape vpcelint does not read');
    out.push({ literal });
    const item = n.type === 'template_interpolation' ? interpolation(n, r) : directive(n, r);
    if ('t' in item) return item;
    out.push(item);
    at = n.endIndex;
  }
  const tail = literalText(r.text.slice(at, end), r.heredoc);
  if (tail === undefined) return unsupported(nodes[0] ?? null, 'a string with an escape vpcelint does not read');
  out.push({ literal: tail });
  return out;
}

function interpolation(n: Node, r: Reading): Item | Unsupported {
  const inner = named(n).find((c) => c.type === 'expression');
  if (!inner) return unsupported(n, 'an interpolation');
  return { expr: r.read(inner), stripBefore: n.text.startsWith('${~'), stripAfter: n.text.endsWith('~}') };
}

function directive(n: Node, r: Reading): Item | Unsupported {
  const d = named(n)[0];
  const parts = d ? named(d) : [];
  const find = (type: string) => parts.find((p) => p.type === type);
  // The content between two of the directive's markers, trimmed where they say so.
  const body = (from: Node, to: Node): HclExpr => {
    const items = itemsOf(parts, from.endIndex, to.startIndex, r);
    if ('t' in items) return items;
    return { t: 'template', parts: partsOf(items, from.text.endsWith('~}'), to.text.startsWith('%{~')) };
  };
  if (d?.type === 'template_for') {
    const [open, close] = [find('template_for_start'), find('template_for_end')];
    const names = open ? named(open).filter((p) => p.type === 'identifier').map((p) => p.text) : [];
    const collection = open ? named(open).find((p) => p.type === 'expression') : undefined;
    if (!open || !close || !collection || names.length === 0 || names.length > 2) return unsupported(n, 'a template for directive');
    const [first, second] = names as [string, string | undefined];
    const each: HclExpr = {
      t: 'for',
      object: false,
      ...(second !== undefined ? { key: first } : {}),
      value: second ?? first,
      collection: r.read(collection),
      result: body(open, close),
      line: n.startPosition.row + 1,
    };
    return { expr: { t: 'call', name: 'join', args: [{ t: 'literal', value: '' }, each] }, stripBefore: open.text.startsWith('%{~'), stripAfter: close.text.endsWith('~}') };
  }
  if (d?.type === 'template_if') {
    const [open, otherwise, close] = [find('template_if_intro'), find('template_else_intro'), find('template_if_end')];
    const cond = open ? named(open).find((p) => p.type === 'expression') : undefined;
    if (!open || !close || !cond) return unsupported(n, 'a template if directive');
    const then = body(open, otherwise ?? close);
    const alternative: HclExpr = otherwise ? body(otherwise, close) : { t: 'literal', value: '' };
    return { expr: { t: 'conditional', cond: r.read(cond), then, else: alternative }, stripBefore: open.text.startsWith('%{~'), stripAfter: close.text.endsWith('~}') };
  }
  return unsupported(n, 'a template directive (%{ })');
}

/**
 * Template parts from items, each strip marker trimming the literal beside it; `trimStart` and `trimEnd`: the
 * markers of an enclosing directive trimming the first and last literal.
 */
function partsOf(items: Item[], trimStart = false, trimEnd = false): (string | HclExpr)[] {
  const texts = items.map((item) => ('literal' in item ? item.literal : undefined));
  items.forEach((item, i) => {
    if ('literal' in item) return;
    if (item.stripBefore && texts[i - 1] !== undefined) texts[i - 1] = stripEnd(texts[i - 1]!);
    if (item.stripAfter && texts[i + 1] !== undefined) texts[i + 1] = stripStart(texts[i + 1]!);
  });
  if (trimStart && texts[0] !== undefined) texts[0] = stripStart(texts[0]);
  const last = texts.length - 1;
  if (trimEnd && texts[last] !== undefined) texts[last] = stripEnd(texts[last]!);
  return items.flatMap((item, i): (string | HclExpr)[] => ('literal' in item ? (texts[i] ? [texts[i]!] : []) : [item.expr]));
}

/*
 * A strip marker trims the whitespace of the literal token beside it, and HCL cuts a template's literal text
 * into a token per line (with its newline): `~}` trims the rest of its line, and the next line's indentation
 * stays; `%{~` trims the line it ends, back to the previous newline (checked against `terraform console`).
 */
function stripStart(s: string): string {
  const nl = s.indexOf('\n');
  return nl === -1 ? s.trimStart() : s.slice(0, nl + 1).trimStart() + s.slice(nl + 1);
}

function stripEnd(s: string): string {
  const cut = (s.endsWith('\n') ? s.slice(0, -1) : s).lastIndexOf('\n') + 1;
  return s.slice(0, cut) + s.slice(cut).trimEnd();
}

/** Literal template text, its escapes read: a heredoc has only `$${` and `%%{`. */
function literalText(raw: string, heredoc: boolean): string | undefined {
  return heredoc ? raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : unescapeQuoted(raw);
}

/** `<<-EOT`: the smallest indentation of the lines is removed from each (Terraform's flush heredoc). */
function stripIndent(parts: (string | HclExpr)[]): HclExpr {
  const literal = parts.filter((p): p is string => typeof p === 'string').join('\u0000');
  const indents = literal.split('\n').filter((line, i) => i === 0 || line.trim() !== '').map((line) => /^[ \t]*/.exec(line)![0].length);
  const cut = Math.min(...indents);
  if (!Number.isFinite(cut) || cut === 0) return { t: 'template', parts };
  const strip = (s: string, first: boolean) => s.replace(/\n[ \t]*/g, (m) => `\n${m.slice(1 + Math.min(cut, m.length - 1))}`).replace(first ? /^[ \t]*/ : /^$/, (m) => m.slice(Math.min(cut, m.length)));
  return { t: 'template', parts: parts.map((p, i) => (typeof p === 'string' ? strip(p, i === 0) : p)) };
}

/** HCL's escapes in quoted strings; undefined for one it does not define. */
export function unescapeQuoted(s: string): string | undefined {
  let bad = false;
  const out = s.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/g, (m, esc: string | undefined) => {
    if (m === '$${') return '${';
    if (m === '%%{') return '%{';
    switch (esc![0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case '"': return '"';
      case '\\': return '\\';
      case 'u':
      case 'U': return String.fromCodePoint(parseInt(esc!.slice(1), 16));
      default:
        bad = true;
        return m;
    }
  });
  return bad ? undefined : out;
}
