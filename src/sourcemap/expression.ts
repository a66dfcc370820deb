import type { Node } from 'web-tree-sitter';
import { named, unsupported } from './hcl-nodes.js';
import { templateOf, unescapeQuoted } from './template-expression.js';

/**
 * One attribute's value expression from a `.tf` file, as a small tree: the
 * shapes a policy is written with (`jsonencode({...})`, a heredoc of JSON)
 * and the references inside them. Whatever else an expression holds
 * (template directives, grouping `for`, computed keys, ...) is
 * `unsupported`, with its line, so the reader can say what it did not
 * follow. The plan keeps only an expression's references, not its structure;
 * this is where the structure comes from.
 */
export type HclExpr =
  | { t: 'literal'; value: string | number | boolean | null }
  /** A quoted or heredoc template: literal text and interpolations, in order. */
  | { t: 'template'; parts: (string | HclExpr)[] }
  /** `aws_s3_bucket.data.arn`, `var.x`, `aws_vpc_endpoint.s3[0].id`, `aws_s3_bucket.x[count.index].arn`. */
  | { t: 'traversal'; root: string; steps: TraversalStep[]; text: string }
  /**
   * `aws_s3_bucket.team[*].arn`, `var.list.*.id`, `values(module.x.endpoints)[*].id`: the steps after the splat
   * (`each`) taken on every element of `base`.
   */
  | { t: 'splat'; base: HclExpr; each: TraversalStep[]; text: string }
  /** Steps after a term that is no name: `concat(a, [""])[0]`, `(x).id`. */
  | { t: 'access'; base: HclExpr; steps: TraversalStep[]; text: string }
  | { t: 'tuple'; items: HclExpr[] }
  | { t: 'object'; items: { key: string; value: HclExpr }[] }
  /** `templateFile`: for `templatefile(path, vars)` and `file(path)`, the file the path names, read when the module was (templates.ts). */
  | { t: 'call'; name: string; args: HclExpr[]; templateFile?: TemplateFile }
  | { t: 'conditional'; cond: HclExpr; then: HclExpr; else: HclExpr }
  /** `!a`, `-a`, `a == b`, `a && b`, `a > b`, `a + b`, ... */
  | { t: 'operation'; op: string; args: HclExpr[] }
  /**
   * `[for v in c : r if cond]`, `{for k, v in c : rk => r}`: `key` is the first name when there are two.
   * `iterator`: a `dynamic` block's expansion (block-expressions.ts), where `value` names an object of the
   * element's `key` and `value`, as the block's iterator does.
   */
  | { t: 'for'; object: boolean; key?: string; value: string; collection: HclExpr; result: HclExpr; resultKey?: HclExpr; cond?: HclExpr; iterator?: true; line: number }
  | { t: 'unsupported'; what: string; line: number };

/** The file a `templatefile()` call reads, as a template expression, or a `file()` call, as its text; or why it was not read. */
export type TemplateFile = { file: string; template: HclExpr } | { file: string; text: string } | { unread: string };

/** An attribute's expression in the `.tf` source, and where it is (`main.tf:12`), for messages. */
export interface SourceExpression {
  expr: HclExpr;
  where: string;
  /** The `locals` of its module, when the expression reads one (the plan does not record them). */
  locals?: ReadonlyMap<string, HclExpr>;
  /** The module calls on the way to its block, the root's first: what its input variables are set to. */
  callers?: CallSite[];
  /** Its block's `for_each`: what `each.value` is an element of, and where it is. */
  forEach?: { expr: HclExpr; where: string };
  /** The modules from the root to its block's, with what they write: for `module.<call>.<output>` read anywhere on the way. */
  modulePath?: ModuleValues[];
}

/**
 * What a module writes that the plan records only by references: its
 * locals, its outputs' values, and the calls it makes (with what they call).
 * A tree, possibly with cycles (a module may call itself): it crosses threads
 * as it is.
 */
export interface ModuleValues {
  locals: ReadonlyMap<string, HclExpr>;
  outputs: ReadonlyMap<string, HclExpr>;
  calls: ReadonlyMap<string, { site: CallSite; module?: ModuleValues }>;
}

/**
 * A `module` block, as the values of the called module's input variables:
 * the plan records each argument's references, not its structure (`[x]` and
 * `x` are alike there).
 */
export interface CallSite {
  /** By name; `for_each` among them. */
  arguments: ReadonlyMap<string, HclExpr>;
  /** The locals of the module the call is written in. */
  locals: ReadonlyMap<string, HclExpr>;
  /** `main.tf:12`, for messages. */
  where: string;
}

export type TraversalStep = { attr: string } | { index: string | number } | { index: HclExpr };

/**
 * Where an attribute is inside a top-level block: its name, after the nested
 * blocks on the way, each by name and index among the static blocks of that
 * name (`['statement', 1, 'resources']`: `resources` of the second
 * `statement` block; `dynamic` blocks are not counted).
 */
export type AttributePath = readonly (string | number)[];

/** An attribute a plan needs the source expression of: the resource's address and the attribute's path in its block. */
export interface WantedExpression {
  address: string;
  path: AttributePath;
}

/** An expression of a block the plan may need the structure of, by its path in the block. */
export interface BlockExpression {
  path: AttributePath;
  expr: HclExpr;
}

/** The values of a top-level block's attributes, by name: a `locals` block's locals, a module call's arguments. */
export function attributeExpressions(block: Node, text: string): [string, HclExpr][] {
  const out: [string, HclExpr][] = [];
  for (const attr of childrenOf(block) ?? []) {
    const value = attr.type === 'attribute' ? attr.namedChildren.find((n): n is Node => n?.type === 'expression') : undefined;
    if (value) out.push([attr.namedChildren[0]!.text, expression(value, text)]);
  }
  return out;
}

/** The `expression` node of the attribute at `path` inside a block. */
export function attributeIn(block: Node, path: AttributePath): Node | undefined {
  let here: Node | undefined = block;
  for (let i = 0; i < path.length - 1; i += 2) {
    const [name, index] = [path[i], path[i + 1]];
    if (typeof name !== 'string' || typeof index !== 'number') return undefined;
    here = childrenOf(here)?.filter((n) => n.type === 'block' && n.namedChildren[0]?.text === name)[index];
    if (!here) return undefined;
  }
  const name = path[path.length - 1];
  const attr = childrenOf(here)?.find((n) => n.type === 'attribute' && n.namedChildren[0]?.text === name);
  return attr?.namedChildren.find((n): n is Node => n?.type === 'expression');
}

export function childrenOf(block: Node | undefined): Node[] | undefined {
  return block?.namedChildren.find((n) => n?.type === 'body')?.namedChildren.filter((n): n is Node => n !== null);
}

/** An `expression` node (or one of the terms it wraps). */
export function expression(node: Node, text: string): HclExpr {
  const parts = named(node);
  switch (node.type) {
    case 'expression':
    case 'expr_term':
      if (parts[0]?.type === 'variable_expr') return traversal(node, parts, text);
      if (parts.length === 1) return expression(parts[0]!, text);
      return access(node, parts, text);
    case 'literal_value':
      return literal(parts[0]!);
    case 'template_expr':
      return templateOf(parts[0]!, text, (n) => expression(n, text));
    case 'collection_value':
      return expression(parts[0]!, text);
    case 'tuple':
      return { t: 'tuple', items: parts.filter((n) => n.type === 'expression').map((n) => expression(n, text)) };
    case 'object':
      return object(parts, text);
    case 'function_call': {
      const args = parts.find((n) => n.type === 'function_arguments');
      const list = args ? named(args) : [];
      if (list.some((n) => n.type === 'ellipsis')) return unsupported(node, 'an expanded argument (...)');
      return { t: 'call', name: parts[0]!.text, args: list.filter((n) => n.type === 'expression').map((n) => expression(n, text)) };
    }
    case 'variable_expr':
      return traversal(node, [node], text);
    case 'conditional': {
      const [cond, then, otherwise] = parts.filter((n) => n.type === 'expression');
      if (!cond || !then || !otherwise) return unsupported(node, describe(node));
      return { t: 'conditional', cond: expression(cond, text), then: expression(then, text), else: expression(otherwise, text) };
    }
    case 'for_expr':
      return forExpression(parts[0]!, text);
    case 'operation':
      return operation(parts[0]!, text);
    default:
      return unsupported(node, describe(node));
  }
}

/** A unary or binary operation: its operands are the terms on either side of the operator. */
function operation(node: Node, text: string): HclExpr {
  const children = node.children.filter((n): n is Node => n !== null && n.type !== 'comment');
  const at = children.findIndex((n) => !n.isNamed && OPERATORS.has(n.type));
  if (at === -1) return unsupported(node, 'an operator');
  const op = children[at]!.text;
  const sides = node.type === 'unary_operation' ? [children.slice(at + 1)] : [children.slice(0, at), children.slice(at + 1)];
  if (sides.some((side) => side.length === 0)) return unsupported(node, 'an operator');
  return { t: 'operation', op, args: sides.map((side) => operand(side, text)) };
}

const OPERATORS = new Set(['!', '-', '==', '!=', '<', '>', '<=', '>=', '+', '*', '/', '%', '&&', '||']);

/** An operand: one term, a parenthesized expression, or a traversal written as a root and its steps. */
function operand(nodes: Node[], text: string): HclExpr {
  if (nodes[0]!.type === 'variable_expr') return traversal(nodes[0]!, nodes, text, nodes[nodes.length - 1]!.endIndex);
  if (nodes.length === 3 && nodes[0]!.type === '(' && nodes[2]!.type === ')') return expression(nodes[1]!, text);
  if (nodes.length !== 1) return unsupported(nodes[0]!, describe(nodes[1]!));
  return nodes[0]!.type === 'operation' ? operation(named(nodes[0]!)[0]!, text) : expression(nodes[0]!, text);
}

/** A `for_tuple_expr` or `for_object_expr`. */
function forExpression(node: Node, text: string): HclExpr {
  const parts = named(node);
  const intro = parts.find((n) => n.type === 'for_intro');
  const names = intro ? named(intro).filter((n) => n.type === 'identifier').map((n) => n.text) : [];
  const collection = intro ? named(intro).find((n) => n.type === 'expression') : undefined;
  const results = parts.filter((n) => n.type === 'expression');
  const cond = parts.find((n) => n.type === 'for_cond');
  const condExpr = cond ? named(cond).find((n) => n.type === 'expression') : undefined;
  const object = node.type === 'for_object_expr';
  // `...` after an object for's value groups results by key: not a policy's shape.
  if (!collection || names.length === 0 || names.length > 2 || results.length !== (object ? 2 : 1) || node.children.some((c) => c?.type === 'ellipsis')) return unsupported(node, 'a for expression');
  const [first, second] = names as [string, string | undefined];
  return {
    t: 'for',
    object,
    ...(second !== undefined ? { key: first } : {}),
    value: second ?? first,
    collection: expression(collection, text),
    ...(object ? { resultKey: expression(results[0]!, text), result: expression(results[1]!, text) } : { result: expression(results[0]!, text) }),
    ...(condExpr ? { cond: expression(condExpr, text) } : {}),
    line: node.startPosition.row + 1,
  };
}

function describe(node: Node): string {
  const what: Record<string, string> = {
    conditional: 'a conditional (? :)',
    for_expr: 'a for expression',
    operation: 'an operator',
    splat: 'a splat ([*])',
    template_directive: 'a template directive (%{ })',
    heredoc_template: 'a heredoc',
  };
  return what[node.type] ?? `a ${node.type.replace(/_/g, ' ')}`;
}

function literal(node: Node): HclExpr {
  switch (node.type) {
    case 'numeric_lit':
      return { t: 'literal', value: Number(node.text) };
    case 'bool_lit':
      return { t: 'literal', value: node.text === 'true' };
    case 'null_lit':
      return { t: 'literal', value: null };
    case 'string_lit': {
      // The text between the quotes: the grammar's literal tokens leave out the spaces at either end.
      const body = node.text.slice(1, -1);
      const value = unescapeQuoted(body);
      return value === undefined ? unsupported(node, 'a string with an escape vpcelint does not read') : { t: 'literal', value };
    }
    default:
      return unsupported(node, describe(node));
  }
}

/** `name.attr[0]["k"].attr`, `x[count.index]`: a root and its steps; anything else on the way is unsupported. */
function traversal(node: Node, parts: Node[], text: string, end = node.endIndex): HclExpr {
  const splat = splatAfter(node, parts, text, end, (before, at) => traversal(node, before, text, at));
  if (splat) return splat;
  const steps = stepsOf(parts.slice(1), text);
  if (!Array.isArray(steps)) return steps;
  return { t: 'traversal', root: parts[0]!.text, steps, text: text.slice(node.startIndex, end).replace(/\s+/g, '') };
}

/** A term that is no name followed by attribute or index steps, and at most one splat, last (`values(x)[*].id`). */
function access(node: Node, parts: Node[], text: string, end = node.endIndex): HclExpr {
  const splat = splatAfter(node, parts, text, end, (before, at) => (before.length === 1 ? expression(before[0]!, text) : access(node, before, text, at)));
  if (splat) return splat;
  const steps = stepsOf(parts.slice(1), text);
  if (!Array.isArray(steps)) return steps;
  return { t: 'access', base: expression(parts[0]!, text), steps, text: text.slice(node.startIndex, end).replace(/\s+/g, '') };
}

/**
 * The splat among the parts after a term (`x[*].id`, `values(x)[*].id`), its base made by `baseOf` from the parts
 * before it (ending where the splat starts); undefined when there is none. A splat must be the last part: its own
 * children are the steps taken on each element, so a second one is within it, which is not read.
 */
function splatAfter(node: Node, parts: Node[], text: string, end: number, baseOf: (before: Node[], at: number) => HclExpr): HclExpr | undefined {
  const rest = parts.slice(1);
  const at = rest.findIndex((p) => p.type === 'splat');
  if (at === -1) return undefined;
  const kind = named(rest[at]!)[0];
  if (at !== rest.length - 1 || !kind) return unsupported(rest[at]!, describe(rest[at]!));
  const base = baseOf(parts.slice(0, at + 1), rest[at]!.startIndex);
  if (base.t === 'unsupported') return base;
  const each = stepsOf(named(kind), text);
  if (!Array.isArray(each)) return each;
  return { t: 'splat', base, each, text: text.slice(node.startIndex, end).replace(/\s+/g, '') };
}

/** Attribute and index steps; the first that is neither, as unsupported. */
function stepsOf(parts: readonly Node[], text: string): TraversalStep[] | Extract<HclExpr, { t: 'unsupported' }> {
  const steps: TraversalStep[] = [];
  for (const part of parts) {
    const step = stepOf(part, text);
    if ('t' in step) return step;
    steps.push(step);
  }
  return steps;
}

/** `.name`, `[key]` or `.0`: one step of a traversal; unsupported for anything else. */
function stepOf(part: Node, text: string): TraversalStep | Extract<HclExpr, { t: 'unsupported' }> {
  if (part.type === 'get_attr') return { attr: named(part).find((n) => n.type === 'identifier')!.text };
  if (part.type !== 'index') return { t: 'unsupported', what: describe(part), line: part.startPosition.row + 1 };
  const inner = named(part)[0];
  if (inner?.type === 'legacy_index') return { index: Number(inner.text.replace(/^\./, '')) };
  const expr = inner ? named(inner).find((n) => n.type === 'expression') : undefined;
  if (!expr) return { t: 'unsupported', what: 'an index', line: part.startPosition.row + 1 };
  const key = expression(expr, text);
  return key.t === 'literal' && (typeof key.value === 'string' || typeof key.value === 'number') ? { index: key.value } : { index: key };
}

function object(parts: Node[], text: string): HclExpr {
  const items: { key: string; value: HclExpr }[] = [];
  for (const elem of parts.filter((n) => n.type === 'object_elem')) {
    const [k, v] = named(elem).filter((n) => n.type === 'expression');
    if (!k || !v) return unsupported(elem, 'an object element');
    // A bare word is the key itself (`Effect = ...`); a string is its value; anything else is computed.
    const bare = named(k);
    let key: string | undefined;
    if (bare.length === 1 && bare[0]!.type === 'variable_expr') key = bare[0]!.text;
    else {
      const e = expression(k, text);
      if (e.t === 'literal' && typeof e.value === 'string') key = e.value;
    }
    if (key === undefined) return unsupported(k, 'a computed object key');
    items.push({ key, value: expression(v, text) });
  }
  return { t: 'object', items };
}
