import type { ConfigModule, ConfigResource, Expression, ModuleCall, PlanJson, ProviderConfig } from './plan-types.js';

/**
 * The `configuration` section indexed by module path (call names joined by
 * '.', '' for root). Configuration addresses carry no module prefix and no
 * instance keys, so instances find their configuration through this index.
 */
export class ConfigIndex {
  private readonly resources = new Map<string, ConfigResource>();
  private readonly modules = new Map<string, ConfigModule>();
  private readonly calls = new Map<string, ModuleCall>();
  readonly providers: Record<string, ProviderConfig>;
  readonly rootVariables: Record<string, { value?: unknown }>;

  constructor(plan: PlanJson) {
    const config = isObject(plan.configuration) ? plan.configuration : {};
    this.providers = isObject(config.provider_config) ? config.provider_config : {};
    this.rootVariables = isObject(plan.variables) ? plan.variables : {};
    const stack: { mod: unknown; path: string; depth: number }[] = [{ mod: config.root_module, path: '', depth: 0 }];
    while (stack.length > 0) {
      const { mod, path, depth } = stack.pop()!;
      if (!isObject(mod) || depth > 200) continue;
      const m = mod as ConfigModule;
      this.modules.set(path, m);
      if (Array.isArray(m.resources)) {
        for (const r of m.resources) {
          if (isObject(r) && typeof r.address === 'string') this.resources.set(`${path}|${r.address}`, r);
        }
      }
      if (isObject(m.module_calls)) {
        for (const [name, call] of Object.entries(m.module_calls)) {
          if (!isObject(call)) continue;
          const childPath = path ? `${path}.${name}` : name;
          this.calls.set(childPath, call);
          stack.push({ mod: call.module, path: childPath, depth: depth + 1 });
        }
      }
    }
  }

  /** The configuration block of a resource, by module path and `type.name` (`data.type.name` for data sources). */
  resource(modulePath: string, address: string): ConfigResource | undefined {
    return this.resources.get(`${modulePath}|${address}`);
  }

  module(modulePath: string): ConfigModule | undefined {
    return this.modules.get(modulePath);
  }

  /** The call that instantiates a module, by the module's path. */
  call(modulePath: string): ModuleCall | undefined {
    return this.calls.get(modulePath);
  }

  /** All resource configurations, for resources that have no instance (count = 0). */
  allResources(): IterableIterator<[string, ConfigResource]> {
    return this.resources.entries();
  }
}

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The expression of an attribute path inside a resource's expressions. Nested
 * blocks come as arrays of expression maps; "attributes as blocks" may come as
 * one flat expression, which is returned as is for the caller to interpret.
 */
export function expressionAt(expressions: Record<string, unknown> | undefined, path: (string | number)[]): Expression | undefined {
  let node: unknown = expressions;
  for (const step of path) {
    if (Array.isArray(node)) node = typeof step === 'number' ? node[step] : undefined;
    else if (isObject(node)) {
      if (isExpression(node)) return node; // a flat expression standing for a whole block
      node = node[step as string];
    } else return undefined;
  }
  return isExpression(node) ? node : undefined;
}

export function isExpression(node: unknown): node is Expression {
  return isObject(node) && ('constant_value' in node || 'references' in node) && Object.keys(node).every((k) => k === 'constant_value' || k === 'references');
}

/** Nested block expressions (e.g. each `route` or `ingress` block), or undefined when the blocks are a flat expression. */
export function blockExpressions(expressions: Record<string, unknown> | undefined, name: string): Record<string, unknown>[] | undefined {
  const node = expressions?.[name];
  if (Array.isArray(node)) return node.filter(isObject);
  if (isObject(node) && !isExpression(node)) return [node];
  return undefined;
}
