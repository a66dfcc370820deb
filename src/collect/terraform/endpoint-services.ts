import type { EndpointService } from '../../model/nodes.js';
import type { Ref } from '../../model/ref.js';
import { isUnknown, unknown, type Maybe } from '../../model/unknown.js';
import { bool, declRef, instancesOf, refOf, str, tagsOf, type BuildContext } from './context.js';
import { attr, field, type Instance } from './instances.js';
import { keepUnattached, markSuspectedOwners, ownershipIn, suspectsText, type Unattached } from './unattached.js';

/**
 * The provider side of PrivateLink: `aws_vpc_endpoint_service`, with its
 * allowed principals from the `allowed_principals` attribute and from
 * `aws_vpc_endpoint_service_allowed_principal` resources.
 */
export function buildEndpointServices(ctx: BuildContext): void {
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint_service')) {
    const ref = refOf(ctx, inst);
    const tags = tagsOf(inst);
    const acceptance = bool(inst, 'acceptance_required', undefined);
    const principals = attributePrincipals(ctx, inst);
    const serviceName = str(inst, 'service_name');
    const service: EndpointService = {
      ref,
      ...(tags ? { tags } : {}),
      acceptanceRequired: acceptance ?? unknown(`${inst.address} does not say whether acceptance is required`),
      allowedPrincipals: principals,
      principalRefs: isUnknown(principals) ? {} : Object.fromEntries(principals.map((p) => [p, ref])),
      ...(serviceName !== undefined ? { serviceName } : {}),
    };
    ctx.inv.endpointServices.set(ref.key, service);
  }
  const unattached: Unattached[] = [];
  for (const inst of instancesOf(ctx, 'aws_vpc_endpoint_service_allowed_principal')) {
    const link = ctx.resolver.link(inst, ['vpc_endpoint_service_id'], ['endpoint-service']);
    const owner = ownershipIn(ctx, link, 'endpoint service');
    const service = owner.kind === 'one' ? ctx.inv.endpointServices.get(owner.key) : undefined;
    if (service) {
      addPrincipal(service, str(inst, 'principal_arn'), declRef(ctx, inst), inst);
      continue;
    }
    if (owner.kind === 'one') continue;
    if (owner.kind === 'unclear') {
      const consequence = 'the allowed principals of the services it may open count as unknown';
      keepUnattached(ctx, unattached, inst, owner, { noun: 'endpoint service', verb: 'opens', consequence, part: 'principals', action: 'allow a principal to connect to' });
      continue;
    }
    const why = link.external.length > 0 ? `${link.external.join(', ')} is not in the plan` : 'no vpc_endpoint_service_id';
    ctx.inv.diagnose({ level: 'note', code: 'unresolved-reference', subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which endpoint service it opens (${why})` });
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.endpointServices.values(), {
    kinds: ['endpoint-service'],
    vpcOf: () => undefined,
    mark: (service, _part, suspects) => {
      // A service open to everyone stays open, whatever else it allows.
      if (!isUnknown(service.allowedPrincipals) && service.allowedPrincipals.includes('*')) return;
      service.allowedPrincipals = unknown(suspectsText(suspects, service.ref));
    },
  });
}

/** `allowed_principals` is optional and computed: unset in the configuration means none from the attribute. */
function attributePrincipals(ctx: BuildContext, inst: Instance): Maybe<string[]> {
  const v = field(inst, 'allowed_principals');
  if (isUnknown(v)) {
    return ctx.resolver.expressionOf(inst, ['allowed_principals'])
      ? unknown(`the allowed principals of ${inst.address} are known only after apply`)
      : [];
  }
  if (!Array.isArray(v)) return [];
  if (v.some((_, i) => isUnknown(attr(inst, 'allowed_principals', i)))) return unknown(`an allowed principal of ${inst.address} is known only after apply`);
  return v.filter((p): p is string => typeof p === 'string' && p !== '');
}

function addPrincipal(service: EndpointService, principal: Maybe<string | undefined>, declaredBy: Ref, inst: Instance): void {
  // `*` admits everyone, whatever else the list holds: known even when the rest is not.
  if (principal === '*' && isUnknown(service.allowedPrincipals)) service.allowedPrincipals = [];
  if (isUnknown(service.allowedPrincipals)) return;
  if (isUnknown(principal) || principal === undefined) {
    if (!service.allowedPrincipals.includes('*')) service.allowedPrincipals = unknown(`the principal of ${inst.address} is known only after apply`);
    return;
  }
  if (!service.allowedPrincipals.includes(principal)) service.allowedPrincipals.push(principal);
  service.principalRefs = { ...service.principalRefs, [principal]: declaredBy };
}
