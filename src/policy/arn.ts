import { globMatch } from './wildcard.js';

/** The six colon-separated parts of an ARN; the last keeps any further colons. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(value: string): Arn | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const next = value.indexOf(':', start);
    if (next < 0) return undefined;
    parts.push(value.slice(start, next));
    start = next + 1;
  }
  return { partition: parts[1]!, service: parts[2]!, region: parts[3]!, account: parts[4]!, resource: value.slice(start) };
}

/**
 * `ArnLike` / `ArnEquals` and the Resource element: each of the six parts is
 * matched on its own, so a wildcard never spans a colon into the next part
 * (the resource part, last, may contain colons). A pattern that is not an ARN
 * is matched as a plain wildcard string.
 */
export function arnMatch(pattern: string, value: string): boolean {
  if (pattern === '*') return true;
  const p = parseArn(pattern);
  if (!p) return globMatch(pattern, value);
  const v = parseArn(value);
  if (!v) return false;
  return (
    globMatch(p.partition, v.partition) &&
    globMatch(p.service, v.service) &&
    globMatch(p.region, v.region) &&
    globMatch(p.account, v.account) &&
    globMatch(p.resource, v.resource)
  );
}

/** The 12-digit account of an ARN, when it names one. */
export function accountOfArn(value: string): string | undefined {
  const a = parseArn(value)?.account;
  return a && /^\d{12}$/.test(a) ? a : undefined;
}
