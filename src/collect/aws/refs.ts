import type { Inventory } from '../../model/inventory.js';
import type { Link } from '../../model/nodes.js';
import type { NodeKind, Ref } from '../../model/ref.js';

/** Where a live resource is: the scanned account and region, and the ARN partition. */
export interface Place {
  account: string;
  region: string;
  partition: string;
}

export interface TagLike {
  Key?: string | undefined;
  Value?: string | undefined;
}

/** EC2 ARN resource types, by node kind (the `type/id` part of the ARN). */
const EC2_ARN_TYPE: Partial<Record<NodeKind, string>> = {
  vpc: 'vpc',
  subnet: 'subnet',
  'route-table': 'route-table',
  'nat-gateway': 'natgateway',
  'internet-gateway': 'internet-gateway',
  'vpc-endpoint': 'vpc-endpoint',
  'endpoint-service': 'vpc-endpoint-service',
  'security-group': 'security-group',
  'prefix-list': 'prefix-list',
  instance: 'instance',
  'network-interface': 'network-interface',
};

/**
 * A live resource's ref: keyed by its AWS id (the ARN for S3 and IAM), with
 * id, ARN, account, region and Name tag; no address, no source location. The
 * Terraform type of the equivalent resource is kept so reports read the same
 * as for a plan.
 */
export function ec2Ref(kind: NodeKind, type: string, id: string, place: Place, opts: { owner?: string | undefined; arn?: string | undefined; tags?: TagLike[] | undefined } = {}): Ref {
  const account = opts.owner && /^\d{12}$/.test(opts.owner) ? opts.owner : place.account;
  const arnType = EC2_ARN_TYPE[kind];
  const arn = opts.arn ?? (arnType ? `arn:${place.partition}:ec2:${place.region}:${account}:${arnType}/${id}` : undefined);
  const name = nameTag(opts.tags);
  return { key: id, kind, type, id, ...(arn ? { arn } : {}), account, region: place.region, ...(name ? { name } : {}) };
}

export function nameTag(tags: TagLike[] | undefined): string | undefined {
  return tags?.find((t) => t.Key === 'Name')?.Value || undefined;
}

export function tagMap(tags: TagLike[] | undefined): { tags?: Record<string, string> } {
  if (!tags || tags.length === 0) return {};
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const t of tags) if (t.Key !== undefined) out[t.Key] = t.Value ?? '';
  return { tags: out };
}

/** Registers a ref unless a node with that key is there already (AWS-managed prefix lists are shared by accounts). */
export function registerOnce(inv: Inventory, ref: Ref): boolean {
  if (inv.refByKey(ref.key)) return false;
  inv.register(ref);
  return true;
}

/**
 * Links AWS ids: those of nodes in the inventory (of the expected kinds) as
 * keys, the rest as external ids. `unread` explains a link whose target set
 * could not be read at all.
 */
export function linkIds(inv: Inventory, ids: readonly (string | undefined)[], kinds: readonly NodeKind[], unread?: string): Link {
  const keys: string[] = [];
  const external: string[] = [];
  for (const id of ids) {
    if (!id) continue;
    const ref = inv.refById(id);
    if (ref && kinds.includes(ref.kind)) keys.push(ref.key);
    else external.push(id);
  }
  const link: Link = { keys: [...new Set(keys)].sort(), external: [...new Set(external)].sort() };
  return unread && external.length > 0 ? { ...link, unresolved: unread } : link;
}
