import { jsonErrorPosition } from '../util/json-error-position.js';
import type { BaseOperator, ConditionEntry, Effect, ParseProblem, ParseResult, Policy, PrincipalSpec, SetQualifier, Statement } from './types.js';

const BASE_OPERATORS: readonly BaseOperator[] = [
  'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike',
  'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals',
  'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals',
  'Bool', 'BinaryEquals', 'IpAddress', 'NotIpAddress', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike', 'Null',
];
const BY_LOWER = new Map(BASE_OPERATORS.map((o) => [o.toLowerCase(), o]));
const STATEMENT_KEYS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const TOP_KEYS = new Set(['Version', 'Id', 'Statement']);
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

/** Parses a policy document from its JSON text. Never throws: problems come back with their JSON path. */
export function parsePolicyText(text: string): ParseResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const pos = jsonErrorPosition(text);
    const where = pos ? ` at line ${lineCol(text, pos.offset)} (expected ${pos.expected})` : '';
    return { ok: false, problems: [{ path: '$', message: `not valid JSON${where}: ${(err as Error).message.split('\n')[0]}` }] };
  }
  return parsePolicyObject(doc);
}

/** Parses an already decoded policy document. */
export function parsePolicyObject(doc: unknown): ParseResult {
  const problems: ParseProblem[] = [];
  const fail: Fail = Object.assign((path: string, message: string) => void problems.push({ path, message }), { problems });
  if (!isObject(doc)) return { ok: false, problems: [{ path: '$', message: `a policy must be a JSON object, found ${describe(doc)}` }] };
  for (const k of Object.keys(doc)) if (!TOP_KEYS.has(k)) fail(`$.${k}`, `unknown policy element ${JSON.stringify(k)}`);
  const version = doc.Version;
  if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) {
    fail('$.Version', `Version must be "2012-10-17" or "2008-10-17", found ${describe(version)}`);
  }
  if (doc.Id !== undefined && typeof doc.Id !== 'string') fail('$.Id', `Id must be a string, found ${describe(doc.Id)}`);
  const raw = doc.Statement;
  let list: unknown[] = [];
  let listPath = (i: number) => `$.Statement[${i}]`;
  if (raw === undefined) fail('$.Statement', 'the policy has no Statement');
  else if (Array.isArray(raw)) list = raw;
  else if (isObject(raw)) {
    list = [raw];
    listPath = () => '$.Statement';
  } else fail('$.Statement', `Statement must be an object or a list of objects, found ${describe(raw)}`);
  const statements: Statement[] = [];
  list.forEach((s, i) => {
    const st = parseStatement(s, i, listPath(i), fail);
    if (st) statements.push(st);
  });
  if (problems.length > 0) return { ok: false, problems };
  const policy: Policy = {
    ...(typeof version === 'string' ? { version } : {}),
    ...(typeof doc.Id === 'string' ? { id: doc.Id } : {}),
    statements,
    variablesEnabled: version === '2012-10-17',
  };
  return { ok: true, policy };
}

/** Records a problem; `problems` lets a caller tell whether a part added any. */
type Fail = ((path: string, message: string) => void) & { problems: ParseProblem[] };

function parseStatement(s: unknown, index: number, path: string, fail: Fail): Statement | undefined {
  if (!isObject(s)) {
    fail(path, `a statement must be an object, found ${describe(s)}`);
    return undefined;
  }
  const before = fail.problems.length;
  for (const k of Object.keys(s)) if (!STATEMENT_KEYS.has(k)) fail(`${path}.${k}`, `unknown statement element ${JSON.stringify(k)}`);
  let effect: Effect = 'Allow';
  if (s.Effect === 'Allow' || s.Effect === 'Deny') effect = s.Effect;
  else fail(`${path}.Effect`, s.Effect === undefined ? 'the statement has no Effect' : `Effect must be "Allow" or "Deny", found ${describe(s.Effect)}`);
  if (s.Sid !== undefined && typeof s.Sid !== 'string') fail(`${path}.Sid`, `Sid must be a string, found ${describe(s.Sid)}`);
  const st: Statement = { index, effect, conditions: [], path };
  if (typeof s.Sid === 'string' && s.Sid !== '') st.sid = s.Sid;
  pair(s, 'Principal', 'NotPrincipal', path, fail, false, (name, v) => {
    const spec = parsePrincipal(v, `${path}.${name}`, fail);
    if (spec) st[name === 'Principal' ? 'principal' : 'notPrincipal'] = spec;
  });
  pair(s, 'Action', 'NotAction', path, fail, true, (name, v) => {
    const list = stringList(v, `${path}.${name}`, fail);
    if (list) st[name === 'Action' ? 'action' : 'notAction'] = list;
  });
  // Trust policies (a role's assume_role_policy, often written as a policy document) have no Resource: the role is implied.
  pair(s, 'Resource', 'NotResource', path, fail, false, (name, v) => {
    const list = stringList(v, `${path}.${name}`, fail);
    if (list) st[name === 'Resource' ? 'resource' : 'notResource'] = list;
  });
  if (s.Condition !== undefined) st.conditions = parseConditions(s.Condition, `${path}.Condition`, fail);
  return fail.problems.length === before ? st : undefined;
}

/** Exactly one of a positive element and its `Not` form (or neither, when not required). */
function pair(s: Record<string, unknown>, pos: string, neg: string, path: string, fail: Fail, required: boolean, take: (name: string, v: unknown) => void): void {
  const hasPos = s[pos] !== undefined;
  const hasNeg = s[neg] !== undefined;
  if (hasPos && hasNeg) fail(path, `a statement cannot have both ${pos} and ${neg}`);
  else if (hasPos) take(pos, s[pos]);
  else if (hasNeg) take(neg, s[neg]);
  else if (required) fail(path, `the statement has neither ${pos} nor ${neg}`);
}

function parsePrincipal(v: unknown, path: string, fail: Fail): PrincipalSpec | undefined {
  const spec: PrincipalSpec = { any: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (v === '*') return { ...spec, any: true };
  if (!isObject(v)) {
    fail(path, `a principal must be "*" or an object such as {"AWS": [...]}, found ${describe(v)}`);
    return undefined;
  }
  for (const [type, value] of Object.entries(v)) {
    const list = stringList(value, `${path}.${type}`, fail);
    if (!list) continue;
    switch (type) {
      case 'AWS':
        for (const p of list) {
          // {"AWS": "*"} and "*" are the same principal (IAM User Guide, Principal element).
          if (p === '*') spec.any = true;
          else spec.aws.push(normalizeAwsPrincipal(p));
        }
        break;
      case 'Service':
        spec.service.push(...list);
        break;
      case 'Federated':
        spec.federated.push(...list);
        break;
      case 'CanonicalUser':
        spec.canonicalUser.push(...list);
        break;
      default:
        fail(`${path}.${type}`, `unknown principal type ${JSON.stringify(type)} (expected AWS, Service, Federated or CanonicalUser)`);
    }
  }
  return spec;
}

/** `arn:aws:iam::123456789012:root` and `123456789012` both mean "the account". */
export function normalizeAwsPrincipal(p: string): string {
  const m = /^arn:[^:]+:iam::(\d{12}):root$/.exec(p);
  return m ? m[1]! : p;
}

function parseConditions(v: unknown, path: string, fail: Fail): ConditionEntry[] {
  if (!isObject(v)) {
    fail(path, `Condition must be an object, found ${describe(v)}`);
    return [];
  }
  const out: ConditionEntry[] = [];
  for (const [operator, block] of Object.entries(v)) {
    const opPath = `${path}.${jsonKey(operator)}`;
    const op = parseOperator(operator);
    if (!op) {
      fail(opPath, `unknown condition operator ${JSON.stringify(operator)}`);
      continue;
    }
    if (!isObject(block)) {
      fail(opPath, `a condition operator takes an object of keys, found ${describe(block)}`);
      continue;
    }
    for (const [key, raw] of Object.entries(block)) {
      const keyPath = `${opPath}.${jsonKey(key)}`;
      const values = conditionValues(raw, keyPath, fail);
      if (!values) continue;
      out.push({ operator, ...op, key, keyLower: key.toLowerCase(), values, hasVariables: values.some((v) => v.includes('${')), path: keyPath });
    }
  }
  return out;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts; undefined for an operator IAM does not have. */
export function parseOperator(operator: string): { base: BaseOperator; ifExists: boolean; set?: SetQualifier } | undefined {
  let rest = operator;
  let set: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon).toLowerCase();
    if (q === 'foranyvalue') set = 'ForAnyValue';
    else if (q === 'forallvalues') set = 'ForAllValues';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const base = BY_LOWER.get(rest.toLowerCase());
  if (!base || (base === 'Null' && ifExists)) return undefined;
  return { base, ifExists, ...(set ? { set } : {}) };
}

function conditionValues(raw: unknown, path: string, fail: Fail): string[] | undefined {
  const list = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const [i, v] of list.entries()) {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out.push(String(v));
    else {
      fail(Array.isArray(raw) ? `${path}[${i}]` : path, `a condition value must be a string, number or boolean, found ${describe(v)}`);
      return undefined;
    }
  }
  return out;
}

function stringList(v: unknown, path: string, fail: Fail): string[] | undefined {
  const list = Array.isArray(v) ? v : [v];
  for (const [i, x] of list.entries()) {
    if (typeof x !== 'string') {
      fail(Array.isArray(v) ? `${path}[${i}]` : path, `expected a string, found ${describe(x)}`);
      return undefined;
    }
  }
  return list as string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  return `${typeof v} ${String(v)}`;
}

function jsonKey(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `[${JSON.stringify(k)}]`;
}

function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}
