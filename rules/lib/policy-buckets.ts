import type { RuleContext, RuleOutput, ScanSettings } from '../../src/engine/rule.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { Bucket, PolicySource, VpcEndpoint } from '../../src/model/nodes.js';
import { displayName, type Ref } from '../../src/model/ref.js';
import { partitionFor, partitionOfArn, s3Arn } from '../../src/model/partition.js';
import { isUnknown } from '../../src/model/unknown.js';
import { bucketPartOf, globMatch, hasWildcard, isNegated, networkFences, parsePolicyCached, perimeterDenies, whyNotFence, writtenResources, type ConditionEntry, type NotAFence, type Policy, type Statement } from '../../src/policy/index.js';
import { PLACEHOLDER_PATTERN, placeholderKeys, wholeValuePlaceholders } from '../../src/model/placeholders.js';
import { isDiagnostic, isReadOnly, once, parsedPolicy, statementLabel, type Diagnostic } from './policy-sites.js';
import { agreed, notEvaluated, readingsOf, type Reading } from './bucket-readings.js';

/** A bucket with a policy the bucket-* rules can judge. */
export interface JudgedBucket {
  bucket: Bucket;
  /** Where the fix goes: the document, the aws_s3_bucket_policy, or the bucket. */
  primary: Ref;
  related: Ref[];
  policy: Policy;
  /** The bucket's resources to ask about: its ARN and an object, or the placeholders that stand for them. */
  resources: string[];
  placeholders: Record<string, string[]>;
  /** Values built from the bucket's ARN or name that a Resource holds whole: the plan alone does not say which part. */
  whole: string[];
  /** With `whole`: the policy under each reading of them (bucket-readings.ts). */
  readings?: Reading[];
  /** The bucket's partition: its ARN is `arn:<partition>:s3:::<name>`. */
  partition: string;
}

/**
 * The loop of the rules that judge each bucket policy: policies that cannot be
 * judged pass through as diagnostics (once per run), every other bucket with a
 * policy goes to `judge`.
 */
export function* eachJudgedBucket(inv: Inventory, ctx: Pick<RuleContext, 'shared'>, judge: (bucket: Bucket, j: JudgedBucket) => Iterable<RuleOutput>): Iterable<RuleOutput> {
  for (const bucket of inv.buckets.values()) {
    const j = judgedBucket(bucket);
    if (!j) continue;
    if (isDiagnostic(j)) yield* once(ctx, j);
    else yield* agreed(ctx, j, (r) => judge(bucket, r));
  }
}

/** judgedBucket, worked out once per run for the rules that judge private buckets (including those a plan only reads). */
export function judgedPrivateBucket(bucket: Bucket, ctx: Pick<RuleContext, 'shared'>): JudgedBucket | Diagnostic | undefined {
  const judged = ctx.shared.get('judged-private-buckets', () => new Map<string, JudgedBucket | Diagnostic | undefined>());
  if (!judged.has(bucket.ref.key)) judged.set(bucket.ref.key, judgedBucket(bucket, true));
  return judged.get(bucket.ref.key);
}

/** The bucket's policy, parsed, with what to probe; a diagnostic when it cannot be judged; undefined when there is none. */
export function judgedBucket(bucket: Bucket, judgeDataSources = false): JudgedBucket | Diagnostic | undefined {
  // The policy of a bucket the plan only reads is outside the plan; only a private bucket must be judged anyway.
  if (bucket.policy.kind === 'unknown' && !judgeDataSources && isReadOnly(bucket.ref)) return undefined;
  const parsed = parsedPolicy(bucket.policy, bucket.ref, 'the bucket policy');
  if (!parsed || isDiagnostic(parsed)) return parsed;
  const { source, policy } = parsed;
  const placeholders = source.placeholders ?? {};
  const partition = partitionFor(bucket.ref, writtenResources(policy));
  const resources = probeResources(bucket, policy, placeholders, partition);
  if (!resources) {
    return { diagnostic: { level: 'note', code: 'not-evaluated', subject: bucket.ref, message: `the bucket policy of ${displayName(bucket.ref)} was not evaluated: the bucket name is known only after apply and the policy names the bucket in no way vpcelint can follow` } };
  }
  const primary = holderOf(source);
  const whole = wholeValues(bucket, policy, placeholders);
  const readings = whole.length > 0 ? readingsOf(bucket, policy, whole, partition) : undefined;
  if (whole.length > 0 && !readings) return notEvaluated(bucket, whole);
  return { bucket, primary, related: primary.key === bucket.ref.key ? [] : [bucket.ref], policy, resources, placeholders, whole, partition, ...(readings ? { readings } : {}) };
}

/** The bucket's placeholders a Resource (or NotResource) holds as its whole value. */
function wholeValues(bucket: Bucket, policy: Policy, placeholders: Record<string, string[]>): string[] {
  return wholeValuePlaceholders(writtenResources(policy), placeholders, bucket.ref.key);
}

function holderOf(source: Extract<PolicySource, { kind: 'document' }>): Ref {
  return source.origin ?? source.holder;
}

/**
 * The bucket's ARN and one of its objects. Where the policy names the bucket
 * by a value known only after apply: a name inside an S3 ARN (the .tf source
 * evaluated: `arn:aws:s3:::<name>`, and "/*" after it for the objects) gives
 * the bucket and an object under that name; a whole value (the plan alone
 * records only that a Resource is built from the bucket's ARN, "${arn}/*"
 * or not) stays itself, and stands for the bucket and its objects alike.
 */
function probeResources(bucket: Bucket, policy: Policy, placeholders: Record<string, string[]>, partition: string): string[] | undefined {
  const own = Object.entries(placeholders).filter(([, keys]) => keys.includes(bucket.ref.key)).map(([p]) => p);
  const written = [...writtenResources(policy)];
  const out = new Set<string>();
  for (const p of own) {
    if (written.some((r) => nameInS3Arn(r)?.startsWith(p))) {
      out.add(s3Arn(partition, p)).add(s3Arn(partition, p, 'vpcelint-object'));
    }
    if (written.some((r) => r.startsWith(p))) out.add(p);
  }
  // Named elsewhere (a condition) with a Resource of wildcards: the placeholders are what there is.
  if (out.size === 0) own.forEach((p) => out.add(p));
  if (out.size > 0) return [...out];
  if (isUnknown(bucket.name)) return undefined;
  return [s3Arn(partition, bucket.name), s3Arn(partition, bucket.name, 'vpcelint-object')];
}

/** What follows "arn:<partition>:s3:::" in an S3 ARN: the bucket name, and the object key after a "/". */
function nameInS3Arn(r: string): string | undefined {
  const m = /^arn:[^:]+:s3:::/.exec(r);
  return m ? r.slice(m[0].length) : undefined;
}

/** An S3 ARN whose bucket name is known only after apply: the placeholder. */
const NAME_AFTER_APPLY = new RegExp(`^arn:[^:]*:s3:::(${PLACEHOLDER_PATTERN})`);

/** Allow statements that grant on a positive aws:SourceVpce / aws:SourceVpc condition: the "VPC-only" Allow. */
export function networkAllows(policy: Policy): { statement: Statement; key: string; values: string[] }[] {
  const out: { statement: Statement; key: string; values: string[] }[] = [];
  for (const s of policy.statements) {
    if (s.effect !== 'Allow') continue;
    for (const c of s.conditions) {
      if ((c.keyLower === 'aws:sourcevpce' || c.keyLower === 'aws:sourcevpc') && !isNegated(c.base) && c.base !== 'Null') out.push({ statement: s, key: c.key, values: c.values });
    }
  }
  return out;
}

/** Why a bucket must be reached only privately: an endpoint policy names it, or the config selects it. */
export type PrivateReason = { kind: 'endpoint'; endpoint: VpcEndpoint; /** By its name or a reference, not only by a pattern. */ byName: boolean } | { kind: 'config'; what: string };

export function privateBuckets(inv: Inventory, ctx: Pick<RuleContext, 'settings' | 'shared'>): ReadonlyMap<string, PrivateReason[]> {
  // Two rules ask: worked out once per run.
  return ctx.shared.get('private-buckets', () => findPrivateBuckets(inv, ctx.settings));
}

function findPrivateBuckets(inv: Inventory, settings: Readonly<ScanSettings>): Map<string, PrivateReason[]> {
  const out = new Map<string, PrivateReason[]>();
  const add = (key: string, r: PrivateReason) => out.set(key, [...(out.get(key) ?? []), r]);
  const buckets = [...inv.buckets.values()];
  const index = new BucketIndex(buckets);
  // Many endpoints share one policy text: name its buckets once.
  const named = new Map<Policy, Map<string, boolean>>();
  for (const ep of inv.vpcEndpoints.values()) {
    if (ep.destroyed || ep.policy.kind !== 'document') continue;
    const r = parsePolicyCached(ep.policy.text);
    if (!r.ok) continue;
    const placeholders = ep.policy.placeholders ?? {};
    let keys = Object.keys(placeholders).length === 0 ? named.get(r.policy) : undefined;
    if (!keys) {
      keys = namedBuckets(r.policy, placeholders, index);
      if (Object.keys(placeholders).length === 0) named.set(r.policy, keys);
    }
    for (const [key, byName] of keys) add(key, { kind: 'endpoint', endpoint: ep, byName });
  }
  const { names, tags } = settings.privateBuckets;
  for (const b of buckets) {
    const name = isUnknown(b.name) ? undefined : b.name;
    const byName = name !== undefined ? names.find((n) => globMatch(n, name)) : undefined;
    if (byName) add(b.ref.key, { kind: 'config', what: `the name pattern "${byName}" of privateBuckets` });
    const byTag = Object.entries(tags).find(([k, v]) => b.tags?.[k] !== undefined && globMatch(v, b.tags[k]!));
    if (byTag) add(b.ref.key, { kind: 'config', what: `the tag ${byTag[0]}=${byTag[1]} of privateBuckets` });
  }
  return out;
}

/**
 * Buckets an endpoint policy's Allow statements name in Resource (a bucket name, a name pattern, or a reference),
 * each with whether some Resource names it by its name or a reference rather than only by a pattern.
 */
function namedBuckets(policy: Policy, placeholders: Record<string, string[]>, index: BucketIndex): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const add = (key: string, byName: boolean) => out.set(key, byName || (out.get(key) ?? false));
  for (const s of policy.statements) {
    if (s.effect !== 'Allow') continue;
    for (const r of s.resource ?? []) {
      const named = placeholderKeys(placeholders, NAME_AFTER_APPLY.exec(r)?.[1] ?? r) ?? [];
      for (const key of named) if (index.keys.has(key)) add(key, true);
      const m = /^arn:[^:]*:s3:::([^/]*)/.exec(r);
      if (!m) continue;
      const name = m[1]!;
      // "arn:aws:s3:::*" names every bucket, that is none in particular.
      if (name === '' || /^[*?]*$/.test(name)) continue;
      const pattern = hasWildcard(name);
      for (const key of index.matching(name)) add(key, !pattern);
    }
  }
  return out;
}

/** Bucket keys by name, for the names endpoint policies write. */
class BucketIndex {
  readonly keys: Set<string>;
  private readonly byName = new Map<string, string[]>();
  constructor(buckets: Bucket[]) {
    this.keys = new Set(buckets.map((b) => b.ref.key));
    for (const b of buckets) if (!isUnknown(b.name)) this.byName.set(b.name, [...(this.byName.get(b.name) ?? []), b.ref.key]);
  }
  matching(name: string): string[] {
    if (!hasWildcard(name)) return this.byName.get(name) ?? [];
    return [...this.byName].filter(([n]) => globMatch(name, n)).flatMap(([, keys]) => keys);
  }
}

/** How a fix names an endpoint: its id, or the Terraform reference that will hold it. */
export function endpointIdForFix(ep: VpcEndpoint): string {
  return ep.ref.id ?? (ep.ref.address ? `\${${ep.ref.address}.id}` : ep.ref.key);
}

/**
 * The network fences of a bucket policy: Deny statements keyed on a network
 * perimeter key that deny requests from the internet for the bucket's
 * objects, where its data is. A Deny on the bucket ARN alone (the "/*"
 * forgotten) stops ListBucket and PutBucketPolicy from outside but leaves
 * every object reachable: no fence. When there is none, `reasons` says, one
 * sentence per perimeter Deny, why it is not one (empty when the policy has
 * no such Deny). May throw NotEvaluable, like networkFences.
 */
export function fencesOf(j: Pick<JudgedBucket, 'bucket' | 'policy' | 'resources' | 'partition'>): { fences: Statement[]; reasons: string[] } {
  // Three rules ask of the same judged bucket; a reading is a new object, asked anew.
  let found = fencesFound.get(j);
  if (!found) {
    try {
      found = findFences(j);
    } catch (err) {
      found = { error: err };
    }
    fencesFound.set(j, found);
  }
  if ('error' in found) throw found.error;
  return found;
}

const fencesFound = new WeakMap<object, { fences: Statement[]; reasons: string[] } | { error: unknown }>();

function findFences(j: Pick<JudgedBucket, 'bucket' | 'policy' | 'resources' | 'partition'>): { fences: Statement[]; reasons: string[] } {
  // A placeholder not inside an ARN (named only in a condition, say) may be either part: it stays.
  const objects = j.resources.filter((r) => bucketPartOf(r) !== 'bucket');
  const data = objects.length > 0 ? objects : j.resources;
  const fences = networkFences(j.policy, { resources: data });
  if (fences.length > 0) return { fences, reasons: [] };
  const onBucketOnly = data.length === j.resources.length ? [] : networkFences(j.policy, { resources: j.resources });
  const reasons = perimeterDenies(j.policy).map((d) =>
    onBucketOnly.includes(d) ? bucketOnly(d, bucketArns(j)) : describeNotFence(whyNotFence(j.policy, { resources: j.resources }, d), bucketArns(j)));
  return { fences, reasons };
}

function bucketOnly(d: Statement, { arn, objects }: BucketArns): string {
  return `${statementLabel(d)} denies only requests on the bucket itself (such as s3:ListBucket and s3:PutBucketPolicy), not on its objects: its Resource names ${arn} but not ${objects}, so the data stays reachable from the internet; add ${objects} to its Resource`;
}

/** The bucket's ARN and its objects', as a fix writes them. */
interface BucketArns {
  arn: string;
  objects: string;
  partition: string;
}

function bucketArns({ bucket, partition }: Pick<JudgedBucket, 'bucket' | 'partition'>): BucketArns {
  return isUnknown(bucket.name)
    ? { arn: 'the bucket ARN', objects: 'the bucket ARN followed by "/*"', partition }
    : { arn: `"${s3Arn(partition, bucket.name)}"`, objects: `"${s3Arn(partition, bucket.name, '*')}"`, partition };
}

function describeNotFence(n: NotAFence, { arn, objects, partition }: BucketArns): string {
  const label = statementLabel(n.statement);
  if (n.why === 'no-request') {
    // A policy copied from another partition's examples (`arn:aws:s3:::` in GovCloud) names nothing here.
    const foreign = (n.statement.resource ?? []).map((r) => ({ r, p: bucketPartOf(r) !== undefined ? partitionOfArn(r) : undefined })).find(({ p }) => p !== undefined && p !== partition);
    if (foreign) {
      return `${label} applies to no S3 request on this bucket: its Resource "${foreign.r}" is an ARN of the ${foreign.p} partition, and the bucket is in ${partition}; write ${arn} and ${objects}`;
    }
    if (n.parts?.actions.includes('object')) {
      return `${label} denies nothing: its actions are authorized on objects, and its Resource names the bucket ARN but not the objects; add ${objects} to its Resource`;
    }
    if (n.parts?.actions.includes('bucket')) {
      return `${label} denies nothing: its actions are authorized on the bucket ARN, and its Resource names objects only; add ${arn} to its Resource`;
    }
    return `${label} applies to no S3 request on this bucket`;
  }
  if (n.conditions.length === 0) return `${label} denies no request that comes from the internet`;
  return `${label} applies only to requests through a VPC endpoint: a request from the internet carries no ${[...new Set(n.conditions.map((c) => c.key))].join(' or ')}, and ${n.conditions.map(conditionText).join(' and ')} ${n.conditions.length === 1 ? 'is' : 'are'} then false`;
}

function conditionText(c: ConditionEntry): string {
  return `"${c.operator}": {"${c.key}": ${JSON.stringify(c.values.length === 1 ? c.values[0] : c.values)}}`;
}
