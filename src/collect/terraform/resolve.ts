import type { Link } from '../../model/nodes.js';
import type { NodeKind, Ref } from '../../model/ref.js';
import { isUnknown } from '../../model/unknown.js';
import { formatKey, formatModules, type InstanceKey, type ModuleStep, type Reference } from './address.js';
import { ConfigIndex, expressionAt, isObject } from './config.js';
import { namesNothing } from './context.js';
import { attrAt, resourceKey, type Instance, type InstanceTable } from './instances.js';
import type { ConfigResource, Expression } from './plan-types.js';
import { referencesOf } from './expression-references.js';
import { kindOf } from './resource-kinds.js';
import { sourceLinkKey, type CheckableLink, type SourceLinks } from './source-links.js';

/** A resource instance an expression points at, and the attribute it reads there. */
export interface Hit {
  instance: Instance;
  attribute?: string;
}

export interface Resolution {
  hits: Hit[];
  constants: unknown[];
  unresolved?: string;
  /**
   * A bare `module.x` reference: Terraform records no output name for splats
   * (`module.x[*].out`) and computed indices (`module.x[count.index].out`). Each
   * option is one output; the caller keeps the only one that yields what it
   * looks for, or reports the reference as ambiguous.
   */
  choices?: { what: string; options: { output: string; res: Resolution }[] }[];
  /** Set when an instance was chosen by the caller's own key (`x[*].id` read with count.index), which the plan does not confirm. */
  byOwnKey?: true;
}

/** Where an expression is evaluated: a module instance, and the resource or module call the expression is of. */
export interface Scope {
  modules: ModuleStep[];
  /** `modules` formatted as an address prefix, when already known (an instance's module instance). */
  here?: string;
  /** The instance key of the resource or module call whose expression this is: for `count.index` / `each.key`. */
  selfKey?: InstanceKey;
  /** The for_each expression of that resource or module call: what `each.value` is an element of. */
  forEach?: Expression;
}

const MAX_DEPTH = 40;

/** A child module instance: its steps from the root and its address (`module.a["x"].module.b[0]`). */
interface ModuleTarget {
  steps: ModuleStep[];
  address: string;
}

/**
 * Follows configuration references to the resource instances they mean: within
 * a module instance, into child modules through outputs, up to parents through
 * input variables. Ids unknown before apply are linked this way; known ids are
 * looked up directly.
 */
export class Resolver {
  constructor(
    private readonly table: InstanceTable,
    private readonly config: ConfigIndex,
    private readonly refById: (id: string) => Ref | undefined,
    private readonly fromSource: SourceLinks = new Map(),
  ) {}

  /** The links link() was asked for that the source may tell better, by sourceLinkKey. */
  readonly checkable = new Map<string, CheckableLink>();

  private readonly outputs = new Map<string, Resolution | 'pending'>();
  private readonly configs = new WeakMap<Instance, ConfigResource | undefined>();
  private readonly variables = new Map<string, Resolution>();
  private readonly moduleRefs = new Map<string, Resolution>();
  private readonly targets = new Map<string, ModuleTarget[]>();
  private readonly byReferences = new Map<string, Expression>();

  /** Drops what resolutions were memoized (they name instances): for after the build, see releaseBuild. */
  release(): void {
    this.outputs.clear();
    this.variables.clear();
    this.moduleRefs.clear();
    this.targets.clear();
    this.checkable.clear();
    this.byReferences.clear();
  }

  /** The instances of a child module called from a module instance (`here`), with their steps and addresses. */
  private moduleTargets(here: string, modules: ModuleStep[], call: string): ModuleTarget[] {
    const key = `${here}|${call}`;
    let targets = this.targets.get(key);
    if (!targets) {
      const instances = this.table.moduleInstances.get(key) ?? [];
      targets = instances.length > 0
        ? instances.map((m) => ({ steps: [...modules, stepOf(m, call)], address: m }))
        // A module without resources of its own: its outputs may still pass constants through.
        : [{ steps: [...modules, { name: call }], address: `${here}${here ? '.' : ''}module.${call}` }];
      this.targets.set(key, targets);
    }
    return targets;
  }

  scopeOf(inst: Instance): Scope {
    const forEach = this.configOf(inst)?.for_each_expression;
    return { modules: inst.modules, here: inst.moduleInstance, ...(inst.key !== undefined ? { selfKey: inst.key } : {}), ...(isObject(forEach) ? { forEach } : {}) };
  }

  /** Whether the module of a scope declares a resource (`aws_vpc.this`, `data.aws_vpc.x`), whatever instances the plan holds. */
  declares(scope: Scope, address: string): boolean {
    return this.config.resource(scope.modules.map((m) => m.name).join('.'), address) !== undefined;
  }

  configOf(inst: Instance): ConfigResource | undefined {
    // Instances of one resource share its configuration block: look it up once per instance.
    if (this.configs.has(inst)) return this.configs.get(inst);
    const cfg = this.config.resource(inst.configModule, `${inst.mode === 'data' ? 'data.' : ''}${inst.type}.${inst.name}`);
    this.configs.set(inst, cfg);
    return cfg;
  }

  /** Whether an input variable of a module is declared sensitive. */
  isSensitiveVariableIn(modules: readonly ModuleStep[], name: string): boolean {
    const decl = this.config.module(modules.map((m) => m.name).join('.'))?.variables?.[name];
    return isObject(decl) && decl.sensitive === true;
  }

  /**
   * The scope a module instance's call is written in (the module instance's own steps: not the root): the
   * calling module instance, with the call's instance key and for_each. The plan's expression of each argument
   * with it.
   */
  callerOf(modules: readonly ModuleStep[]): { scope: Scope; argument(name: string): Expression | undefined } {
    const callPath = modules.map((m) => m.name).join('.');
    const call = this.config.call(callPath);
    const selfKey = modules[modules.length - 1]!.key;
    const forEach = call?.for_each_expression;
    const scope: Scope = { modules: modules.slice(0, -1), ...(selfKey !== undefined ? { selfKey } : {}), ...(isObject(forEach) ? { forEach } : {}) };
    const argument = (name: string) => {
      const arg = isObject(call?.expressions) && Object.hasOwn(call.expressions, name) ? call.expressions[name] : undefined;
      return isObject(arg) ? (arg as Expression) : undefined;
    };
    return { scope, argument };
  }

  /**
   * The scope inside an instance of a module called from a scope (`module.<call>[key]`), and the plan's
   * expression of each of its outputs, with whether it is declared sensitive.
   */
  childOf(scope: Scope, call: string, key: InstanceKey | undefined): { scope: Scope; output(name: string): { expression: Expression | undefined; sensitive: boolean } | undefined } {
    const modules = [...scope.modules, { name: call, ...(key !== undefined ? { key } : {}) }];
    const callPath = modules.map((m) => m.name).join('.');
    // As moduleOutput resolves them: an output has no instance key of its own.
    const child: Scope = { modules, here: formatModules(modules) };
    const output = (name: string) => {
      const outputs = this.config.module(callPath)?.outputs;
      const decl = isObject(outputs) && Object.hasOwn(outputs, name) ? outputs[name] : undefined;
      if (!isObject(decl)) return undefined;
      return { expression: isObject(decl.expression) ? (decl.expression as Expression) : undefined, sensitive: decl.sensitive === true };
    };
    return { scope: child, output };
  }

  /**
   * The keys of a module call's instances that the plan holds resources of, called from a scope: an instance
   * whose resources are all elsewhere (or that has none) is not among them.
   */
  moduleKeysOf(scope: Scope, call: string): (InstanceKey | undefined)[] {
    const here = scope.here ?? formatModules(scope.modules);
    return (this.table.moduleInstances.get(`${here}|${call}`) ?? []).map((m) => stepOf(m, call).key);
  }

  /** What an expression refers to in a scope (scopeOf, callerOf, childOf). */
  resolveIn(scope: Scope, expr: Expression): Resolution {
    return this.expression(expr, scope, 0);
  }

  /**
   * What a list of references refers to in a scope, through one expression per distinct list: the source
   * evaluator's traversals (a splat's, one per instance) are new objects each time, and the references of an
   * expression are parsed once per object.
   */
  resolveReferencesIn(scope: Scope, references: readonly string[]): Resolution {
    const key = references.join('\u0000');
    let expr = this.byReferences.get(key);
    if (!expr) this.byReferences.set(key, (expr = { references: [...references] }));
    return this.resolveIn(scope, expr);
  }

  /** The expression that sets an attribute path of an instance, if the configuration has one. */
  expressionOf(inst: Instance, path: (string | number)[]): Expression | undefined {
    return expressionAt(this.configOf(inst)?.expressions, path);
  }

  /** What an expression of an instance's configuration refers to. */
  resolveExpression(inst: Instance, expr: Expression): Resolution {
    return this.expression(expr, this.scopeOf(inst), 0);
  }

  /** What an expression declared in a module (a provider block, say) refers to, outside any resource. */
  resolveInModule(moduleNames: string[], expr: Expression): Resolution {
    return this.expression(expr, { modules: moduleNames.map((name) => ({ name })) }, 0);
  }

  /** What an attribute of an instance refers to: its value when known, else its expression's references. */
  resolveAttribute(inst: Instance, path: (string | number)[]): Resolution {
    const value = attrAt(inst, path);
    if (value === undefined) return { hits: [], constants: [] };
    if (!isUnknown(value)) return { hits: [], constants: [value] };
    const expr = this.expressionOf(inst, path);
    if (!expr) return { hits: [], constants: [], unresolved: `${inst.address}.${path.join('.')} is computed by the provider` };
    return this.expression(expr, this.scopeOf(inst), 0);
  }

  /** Links an attribute holding ids (or a list of ids) to inventory nodes of the given kinds. */
  link(inst: Instance, path: (string | number)[], kinds: readonly NodeKind[]): Link {
    const attribute = path.length === 1 && typeof path[0] === 'string' && inst.mode === 'managed' ? path[0] : undefined;
    const told = attribute !== undefined ? this.toldOf(inst, attribute) : undefined;
    const own = told && this.ofKinds(told, kinds);
    if (own) return own;
    const out: Link = { keys: [], external: [] };
    const res = this.resolveAttribute(inst, path);
    // The first attribute needs no cycle check; the set of visited ones starts when references are followed.
    this.collect(out, res, kinds, 0, undefined, () => `${inst.address}#${path.join('.')}`);
    const link = normalized(out);
    // Not told, with why the source cannot tell, unless the attributes it reads were told since (linkInto).
    if (told?.unresolved) return link.unresolved && namesNothing(link) ? told : link;
    const checkable = link.unresolved !== undefined || res.byOwnKey || link.keys.length + link.external.length > 1;
    if (attribute !== undefined && !told && checkable && isUnknown(attrAt(inst, path))) {
      this.checkable.set(sourceLinkKey(inst.address, attribute), { inst, attribute, planned: link, ...(res.byOwnKey && link.unresolved === undefined ? { byOwnKey: true as const } : {}) });
    }
    return link;
  }

  /** What the source told of an attribute of an instance, if anything. */
  private toldOf(inst: Instance, attribute: string): Link | undefined {
    return this.fromSource.size > 0 && inst.mode === 'managed' ? this.fromSource.get(sourceLinkKey(inst.address, attribute)) : undefined;
  }

  /** A link the source told, if what it names is of the kinds asked for (else the plan's references decide). */
  private ofKinds(told: Link, kinds: readonly NodeKind[]): Link | undefined {
    // Told only why the source cannot tell: it names nothing for sure.
    if (told.unresolved) return undefined;
    for (const key of told.keys) {
      const ref = this.table.byAddress.get(key);
      const kind = ref ? kindOf(ref.mode, ref.type) : undefined;
      if (!kind || !kinds.includes(kind)) return undefined;
    }
    for (const id of told.external) {
      const ref = this.refById(id);
      if (ref ? !kinds.includes(ref.kind) : !looksLikeId(id, kinds)) return undefined;
    }
    return told;
  }

  /** Links an expression of the instance's configuration (not an attribute value). */
  linkExpression(inst: Instance, expr: Expression, kinds: readonly NodeKind[]): Link {
    const out: Link = { keys: [], external: [] };
    this.collect(out, this.expression(expr, this.scopeOf(inst), 0), kinds, 0, undefined);
    return normalized(out);
  }

  /**
   * What the input variables of a module instance name, all of them together:
   * besides its own resources and its child modules' outputs, the only things
   * a local value of the module can be built from.
   */
  linkModuleInputs(modules: ModuleStep[], kinds: readonly NodeKind[]): Link {
    const out: Link = { keys: [], external: [] };
    const variables = this.config.module(modules.map((m) => m.name).join('.'))?.variables;
    const scope: Scope = { modules, here: formatModules(modules) };
    for (const name of isObject(variables) ? Object.keys(variables) : []) {
      this.collect(out, this.reference({ kind: 'var', name }, scope, false, 0), kinds, 0, undefined);
    }
    return normalized(out);
  }

  private linkInto(out: Link, inst: Instance, path: (string | number)[], kinds: readonly NodeKind[], depth: number, seen: Set<string>): void {
    const visit = `${inst.address}#${path.join('.')}`;
    if (seen.has(visit) || depth > MAX_DEPTH) return;
    seen.add(visit);
    // What the source told of that attribute (`aws_subnet.a.vpc_id`, written as local.vpc_id) holds for who reads it.
    const told = path.length === 1 ? this.toldOf(inst, String(path[0])) : undefined;
    const own = told && this.ofKinds(told, kinds);
    if (own) {
      out.keys.push(...own.keys);
      out.external.push(...own.external);
      return;
    }
    this.collect(out, this.resolveAttribute(inst, path), kinds, depth, seen);
  }

  /**
   * Adds what a resolution names to the link, following references through other attributes.
   * `seen` holds the attributes visited on the way (undefined before any); `origin` names the
   * attribute the resolution came from, when it is not in `seen` yet.
   */
  private collect(out: Link, res: Resolution, kinds: readonly NodeKind[], depth: number, seen: Set<string> | undefined, origin?: () => string): void {
    if (res.unresolved) out.unresolved ??= res.unresolved;
    const visited = (): Set<string> => {
      if (!seen) seen = new Set(origin ? [origin()] : []);
      return seen;
    };
    for (const choice of res.choices ?? []) {
      const found = choice.options.map((o) => {
        const tmp: Link = { keys: [], external: [] };
        this.collect(tmp, o.res, kinds, depth + 1, new Set(visited()));
        return { output: o.output, link: tmp };
      });
      const named = found.filter((o) => !namesNothing(o.link));
      const unclear = found.filter((o) => o.link.unresolved);
      if (named.length === 1) {
        out.keys.push(...named[0]!.link.keys);
        out.external.push(...named[0]!.link.external);
      } else if (named.length > 1) {
        out.unresolved ??= `${choice.what} is referenced without an output name (a splat or computed index), and outputs ${named.map((f) => f.output).join(', ')} could be meant`;
      } else if (unclear.length > 0) {
        // No output names anything of the kinds, but one that cannot be followed may: not "nothing".
        const outputs = unclear.length === 1 ? `its output ${unclear[0]!.output}` : `its outputs ${unclear.map((o) => o.output).join(', ')}`;
        out.unresolved ??= `${choice.what} is referenced without an output name (a splat or computed index), and ${outputs} cannot be followed (${unclear[0]!.link.unresolved})`;
      }
    }
    for (const c of res.constants) this.linkIds(out, c, kinds);
    for (const hit of res.hits) {
      const kind = kindOf(hit.instance.mode, hit.instance.type);
      if (kind && kinds.includes(kind) && (hit.attribute === undefined || IDENTITY.has(hit.attribute))) {
        out.keys.push(hit.instance.address);
      } else if (hit.attribute && !IDENTITY.has(hit.attribute)) {
        // Through an identity attribute the reference means that resource itself, of another kind: nothing to follow.
        this.linkInto(out, hit.instance, [hit.attribute], kinds, depth + 1, visited());
      } else if (!hit.attribute) {
        // `aws_subnet.x[count.index].vpc_id` reaches the plan as "aws_subnet.x" and "count.index": Terraform drops
        // the attribute after a computed index, so what the resource gives here cannot be told.
        out.unresolved ??= `the value comes from ${hit.instance.address}, but the plan does not say which of its attributes (Terraform drops the attribute after a computed index such as [count.index], and in for expressions)`;
      }
    }
  }

  private linkIds(out: Link, value: unknown, kinds: readonly NodeKind[]): void {
    if (Array.isArray(value)) {
      for (const v of value) this.linkIds(out, v, kinds);
      return;
    }
    if (typeof value !== 'string' || value === '') return;
    const ref = this.refById(value);
    if (ref && kinds.includes(ref.kind)) out.keys.push(ref.key);
    else if (!ref && looksLikeId(value, kinds)) out.external.push(value);
  }

  private expression(expr: Expression, scope: Scope, depth: number): Resolution {
    if ('constant_value' in expr) return { hits: [], constants: [expr.constant_value] };
    const res: Resolution = { hits: [], constants: [] };
    if (depth > MAX_DEPTH) return { ...res, unresolved: 'references nest too deep' };
    const { refs, iterates } = referencesOf(expr);
    for (const ref of refs) mergeInto(res, this.reference(ref, scope, iterates, depth));
    return res;
  }

  /**
   * `each.value` of `for_each = aws_subnet.x` (a resource's instances, or a
   * module's outputs) is the element with the caller's own key.
   */
  private eachValue(attribute: string | undefined, scope: Scope, depth: number): Resolution {
    if (!scope.forEach || scope.selfKey === undefined) return { hits: [], constants: [] };
    const res = this.expression(scope.forEach, { modules: scope.modules }, depth + 1);
    const key = scope.selfKey;
    const constants: unknown[] = [];
    for (const c of res.constants) {
      // A map's value under the key; a set's element is the key itself.
      if (isObject(c) && typeof key === 'string' && Object.hasOwn(c, key)) constants.push(attribute && isObject(c[key]) ? c[key][attribute] : c[key]);
      else if (Array.isArray(c) && c.includes(key)) constants.push(key);
    }
    if (constants.length > 0) return { hits: [], constants };
    const hits = res.hits.filter((h) => h.instance.key === key && h.attribute === undefined);
    if (hits.length === 0) return { hits: [], constants: [], unresolved: 'each.value comes from a for_each collection the plan does not record' };
    return { hits: hits.map((h) => ({ instance: h.instance, ...(attribute ? { attribute } : {}) })), constants: [] };
  }

  /** Resolves one output of one module instance, once: outputs are shared by many references, and may form cycles. */
  private moduleOutput(target: ModuleTarget, output: string, depth: number): Resolution {
    const steps = target.steps;
    const key = `${target.address}|${output}`;
    const cached = this.outputs.get(key);
    if (cached === 'pending') return { hits: [], constants: [], unresolved: `module outputs refer to each other in a cycle at ${key.replace('|', '.')}` };
    if (cached) return cached;
    this.outputs.set(key, 'pending');
    const decl = this.config.module(steps.map((m) => m.name).join('.'))?.outputs?.[output];
    const expr = isObject(decl) ? decl.expression : undefined;
    const res: Resolution = isObject(expr)
      ? this.expression(expr, { modules: steps }, depth + 1)
      : { hits: [], constants: [], unresolved: `${target.address}.${output} has no output expression in the configuration` };
    this.outputs.set(key, res);
    return res;
  }

  private reference(ref: Reference, scope: Scope, iterates: boolean, depth: number): Resolution {
    const here = scope.here ?? formatModules(scope.modules);
    switch (ref.kind) {
      case 'resource': {
        // Keyed lookups go by address: a resource with thousands of instances must not be scanned per reference.
        const byKey = (key: InstanceKey) => {
          const inst = this.table.byAddress.get(`${here}${here ? '.' : ''}${ref.mode === 'data' ? 'data.' : ''}${ref.type}.${ref.name}${formatKey(key)}`);
          return inst ? [inst] : [];
        };
        let chosen: Instance[];
        if (ref.key !== undefined) chosen = byKey(ref.key);
        else {
          chosen = iterates && scope.selfKey !== undefined ? byKey(scope.selfKey) : [];
          if (chosen.length === 1) return { hits: [{ instance: chosen[0]!, ...(ref.attribute ? { attribute: ref.attribute } : {}) }], constants: [], byOwnKey: true };
          chosen = this.table.byResource.get(resourceKey(here, ref.mode, ref.type, ref.name)) ?? [];
        }
        return { hits: chosen.map((instance) => ({ instance, ...(ref.attribute ? { attribute: ref.attribute } : {}) })), constants: [] };
      }
      case 'module': {
        let targets = this.moduleTargets(here, scope.modules, ref.call);
        const last = (t: ModuleTarget) => t.steps[t.steps.length - 1]!.key;
        const selfKey = iterates && scope.selfKey !== undefined && targets.some((t) => last(t) === scope.selfKey) ? scope.selfKey : undefined;
        if (ref.key !== undefined) targets = targets.filter((t) => last(t) === ref.key);
        else if (selfKey !== undefined) targets = targets.filter((t) => last(t) === selfKey);
        // Every resource of a module instance that names the same module output means the same thing: resolved once.
        const memoKey = `${here}|${ref.call}|${ref.key ?? selfKey ?? ''}|${typeof (ref.key ?? selfKey)}|${ref.output ?? ''}`;
        const cached = this.moduleRefs.get(memoKey);
        if (cached) return cached;
        let resolved: Resolution;
        if (ref.output) {
          resolved = { hits: [], constants: [] };
          for (const t of targets) mergeInto(resolved, this.moduleOutput(t, ref.output, depth));
        } else {
          const childPath = [...scope.modules.map((m) => m.name), ref.call].join('.');
          const outputs = Object.keys(this.config.module(childPath)?.outputs ?? {});
          const options = outputs.map((output) => {
            const sub: Resolution = { hits: [], constants: [] };
            for (const t of targets) mergeInto(sub, this.moduleOutput(t, output, depth));
            return { output, res: sub };
          });
          resolved = { hits: [], constants: [], choices: [{ what: `module.${ref.call}`, options }] };
        }
        this.moduleRefs.set(memoKey, resolved);
        return resolved;
      }
      case 'var': {
        // A module instance's input variable means the same thing for every resource in it: resolve it once.
        const memoKey = `${here}|${ref.name}`;
        const cached = this.variables.get(memoKey);
        if (cached) return cached;
        const resolved = this.variable(ref.name, scope, depth);
        this.variables.set(memoKey, resolved);
        return resolved;
      }
      case 'local':
        return { hits: [], constants: [], unresolved: `the value is built from local.${ref.name}, which the plan does not record` };
      case 'iteration':
        return ref.name === 'each.value' ? this.eachValue(ref.attribute, scope, depth) : { hits: [], constants: [] };
      case 'other':
        return { hits: [], constants: [] };
    }
  }

  /** An input variable: the root's value from the plan, else the module call's argument in the parent, else its default. */
  private variable(name: string, scope: Scope, depth: number): Resolution {
    if (scope.modules.length === 0) {
      const v = Object.hasOwn(this.config.rootVariables, name) ? this.config.rootVariables[name] : undefined;
      return isObject(v) && 'value' in v ? { hits: [], constants: [v.value] } : { hits: [], constants: [], unresolved: `var.${name} has no value in the plan` };
    }
    const caller = this.callerOf(scope.modules);
    const arg = caller.argument(name);
    if (!arg) {
      const callPath = scope.modules.map((m) => m.name).join('.');
      const variables = this.config.module(callPath)?.variables;
      const def = isObject(variables) && Object.hasOwn(variables, name) ? variables[name] : undefined;
      return isObject(def) && 'default' in def
        ? { hits: [], constants: [def.default] }
        : { hits: [], constants: [], unresolved: `var.${name} of module ${callPath} is not set by its caller` };
    }
    return this.expression(arg, caller.scope, depth + 1);
  }
}

/** Keys and external ids sorted and without repeats (most links hold one). */
function normalized(link: Link): Link {
  if (link.keys.length > 1) link.keys = [...new Set(link.keys)].sort();
  if (link.external.length > 1) link.external = [...new Set(link.external)].sort();
  return link;
}

function mergeInto(into: Resolution, sub: Resolution): void {
  into.hits.push(...sub.hits);
  into.constants.push(...sub.constants);
  if (sub.unresolved) into.unresolved ??= sub.unresolved;
  if (sub.choices) (into.choices ??= []).push(...sub.choices);
  if (sub.byOwnKey) into.byOwnKey = true;
}

/** Identity attributes: a reference through them means the resource itself. */
const IDENTITY = new Set(['id', 'arn', 'bucket', 'name', 'prefix_list_id', 'unique_id']);

function stepOf(moduleInstance: string, call: string): ModuleStep {
  // The last step of `...module.<call>[key]`.
  const i = moduleInstance.lastIndexOf(`module.${call}`);
  const rest = moduleInstance.slice(i + `module.${call}`.length);
  if (rest.startsWith('[')) {
    const inner = rest.slice(1, -1);
    return { name: call, key: inner.startsWith('"') ? (JSON.parse(inner) as string) : Number(inner) };
  }
  return { name: call };
}

export function looksLikeId(value: string, kinds: readonly NodeKind[]): boolean {
  if (kinds.includes('bucket')) return true;
  return /^[a-z0-9]+-[0-9a-zA-Z]+$/.test(value) || value.startsWith('arn:');
}
