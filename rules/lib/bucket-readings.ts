import type { RuleContext, RuleOutput } from '../../src/engine/rule.js';
import type { Bucket } from '../../src/model/nodes.js';
import { s3Arn } from '../../src/model/partition.js';
import { placeholderName, placeholderSubject } from '../../src/model/placeholders.js';
import { displayName } from '../../src/model/ref.js';
import { isUnknown } from '../../src/model/unknown.js';
import type { Policy } from '../../src/policy/index.js';
import { isDiagnostic, once, type Diagnostic } from './policy-sites.js';

/**
 * The plan alone records of a value known only after apply only what it is
 * built from: `aws_s3_bucket.x.arn` and `"${aws_s3_bucket.x.arn}/*"` in a
 * Resource are both the ARN's placeholder there. Which part of the bucket
 * it names decides whether a Deny fences the data, so such a policy is
 * judged under each reading (the bucket ARN, or its objects), and a verdict
 * stands only where every reading gives it. The .tf source tells which
 * (collect/terraform/bucket-values.ts), and then there is one reading.
 */
export interface Reading {
  policy: Policy;
  resources: string[];
}

/** More readings than this (two parts for each of several values) are not tried: not evaluated. */
const MAX_WHOLE_VALUES = 2;

/**
 * The readings of a policy that writes values built from the bucket's ARN or
 * name (`whole`) as whole Resource values; undefined when there are too many.
 */
export function readingsOf(bucket: Bucket, policy: Policy, whole: string[], partition: string): Reading[] | undefined {
  // Every bucket rule asks: read once per bucket, so that the rules share the readings' policies (and their caches).
  const cached = readByBucket.get(bucket);
  if (cached?.policy === policy) return cached.readings;
  const readings = read(bucket, policy, whole, partition);
  readByBucket.set(bucket, { policy, readings });
  return readings;
}

const readByBucket = new WeakMap<Bucket, { policy: Policy; readings: Reading[] | undefined }>();

function read(bucket: Bucket, policy: Policy, whole: string[], partition: string): Reading[] | undefined {
  if (whole.length > MAX_WHOLE_VALUES) return undefined;
  // A name known only after apply is written as the .tf source's evaluation writes it.
  const name = isUnknown(bucket.name) ? placeholderName(bucket.ref.key, 'bucket') : bucket.name;
  const arn = s3Arn(partition, name);
  const readings: Reading[] = [];
  for (let choice = 0; choice < 1 << whole.length; choice++) {
    const as = new Map(whole.map((p, i) => [p, choice & (1 << i) ? `${arn}/*` : arn]));
    const sub = (list: string[]) => list.map((r) => as.get(r) ?? r);
    // New statements (the engine remembers answers per statement); the value is the same wherever it is written
    // (a condition on aws:ResourceArn, say). Neither the placeholder nor an ARN reads a policy variable.
    const statements = policy.statements.map((s) => ({
      ...s,
      ...(s.resource ? { resource: sub(s.resource) } : {}),
      ...(s.notResource ? { notResource: sub(s.notResource) } : {}),
      conditions: s.conditions.map((c) => ({ ...c, values: sub(c.values) })),
    }));
    readings.push({ policy: { ...policy, statements }, resources: [arn, `${arn}/vpcelint-object`] });
  }
  return readings;
}

/**
 * A rule's outputs for a bucket judged under each reading: its findings when
 * every reading gives the same, a "not evaluated" note otherwise. Notes the
 * readings give pass through (once per run, as every policy note).
 */
export function* agreed<J extends { bucket: Bucket; readings?: Reading[]; whole: string[] }>(ctx: Pick<RuleContext, 'shared'>, j: J, judge: (j: J) => Iterable<RuleOutput>): Iterable<RuleOutput> {
  if (!j.readings) {
    yield* judge(j);
    return;
  }
  const outcomes = j.readings.map((r) => [...judge({ ...j, ...r, readings: undefined })]);
  yield* outcomes.flat().filter(isDiagnostic);
  const findings = outcomes.map((o) => o.filter((x) => !isDiagnostic(x)));
  const first = findings[0]!.length === 0 ? '' : JSON.stringify(findings[0]);
  if (findings.every((f) => f.length === findings[0]!.length && (f.length === 0 || JSON.stringify(f) === first))) {
    yield* findings[0]!;
    return;
  }
  yield* once(ctx, notEvaluated(j.bucket, j.whole));
}

export function notEvaluated(bucket: Bucket, whole: string[]): Diagnostic {
  const built = whole.map(placeholderSubject).join(' and ');
  return {
    diagnostic: {
      level: 'note',
      code: 'not-evaluated',
      subject: bucket.ref,
      message: `the bucket policy of ${displayName(bucket.ref)} was not evaluated: the plan records only that a Resource of it is built from ${built}, known only after apply, not whether it names the bucket or its objects ("/*" after the ARN), and the two give different verdicts; the .tf files beside the plan say which (--source-root)`,
    },
  };
}
