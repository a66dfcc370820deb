import { Inventory } from '../../model/inventory.js';
import type { PolicySource } from '../../model/nodes.js';
import type { Ref } from '../../model/ref.js';
import { isUnknown } from '../../model/unknown.js';
import { ConfigIndex } from './config.js';
import { declRef, indexByType, releaseBuild, type BuildContext } from './context.js';
import { buildEndpointServices } from './endpoint-services.js';
import { buildEndpoints } from './endpoints.js';
import { buildInstances, field, isSensitive, type Instance, type InstanceTable } from './instances.js';
import { buildNetwork } from './network.js';
import type { PlanJson } from './plan-types.js';
import { linksTold } from './link-from-source.js';
import { policyFromSource } from './policy-from-source.js';
import { rebuildPolicyDocument, rebuildWithSources, type Rebuilt, type SourceLookup } from './iam-policy-document.js';
import type { SourceExpression, WantedExpression } from '../../sourcemap/expression.js';
import { readPlanFile, type ReadOptions } from './read-plan.js';
import { RegionResolver } from './region.js';
import { Resolver } from './resolve.js';
import type { SourceLinks } from './source-links.js';
import { kindOf } from './resource-kinds.js';
import { buildPrefixLists } from './prefix-lists.js';
import { buildSecurityGroups } from './security-groups.js';
import { collectSensitive } from './sensitive.js';
import { buildIam } from './iam.js';
import { buildBuckets } from './storage.js';
import { buildWorkloads } from './workloads.js';

/** Reads a `terraform show -json` plan file (or `-` for stdin) into an inventory. */
export function collectPlanFile(path: string, options: ReadOptions = {}): Inventory {
  return collectPlan(readPlanFile(path, options), path);
}

/** Builds the inventory of a parsed plan: instances, then refs (so ids can be looked up), then nodes and links. */
export function collectPlan(plan: PlanJson, file: string): Inventory {
  return collectPlanInStages(plan, file).finish();
}

/** A plan's inventory, built but for the policies and links only the `.tf` source can give. */
export interface PlanCollection {
  inv: Inventory;
  /** The attributes to look up in the source: the resource's address and the attribute's path in its block. */
  wanted: readonly WantedExpression[];
  /**
   * The links the source tells that the plan's references did not (same order as `wanted`): built `again`
   * with them, the inventory links what this one could not. Empty when it tells nothing new.
   */
  linksTold(found: readonly (SourceExpression | undefined)[]): SourceLinks;
  /** Ends the build with what the source holds for `wanted` (same order; undefined where it has nothing). */
  finish(found?: readonly (SourceExpression | undefined)[]): Inventory;
  /** The inventory built again with the links the source told (linksTold): this build is left unfinished. */
  again(told: SourceLinks): PlanCollection;
}

/**
 * Builds the inventory and stops before letting the plan go, so that the
 * policies written as jsonencode() over values known only after apply, and
 * the links the plan's references cannot tell, can be read from the `.tf`
 * source (asynchronously, often in a worker). Links are read on a first
 * build; what the source tells of them makes a second one (`again`), so that
 * every node, mark and note is made once with them (a route whose table was
 * unclear joins its table, and no table is marked for it).
 */
export function collectPlanInStages(plan: PlanJson, file: string): PlanCollection {
  // What the plan gives whatever the source tells: read once for both builds.
  const table = buildInstances(plan, file);
  const config = new ConfigIndex(plan);
  const byType = indexByType(table);
  const stages = (told?: SourceLinks): PlanCollection => {
    const ctx = contextOf(plan, file, table, config, byType, told);
    buildNodes(ctx);
    return stagesOf(ctx, told === undefined, stages);
  };
  return stages();
}

function stagesOf(ctx: BuildContext, askLinks: boolean, again: (told: SourceLinks) => PlanCollection): PlanCollection {
  const requests = [...ctx.sourcePolicies];
  const documents = ctx.sourceDocuments.map((doc) => ({ doc, paths: rebuildPolicyDocument(ctx, doc).inexact ?? [] }));
  // A build with the links told does not ask for links again: what the source could not tell the first time, it cannot now.
  const links = askLinks ? [...ctx.resolver.checkable.values()] : [];
  const wanted = [
    ...requests.map((r) => ({ address: r.inst.address, path: [r.attribute] })),
    ...documents.flatMap(({ doc, paths }) => paths.map((path) => ({ address: doc.address, path }))),
    ...links.map((l) => ({ address: l.inst.address, path: [l.attribute] })),
  ];
  const linksAt = wanted.length - links.length;
  return {
    inv: ctx.inv,
    wanted,
    again(told) {
      // The plan's instances go on to the next build; only this one's memos of them go.
      ctx.resolver.release();
      return again(told);
    },
    linksTold: (found) => linksTold(ctx, links, found.slice(linksAt)),
    finish(found = []) {
      let next = requests.length;
      const lookups = new Map<Instance, SourceLookup>();
      for (const { doc, paths } of documents) {
        const byPath = new Map(paths.map((p) => [p.join('\u0000'), found[next++]]));
        if ([...byPath.values()].some(Boolean)) lookups.set(doc, (path) => byPath.get(path.join('\u0000')));
      }
      const exact = new Map<string, RebuiltDocument | Extract<Rebuilt, { kind: 'unknown' }>>();
      for (const [doc, again] of rebuildWithSources(ctx, lookups)) exact.set(doc.address, again.kind === 'document' ? { ...again, ref: declRef(ctx, doc), sensitive: isSensitive(doc, 'json') } : again);
      // After the documents: a policy written in the source may read one (`data.aws_iam_policy_document.x.json`).
      const rebuilt = new Map<PolicySource, PolicySource>();
      requests.forEach((r, i) => {
        const at = found[i];
        if (at) rebuilt.set(r.unknown, policyFromSource(ctx, r, at));
      });
      if (rebuilt.size > 0 || exact.size > 0) replacePolicies(ctx.inv, rebuilt, exact);
      releaseBuild(ctx);
      return ctx.inv;
    },
  };
}

/** A policy document rebuilt with its source, where it is, and whether Terraform marks its text sensitive. */
type RebuiltDocument = Extract<Rebuilt, { kind: 'document' }> & { ref: Ref; sensitive: boolean };

/**
 * Every node that holds one of the policies gets its replacement, and every
 * policy written in a document rebuilt again its text: those the plan alone
 * could rebuild, and those it could not (unknown, built from that one
 * document). A document the source could not rebuild either gives its
 * reason, which says where the source is and why.
 */
function replacePolicies(inv: Inventory, replaced: ReadonlyMap<PolicySource, PolicySource>, documents: ReadonlyMap<string, RebuiltDocument | Extract<Rebuilt, { kind: 'unknown' }>>): void {
  for (const holders of [inv.vpcEndpoints.values(), inv.buckets.values(), inv.iamPolicies.values()]) {
    for (const node of holders) {
      const p = replaced.get(node.policy) ?? node.policy;
      node.policy = p;
      if (p.kind === 'absent') continue;
      const from = p.kind === 'document' ? (p.origin ?? p.holder).key : p.builtFrom?.length === 1 ? p.builtFrom[0]! : p.holder.key;
      const doc = documents.get(from);
      if (!doc || (p.kind === 'unknown' && p.builtFrom === undefined && p.attribute !== 'json')) continue;
      if (doc.kind === 'unknown') {
        if (p.kind === 'unknown') node.policy = { ...p, reason: doc.reason };
        continue;
      }
      const placeholders = Object.keys(doc.placeholders).length > 0 ? { placeholders: doc.placeholders } : {};
      const origin = p.holder.key === doc.ref.key ? {} : { origin: doc.ref };
      const sensitive = (p.kind === 'document' && p.sensitive) || doc.sensitive;
      node.policy = { kind: 'document', text: doc.text, holder: p.holder, attribute: p.attribute, sensitive, ...placeholders, ...origin };
    }
  }
}

/** The instances of a plan, indexed, with an empty inventory to fill. */
export function buildContext(plan: PlanJson, file: string): BuildContext {
  const table = buildInstances(plan, file);
  return contextOf(plan, file, table, new ConfigIndex(plan), indexByType(table));
}

/** An empty inventory to fill from the plan's instances, with the links the source told, if any. */
function contextOf(plan: PlanJson, file: string, table: InstanceTable, config: ConfigIndex, byType: Map<string, Instance[]>, told?: SourceLinks): BuildContext {
  const inv = new Inventory({
    kind: 'plan',
    file,
    formatVersion: typeof plan.format_version === 'string' ? plan.format_version : 'unknown',
    ...(typeof plan.terraform_version === 'string' ? { terraformVersion: plan.terraform_version } : {}),
  });
  if (plan.format_version === undefined) {
    inv.diagnose({ level: 'note', code: 'plan-format', file, jsonPath: '$.format_version', message: 'the plan has no format_version; read as the oldest format (0.1)' });
  }
  diagnoseCompleteness(inv, plan, file);
  const resolver = new Resolver(table, config, (id) => inv.refById(id), told);
  const complete = plan.errored !== true && plan.complete !== false;
  return { inv, table, resolver, regions: new RegionResolver(config, resolver), file, complete, byType, sourcePolicies: [], sourceDocuments: [] };
}

/**
 * A plan Terraform saved despite an error, or made with -target, leaves
 * resources out: what is not there cannot be judged, and no finding about it
 * must not read as a clean result.
 */
function diagnoseCompleteness(inv: Inventory, plan: PlanJson, file: string): void {
  if (plan.errored === true) {
    inv.diagnose({
      level: 'warning',
      code: 'plan-errored',
      file,
      jsonPath: '$.errored',
      message: 'Terraform stopped this plan at an error ("errored": true, it cannot be applied): the resources it had not planned yet are missing, so this scan is incomplete. Fix the errors terraform plan reported and scan the new plan',
    });
  } else if (plan.complete === false) {
    inv.diagnose({
      level: 'note',
      code: 'plan-incomplete',
      file,
      jsonPath: '$.complete',
      message: 'Terraform planned only part of the configuration ("complete": false: -target, or changes deferred to a later plan), so the resources it left out are not in this scan',
    });
  }
}

/** Refs for every instance, then the nodes and their links. */
export function buildNodes(ctx: BuildContext): void {
  for (const inst of ctx.table.byAddress.values()) {
    registerRef(ctx, inst);
    collectSensitive(ctx.inv, inst);
  }
  for (const inst of ctx.table.destroyed.values()) if (inst.type === 'aws_vpc_endpoint') registerRef(ctx, inst);

  buildNetwork(ctx);
  buildPrefixLists(ctx);
  // Before endpoints and workloads: they name groups, and get the VPC's default group when they name none.
  buildSecurityGroups(ctx);
  buildEndpoints(ctx);
  buildWorkloads(ctx);
  buildEndpointServices(ctx);
  buildBuckets(ctx);
  buildIam(ctx);
}

function registerRef(ctx: BuildContext, inst: Instance): void {
  const kind = kindOf(inst.mode, inst.type);
  if (!kind) return;
  const ref: Ref = { key: inst.address, kind, type: inst.mode === 'data' ? `data.${inst.type}` : inst.type, address: inst.address };
  const id = field(inst, 'id');
  if (typeof id === 'string' && !isUnknown(id)) ref.id = id;
  const arn = field(inst, 'arn');
  if (typeof arn === 'string') ref.arn = arn;
  const region = ctx.regions.regionOf(inst);
  if (region) ref.region = region;
  const account = ctx.regions.accountOf(inst);
  if (account) ref.account = account;
  const name = nameTag(inst);
  if (name) ref.name = name;
  ctx.inv.register(ref);
}

function nameTag(inst: Instance): string | undefined {
  const tags = field(inst, 'tags');
  if (tags && typeof tags === 'object' && !isUnknown(tags) && !Array.isArray(tags)) {
    const name = (tags as Record<string, unknown>).Name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}
