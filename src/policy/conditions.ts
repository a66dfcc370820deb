import { arnMatch } from './arn.js';
import { cidrContains, parseCidr, parseIp } from './ip.js';
import type { BaseOperator, ConditionEntry } from './types.js';
import { substitute } from './variables.js';
import { globMatch } from './wildcard.js';

/** Operators whose meaning is "no value matches": a missing key satisfies them (as IAM does). */
const NEGATED = new Set<BaseOperator>([
  'StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'NumericNotEquals', 'DateNotEquals', 'NotIpAddress', 'ArnNotEquals', 'ArnNotLike',
]);

/** The positive operator a negated one negates. */
const POSITIVE: Partial<Record<BaseOperator, BaseOperator>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

export function isNegated(base: BaseOperator): boolean {
  return NEGATED.has(base);
}

/**
 * Whether one condition entry holds for a request's context. Multiple values
 * of the entry are OR-ed (for a negated operator: no value may match); a
 * missing key fails positive operators and satisfies negated ones, unless
 * `IfExists` makes it true; `ForAnyValue` needs some request value to
 * satisfy the operator (false when the key is missing or empty),
 * `ForAllValues` every one (true when the key is missing or empty).
 */
export function evalCondition(entry: ConditionEntry, context: ReadonlyMap<string, readonly string[]>, variables: boolean): boolean {
  const present = context.get(entry.keyLower);
  if (entry.base === 'Null') {
    const isNull = present === undefined || present.length === 0;
    return entry.values.some((v) => (v.toLowerCase() === 'true' ? isNull : v.toLowerCase() === 'false' ? !isNull : false));
  }
  const values = variables && entry.hasVariables ? entry.values.map((v) => substitute(v, context)).filter((v): v is string => v !== undefined) : entry.values;
  if (entry.set === 'ForAnyValue') {
    if (!present || present.length === 0) return entry.ifExists && !present;
    return present.some((r) => single(entry.base, values, r));
  }
  if (entry.set === 'ForAllValues') {
    if (!present || present.length === 0) return true;
    return present.every((r) => single(entry.base, values, r));
  }
  if (!present || present.length === 0) return entry.ifExists || isNegated(entry.base);
  // A multivalued key under a plain operator: some request value must satisfy a positive
  // operator; for a negated one no request value may match (vpcelint's reading, docs/policy-semantics.md).
  const positive = POSITIVE[entry.base];
  if (positive) return !present.some((r) => single(positive, values, r));
  return present.some((r) => single(entry.base, values, r));
}

/** One request value against the entry's values. */
function single(base: BaseOperator, values: readonly string[], r: string): boolean {
  const positive = POSITIVE[base];
  if (positive) return !values.some((v) => compare(positive, v, r));
  return values.some((v) => compare(base, v, r));
}

function compare(base: BaseOperator, policyValue: string, requestValue: string): boolean {
  switch (base) {
    case 'StringEquals':
    case 'BinaryEquals':
      return policyValue === requestValue;
    case 'StringEqualsIgnoreCase':
      return policyValue.toLowerCase() === requestValue.toLowerCase();
    case 'StringLike':
      return globMatch(policyValue, requestValue);
    case 'ArnEquals':
    case 'ArnLike':
      // Identical values match even when they are not ARNs: plan placeholders stand for ARNs known after apply.
      return policyValue === requestValue || (requestValue.startsWith('arn:') && arnMatch(policyValue, requestValue));
    case 'Bool':
      return policyValue.toLowerCase() === requestValue.toLowerCase();
    case 'IpAddress': {
      const cidr = parseCidr(policyValue);
      const ip = parseIp(requestValue);
      return cidr !== undefined && ip !== undefined && cidrContains(cidr, ip);
    }
    case 'NumericEquals':
    case 'NumericLessThan':
    case 'NumericLessThanEquals':
    case 'NumericGreaterThan':
    case 'NumericGreaterThanEquals':
      return order(base, num(policyValue), num(requestValue));
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals':
      return order(base.replace('Date', 'Numeric') as BaseOperator, parseDate(policyValue), parseDate(requestValue));
    default:
      return false;
  }
}

/** `request OP policy`: NumericLessThan holds when the request value is less than the policy value. */
function order(base: BaseOperator, policy: number | undefined, request: number | undefined): boolean {
  if (policy === undefined || request === undefined) return false;
  switch (base) {
    case 'NumericEquals':
      return request === policy;
    case 'NumericLessThan':
      return request < policy;
    case 'NumericLessThanEquals':
      return request <= policy;
    case 'NumericGreaterThan':
      return request > policy;
    case 'NumericGreaterThanEquals':
      return request >= policy;
    default:
      return false;
  }
}

function num(v: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(v.trim())) return undefined;
  return Number(v);
}

/** ISO 8601 dates, or epoch seconds as IAM also accepts. */
export function parseDate(v: string): number | undefined {
  const t = v.trim();
  if (/^-?\d+$/.test(t)) return Number(t) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}
