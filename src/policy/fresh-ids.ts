import type { Inventory } from '../model/inventory.js';
import { idPlaceholder, placeholderKeys, placeholderName, type Placeholders } from '../model/placeholders.js';
import { isDataSource, type Ref } from '../model/ref.js';
import { originCompared } from './through-endpoint.js';
import type { Policy } from './types.js';

/**
 * An endpoint or VPC that the plan creates (or replaces) gets an id nobody has
 * seen: none a policy writes out, and none of another resource the plan
 * manages. So a policy that compares `aws:SourceVpce` only with such ids (a
 * fence listing the other VPCs' endpoints) does not name the new one, and
 * explain can say what the policy does to its requests instead of "not
 * evaluated". Where the policy compares with anything else (a pattern, a data
 * source's id read after apply, a value of unknown origin), it stays not
 * evaluated.
 */

export interface FreshId {
  /** A stand-in for the new id: equal to nothing the policy names, matching only patterns every id matches. */
  value: string;
  /** For the verdict: why the policy does not name it. */
  note: string;
}

/** The stand-in id of a new node, for the request: equal to no value a policy can name. */
const STAND_IN = { 'aws:sourcevpce': 'vpce-0vpcelint0new0id', 'aws:sourcevpc': 'vpc-0vpcelint0new0id' } as const;

/** Patterns that every endpoint or VPC id matches, whatever it turns out to be. */
const MATCH_EVERY = { 'aws:sourcevpce': new Set(['*', 'vpce-*']), 'aws:sourcevpc': new Set(['*', 'vpc-*']) } as const;

export function freshId(inv: Inventory, policy: Policy, placeholders: Placeholders, ref: Ref, keyLower: 'aws:sourcevpce' | 'aws:sourcevpc'): FreshId | undefined {
  const nodes = keyLower === 'aws:sourcevpce' ? inv.vpcEndpoints : inv.vpcs;
  // A data source's id is an existing node's, read (after apply, when unknown) by a filter: it may be anything.
  if (ref.id !== undefined || !ref.address || isDataSource(ref) || !nodes.has(ref.key)) return undefined;
  for (const s of policy.statements) {
    for (const c of s.conditions) {
      if (c.keyLower !== keyLower || c.base === 'Null') continue;
      if (!c.base.startsWith('String') || c.hasVariables) return undefined;
      const like = c.base === 'StringLike' || c.base === 'StringNotLike';
      for (const v of c.values) {
        if (like && /[*?]/.test(v) && !MATCH_EVERY[keyLower].has(v)) return undefined;
        const keys = placeholderKeys(placeholders, v);
        if (keys !== undefined && !keys.every((k) => k !== ref.key && v === placeholderName(k, 'id') && managedNode(nodes, k))) return undefined;
        // A value with a placeholder inside it is built from something known only after apply.
        if (keys === undefined && v.includes('<known after apply:')) return undefined;
      }
    }
  }
  return { value: STAND_IN[keyLower], note: `the id of ${ref.address}, known only after apply, is new: none of the ids the policy names` };
}

function managedNode(nodes: ReadonlyMap<string, { ref: Ref }>, key: string): boolean {
  const node = nodes.get(key);
  return node !== undefined && node.ref.address !== undefined && !isDataSource(node.ref);
}

/**
 * An endpoint's or VPC's id as a policy compares it: known, the placeholder the policy's text uses for it, or,
 * where the policy compares `keyLower` and the node is new, freshId's stand-in with its note; else undefined.
 */
export function comparedId(inv: Inventory, policy: Policy, placeholders: Placeholders, ref: Ref, keyLower: 'aws:sourcevpce' | 'aws:sourcevpc'): { id: string; note?: string } | undefined {
  const id = ref.id ?? idPlaceholder(placeholders, ref.key);
  if (id !== undefined) return { id };
  const compared = originCompared(policy);
  if (!(keyLower === 'aws:sourcevpce' ? compared.endpointId : compared.vpcId)) return undefined;
  const fresh = freshId(inv, policy, placeholders, ref, keyLower);
  return fresh && { id: fresh.value, note: fresh.note };
}
