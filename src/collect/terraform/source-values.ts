import { isUnknown } from '../../model/unknown.js';
import type { CallSite, HclExpr, SourceExpression, TraversalStep } from '../../sourcemap/expression.js';
import { callFunction, type Placeholders } from './source-functions.js';
import type { BuildContext } from './context.js';
import { attr, isSensitive, type Instance } from './instances.js';
import { referenceStrings } from './expression-references.js';
import { placeholderFor } from './plan-placeholders.js';
import type { Expression } from './plan-types.js';
import type { Scope } from './resolve.js';

/**
 * Values of `.tf` source expressions, evaluated against the plan: what the
 * plan does not keep of an expression known only after apply (its structure:
 * `jsonencode({...})`, `"${aws_s3_bucket.x.arn}/*"`) comes from the source,
 * and every reference in it from the plan, in the scope of the resource
 * instance (`count.index`, `each.key`, module variables and outputs): a known
 * value as it is, a value known only after apply as a placeholder. An input
 * variable the plan knows only by its references is its module call's
 * argument, from the source too, evaluated where the call is written.
 * Anything it cannot evaluate throws SourceNotEvaluable, saying what.
 */
export class SourceNotEvaluable extends Error {}

const JSON_TEMPLATE = Symbol('json template');

/**
 * The text of a policy document known only after apply, rebuilt
 * (iam-policy-document.ts), for `data.aws_iam_policy_document.x.json`; undefined
 * for any other attribute, or a document that cannot be rebuilt.
 */
export type DocumentText = (inst: Instance, attribute: string) => { text: string; placeholders: Readonly<Record<string, string[]>> } | undefined;

/** Where the evaluation is: the resolver's scope, with that module's locals and the calls that lead to it. */
interface Frame {
  scope: Scope;
  locals: ReadonlyMap<string, HclExpr> | undefined;
  /** One per module step of the scope, when the source has them (the root's call first). */
  callers: readonly CallSite[] | undefined;
}

export class SourceEvaluator {
  /** Placeholders of the values known only after apply, with the nodes each identifies. */
  readonly placeholders: Record<string, string[]> = {};
  /** Whether a value it read is one Terraform marks sensitive: then so is the result. */
  sensitive = false;
  /** The names `for` expressions bind, innermost last. */
  private readonly scopes: Map<string, unknown>[] = [];
  /** The locals being evaluated (with the depth of their module), innermost last: to stop a local that refers to itself. */
  private readonly inLocals: string[] = [];
  private frame: Frame;

  constructor(
    private readonly ctx: BuildContext,
    inst: Instance,
    /** The module's locals and calls, from its source (the plan records neither's structure). */
    source: Pick<SourceExpression, 'locals' | 'callers'> = {},
    private readonly documentText?: DocumentText,
  ) {
    this.frame = { scope: ctx.resolver.scopeOf(inst), locals: source.locals, callers: source.callers };
  }

  /** A policy text: `jsonencode(value)`, or a template whose text is JSON (a heredoc). */
  document(e: HclExpr): string {
    if (e.t === 'call' && e.name === 'jsonencode' && e.args.length === 1) return JSON.stringify(this.value(e.args[0]!));
    if (e.t === 'template') return this.template(e, JSON_TEMPLATE);
    if (e.t === 'unsupported') throw new SourceNotEvaluable(`it is ${e.what} (line ${e.line})`);
    throw new SourceNotEvaluable(e.t === 'call' ? `it is built by ${e.name}(), which vpcelint does not evaluate` : 'it is neither jsonencode(...) nor a JSON template');
  }

  value(e: HclExpr): unknown {
    switch (e.t) {
      case 'literal':
        return e.value;
      case 'template':
        // "${x}" is x itself, whatever its type; anything else is a string.
        return e.parts.length === 1 && typeof e.parts[0] !== 'string' ? this.value(e.parts[0]!) : this.template(e);
      case 'traversal':
        return this.traversal(e);
      case 'tuple':
        return e.items.map((item) => this.value(item));
      case 'object': {
        // Keys come from the source: a null prototype, so "__proto__" is just a key.
        const out = Object.create(null) as Record<string, unknown>;
        for (const { key, value } of e.items) out[key] = this.value(value);
        return out;
      }
      case 'call': {
        const result = callFunction(e.name, e.args.map((a) => this.value(a)), this.placeholderTests);
        if ('notEvaluated' in result) throw new SourceNotEvaluable(result.notEvaluated);
        return result.value;
      }
      case 'conditional': {
        const cond = this.value(e.cond);
        if (typeof cond !== 'boolean') throw new SourceNotEvaluable(`its conditional (? :) depends on ${this.isPlaceholder(cond) ? 'a value known only after apply' : 'something that is not true or false'}`);
        return this.value(cond ? e.then : e.else);
      }
      case 'for':
        return this.forExpression(e);
      case 'operation':
        return this.operation(e);
      case 'unsupported':
        throw new SourceNotEvaluable(`it holds ${e.what} (line ${e.line}), which vpcelint does not evaluate`);
    }
  }

  /**
   * The source must name what the plan records for the expression, and
   * nothing else: otherwise it is not the configuration this plan was made
   * from (a stale checkout, another --source-root), and a value built from it
   * would be a guess.
   */
  checkReferences(expr: HclExpr, planned: Expression | undefined, where: string): void {
    const recorded = new Set(referenceStrings(planned));
    const traversals = traversalsOf(expr);
    const mismatch = () => new SourceNotEvaluable(`its references differ from the ones the plan records (${[...recorded].join(', ') || 'none'}), so the source at ${where} is not the configuration this plan was made from`);
    for (const t of traversals) if (!t.planned.some((r) => recorded.has(r))) throw mismatch();
    for (const r of recorded) {
      if (!traversals.some((t) => t.text === r || t.text.startsWith(`${r}.`) || t.text.startsWith(`${r}[`) || t.planned.includes(r))) throw mismatch();
    }
  }

  /** A string for a JSON template: the placeholders in it written as JSON string content (addresses may hold quotes). */
  private jsonSafe(v: string): string {
    let out = v;
    for (const name of Object.keys(this.placeholders)) if (out.includes(name)) out = out.split(name).join(JSON.stringify(name).slice(1, -1));
    return out;
  }

  private isPlaceholder(v: unknown): boolean {
    return typeof v === 'string' && Object.hasOwn(this.placeholders, v);
  }

  /**
   * Operators on known values. A value known only after apply is a
   * placeholder, equal only to itself here: comparing it, or doing arithmetic
   * with it, depends on what it holds, so that is not evaluated.
   */
  private operation(e: Extract<HclExpr, { t: 'operation' }>): unknown {
    const args = e.args.map((a) => this.value(a));
    if (args.some((a) => this.mentionsPlaceholder(a))) throw new SourceNotEvaluable(`its operator ${e.op} reads a value known only after apply`);
    const [a, b] = args;
    const num = (x: unknown) => (typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : undefined);
    const bool = (x: unknown) => (typeof x === 'boolean' ? x : x === 'true' ? true : x === 'false' ? false : undefined);
    const scalar = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);
    let out: unknown;
    if (args.length === 1) {
      if (e.op === '!') out = bool(a) === undefined ? undefined : !bool(a);
      else if (e.op === '-') out = num(a) === undefined ? undefined : -num(a)!;
    } else if (e.op === '==' || e.op === '!=') {
      // Terraform compares by type and value; lists and objects are left to it.
      if (scalar(a) && scalar(b)) out = (a === b) === (e.op === '==');
    } else if (e.op === '&&' || e.op === '||') {
      const [x, y] = [bool(a), bool(b)];
      if (x !== undefined && y !== undefined) out = e.op === '&&' ? x && y : x || y;
    } else {
      const [x, y] = [num(a), num(b)];
      if (x !== undefined && y !== undefined) {
        const arithmetic: Record<string, () => unknown> = { '<': () => x < y, '>': () => x > y, '<=': () => x <= y, '>=': () => x >= y, '+': () => x + y, '-': () => x - y, '*': () => x * y, '/': () => (y === 0 ? undefined : x / y), '%': () => (y === 0 ? undefined : x % y) };
        out = Object.hasOwn(arithmetic, e.op) ? arithmetic[e.op]!() : undefined;
      }
    }
    if (out === undefined) throw new SourceNotEvaluable(`its operator ${e.op} is applied to values vpcelint does not evaluate it on`);
    return out;
  }

  /** Whether a value is, or holds, a placeholder. */
  private mentionsPlaceholder(v: unknown): boolean {
    if (typeof v === 'string') return Object.keys(this.placeholders).some((p) => v.includes(p));
    if (Array.isArray(v)) return v.some((x) => this.mentionsPlaceholder(x));
    if (v !== null && typeof v === 'object') return Object.values(v).some((x) => this.mentionsPlaceholder(x));
    return false;
  }

  private readonly placeholderTests: Placeholders = {
    mentioned: (v) => this.mentionsPlaceholder(v),
    mayBeEmpty: (v) => typeof v === 'string' && v !== '' && Object.keys(this.placeholders).reduce((rest, p) => rest.split(p).join(''), v) === '',
  };

  /** `[for ...]` and `{for ...}`, each element evaluated with the loop's names bound. */
  private forExpression(e: Extract<HclExpr, { t: 'for' }>): unknown {
    const collection = this.value(e.collection);
    const entries: [unknown, unknown][] = Array.isArray(collection)
      ? collection.map((v, i) => [i, v])
      : collection !== null && typeof collection === 'object' ? Object.entries(collection).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
    if (entries.length === 0 && (collection === null || typeof collection !== 'object')) throw new SourceNotEvaluable(`its for expression (line ${e.line}) runs over something that is not a list or an object`);
    const out: unknown[] = [];
    const object = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of entries) {
      const frame = new Map<string, unknown>([[e.value, v], ...(e.key !== undefined ? [[e.key, k] as [string, unknown]] : [])]);
      this.scopes.push(frame);
      try {
        if (e.cond) {
          const keep = this.value(e.cond);
          if (typeof keep !== 'boolean') throw new SourceNotEvaluable(`the condition of its for expression (line ${e.line}) is not true or false`);
          if (!keep) continue;
        }
        if (!e.object) out.push(this.value(e.result));
        else {
          const key = this.value(e.resultKey!);
          if (typeof key !== 'string' || this.isPlaceholder(key)) throw new SourceNotEvaluable(`its for expression (line ${e.line}) makes keys vpcelint cannot tell`);
          object[key] = this.value(e.result);
        }
      } finally {
        this.scopes.pop();
      }
    }
    return e.object ? object : out;
  }

  /** A template's text; in a JSON template, placeholders are written as JSON string content (their addresses may hold quotes). */
  private template(e: Extract<HclExpr, { t: 'template' }>, json?: typeof JSON_TEMPLATE): string {
    return e.parts
      .map((p) => {
        if (typeof p === 'string') return p;
        const v = this.value(p);
        if (typeof v === 'string') return json ? this.jsonSafe(v) : v;
        if (typeof v === 'number' || typeof v === 'boolean') return String(v);
        throw new SourceNotEvaluable('it interpolates a value that is not a string into a string');
      })
      .join('');
  }

  private traversal(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    const bound = this.scopes.findLast((f) => f.has(t.root));
    if (bound) return navigate(bound.get(t.root), t.steps, t.text);
    if (t.root === 'path' || t.root === 'terraform' || t.root === 'self') throw new SourceNotEvaluable(`it reads ${t.text}`);
    if (t.root === 'local') return this.local(t);
    if (t.root === 'var') {
      const fromCaller = this.variableFromCaller(t);
      if (fromCaller !== FROM_PLAN) return fromCaller;
    }
    const { references, attribute } = referencesOf(t);
    const [first] = t.steps;
    if (t.root === 'var' && first && 'attr' in first && this.ctx.resolver.isSensitiveVariableIn(this.frame.scope.modules, first.attr)) this.sensitive = true;
    const res = this.ctx.resolver.resolveIn(this.frame.scope, { references });
    if (res.unresolved) throw new SourceNotEvaluable(res.unresolved);
    if (res.choices && res.choices.length > 0) throw new SourceNotEvaluable(`${t.text} reads a module without naming an output`);
    if (res.hits.length === 0 && res.constants.length === 1) return scalarOrList(res.constants[0], t.text);
    if (res.hits.length !== 1 || res.constants.length > 0) throw new SourceNotEvaluable(`${t.text} may be any of ${res.hits.length + res.constants.length} values`);
    const hit = res.hits[0]!;
    const name = hit.attribute ?? attribute;
    if (name === undefined) throw new SourceNotEvaluable(`${t.text} is a whole resource, not one of its attributes`);
    const value = attr(hit.instance, name);
    if (isSensitive(hit.instance, name)) this.sensitive = true;
    if (!isUnknown(value)) return scalarOrList(value, t.text);
    const arn = bucketArn(this.ctx, hit.instance, name);
    if (arn !== undefined) return arn;
    const document = this.documentText?.(hit.instance, name);
    if (document) {
      for (const [p, keys] of Object.entries(document.placeholders)) if (!Object.hasOwn(this.placeholders, p)) this.placeholders[p] = keys;
      return document.text;
    }
    const placeholder = placeholderFor(this.ctx, hit.instance, name);
    if (!Object.hasOwn(this.placeholders, placeholder.name)) this.placeholders[placeholder.name] = placeholder.keys;
    return placeholder.name;
  }

  /**
   * `local.name` (and what follows it: `local.cfg.arn`, `local.list[0]`), from
   * the module's source, evaluated in the same instance's scope: a local is
   * the module's, like the expression that reads it.
   */
  private local(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    const [first, ...rest] = t.steps;
    if (!first || !('attr' in first)) throw new SourceNotEvaluable(`it reads ${t.text}`);
    const { locals } = this.frame;
    const expr = locals?.get(first.attr);
    if (!expr) throw new SourceNotEvaluable(`it reads ${t.text}, which the plan does not record${locals ? ' and the module\'s source does not define' : ''}`);
    const qualified = `${this.frame.scope.modules.length}|${first.attr}`;
    if (this.inLocals.includes(qualified) || this.inLocals.length >= MAX_LOCAL_DEPTH) throw new SourceNotEvaluable(`local.${first.attr} refers to itself through other locals`);
    this.inLocals.push(qualified);
    try {
      return navigate(this.isolated(this.frame, () => this.value(expr)), rest, t.text);
    } finally {
      this.inLocals.pop();
    }
  }

  /**
   * `var.name` of a module whose call sets it to something the plan knows
   * only by its references: that argument from the source, evaluated where
   * the call is written and checked against the references the plan records
   * for it. FROM_PLAN where the plan has the value (known arguments,
   * defaults) or the source has no such call.
   */
  private variableFromCaller(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    const [first, ...rest] = t.steps;
    const { scope, callers } = this.frame;
    const depth = scope.modules.length;
    if (!first || !('attr' in first) || depth === 0 || callers?.length !== depth) return FROM_PLAN;
    const site = callers[depth - 1]!;
    const arg = site.arguments.get(first.attr);
    const caller = this.ctx.resolver.callerOf(scope.modules);
    const planned = caller.argument(first.attr);
    if (!arg || planned === undefined || 'constant_value' in planned) return FROM_PLAN;
    if (this.ctx.resolver.isSensitiveVariableIn(scope.modules, first.attr)) this.sensitive = true;
    const value = this.isolated({ scope: caller.scope, locals: site.locals, callers: callers.slice(0, depth - 1) }, () => {
      const v = this.value(arg);
      this.checkReferences(arg, planned, site.where);
      return v;
    });
    return navigate(value, rest, t.text);
  }

  /** Evaluates in a frame of its own: a local or a caller's argument sees its module's names, not those of the for expression that reads it. */
  private isolated<T>(frame: Frame, evaluate: () => T): T {
    const saved = this.frame;
    const scopes = this.scopes.splice(0);
    this.frame = frame;
    try {
      return evaluate();
    } finally {
      this.frame = saved;
      this.scopes.push(...scopes);
    }
  }
}

/** variableFromCaller's answer when the plan decides. */
const FROM_PLAN = Symbol('from the plan');

/** What follows a value in a traversal: attributes of objects, indexes of lists (literal keys only). */
function navigate(value: unknown, steps: readonly TraversalStep[], text: string): unknown {
  for (const step of steps) {
    const key = 'attr' in step ? step.attr : typeof step.index === 'object' ? undefined : step.index;
    const inside = key === undefined || value === null || typeof value !== 'object'
      ? undefined
      : Array.isArray(value) ? (typeof key === 'number' ? value[key] : undefined) : Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (inside === undefined) throw new SourceNotEvaluable(`${text} reads what its value does not hold, or by a key vpcelint does not evaluate`);
    value = inside;
  }
  return value;
}

/** How deep locals may refer to locals: deeper is a cycle, or a configuration nobody writes. */
const MAX_LOCAL_DEPTH = 32;

/** A source expression evaluated for an expression of the plan, checked against its references. */
export function evaluateSource(ctx: BuildContext, inst: Instance, found: SourceExpression, planned: Expression | undefined, documentText?: DocumentText): { value: unknown; placeholders: Record<string, string[]> } {
  const evaluator = new SourceEvaluator(ctx, inst, found, documentText);
  const value = evaluator.value(found.expr);
  evaluator.checkReferences(found.expr, planned, found.where);
  return { value, placeholders: evaluator.placeholders };
}

interface Traversal {
  text: string;
  /** The references the plan records for it (one of which it must list). */
  planned: string[];
}

/**
 * Every reference an expression makes, as Terraform records them: in every
 * branch, evaluated or not, and not the names its `for` expressions bind.
 */
function traversalsOf(e: HclExpr, bound: ReadonlySet<string> = new Set()): Traversal[] {
  switch (e.t) {
    case 'traversal': {
      const inIndexes = e.steps.flatMap((s) => ('index' in s && typeof s.index === 'object' ? traversalsOf(s.index, bound) : []));
      if (bound.has(e.root)) return inIndexes;
      let planned: string[];
      try {
        planned = referencesOf(e).references;
      } catch {
        planned = [e.text];
      }
      return [{ text: e.text, planned }, ...inIndexes];
    }
    case 'template':
      return e.parts.flatMap((p) => (typeof p === 'string' ? [] : traversalsOf(p, bound)));
    case 'tuple':
      return e.items.flatMap((i) => traversalsOf(i, bound));
    case 'object':
      return e.items.flatMap((i) => traversalsOf(i.value, bound));
    case 'call':
      return e.args.flatMap((a) => traversalsOf(a, bound));
    case 'conditional':
      return [e.cond, e.then, e.else].flatMap((x) => traversalsOf(x, bound));
    case 'operation':
      return e.args.flatMap((a) => traversalsOf(a, bound));
    case 'for': {
      const inner = new Set([...bound, e.value, ...(e.key !== undefined ? [e.key] : [])]);
      return [...traversalsOf(e.collection, bound), ...[e.result, e.resultKey, e.cond].flatMap((x) => (x ? traversalsOf(x, inner) : []))];
    }
    default:
      return [];
  }
}

/**
 * The references Terraform records for a traversal: the traversal and its
 * shorter forms, except after a computed index (`x[count.index].arn`), where
 * it records the resource and the index (TFPLAN-NOTES), and the attribute
 * comes from the source.
 */
function referencesOf(t: Extract<HclExpr, { t: 'traversal' }>): { references: string[]; attribute?: string } {
  const computed = t.steps.findIndex((s) => 'index' in s && typeof s.index === 'object');
  if (computed === -1) {
    // The traversal and its shorter forms down to the root and its first name: `a.b[0].id`, `a.b[0]`, `a.b`.
    const forms: string[] = [];
    let text = t.root;
    for (const step of t.steps) forms.push((text += stepText(step)));
    return { references: forms.reverse() };
  }
  const index = (t.steps[computed] as { index: HclExpr }).index;
  if (index.t !== 'traversal' || !['count', 'each'].includes(index.root)) throw new SourceNotEvaluable(`${t.text} has an index vpcelint does not evaluate`);
  const rest = t.steps.slice(computed + 1);
  if (rest.length > 1 || (rest[0] !== undefined && !('attr' in rest[0]))) throw new SourceNotEvaluable(`${t.text} reads inside an attribute`);
  const base = t.root + t.steps.slice(0, computed).map(stepText).join('');
  const attribute = rest[0] && 'attr' in rest[0] ? rest[0].attr : undefined;
  return { references: [base, index.text], ...(attribute !== undefined ? { attribute } : {}) };
}

/**
 * A bucket's ARN is its name in the partition: known whenever the name and
 * the region are, although the provider reports it only after apply. Written
 * out, it tells the bucket from its objects ("${aws_s3_bucket.x.arn}/*"),
 * which a placeholder cannot. The partition is the commercial one, as
 * everywhere bucket ARNs are written.
 */
function bucketArn(ctx: BuildContext, inst: Instance, attribute: string): string | undefined {
  if (inst.type !== 'aws_s3_bucket' || attribute !== 'arn') return undefined;
  const name = attr(inst, 'bucket');
  const region = ctx.regions.regionOf(inst);
  if (typeof name !== 'string' || name === '' || region === undefined || /^(cn|us-gov|us-iso[a-z]*|eu-iso[a-z]*)-/.test(region)) return undefined;
  return `arn:aws:s3:::${name}`;
}

function stepText(s: { attr: string } | { index: string | number | HclExpr }): string {
  if ('attr' in s) return `.${s.attr}`;
  return typeof s.index === 'object' ? `[${s.index.t === 'traversal' ? s.index.text : '?'}]` : `[${JSON.stringify(s.index)}]`;
}

/** A value a policy can hold: a string, number, boolean, or a list of them. */
function scalarOrList(v: unknown, text: string): unknown {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return v;
  if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) return v;
  throw new SourceNotEvaluable(`${text} is ${Array.isArray(v) ? 'a list of structured values' : 'a structured value'} or partly known`);
}
