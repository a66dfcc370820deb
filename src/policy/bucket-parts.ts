import { PLACEHOLDER_PATTERN } from '../model/placeholders.js';
import { actionMatches, resourceMatches } from './match.js';
import { S3_BUCKET_ACTIONS, S3_BUCKET_OR_OBJECT_ACTIONS, S3_OBJECT_ACTIONS, S3_OTHER_ACTIONS } from './s3-actions.generated.js';
import type { Policy, Statement } from './types.js';
import { hasWildcard } from './wildcard.js';

/**
 * Which part of a bucket a request is on. IAM authorizes each S3 action on
 * one resource type (Service Authorization Reference): s3:GetObject on the
 * object ARN (arn:aws:s3:::b/key), s3:PutBucketPolicy and s3:ListBucket on
 * the bucket ARN (arn:aws:s3:::b), and matches a statement's Resource against
 * that ARN only. So a request "s3:GetObject on arn:aws:s3:::b" does not exist,
 * and a Deny of s3:GetObject whose Resource is "arn:aws:s3:::b" denies nothing.
 */
export type BucketPart = 'bucket' | 'object';

const PARTS = new Map<string, readonly BucketPart[]>();
for (const [names, parts] of [
  [S3_BUCKET_ACTIONS, ['bucket']],
  [S3_OBJECT_ACTIONS, ['object']],
  [S3_BUCKET_OR_OBJECT_ACTIONS, ['bucket', 'object']],
  [S3_OTHER_ACTIONS, []],
] as const) {
  for (const n of names) PARTS.set(`s3:${n.toLowerCase()}`, parts);
}

/** Every S3 action that acts on a bucket or its objects: the actions bucket questions ask about (each stands for itself). */
export const BUCKET_VOCABULARY: readonly string[] = [...S3_BUCKET_ACTIONS, ...S3_OBJECT_ACTIONS, ...S3_BUCKET_OR_OBJECT_ACTIONS].map((n) => `s3:${n}`);

const S3_ARN = new RegExp(`^arn:[^:]+:s3:::(?:${PLACEHOLDER_PATTERN}|[^/])*(\\/)?`);

/**
 * The part of a bucket an ARN names; undefined for anything else (a plan's
 * placeholder for a whole value stands for the bucket and its objects alike).
 * A name known only after apply is a placeholder inside the ARN, read whole:
 * a for_each key in it may hold a "/".
 */
export function bucketPartOf(resource: string): BucketPart | undefined {
  const m = S3_ARN.exec(resource);
  if (!m) return undefined;
  return m[1] ? 'object' : 'bucket';
}

/** The parts an action is authorized on; undefined for a name the reference does not list. */
export function partsOf(action: string): readonly BucketPart[] | undefined {
  return PARTS.get(action.toLowerCase());
}

/**
 * Whether a request for `action` on `resource` exists. A name the reference
 * does not list counts only when the policy writes it out (a newer action
 * than the table, say): then it may act on either part. The names the set of
 * representative requests makes up for wildcards and "some other action" are
 * not requests: every S3 action is in the set as itself.
 */
export function requestExists(action: string, resource: string, written: ReadonlySet<string>): boolean {
  return actsOn(action, bucketPartOf(resource), written);
}

/** requestExists for a resource whose part is known (undefined: a placeholder, either part). */
export function actsOn(action: string, part: BucketPart | undefined, written: ReadonlySet<string>): boolean {
  const lower = action.toLowerCase();
  if (!lower.startsWith('s3:')) return false;
  const parts = PARTS.get(lower);
  if (!parts) return written.has(lower);
  return part === undefined ? parts.length > 0 : parts.includes(part);
}

const writtenByPolicy = new WeakMap<Policy, ReadonlySet<string>>();

/** Action names a policy writes without wildcards, case-folded (once per policy: every bucket question asks). */
export function writtenActions(policy: Policy): ReadonlySet<string> {
  let w = writtenByPolicy.get(policy);
  if (!w) writtenByPolicy.set(policy, (w = new Set(policy.statements.flatMap((s) => [...(s.action ?? []), ...(s.notAction ?? [])]).filter((a) => !hasWildcard(a)).map((a) => a.toLowerCase()))));
  return w;
}

const resourcesByPolicy = new WeakMap<Policy, ReadonlySet<string>>();

/** Every Resource and NotResource value a policy writes, as written (once per policy: every bucket rule asks). */
export function writtenResources(policy: Policy): ReadonlySet<string> {
  let r = resourcesByPolicy.get(policy);
  if (!r) resourcesByPolicy.set(policy, (r = new Set(policy.statements.flatMap((s) => [...(s.resource ?? []), ...(s.notResource ?? [])]))));
  return r;
}

const vocabularies = new WeakMap<Policy, readonly string[]>();

/**
 * The S3 actions a policy's bucket questions need: one per part and per set
 * of statements whose Action (or NotAction) matches it. Actions alike in both
 * are alike in every bucket question, so the others add nothing but work.
 */
export function bucketVocabulary(policy: Policy): readonly string[] {
  let v = vocabularies.get(policy);
  if (!v) {
    const seen = new Set<string>();
    v = BUCKET_VOCABULARY.filter((a) => {
      const key = `${partsOf(a)!.join('+')}:${policy.statements.map((s) => (actionMatches(s, a) ? 1 : 0)).join('')}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    vocabularies.set(policy, v);
  }
  return v;
}

/**
 * The parts a statement's actions act on and the parts its Resource names
 * (among a bucket's ARN and object), when the two do not meet: why a Deny of
 * object actions on the bucket ARN alone applies to no request. Undefined
 * when they meet, or when a part is unknown (placeholders, variables).
 */
export function partsMismatch(policy: Policy, stmt: Statement, resources: readonly string[]): { actions: BucketPart[]; resources: BucketPart[] } | undefined {
  const named = writtenActions(policy);
  const actionParts = new Set<BucketPart>();
  for (const a of [...BUCKET_VOCABULARY, ...named]) {
    if (!a.startsWith('s3:') || !actionMatches(stmt, a)) continue;
    const parts = partsOf(a);
    if (!parts) return undefined;
    for (const p of parts) actionParts.add(p);
  }
  const resourceParts = new Set<BucketPart>();
  for (const r of resources) {
    const part = bucketPartOf(r);
    if (!resourceMatches(stmt, r, new Map(), false)) continue;
    if (part === undefined) return undefined;
    resourceParts.add(part);
  }
  if (actionParts.size === 0 || resourceParts.size === 0 || [...actionParts].some((p) => resourceParts.has(p))) return undefined;
  return { actions: [...actionParts], resources: [...resourceParts] };
}
