import type { NodeKind } from '../../model/ref.js';
import { placeholderName } from '../../model/placeholders.js';
import type { BuildContext } from './context.js';
import type { Instance } from './instances.js';
import { writtenForms } from '../../util/json-string.js';

/** The nodes a value known only after apply can identify. */
const LINKED_KINDS: readonly NodeKind[] = ['vpc-endpoint', 'vpc', 'bucket', 'iam-role', 'iam-user', 'iam-group', 'iam-policy', 'endpoint-service', 'subnet', 'security-group'];

/**
 * The placeholder a policy text uses for an attribute known only after apply,
 * and the inventory nodes it identifies.
 */
export function placeholderFor(ctx: BuildContext, inst: Instance, attribute: string | undefined): { name: string; keys: string[] } {
  const own = placeholderName(inst.address, attribute);
  // An attribute that holds another resource's id (an endpoint's vpc_id) identifies that resource, not its holder.
  // Written under that resource's own name, so that `aws_vpc_endpoint.s3.vpc_id` and `aws_vpc.main.id` in one
  // policy are one value to the policy engine, as they are in AWS.
  if (attribute !== undefined && /.+_id$/.test(attribute)) {
    const linked = ctx.resolver.link(inst, [attribute], LINKED_KINDS);
    const [key] = linked.keys;
    const target = linked.keys.length === 1 && linked.external.length === 0 ? ctx.inv.refByKey(key!) : undefined;
    if (target && target.id === undefined) return { name: placeholderName(key!, 'id'), keys: [key!] };
    return { name: own, keys: linked.keys };
  }
  if (ctx.inv.refByKey(inst.address)) return { name: own, keys: [inst.address] };
  return { name: own, keys: attribute ? ctx.resolver.link(inst, [attribute], LINKED_KINDS).keys : [] };
}

/**
 * The placeholders a policy text holds, of those its evaluation met: a value read and then left out (a marker
 * replace() found nowhere) stands for nothing in it, and must not be taken for the resource it names.
 */
export function placeholdersIn(text: string, placeholders: Readonly<Record<string, string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, keys] of Object.entries(placeholders)) {
    // A JSON text writes a name with quotes (a for_each key) escaped.
    if (writtenForms(name).some((form) => text.includes(form))) out[name] = keys;
  }
  return out;
}
