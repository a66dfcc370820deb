import { InputError } from '../../errors.js';
import { unknown, type Unknown } from '../../model/unknown.js';
import { formatKey, formatModules, parseInstanceAddress, type InstanceAddress, type InstanceKey, type ModuleStep } from './address.js';
import { describe, label } from './read-plan.js';
import type { PlanJson, ResourceChange, ValuesModule, ValuesResource } from './plan-types.js';

export type Action = 'create' | 'update' | 'no-op' | 'read' | 'replace' | 'delete';

/** One resource instance after apply, with its values and what Terraform knows of them. */
export interface Instance {
  address: string;
  /** `module.a["x"].module.b` or '' for the root module. */
  moduleInstance: string;
  modules: ModuleStep[];
  /** Module call names joined by '.', the key into the configuration. */
  configModule: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  key?: InstanceKey;
  values: Record<string, unknown>;
  /** Mirrors `values`: `true` where a value is known only after apply. */
  unknowns: unknown;
  /** Mirrors `values`: `true` where Terraform marks a value sensitive. */
  sensitive: unknown;
  action: Action;
}

export interface InstanceTable {
  /** Instances that exist after apply, by absolute address. */
  byAddress: Map<string, Instance>;
  /** Instances the plan destroys (not replaced), by address. */
  destroyed: Map<string, Instance>;
  /** Instances grouped by module instance and resource (`<moduleInstance>|<type>.<name>`, data sources with `data.`). */
  byResource: Map<string, Instance[]>;
  /** Child module instances by parent module instance and call name (`<parent>|<call>`). */
  moduleInstances: Map<string, string[]>;
  /** Every module instance registered in moduleInstances. */
  knownModules: Set<string>;
}

export function resourceKey(moduleInstance: string, mode: 'managed' | 'data', type: string, name: string): string {
  return `${moduleInstance}|${mode === 'data' ? 'data.' : ''}${type}.${name}`;
}

/**
 * Reads resource_changes first, then prior_state for what it adds (data sources read while planning, and
 * everything when a plan has no changes), then, only for plans without resource_changes, planned_values for
 * what neither has (taken as created). With resource_changes, planned_values adds nothing true: what it alone
 * lists (forgotten objects, with null values) would be taken as created. Large plans are read without it
 * (read-plan.ts), and a plan's result must not depend on its size.
 */
export function buildInstances(plan: PlanJson, file: string): InstanceTable {
  const table: InstanceTable = { byAddress: new Map(), destroyed: new Map(), byResource: new Map(), moduleInstances: new Map(), knownModules: new Set() };
  const changes = plan.resource_changes;
  if (changes !== undefined) {
    if (!Array.isArray(changes)) badType(file, '$.resource_changes', 'an array', changes);
    for (let i = 0; i < changes.length; i++) addChange(table, changes[i], i, file);
  }
  const prior = plan.prior_state;
  if (prior !== undefined && prior !== null) {
    if (typeof prior !== 'object' || Array.isArray(prior)) badType(file, '$.prior_state', 'an object', prior);
    walkValues(table, prior.values?.root_module, '$.prior_state.values.root_module', file, 'no-op');
  }
  if (changes === undefined && plan.planned_values !== undefined) {
    walkValues(table, plan.planned_values?.root_module, '$.planned_values.root_module', file, 'create');
  }
  return table;
}

function addChange(table: InstanceTable, rc: ResourceChange, index: number, file: string): void {
  // The JSON path is built only for an error message: a plan has tens of thousands of changes.
  const path = () => `$.resource_changes[${index}]`;
  if (typeof rc !== 'object' || rc === null || Array.isArray(rc)) badType(file, path(), 'an object', rc);
  checkString(rc.address, path, '.address', file);
  const change = rc.change;
  if (change === undefined || change === null || typeof change !== 'object' || Array.isArray(change)) badType(file, `${path()}.change`, 'an object', change);
  const actions = change.actions;
  const action = Array.isArray(actions) ? actionOf(actions) : undefined;
  if (action === undefined) badType(file, `${path()}.change.actions`, 'an array of strings', actions);
  if (rc.deposed) return; // a deposed object is always on its way out
  if (action === 'delete') {
    const inst = makeInstance(rc.address, asObject(change.before), undefined, change.before_sensitive, 'delete', path, file, rc.module_address);
    if (inst) table.destroyed.set(inst.address, inst);
    return;
  }
  if (action === 'forget') {
    // `removed { lifecycle { destroy = false } }`: Terraform lets go of the object and AWS keeps it as it is, so it
    // stays in the graph, as the change's before says it is.
    const inst = makeInstance(rc.address, asObject(change.before), undefined, change.before_sensitive, 'no-op', path, file, rc.module_address);
    if (inst) add(table, inst);
    return;
  }
  const after = change.after;
  if (after !== null && after !== undefined && (typeof after !== 'object' || Array.isArray(after))) badType(file, `${path()}.change.after`, 'an object', after);
  const inst = makeInstance(rc.address, asObject(after), change.after_unknown, change.after_sensitive, action, path, file, rc.module_address);
  if (inst) add(table, inst);
}

/** The change's action (`forget` alone: with create, the new object is what counts); undefined when an action is no string. */
function actionOf(actions: unknown[]): Action | 'forget' | undefined {
  let create = false;
  let del = false;
  let update = false;
  let read = false;
  let forget = false;
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (typeof a !== 'string') return undefined;
    if (a === 'create') create = true;
    else if (a === 'delete') del = true;
    else if (a === 'update') update = true;
    else if (a === 'read') read = true;
    else if (a === 'forget') forget = true;
  }
  if (del) return create ? 'replace' : 'delete';
  return create ? 'create' : update ? 'update' : read ? 'read' : forget ? 'forget' : 'no-op';
}

function walkValues(table: InstanceTable, mod: ValuesModule | undefined, path: string, file: string, action: Action): void {
  // Iterative: hostile plans can nest modules very deep.
  const stack: { mod: unknown; path: string }[] = [{ mod, path }];
  while (stack.length > 0) {
    const { mod: m, path: p } = stack.pop()!;
    if (m === undefined || m === null) continue;
    if (typeof m !== 'object' || Array.isArray(m)) badType(file, p, 'an object', m);
    const vm = m as ValuesModule;
    if (vm.resources !== undefined) {
      if (!Array.isArray(vm.resources)) badType(file, `${p}.resources`, 'an array', vm.resources);
      vm.resources.forEach((r, i) => addValues(table, r, `${p}.resources[${i}]`, file, action));
    }
    if (vm.child_modules !== undefined) {
      if (!Array.isArray(vm.child_modules)) badType(file, `${p}.child_modules`, 'an array', vm.child_modules);
      vm.child_modules.forEach((c, i) => stack.push({ mod: c, path: `${p}.child_modules[${i}]` }));
    }
  }
}

function addValues(table: InstanceTable, r: ValuesResource, path: string, file: string, action: Action): void {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) badType(file, path, 'an object', r);
  checkString(r.address, () => path, '.address', file);
  if (table.byAddress.has(r.address) || table.destroyed.has(r.address)) return;
  const values = r.values;
  if (values !== undefined && values !== null && (typeof values !== 'object' || Array.isArray(values))) badType(file, `${path}.values`, 'an object', values);
  const inst = makeInstance(r.address, asObject(values), undefined, r.sensitive_values, r.mode === 'data' ? 'read' : action, () => path, file);
  if (inst) add(table, inst);
}

/** Parsed module instances by address: thousands of resources share a few hundred module instances. */
const moduleCache = new Map<string, { modules: ModuleStep[]; moduleInstance: string; configModule: string } | null>();

function moduleOf(moduleAddress: string) {
  let mod = moduleCache.get(moduleAddress);
  if (mod === undefined) {
    // Parse the module path as the prefix of a dummy resource address.
    const parsed = parseInstanceAddress(`${moduleAddress}.x.y`);
    mod = parsed && parsed.mode === 'managed' && parsed.key === undefined
      ? { modules: parsed.modules, moduleInstance: formatModules(parsed.modules), configModule: parsed.modules.map((m) => m.name).join('.') }
      : null;
    if (moduleCache.size >= 100_000) moduleCache.clear();
    moduleCache.set(moduleAddress, mod);
  }
  return mod ?? undefined;
}

function makeInstance(address: string, values: Record<string, unknown>, unknowns: unknown, sensitive: unknown, action: Action, path: () => string, file: string, moduleAddress?: unknown): Instance | undefined {
  // resource_changes name the module instance: parse only the resource part, and each module path once.
  let parsed: InstanceAddress | undefined;
  let mod = typeof moduleAddress === 'string' && moduleAddress !== '' && address.length > moduleAddress.length
    && address.charCodeAt(moduleAddress.length) === 0x2e /* . */ && address.startsWith(moduleAddress) ? moduleOf(moduleAddress) : undefined;
  if (mod) {
    parsed = parseInstanceAddress(address.slice((moduleAddress as string).length + 1));
    if (parsed && parsed.modules.length > 0) parsed = undefined;
  }
  if (!parsed) {
    mod = undefined;
    parsed = parseInstanceAddress(address);
  }
  if (!parsed) throw new InputError(`${label(file)}: cannot parse resource address ${JSON.stringify(address)} at ${path()}.address`, file, `${path()}.address`);
  const modules = mod ? mod.modules : parsed.modules;
  // One object shape for every instance (key undefined when there is none): tens of thousands are made.
  return {
    address,
    moduleInstance: mod ? mod.moduleInstance : formatModules(modules),
    modules,
    configModule: mod ? mod.configModule : modules.map((m) => m.name).join('.'),
    mode: parsed.mode,
    type: parsed.type,
    name: parsed.name,
    key: parsed.key,
    values,
    unknowns,
    sensitive,
    action,
  };
}

function add(table: InstanceTable, inst: Instance): void {
  if (table.byAddress.has(inst.address)) return;
  table.byAddress.set(inst.address, inst);
  const rk = resourceKey(inst.moduleInstance, inst.mode, inst.type, inst.name);
  const list = table.byResource.get(rk);
  if (list) list.push(inst);
  else table.byResource.set(rk, [inst]);
  // Register every module instance on the path under its parent, each once.
  if (inst.moduleInstance === '' || table.knownModules.has(inst.moduleInstance)) return;
  let parent = '';
  for (const step of inst.modules) {
    const self = `${parent}${parent ? '.' : ''}module.${step.name}${formatKey(step.key)}`;
    if (!table.knownModules.has(self)) {
      table.knownModules.add(self);
      const k = `${parent}|${step.name}`;
      const list = table.moduleInstances.get(k);
      if (list) list.push(self);
      else table.moduleInstances.set(k, [self]);
    }
    parent = self;
  }
}

function asObject(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function checkString(v: unknown, path: () => string, member: string, file: string): asserts v is string {
  if (typeof v !== 'string') badType(file, `${path()}${member}`, 'a string', v);
}

function badType(file: string, path: string, expected: string, found: unknown): never {
  throw new InputError(`${label(file)}: expected ${expected} at ${path}, found ${describe(found)}`, file, path);
}

/**
 * Reads an attribute path from an instance: the value, `Unknown` when Terraform
 * will know it only after apply, or undefined when unset ("" counts as unset
 * for the provider's optional string arguments).
 */
export function attr(inst: Instance, ...path: (string | number)[]): unknown {
  return attrAt(inst, path);
}

/** `attr` of one top-level argument, the common case: no path to walk. */
export function field(inst: Instance, name: string | number): unknown {
  const unk = inst.unknowns;
  if (unk === true) return unknown();
  if (unk !== null && typeof unk === 'object' && (unk as Record<string | number, unknown>)[name] === true) return unknown();
  const value = (inst.values as Record<string | number, unknown>)[name];
  return value === null || value === '' ? undefined : value;
}

/** `attr` with the path as an array (callers that already hold one). */
export function attrAt(inst: Instance, path: readonly (string | number)[]): unknown {
  if (path.length === 1) return field(inst, path[0]!);
  let value: unknown = inst.values;
  let unk: unknown = inst.unknowns;
  for (const step of path) {
    if (unk === true) return unknown();
    unk = unk !== null && typeof unk === 'object' ? (unk as Record<string | number, unknown>)[step] : undefined;
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[step] : undefined;
  }
  if (unk === true) return unknown();
  return value === null || value === '' ? undefined : value;
}

export function isSensitive(inst: Instance, name: string): boolean {
  const s = inst.sensitive;
  return s === true || (s !== null && typeof s === 'object' && (s as Record<string, unknown>)[name] === true);
}

export type { Unknown };
