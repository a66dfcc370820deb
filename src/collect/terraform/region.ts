import { isUnknown } from '../../model/unknown.js';
import { isRegionName } from '../../model/service-name.js';
import { isObject } from './config.js';
import { attr, field, type Instance } from './instances.js';
import type { ConfigIndex } from './config.js';
import type { Resolver } from './resolve.js';
import type { Expression } from './plan-types.js';

/**
 * The region and account a resource lives in: its own `region` argument (AWS
 * provider v6), its ARN when known, else the region of its provider
 * configuration (aliases and module-scoped providers included).
 */
export class RegionResolver {
  private readonly byProvider = new Map<string, string | undefined>();

  constructor(
    private readonly config: ConfigIndex,
    private readonly resolver: Resolver,
  ) {}

  regionOf(inst: Instance): string | undefined {
    const own = field(inst, 'region');
    if (typeof own === 'string' && isRegionName(own)) return own;
    const fromArn = arnPart(inst, 3);
    if (fromArn && isRegionName(fromArn)) return fromArn;
    return this.providerRegion(inst);
  }

  accountOf(inst: Instance): string | undefined {
    const fromArn = arnPart(inst, 4);
    if (fromArn && /^\d{12}$/.test(fromArn)) return fromArn;
    const owner = field(inst, 'owner_id');
    return typeof owner === 'string' && /^\d{12}$/.test(owner) ? owner : undefined;
  }

  private providerRegion(inst: Instance): string | undefined {
    const key = this.resolver.configOf(inst)?.provider_config_key;
    const providerKey = typeof key === 'string' ? key : 'aws';
    if (this.byProvider.has(providerKey)) return this.byProvider.get(providerKey);
    const region = this.evaluate(providerKey);
    this.byProvider.set(providerKey, region);
    return region;
  }

  private evaluate(providerKey: string): string | undefined {
    const providers = this.config.providers;
    // Older plans key module providers as "<module>:aws"; newer ones resolve inheritance and use the root key.
    const candidates = [providerKey, providerKey.slice(providerKey.lastIndexOf(':') + 1), 'aws'];
    for (const k of candidates) {
      const p = Object.hasOwn(providers, k) ? providers[k] : undefined;
      if (!isObject(p)) continue;
      const expr = isObject(p.expressions) ? (p.expressions.region as Expression | undefined) : undefined;
      if (!isObject(expr)) return undefined;
      return this.evaluateRegion(expr, moduleNamesOf(p.module_address));
    }
    return undefined;
  }

  private evaluateRegion(expr: Expression, moduleNames: string[]): string | undefined {
    if (typeof expr.constant_value === 'string') return isRegionName(expr.constant_value) ? expr.constant_value : undefined;
    const res = this.resolver.resolveInModule(moduleNames, expr);
    for (const c of res.constants) if (typeof c === 'string' && isRegionName(c)) return c;
    for (const hit of res.hits) {
      for (const name of [hit.attribute, 'region', 'name', 'id']) {
        if (!name) continue;
        const v = attr(hit.instance, name);
        if (typeof v === 'string' && !isUnknown(v) && isRegionName(v)) return v;
      }
    }
    return undefined;
  }
}

function arnPart(inst: Instance, index: number): string | undefined {
  const arn = field(inst, 'arn');
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return undefined;
  // The index-th colon-separated part, without splitting the whole ARN: every resource asks twice.
  let start = 0;
  for (let i = 0; i < index; i++) {
    const colon = arn.indexOf(':', start);
    if (colon < 0) return undefined;
    start = colon + 1;
  }
  const end = arn.indexOf(':', start);
  return arn.slice(start, end < 0 ? arn.length : end) || undefined;
}

/** `module.a.module.b` → ['a', 'b']. Provider blocks belong to module configurations, not instances. */
function moduleNamesOf(address: unknown): string[] {
  if (typeof address !== 'string' || address === '') return [];
  return address.split('.').filter((_, i) => i % 2 === 1);
}
