import { isUnknown } from '../../model/unknown.js';
import type { CallSite, HclExpr, SourceExpression, TraversalStep } from '../../sourcemap/expression.js';
import { applyOperator, callFunction, isSet, type FunctionResult, type Placeholders } from './source-functions.js';
import type { BuildContext } from './context.js';
import { attr, isSensitive, type Instance } from './instances.js';
import { placeholderFor } from './plan-placeholders.js';
import { bucketValue } from './bucket-values.js';
import { mayHold } from './placeholder-text.js';
import type { Expression } from './plan-types.js';
import { callKeys, toCaller, toOutput, type Frame, type Move } from './source-frames.js';
import { SourceNotEvaluable, TerraformError, terraformError } from './source-errors.js';
import { deep, InstanceValue, Lazy, navigate, shallow } from './source-lazy.js';
import { checkReferences, computedIndexAt, declaresResource, isResource, plannedOf, traversalText, traversalsOf } from './source-references.js';
import { jsonContent } from '../../util/json-string.js';

export { SourceNotEvaluable } from './source-errors.js';

/**
 * Values of `.tf` source expressions, evaluated against the plan: what the
 * plan does not keep of an expression known only after apply (its structure:
 * `jsonencode({...})`, `"${aws_s3_bucket.x.arn}/*"`) comes from the source,
 * and every reference in it from the plan, in the scope of the resource
 * instance (`count.index`, `each.key`, module variables and outputs): a known
 * value as it is, a value known only after apply as a placeholder. An input
 * variable the plan knows only by its references is its module call's
 * argument, from the source too, evaluated where the call is written, and
 * `each.value` an element of the block's `for_each` from the source. Object
 * members are evaluated when read (source-lazy.ts). Anything it cannot
 * evaluate throws SourceNotEvaluable, saying what.
 */

const JSON_TEMPLATE = Symbol('json template');

/**
 * The text of a policy document known only after apply, rebuilt
 * (iam-policy-document.ts), for `data.aws_iam_policy_document.x.json`; undefined
 * for any other attribute, or a document that cannot be rebuilt.
 */
export type DocumentText = (inst: Instance, attribute: string) => { text: string; placeholders: Readonly<Record<string, string[]>> } | undefined;


export class SourceEvaluator {
  /** Placeholders of the values known only after apply, with the nodes each identifies. */
  readonly placeholders: Record<string, string[]> = {};
  /** Whether a value it read is one Terraform marks sensitive: then so is the result. */
  sensitive = false;
  /** The names `for` expressions bind, innermost last. */
  private readonly scopes: Map<string, unknown>[] = [];
  /** The locals being evaluated (with the depth of their module), innermost last: to stop a local that refers to itself. */
  private readonly inLocals: string[] = [];
  /** Per frame, what its locals and its for_each evaluated to: read once, and members evaluated once. */
  private readonly memo = new WeakMap<Frame, Map<string, unknown>>();
  private frame: Frame;
  /** How deep value() is nested. */
  private depth = 0;

  constructor(
    private readonly ctx: BuildContext,
    inst: Instance,
    /** The module's locals and calls and the block's for_each, from its source (the plan records none's structure). */
    source: Pick<SourceExpression, 'locals' | 'callers' | 'forEach' | 'modulePath'> = {},
    private readonly documentText?: DocumentText,
  ) {
    this.frame = { scope: ctx.resolver.scopeOf(inst), locals: source.locals, callers: source.callers, forEach: source.forEach, path: source.modulePath };
  }

  /** An expression's value, every member evaluated. */
  result(e: HclExpr): unknown {
    return deep(this.value(e));
  }

  /**
   * A policy text: `jsonencode(value)`, a template whose text is JSON (a
   * heredoc), or any expression that gives one; null where it gives null (no
   * policy: `try(each.value.policy, null)` for an entry without one).
   */
  document(e: HclExpr): string | null {
    if (e.t === 'call' && e.name === 'jsonencode' && e.args.length === 1) return JSON.stringify(this.result(e.args[0]!));
    if (e.t === 'call' && e.name === 'templatefile') return this.templateFile(e, JSON_TEMPLATE);
    if (e.t === 'template') return this.template(e, JSON_TEMPLATE);
    if (e.t === 'unsupported') throw new SourceNotEvaluable(`it is ${e.what} (line ${e.line})`);
    // Anything else must come to a policy text: `try(each.value.policy, null)`, a document's json through a variable.
    const text = shallow(this.value(e));
    if (text === null) return null;
    if (typeof text !== 'string' || this.isPlaceholder(text)) throw new SourceNotEvaluable(typeof text === 'string' ? `it is ${text}` : 'it is not a policy text');
    try {
      JSON.parse(text);
    } catch {
      // A heredoc in a local, say: its placeholders are not written as JSON string content.
      throw new SourceNotEvaluable('it does not come to a JSON policy text');
    }
    return text;
  }

  /** An expression's value; an object's members may still be to evaluate (Lazy). */
  value(e: HclExpr): unknown {
    // Locals and members read one another lazily, so nothing else bounds how deep a (hostile) source nests.
    if (this.depth >= MAX_DEPTH) throw new SourceNotEvaluable('it nests deeper than vpcelint evaluates');
    this.depth++;
    try {
      return this.valueOf(e);
    } finally {
      this.depth--;
    }
  }

  private valueOf(e: HclExpr): unknown {
    switch (e.t) {
      case 'literal':
        return e.value;
      case 'template':
        // "${x}" is x itself, whatever its type; anything else is a string.
        return e.parts.length === 1 && typeof e.parts[0] !== 'string' ? this.value(e.parts[0]!) : this.template(e);
      case 'traversal':
        return this.traversal(e);
      case 'splat':
        return this.splat(e);
      case 'access':
        return navigate(this.value(e.base), e.steps.map((step) => this.keyed(step, e.text)), e.text);
      case 'tuple':
        return e.items.map((item) => this.value(item));
      case 'object': {
        // Keys come from the source: a null prototype, so "__proto__" is just a key.
        const out = Object.create(null) as Record<string, unknown>;
        for (const { key, value } of e.items) out[key] = this.later(value);
        return out;
      }
      case 'call': {
        if (e.name === 'try' || e.name === 'can') return this.tryCall(e.name, e.args);
        if (e.name === 'lookup' && (e.args.length === 2 || e.args.length === 3)) return this.lookup(e.args);
        if (e.name === 'templatefile') return this.templateFile(e);
        if (e.name === 'file') return this.fileText(e);
        if ((e.name === 'values' || e.name === 'keys' || e.name === 'length') && e.args.length === 1) return this.membersOf(e.name, e.args[0]!);
        return evaluated(callFunction(e.name, e.args.map((a) => this.result(a)), this.placeholderTests));
      }
      case 'conditional': {
        const cond = shallow(this.value(e.cond));
        if (typeof cond !== 'boolean') throw new SourceNotEvaluable(`its conditional (? :) depends on ${this.isPlaceholder(cond) ? 'a value known only after apply' : 'something that is not true or false'}`);
        return this.value(cond ? e.then : e.else);
      }
      case 'for':
        return this.forExpression(e);
      case 'operation':
        return evaluated(applyOperator(e.op, e.args.map((a) => this.result(a)), this.placeholderTests));
      case 'unsupported':
        throw new SourceNotEvaluable(`it holds ${e.what} (line ${e.line}), which vpcelint does not evaluate`);
    }
  }

  /** A string for a JSON template: the placeholders in it written as JSON string content (addresses may hold quotes). */
  private jsonSafe(v: string): string {
    let out = v;
    for (const name of Object.keys(this.placeholders)) if (out.includes(name)) out = out.split(name).join(jsonContent(name));
    return out;
  }

  private isPlaceholder(v: unknown): boolean {
    return typeof v === 'string' && Object.hasOwn(this.placeholders, v);
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
    mayHold: (text, sought) => mayHold(text, sought, Object.keys(this.placeholders)),
  };

  /** `[for ...]` and `{for ...}`, each element evaluated with the loop's names bound. */
  private forExpression(e: Extract<HclExpr, { t: 'for' }>): unknown {
    const collection = shallow(this.value(e.collection));
    // Over a set, each element is its own key (Terraform's for expressions and dynamic blocks alike).
    const entries: [unknown, unknown][] = Array.isArray(collection)
      ? collection.map((v, i) => [isSet(collection) ? v : i, v])
      : collection !== null && typeof collection === 'object' ? Object.entries(collection).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
    const what = e.iterator ? 'dynamic block' : 'for expression';
    if (entries.length === 0 && (collection === null || typeof collection !== 'object')) throw new SourceNotEvaluable(`its ${what} (line ${e.line}) runs over ${this.isPlaceholder(collection) ? 'a value known only after apply' : 'something that is not a list or an object'}`);
    const out: unknown[] = [];
    const object = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of entries) {
      const frame = e.iterator ? new Map([[e.value, iteration(k, v)]]) : new Map<string, unknown>([[e.value, v], ...(e.key !== undefined ? [[e.key, k] as [string, unknown]] : [])]);
      this.scopes.push(frame);
      try {
        if (e.cond) {
          const keep = shallow(this.value(e.cond));
          if (typeof keep !== 'boolean') throw new SourceNotEvaluable(`the condition of its for expression (line ${e.line}) is not true or false`);
          if (!keep) continue;
        }
        if (!e.object) out.push(this.value(e.result));
        else {
          const key = shallow(this.value(e.resultKey!));
          if (typeof key !== 'string' || this.isPlaceholder(key)) throw new SourceNotEvaluable(`its for expression (line ${e.line}) makes keys vpcelint cannot tell`);
          object[key] = this.later(e.result);
        }
      } finally {
        this.scopes.pop();
      }
    }
    return e.object ? object : out;
  }

  /**
   * `templatefile(path, vars)`: the template the source map read for the call, with only its vars bound, as
   * Terraform renders it (a template sees nothing else).
   */
  private templateFile(e: Extract<HclExpr, { t: 'call' }>, json?: typeof JSON_TEMPLATE): string {
    const read = e.templateFile;
    if (!read || 'unread' in read || !('template' in read)) throw new SourceNotEvaluable(`it calls templatefile() ${read && 'unread' in read ? read.unread : 'on a template vpcelint did not read'}`);
    if (e.args.length !== 2) throw new SourceNotEvaluable('it calls templatefile() without its vars');
    const vars = shallow(this.value(e.args[1]!));
    if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) throw new SourceNotEvaluable(`it calls templatefile() with vars that are not an object`);
    const names = new Map(Object.entries(vars));
    const unset = traversalsOf(read.template, new Set(names.keys()))[0];
    if (unset) throw new SourceNotEvaluable(`its template ${read.file} reads ${unset.text}, which its vars do not set`);
    if (read.template.t !== 'template') throw new SourceNotEvaluable(`its template ${read.file} holds ${read.template.t === 'unsupported' ? read.template.what : 'no text'}, which vpcelint does not evaluate`);
    const template = read.template;
    return this.within(this.frame, [names], () => this.template(template, json));
  }

  /** `file(path)`: the text the source map read for the call. */
  private fileText(e: Extract<HclExpr, { t: 'call' }>): string {
    const read = e.templateFile;
    if (!read || 'unread' in read || !('text' in read)) throw new SourceNotEvaluable(`it calls file() ${read && 'unread' in read ? read.unread : 'on a file vpcelint did not read'}`);
    return read.text;
  }

  /** A template's text; in a JSON template, placeholders are written as JSON string content (their addresses may hold quotes). */
  private template(e: Extract<HclExpr, { t: 'template' }>, json?: typeof JSON_TEMPLATE): string {
    return e.parts
      .map((p) => {
        if (typeof p === 'string') return p;
        const v = shallow(this.value(p));
        if (typeof v === 'string') return json ? this.jsonSafe(v) : v;
        if (typeof v === 'number' || typeof v === 'boolean') return String(v);
        throw new SourceNotEvaluable('it interpolates a value that is not a string into a string');
      })
      .join('');
  }

  private traversal(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    const bound = this.scopes.findLast((f) => f.has(t.root));
    if (bound) return navigate(bound.get(t.root), this.keys(t.steps, t.text), t.text);
    if (t.root === 'path' || t.root === 'terraform' || t.root === 'self') throw new SourceNotEvaluable(`it reads ${t.text}`);
    if (t.root === 'local') return this.local(t);
    if (t.root === 'count' || t.root === 'each') {
      const iteration = this.iteration(t);
      if (iteration !== FROM_PLAN) return iteration;
    }
    // A module's variable from its caller's source, a module's output from its own: moves to another module.
    // `module.vpc[each.key].vpc_id`: the instance's key evaluated here, as Terraform does.
    const move = t.root === 'var' ? toCaller(this.ctx, this.frame, t.steps) : t.root === 'module' ? toOutput(this.ctx, this.frame, t.steps.map((s) => this.keyed(s, t.text))) : undefined;
    if (move) return this.moved(move, t.text);
    if (t.root === 'module') {
      const whole = this.wholeModule(t);
      if (whole !== NOT_WHOLE) return whole;
    }
    // `var.readers[statement.value]`, `aws_s3_bucket.team[local.name].arn`: the plan records the traversal up to an
    // index it cannot compute; the value there is read from the plan, the index evaluated here.
    const computed = computedIndexAt(t);
    if (computed !== -1) {
      const before = t.steps.slice(0, computed);
      return navigate(this.traversal({ t: 'traversal', root: t.root, steps: before, text: traversalText(t.root, before) }), this.keys(t.steps.slice(computed), t.text), t.text);
    }
    if (isResource(t)) return this.wholeResource(t);
    const { references, attribute } = plannedOf(t);
    const [first] = t.steps;
    if (t.root === 'var' && first && 'attr' in first && this.ctx.resolver.isSensitiveVariableIn(this.frame.scope.modules, first.attr)) this.sensitive = true;
    const res = this.ctx.resolver.resolveReferencesIn(this.frame.scope, references);
    if (res.unresolved) throw new SourceNotEvaluable(res.unresolved);
    if (res.hits.length === 0 && res.constants.length === 0 && declaresResource(this.ctx, this.frame.scope, t, 1)) {
      // `try(aws_vpc_ipv4_cidr_block_association.this[0].vpc_id, aws_vpc.this[0].id)` with no association.
      throw terraformError(`${t.text} reads an instance the resource does not have`);
    }
    if (res.choices && res.choices.length > 0) throw new SourceNotEvaluable(`${t.text} reads a module without naming an output`);
    // A value the plan knows is exact, whatever its shape; only one known by its references is a guess at it.
    if (res.hits.length === 0 && res.constants.length === 1) return res.constants[0];
    if (res.hits.length !== 1 || res.constants.length > 0) throw new SourceNotEvaluable(`${t.text} may be any of ${res.hits.length + res.constants.length} values`);
    const hit = res.hits[0]!;
    const name = hit.attribute ?? attribute;
    if (name === undefined) throw new SourceNotEvaluable(`${t.text} is a whole resource, not one of its attributes`);
    const value = attr(hit.instance, name);
    if (isSensitive(hit.instance, name)) this.sensitive = true;
    if (!isUnknown(value)) return scalarOrList(value, t.text);
    // Policies are the evaluations that read documents; links read ids.
    const bucket = bucketValue(this.ctx, hit.instance, name, this.documentText !== undefined);
    if (bucket) {
      this.addPlaceholders(bucket.placeholders);
      return bucket.value;
    }
    const document = this.documentText?.(hit.instance, name);
    if (document) {
      this.addPlaceholders(document.placeholders);
      return document.text;
    }
    const placeholder = placeholderFor(this.ctx, hit.instance, name);
    this.addPlaceholders({ [placeholder.name]: placeholder.keys });
    return placeholder.name;
  }

  /** Steps with each index that is an expression evaluated here. */
  private keys(steps: readonly TraversalStep[], text: string): TraversalStep[] {
    return steps.map((step) => this.keyed(step, text));
  }

  /** A step whose index is an expression, with the key it evaluates to. */
  private keyed(step: TraversalStep, text: string): TraversalStep {
    if (!('index' in step) || typeof step.index !== 'object') return step;
    const key = shallow(this.value(step.index));
    if (typeof key !== 'string' && typeof key !== 'number') throw new SourceNotEvaluable(`${text} is indexed by ${this.isPlaceholder(key) ? 'a value known only after apply' : 'something that is no key'}`);
    return { index: key };
  }

  /** Placeholders joining this evaluation's; a name keeps the nodes it was first given. */
  private addPlaceholders(more: Readonly<Record<string, string[]>>): void {
    for (const [name, keys] of Object.entries(more)) if (!Object.hasOwn(this.placeholders, name)) this.placeholders[name] = keys;
  }

  /**
   * `aws_s3_bucket.team[*].arn`: the attribute of each instance of a counted
   * resource, in index order (each as `aws_s3_bucket.team[0].arn` reads);
   * of anything else (`var.list[*].id`, `values(x)[*].id`), of each element of its value, or of
   * the value itself when it is not a list, as Terraform has it.
   */
  private splat(e: Extract<HclExpr, { t: 'splat' }>): unknown[] {
    const { base } = e;
    if (base.t === 'traversal' && !this.scopes.some((f) => f.has(base.root)) && isResource(base)) {
      const instances = this.resourceInstances(base, `its splat ${e.text}`);
      if (instances.length > 1 && !instances.every((i) => typeof i.key === 'number')) throw new SourceNotEvaluable(`its splat ${e.text} runs over a resource with for_each, which is no list`);
      return instances.map(({ key }) => this.traversal({ t: 'traversal', root: base.root, steps: [...base.steps, ...(key === undefined ? [] : [{ index: key }]), ...e.each], text: e.text }));
    }
    const value = shallow(this.value(base));
    const elements = Array.isArray(value) ? value : value === null ? [] : [value];
    return elements.map((el) => navigate(el, e.each, e.text));
  }

  /**
   * A whole resource (`for b in aws_s3_bucket.team`): a counted one is the
   * list of its instances in index order, one with for_each the object of
   * them by key, any other its one instance; each instance's attributes are
   * read when stepped into, in this frame.
   */
  private wholeResource(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    const instances = this.resourceInstances(t, t.text);
    const frame = this.frame;
    const instance = ({ key, address }: Instance) =>
      new InstanceValue(address, (attribute) =>
        this.isolated(frame, () => this.traversal({ t: 'traversal', root: t.root, steps: [...t.steps, ...(key === undefined ? [] : [{ index: key }]), { attr: attribute }], text: `${address}.${attribute}` })),
      );
    if (instances.length === 1 && instances[0]!.key === undefined) return instance(instances[0]!);
    if (instances.every((i) => typeof i.key === 'number')) return instances.map(instance);
    if (!instances.every((i) => typeof i.key === 'string')) throw new SourceNotEvaluable(`${t.text} has instances of more than one kind of key`);
    const out = Object.create(null) as Record<string, unknown>;
    for (const i of instances) out[i.key as string] = instance(i);
    return out;
  }

  /**
   * A whole module call as a value (`module.vpc[*].s3_endpoint_id`, `for m in module.vpc`): with count, the list
   * of its instances in index order; with for_each, the object of them by key; otherwise its one instance; each
   * instance's outputs read when stepped into, as `module.vpc[0].s3_endpoint_id` reads. The keys come from the
   * call's count or for_each in the source, evaluated here, as Terraform does: the plan lists only the instances
   * that hold resources, and a key missing from the list would be a value missing from a policy. NOT_WHOLE where
   * the traversal is not of a whole call, or the source does not have the call.
   */
  private wholeModule(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    const [call, index, ...more] = t.steps;
    const { path, scope } = this.frame;
    const here = path?.[path.length - 1];
    if (!call || !('attr' in call) || more.length > 0 || (index && !('index' in index)) || !here || path!.length !== scope.modules.length + 1) return NOT_WHOLE;
    const child = here.calls.get(call.attr);
    if (!child) return NOT_WHOLE;
    const frame = this.frame;
    const name = `module.${call.attr}`;
    const instance = (key: string | number | undefined) => {
      const address = `${name}${key === undefined ? '' : `[${JSON.stringify(key)}]`}`;
      return new InstanceValue(address, (output) =>
        this.isolated(frame, () => this.traversal({ t: 'traversal', root: 'module', steps: [call, ...(key === undefined ? [] : [{ index: key }]), { attr: output }], text: `${address}.${output}` })),
      );
    };
    if (index) return instance((this.keyed(index, t.text) as { index: string | number }).index);
    const keys = this.moduleKeys(child.site, call.attr);
    if (keys === undefined) return instance(undefined);
    if (Array.isArray(keys)) return keys.map(instance);
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of keys.names) out[key] = instance(key);
    return out;
  }

  /** The instance keys of a module call written in this frame's module (source-frames.ts), its count or for_each evaluated once. */
  private moduleKeys(site: CallSite, call: string): number[] | { names: string[] } | undefined {
    const expr = site.arguments.get('count') ?? site.arguments.get('for_each');
    if (!expr) return undefined;
    const value = this.once(`module.${call}`, () => shallow(this.isolated(this.frame, () => this.value(expr))));
    return callKeys(this.ctx, this.frame.scope, call, site, value, (v) => this.isPlaceholder(v));
  }

  /** The instances a bare resource reference names in this frame's module: a counted resource's in index order. */
  private resourceInstances(t: Extract<HclExpr, { t: 'traversal' }>, subject: string): Instance[] {
    const res = this.ctx.resolver.resolveReferencesIn(this.frame.scope, [t.text]);
    // `aws_security_group.this.*.id` when the module made none (count = 0).
    if (!res.unresolved && res.hits.length === 0 && res.constants.length === 0 && declaresResource(this.ctx, this.frame.scope, t, 0)) return [];
    if (res.unresolved || res.hits.length === 0 || res.constants.length > 0) throw new SourceNotEvaluable(`${subject} reads ${res.unresolved ?? 'no instance the plan holds'}`);
    const instances = res.hits.map((h) => h.instance);
    return instances.every((i) => typeof i.key === 'number') ? instances.sort((a, b) => (a.key as number) - (b.key as number)) : instances;
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
    if (this.inLocals.includes(qualified)) throw new SourceNotEvaluable(`local.${first.attr} refers to itself through other locals`);
    if (this.inLocals.length >= MAX_LOCAL_DEPTH) throw new SourceNotEvaluable(`local.${first.attr} is read through more than ${MAX_LOCAL_DEPTH} other locals`);
    this.inLocals.push(qualified);
    try {
      return navigate(this.once(`local.${first.attr}`, () => this.isolated(this.frame, () => this.value(expr))), this.keys(rest, t.text), t.text);
    } finally {
      this.inLocals.pop();
    }
  }

  /** A value of the current frame, evaluated once (its members then once too). */
  private once(key: string, evaluate: () => unknown): unknown {
    let values = this.memo.get(this.frame);
    if (!values) this.memo.set(this.frame, (values = new Map()));
    if (!values.has(key)) values.set(key, evaluate());
    return values.get(key);
  }

  /**
   * `count.index` and `each.key`: the instance's own key. `each.value`: its
   * element of the block's `for_each`, from the source, checked against the
   * references the plan records for the for_each (FROM_PLAN without the
   * source: the resolver follows what the plan shows).
   */
  private iteration(t: Extract<HclExpr, { t: 'traversal' }>): unknown {
    const [first, ...rest] = t.steps;
    const name = first && 'attr' in first ? `${t.root}.${first.attr}` : t.root;
    const { scope, forEach } = this.frame;
    const key = scope.selfKey;
    if (name === 'count.index' || name === 'each.key') {
      if (typeof key !== (name === 'count.index' ? 'number' : 'string')) throw new SourceNotEvaluable(`it reads ${name} in a block without ${name === 'count.index' ? 'count' : 'for_each'}`);
      return navigate(key, this.keys(rest, t.text), t.text);
    }
    if (name !== 'each.value' || !forEach || typeof key !== 'string') return FROM_PLAN;
    const collection = this.once('for_each', () => {
      try {
        return this.isolated({ ...this.frame, forEach: undefined }, () => {
          const v = shallow(this.value(forEach.expr));
          checkReferences(forEach.expr, scope.forEach, forEach.where);
          return v;
        });
      } catch (err) {
        if (err instanceof SourceNotEvaluable) return err;
        throw err;
      }
    });
    if (collection instanceof SourceNotEvaluable) {
      // The plan may still tell (`for_each = aws_subnet.x`: the instance with the same key); if not, the source says why.
      if (this.ctx.resolver.resolveReferencesIn(scope, plannedOf(t).references).unresolved) throw collection;
      return FROM_PLAN;
    }
    // A set of strings: each.value is the key itself; a map: the value under it.
    const held = Array.isArray(collection) ? collection.includes(key) : collection !== null && typeof collection === 'object' && Object.hasOwn(collection, key);
    if (!held) throw new SourceNotEvaluable(`its for_each (${forEach.where}) does not hold the instance's key ${JSON.stringify(key)}`);
    return navigate(Array.isArray(collection) ? key : (collection as Record<string, unknown>)[key], this.keys(rest, t.text), t.text);
  }

  /**
   * `try(a, b, ...)`: the first argument that Terraform can evaluate;
   * `can(a)`: whether it can. Only a Terraform error (an attribute the object
   * does not have) makes one fail: what the evaluator cannot tell is not evaluated.
   */
  private tryCall(name: 'try' | 'can', args: readonly HclExpr[]): unknown {
    for (const a of args) {
      try {
        const v = this.value(a);
        return name === 'can' ? true : v;
      } catch (err) {
        if (!(err instanceof TerraformError)) throw err;
        if (name === 'can') return false;
      }
    }
    throw terraformError(`none of the arguments of its ${name}() can be evaluated`);
  }

  /**
   * `lookup(map, key, default)`: the member under the key, evaluated alone
   * (the map's other members need not evaluate), else the default; without
   * one, an error in Terraform too.
   */
  private lookup([map, key, fallback]: readonly HclExpr[]): unknown {
    const m = shallow(this.value(map!));
    const k = shallow(this.value(key!));
    if (m === null || typeof m !== 'object' || Array.isArray(m) || typeof k !== 'string' || this.isPlaceholder(k)) throw new SourceNotEvaluable('it calls lookup() in a way vpcelint does not evaluate');
    if (Object.hasOwn(m, k)) return shallow((m as Record<string, unknown>)[k]);
    if (fallback) return this.value(fallback);
    throw terraformError(`it calls lookup() for ${JSON.stringify(k)}, which the object does not have, with no default`);
  }

  /**
   * `values(m)`, `keys(m)`, `length(x)`: the members are not evaluated here, so that instances of a resource or
   * module (`values(module.edge)[*].s3_endpoint_id`, `length(module.vpc)`) stay instances, stepped into after.
   */
  private membersOf(name: 'values' | 'keys' | 'length', arg: HclExpr): unknown {
    const m = shallow(this.value(arg));
    if (m instanceof InstanceValue) throw new SourceNotEvaluable(`it calls ${name}() on the whole of ${m.address}`);
    return evaluated(callFunction(name, [m], this.placeholderTests));
  }

  /** An object member, evaluated when read, where it is written: in this frame, with the for expression's names bound now. */
  private later(e: HclExpr): Lazy {
    const frame = this.frame;
    const scopes = [...this.scopes];
    // Read from another frame, the member was Terraform's to evaluate there (elsewhere).
    return new Lazy(() => (this.frame === frame ? this.within(frame, scopes, () => this.value(e)) : this.within(frame, scopes, () => elsewhere(() => this.value(e)))));
  }

  /**
   * A value written in another module (source-frames.ts: a module's variable
   * in its caller, an output in its module), evaluated there and checked
   * against the references the plan records for it.
   */
  private moved(move: Move, text: string): unknown {
    if (move.sensitive) this.sensitive = true;
    const value = this.isolated(move.frame, () => {
      const v = this.value(move.expr);
      checkReferences(move.expr, move.planned, move.where);
      return v;
    });
    return navigate(value, this.keys(move.rest, text), text);
  }

  /** Evaluates in a frame of its own: a local or a caller's argument sees its module's names, not those of the for expression that reads it. */
  private isolated<T>(frame: Frame, evaluate: () => T): T {
    return this.within(frame, [], () => elsewhere(evaluate));
  }

  /** Evaluates in a frame with the given `for` names bound, then puts back what was. */
  private within<T>(frame: Frame, scopes: readonly Map<string, unknown>[], evaluate: () => T): T {
    const saved = this.frame;
    const savedScopes = this.scopes.splice(0, this.scopes.length, ...scopes);
    this.frame = frame;
    try {
      return evaluate();
    } finally {
      this.frame = saved;
      this.scopes.splice(0, this.scopes.length, ...savedScopes);
    }
  }
}

/**
 * Evaluates a value Terraform evaluates on its own (a local, a for_each, a
 * module argument): an error there stops Terraform's plan, so no try()
 * elsewhere catches it, and a plan that was made says this source is not its
 * configuration.
 */
function elsewhere<T>(evaluate: () => T): T {
  try {
    return evaluate();
  } catch (err) {
    if (err instanceof TerraformError) throw new SourceNotEvaluable(`${err.message}, an error Terraform would have stopped at`);
    throw err;
  }
}

/** A dynamic block's iterator: the element's key (a list's index, a map's key) and value. */
function iteration(key: unknown, value: unknown): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  out.key = key;
  out.value = value;
  return out;
}

function evaluated(result: FunctionResult): unknown {
  if ('notEvaluated' in result) throw new SourceNotEvaluable(result.notEvaluated);
  return result.value;
}

/** wholeModule()'s answer for a traversal that is not a whole module call. */
const NOT_WHOLE = Symbol('not a whole module');

/** iteration()'s answer where the source does not decide and the plan's references are followed instead. */
const FROM_PLAN = Symbol('from the plan');

/** How deep an expression's evaluation may nest, through locals, members and module calls: far beyond what people write, well within the stack. */
const MAX_DEPTH = 500;

/** How deep locals may refer to locals: deeper is a cycle, or a configuration nobody writes. */
const MAX_LOCAL_DEPTH = 32;

/** A source expression evaluated for an expression of the plan, checked against its references. */
export function evaluateSource(ctx: BuildContext, inst: Instance, found: SourceExpression, planned: Expression | undefined, documentText?: DocumentText): { value: unknown; placeholders: Record<string, string[]> } {
  const evaluator = new SourceEvaluator(ctx, inst, found, documentText);
  const value = evaluator.result(found.expr);
  checkReferences(found.expr, planned, found.where);
  return { value, placeholders: evaluator.placeholders };
}

/** A value a policy can hold: a string, number, boolean, or a list of them. */
function scalarOrList(v: unknown, text: string): unknown {
  if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) return v;
  if (Array.isArray(v) && v.every((x) => ['string', 'number', 'boolean'].includes(typeof x))) return v;
  throw new SourceNotEvaluable(`${text} is ${Array.isArray(v) ? 'a list of structured values' : 'a structured value'} or partly known`);
}
