import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  configSteps,
  formatKey,
  formatModules,
  parseInstanceAddress,
  parseReference,
  rangeFor,
  startLoadingSources
} from "./chunk-234V7QFA.js";
import {
  isDirectory,
  tfFiles
} from "./chunk-74UFNRK3.js";
import {
  InputError,
  Inventory,
  UsageError,
  aRegionOf,
  isReadFailure,
  isRegionName,
  isUnknown,
  parseServiceName,
  partitionFor,
  partitionOfArn,
  partitionOfRef,
  partitionOfRegion,
  s3Arn,
  terminalLine,
  unknown,
  writtenPartition
} from "./chunk-CSE4GAFU.js";

// src/model/ref.ts
function displayName(ref) {
  if (ref.address) return clip(ref.address);
  const base = clip(ref.id ?? ref.arn ?? ref.key);
  return ref.name ? `${base} (${clip(ref.name)})` : base;
}
function clip(text) {
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}
function isDataSource(ref) {
  return ref.type?.startsWith("data.") === true;
}

// rules/lib/bucket-snippets.ts
var BUCKET_FENCE = [
  'data "aws_iam_policy_document" "data_bucket" {',
  "  statement {",
  '    sid       = "DenyOutsideEndpoint"',
  '    effect    = "Deny"',
  '    actions   = ["s3:*"]',
  '    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]',
  "    principals {",
  '      type        = "*"',
  '      identifiers = ["*"]',
  "    }",
  "    condition {",
  '      test     = "StringNotEquals"',
  '      variable = "aws:SourceVpce"',
  "      values   = [aws_vpc_endpoint.s3.id]",
  "    }",
  "    # Keep administration and AWS services working from outside the VPC.",
  "    condition {",
  '      test     = "ArnNotLike"',
  '      variable = "aws:PrincipalArn"',
  "      values   = [aws_iam_role.admin.arn]",
  "    }",
  "    condition {",
  '      test     = "BoolIfExists"',
  '      variable = "aws:ViaAWSService"',
  '      values   = ["false"]',
  "    }",
  "  }",
  "}",
  "",
  'resource "aws_s3_bucket_policy" "data" {',
  "  bucket = aws_s3_bucket.data.id",
  "  policy = data.aws_iam_policy_document.data_bucket.json",
  "}"
];

// src/util/json-error-position.ts
function jsonErrorPosition(text) {
  let i = 0;
  const n = text.length;
  const stack = [];
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const fail = (expected) => ({ offset: i, expected });
  const readString = () => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return true;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== void 0 && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else if (c < 32) return false;
      else i++;
    }
    return false;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const readValue = () => {
    const c = text[i];
    if (c === "{") {
      stack.push({ kind: "object", state: "first" });
      i++;
      return true;
    }
    if (c === "[") {
      stack.push({ kind: "array", state: "first" });
      i++;
      return true;
    }
    if (c === '"') return readString();
    for (const lit of ["true", "false", "null"]) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0].length > 0) {
      i += m[0].length;
      return true;
    }
    return false;
  };
  ws();
  if (i >= n) return fail("a value");
  if (!readValue()) return fail("a value");
  for (; ; ) {
    ws();
    const top = stack[stack.length - 1];
    if (!top) break;
    const c = text[i];
    if (i >= n) return fail(top.kind === "object" ? '"}"' : '"]"');
    if (top.kind === "object") {
      if (top.state === "first" && c === "}") {
        i++;
        stack.pop();
        continue;
      }
      if (top.state === "first" || top.state === "key") {
        if (c !== '"' || !readString()) return fail("a property name in double quotes");
        top.state = "colon";
      } else if (top.state === "colon") {
        if (c !== ":") return fail('":"');
        i++;
        ws();
        top.state = "comma";
        if (!readValue()) return fail("a value");
      } else {
        if (c === ",") {
          i++;
          top.state = "key";
        } else if (c === "}") {
          i++;
          stack.pop();
        } else return fail('"," or "}"');
      }
    } else {
      if (top.state === "first" && c === "]") {
        i++;
        stack.pop();
        continue;
      }
      if (top.state === "first" || top.state === "value") {
        top.state = "comma";
        if (!readValue()) return fail("a value");
      } else if (c === ",") {
        i++;
        top.state = "value";
      } else if (c === "]") {
        i++;
        stack.pop();
      } else return fail('"," or "]"');
    }
  }
  ws();
  if (i < n) return fail("the end of the document");
  return void 0;
}

// src/policy/parse.ts
var BASE_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null"
];
var BY_LOWER = new Map(BASE_OPERATORS.map((o) => [o.toLowerCase(), o]));
var STATEMENT_KEYS = /* @__PURE__ */ new Set(["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"]);
var TOP_KEYS = /* @__PURE__ */ new Set(["Version", "Id", "Statement"]);
var VERSIONS = /* @__PURE__ */ new Set(["2012-10-17", "2008-10-17"]);
function parsePolicyText(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const pos = jsonErrorPosition(text);
    const where3 = pos ? ` at line ${lineCol(text, pos.offset)} (expected ${pos.expected})` : "";
    return { ok: false, problems: [{ path: "$", message: `not valid JSON${where3}: ${err.message.split("\n")[0]}` }] };
  }
  return parsePolicyObject(doc);
}
function parsePolicyObject(doc) {
  const problems = [];
  const fail = Object.assign((path, message) => void problems.push({ path, message }), { problems });
  if (!isObject(doc)) return { ok: false, problems: [{ path: "$", message: `a policy must be a JSON object, found ${describe(doc)}` }] };
  for (const k of Object.keys(doc)) if (!TOP_KEYS.has(k)) fail(`$.${k}`, `unknown policy element ${JSON.stringify(k)}`);
  const version = doc.Version;
  if (version !== void 0 && (typeof version !== "string" || !VERSIONS.has(version))) {
    fail("$.Version", `Version must be "2012-10-17" or "2008-10-17", found ${describe(version)}`);
  }
  if (doc.Id !== void 0 && typeof doc.Id !== "string") fail("$.Id", `Id must be a string, found ${describe(doc.Id)}`);
  const raw = doc.Statement;
  let list3 = [];
  let listPath = (i) => `$.Statement[${i}]`;
  if (raw === void 0) fail("$.Statement", "the policy has no Statement");
  else if (Array.isArray(raw)) list3 = raw;
  else if (isObject(raw)) {
    list3 = [raw];
    listPath = () => "$.Statement";
  } else fail("$.Statement", `Statement must be an object or a list of objects, found ${describe(raw)}`);
  const statements = [];
  list3.forEach((s, i) => {
    const st = parseStatement(s, i, listPath(i), fail);
    if (st) statements.push(st);
  });
  if (problems.length > 0) return { ok: false, problems };
  const policy = {
    ...typeof version === "string" ? { version } : {},
    ...typeof doc.Id === "string" ? { id: doc.Id } : {},
    statements,
    variablesEnabled: version === "2012-10-17"
  };
  return { ok: true, policy };
}
function parseStatement(s, index, path, fail) {
  if (!isObject(s)) {
    fail(path, `a statement must be an object, found ${describe(s)}`);
    return void 0;
  }
  const before = fail.problems.length;
  for (const k of Object.keys(s)) if (!STATEMENT_KEYS.has(k)) fail(`${path}.${k}`, `unknown statement element ${JSON.stringify(k)}`);
  let effect = "Allow";
  if (s.Effect === "Allow" || s.Effect === "Deny") effect = s.Effect;
  else fail(`${path}.Effect`, s.Effect === void 0 ? "the statement has no Effect" : `Effect must be "Allow" or "Deny", found ${describe(s.Effect)}`);
  if (s.Sid !== void 0 && typeof s.Sid !== "string") fail(`${path}.Sid`, `Sid must be a string, found ${describe(s.Sid)}`);
  const st = { index, effect, conditions: [], path };
  if (typeof s.Sid === "string" && s.Sid !== "") st.sid = s.Sid;
  pair(s, "Principal", "NotPrincipal", path, fail, false, (name, v) => {
    const spec = parsePrincipal(v, `${path}.${name}`, fail);
    if (spec) st[name === "Principal" ? "principal" : "notPrincipal"] = spec;
  });
  pair(s, "Action", "NotAction", path, fail, true, (name, v) => {
    const list3 = stringList(v, `${path}.${name}`, fail);
    if (list3) st[name === "Action" ? "action" : "notAction"] = list3;
  });
  pair(s, "Resource", "NotResource", path, fail, false, (name, v) => {
    const list3 = stringList(v, `${path}.${name}`, fail);
    if (list3) st[name === "Resource" ? "resource" : "notResource"] = list3;
  });
  if (s.Condition !== void 0) st.conditions = parseConditions(s.Condition, `${path}.Condition`, fail);
  return fail.problems.length === before ? st : void 0;
}
function pair(s, pos, neg, path, fail, required, take) {
  const hasPos = s[pos] !== void 0;
  const hasNeg = s[neg] !== void 0;
  if (hasPos && hasNeg) fail(path, `a statement cannot have both ${pos} and ${neg}`);
  else if (hasPos) take(pos, s[pos]);
  else if (hasNeg) take(neg, s[neg]);
  else if (required) fail(path, `the statement has neither ${pos} nor ${neg}`);
}
function parsePrincipal(v, path, fail) {
  const spec = { any: false, aws: [], service: [], federated: [], canonicalUser: [] };
  if (v === "*") return { ...spec, any: true };
  if (!isObject(v)) {
    fail(path, `a principal must be "*" or an object such as {"AWS": [...]}, found ${describe(v)}`);
    return void 0;
  }
  for (const [type, value] of Object.entries(v)) {
    const list3 = stringList(value, `${path}.${type}`, fail);
    if (!list3) continue;
    switch (type) {
      case "AWS":
        for (const p of list3) {
          if (p === "*") spec.any = true;
          else spec.aws.push(normalizeAwsPrincipal(p));
        }
        break;
      case "Service":
        spec.service.push(...list3);
        break;
      case "Federated":
        spec.federated.push(...list3);
        break;
      case "CanonicalUser":
        spec.canonicalUser.push(...list3);
        break;
      default:
        fail(`${path}.${type}`, `unknown principal type ${JSON.stringify(type)} (expected AWS, Service, Federated or CanonicalUser)`);
    }
  }
  return spec;
}
function normalizeAwsPrincipal(p) {
  const m = /^arn:[^:]+:iam::(\d{12}):root$/.exec(p);
  return m ? m[1] : p;
}
function parseConditions(v, path, fail) {
  if (!isObject(v)) {
    fail(path, `Condition must be an object, found ${describe(v)}`);
    return [];
  }
  const out = [];
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
      out.push({ operator, ...op, key, keyLower: key.toLowerCase(), values, hasVariables: values.some((v2) => v2.includes("${")), path: keyPath });
    }
  }
  return out;
}
function parseOperator(operator) {
  let rest = operator;
  let set2;
  const colon = rest.indexOf(":");
  if (colon >= 0) {
    const q = rest.slice(0, colon).toLowerCase();
    if (q === "foranyvalue") set2 = "ForAnyValue";
    else if (q === "forallvalues") set2 = "ForAllValues";
    else return void 0;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith("ifexists")) {
    ifExists = true;
    rest = rest.slice(0, -"ifexists".length);
  }
  const base = BY_LOWER.get(rest.toLowerCase());
  if (!base || base === "Null" && ifExists) return void 0;
  return { base, ifExists, ...set2 ? { set: set2 } : {} };
}
function conditionValues(raw, path, fail) {
  const list3 = Array.isArray(raw) ? raw : [raw];
  const out = [];
  for (const [i, v] of list3.entries()) {
    if (typeof v === "string") out.push(v);
    else if (typeof v === "boolean" || typeof v === "number" && Number.isFinite(v)) out.push(String(v));
    else {
      fail(Array.isArray(raw) ? `${path}[${i}]` : path, `a condition value must be a string, number or boolean, found ${describe(v)}`);
      return void 0;
    }
  }
  return out;
}
function stringList(v, path, fail) {
  const list3 = Array.isArray(v) ? v : [v];
  for (const [i, x] of list3.entries()) {
    if (typeof x !== "string") {
      fail(Array.isArray(v) ? `${path}[${i}]` : path, `expected a string, found ${describe(x)}`);
      return void 0;
    }
  }
  return list3;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  return `${typeof v} ${String(v)}`;
}
function jsonKey(k) {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `[${JSON.stringify(k)}]`;
}
function lineCol(text, offset) {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

// src/policy/cache.ts
var cache = /* @__PURE__ */ new Map();
var LIMIT = 2e5;
function parsePolicyCached(text) {
  const hit = cache.get(text);
  if (hit) return hit;
  const result2 = parsePolicyText(text);
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value);
  cache.set(text, result2);
  return result2;
}
function clearPolicyCache() {
  cache.clear();
}

// src/policy/wildcard.ts
function globMatch(pattern, text, ignoreCase = false) {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const t = ignoreCase ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    const c = p.charCodeAt(pi);
    if (pi < p.length && (c === QUESTION || c === t.charCodeAt(ti)) && c !== STAR) {
      pi++;
      ti++;
    } else if (pi < p.length && c === STAR) {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p.charCodeAt(pi) === STAR) pi++;
  return pi === p.length;
}
function hasWildcard(pattern) {
  return pattern.includes("*") || pattern.includes("?");
}
function instantiate(pattern, fill = "") {
  let out = "";
  for (const ch of pattern) out += ch === "*" ? fill : ch === "?" ? "q" : ch;
  return out;
}
var STAR = 42;
var QUESTION = 63;

// src/policy/arn.ts
function parseArn(value) {
  if (!value.startsWith("arn:")) return void 0;
  const parts = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const next = value.indexOf(":", start);
    if (next < 0) return void 0;
    parts.push(value.slice(start, next));
    start = next + 1;
  }
  return { partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: value.slice(start) };
}
function arnMatch(pattern, value) {
  if (pattern === "*") return true;
  const p = parseArn(pattern);
  if (!p) return globMatch(pattern, value);
  const v = parseArn(value);
  if (!v) return false;
  return globMatch(p.partition, v.partition) && globMatch(p.service, v.service) && globMatch(p.region, v.region) && globMatch(p.account, v.account) && globMatch(p.resource, v.resource);
}

// src/policy/ip.ts
function parseIp(text) {
  if (text.includes(":")) {
    const v2 = parseIpv6(text);
    return v2 === void 0 ? void 0 : { version: 6, value: v2 };
  }
  const v = parseIpv4(text);
  return v === void 0 ? void 0 : { version: 4, value: v };
}
function parseCidr(text) {
  const slash = text.indexOf("/");
  const addr = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!addr) return void 0;
  const bits = addr.version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash >= 0) {
    const p = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return void 0;
    prefix = Number(p);
    if (prefix > bits) return void 0;
  }
  return { version: addr.version, base: addr.value & mask(bits, prefix), prefix };
}
function cidrContains(cidr, ip) {
  if (cidr.version !== ip.version) return false;
  return (ip.value & mask(cidr.version === 4 ? 32 : 128, cidr.prefix)) === cidr.base;
}
function cidrWithin(inner, outer) {
  return inner.version === outer.version && inner.prefix >= outer.prefix && cidrContains(outer, { version: inner.version, value: inner.base });
}
function firstAddress(c) {
  return formatIp(c.version, c.base);
}
function lastAddress(c) {
  const bits = c.version === 4 ? 32 : 128;
  return formatIp(c.version, c.base | ~mask(bits, c.prefix) & (1n << BigInt(bits)) - 1n);
}
function formatIp(version, value) {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String(value >> s & 255n)).join(".");
  const groups = [];
  for (let s = 112n; s >= 0n; s -= 16n) groups.push((value >> s & 0xffffn).toString(16));
  return groups.join(":");
}
function mask(bits, prefix) {
  const all = (1n << BigInt(bits)) - 1n;
  return prefix === 0 ? 0n : all >> BigInt(bits - prefix) << BigInt(bits - prefix);
}
function parseIpv4(text) {
  const parts = text.split(".");
  if (parts.length !== 4) return void 0;
  let out = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return void 0;
    out = out << 8n | BigInt(Number(p));
  }
  return out;
}
function parseIpv6(text) {
  let head2 = text;
  let tailV4;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === void 0) return void 0;
    head2 = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head2.split("::");
  if (halves.length > 2) return void 0;
  const left = halves[0] ? halves[0].split(":") : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing2 = 8 - left.length - right.length;
  if (halves.length === 1 ? missing2 !== 0 : missing2 < 1) return void 0;
  const groups = [...left, ...Array(halves.length === 2 ? missing2 : 0).fill("0"), ...right];
  let out = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return void 0;
    out = out << 16n | BigInt(parseInt(g, 16));
  }
  if (tailV4 !== void 0) out = out & ~0xffffffffn | tailV4;
  return out;
}
var PRIVATE_RANGES = [
  ["10.0.0.0/8", "RFC 1918"],
  ["172.16.0.0/12", "RFC 1918"],
  ["192.168.0.0/16", "RFC 1918"],
  ["100.64.0.0/10", "RFC 6598 shared address space"],
  ["fd00::/8", "IPv6 unique local"]
].map(([c, name]) => ({ cidr: parseCidr(c), name }));
function privateRangeOf(text) {
  const c = parseCidr(text);
  if (!c) return void 0;
  const hit = PRIVATE_RANGES.find((r) => cidrWithin(c, r.cidr));
  return hit ? `${text} is in ${formatIp(hit.cidr.version, hit.cidr.base)}/${hit.cidr.prefix} (${hit.name})` : void 0;
}

// src/policy/variables.ts
var VARIABLE = /\$\{([^}]*)\}/g;
function hasVariables(value) {
  return value.includes("${");
}
function variableKeys(value) {
  const out = [];
  for (const m of value.matchAll(VARIABLE)) {
    const parsed = parseVariable(m[1]);
    if (parsed.key) out.push(parsed.key);
  }
  return out;
}
function substitute(value, context) {
  if (!hasVariables(value)) return value;
  let failed = false;
  const out = value.replace(VARIABLE, (_all, inner) => {
    const v = parseVariable(inner);
    if (v.literal !== void 0) return v.literal;
    const found = context.get(v.key);
    if (found && found.length === 1) return found[0];
    if (v.fallback !== void 0 && (!found || found.length === 0)) return v.fallback;
    failed = true;
    return "";
  });
  return failed ? void 0 : out;
}
function parseVariable(inner) {
  const t = inner.trim();
  if (t === "*" || t === "?" || t === "$") return { literal: t };
  const comma = t.indexOf(",");
  if (comma < 0) return { key: t.toLowerCase() };
  const key = t.slice(0, comma).trim().toLowerCase();
  const m = /^'([^']*)'$/.exec(t.slice(comma + 1).trim());
  return m ? { key, fallback: m[1] } : { key };
}

// src/policy/conditions.ts
var NEGATED = /* @__PURE__ */ new Set([
  "StringNotEquals",
  "StringNotEqualsIgnoreCase",
  "StringNotLike",
  "NumericNotEquals",
  "DateNotEquals",
  "NotIpAddress",
  "ArnNotEquals",
  "ArnNotLike"
]);
var POSITIVE = {
  StringNotEquals: "StringEquals",
  StringNotEqualsIgnoreCase: "StringEqualsIgnoreCase",
  StringNotLike: "StringLike",
  NumericNotEquals: "NumericEquals",
  DateNotEquals: "DateEquals",
  NotIpAddress: "IpAddress",
  ArnNotEquals: "ArnEquals",
  ArnNotLike: "ArnLike"
};
function isNegated(base) {
  return NEGATED.has(base);
}
function evalCondition(entry, context, variables) {
  const present = context.get(entry.keyLower);
  if (entry.base === "Null") {
    const isNull = present === void 0 || present.length === 0;
    return entry.values.some((v) => v.toLowerCase() === "true" ? isNull : v.toLowerCase() === "false" ? !isNull : false);
  }
  const values = variables && entry.hasVariables ? entry.values.map((v) => substitute(v, context)).filter((v) => v !== void 0) : entry.values;
  if (entry.set === "ForAnyValue") {
    if (!present || present.length === 0) return entry.ifExists && !present;
    return present.some((r) => single(entry.base, values, r));
  }
  if (entry.set === "ForAllValues") {
    if (!present || present.length === 0) return true;
    return present.every((r) => single(entry.base, values, r));
  }
  if (!present || present.length === 0) return entry.ifExists || isNegated(entry.base);
  const positive = POSITIVE[entry.base];
  if (positive) return !present.some((r) => single(positive, values, r));
  return present.some((r) => single(entry.base, values, r));
}
function single(base, values, r) {
  const positive = POSITIVE[base];
  if (positive) return !values.some((v) => compare(positive, v, r));
  return values.some((v) => compare(base, v, r));
}
function compare(base, policyValue, requestValue) {
  switch (base) {
    case "StringEquals":
    case "BinaryEquals":
      return policyValue === requestValue;
    case "StringEqualsIgnoreCase":
      return policyValue.toLowerCase() === requestValue.toLowerCase();
    case "StringLike":
      return globMatch(policyValue, requestValue);
    case "ArnEquals":
    case "ArnLike":
      return policyValue === requestValue || requestValue.startsWith("arn:") && arnMatch(policyValue, requestValue);
    case "Bool":
      return policyValue.toLowerCase() === requestValue.toLowerCase();
    case "IpAddress": {
      const cidr = parseCidr(policyValue);
      const ip = parseIp(requestValue);
      return cidr !== void 0 && ip !== void 0 && cidrContains(cidr, ip);
    }
    case "NumericEquals":
    case "NumericLessThan":
    case "NumericLessThanEquals":
    case "NumericGreaterThan":
    case "NumericGreaterThanEquals":
      return order(base, num(policyValue), num(requestValue));
    case "DateEquals":
    case "DateLessThan":
    case "DateLessThanEquals":
    case "DateGreaterThan":
    case "DateGreaterThanEquals":
      return order(base.replace("Date", "Numeric"), parseDate(policyValue), parseDate(requestValue));
    default:
      return false;
  }
}
function order(base, policy, request) {
  if (policy === void 0 || request === void 0) return false;
  switch (base) {
    case "NumericEquals":
      return request === policy;
    case "NumericLessThan":
      return request < policy;
    case "NumericLessThanEquals":
      return request <= policy;
    case "NumericGreaterThan":
      return request > policy;
    case "NumericGreaterThanEquals":
      return request >= policy;
    default:
      return false;
  }
}
function num(v) {
  if (!/^-?\d+(\.\d+)?$/.test(v.trim())) return void 0;
  return Number(v);
}
function parseDate(v) {
  const t = v.trim();
  if (/^-?\d+$/.test(t)) return Number(t) * 1e3;
  if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return void 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? void 0 : ms;
}

// src/policy/principals.ts
var SESSION = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;
function roleOfSession(arn) {
  const m = SESSION.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : void 0;
}
function awsPrincipalOf(account, arn, named = []) {
  const role = roleOfSession(arn);
  if (!role) return { kind: "aws", account, arn };
  const name = role.slice(role.lastIndexOf("/") + 1);
  const withPath = named.find((n) => n.startsWith(role.slice(0, role.indexOf(":role/") + 6)) && n.endsWith(`/${name}`) && !/[*?]/.test(n));
  return { kind: "aws", account, arn: withPath ?? role, session: arn };
}
function identities(p) {
  const sessionRole = roleOfSession(p.arn);
  if (sessionRole) return { account: p.account, entity: sessionRole, session: p.arn, role: true };
  if (/^arn:[^:]+:iam::\d{12}:root$/.test(p.arn)) return { account: p.account, role: false };
  return { account: p.account, entity: p.arn, ...p.session ? { session: p.session } : {}, role: /^arn:[^:]+:iam::[^:]*:role\//.test(p.arn) };
}
function awsSpecMatches(spec, p) {
  const id = identities(p);
  return spec.aws.some((a) => a === id.account || a === id.entity || a === p.arn || id.session !== void 0 && a === id.session);
}
function awsSpecExempts(spec, p) {
  const id = identities(p);
  const listed = (x) => x !== void 0 && spec.aws.includes(x);
  if (!listed(id.account)) return false;
  if (id.entity !== void 0 && !listed(id.entity)) return false;
  return !id.role || listed(id.session);
}

// src/policy/match.ts
function actionMatches(stmt, action) {
  if (stmt.action) return stmt.action.some((p) => globMatch(p, action, true));
  if (stmt.notAction) return !stmt.notAction.some((p) => globMatch(p, action, true));
  return false;
}
var resourceMemo = /* @__PURE__ */ new WeakMap();
function resourceMatches(stmt, resource, context, variables) {
  const usesVariables = variables && [...stmt.resource ?? [], ...stmt.notResource ?? []].some((p) => p.includes("${"));
  if (usesVariables) return resourceMatchesNow(stmt, resource, context, variables);
  let memo = resourceMemo.get(stmt);
  if (!memo) resourceMemo.set(stmt, memo = /* @__PURE__ */ new Map());
  let hit = memo.get(resource);
  if (hit === void 0) {
    hit = resourceMatchesNow(stmt, resource, context, variables);
    if (memo.size < 1e4) memo.set(resource, hit);
  }
  return hit;
}
function resourceMatchesNow(stmt, resource, context, variables) {
  const any = (patterns) => patterns.some((p) => {
    const v = variables ? substitute(p, context) : p;
    return v !== void 0 && arnMatch(v, resource);
  });
  if (stmt.resource) return any(stmt.resource);
  if (stmt.notResource) return !any(stmt.notResource);
  return true;
}
function principalMatches(stmt, principal) {
  if (stmt.principal) return specMatches(stmt.principal, principal);
  if (stmt.notPrincipal) return !(stmt.notPrincipal.any || (principal.kind === "aws" ? awsSpecExempts(stmt.notPrincipal, principal) : specMatches(stmt.notPrincipal, principal)));
  return true;
}
function specMatches(spec, p) {
  if (spec.any) return true;
  switch (p.kind) {
    case "aws":
      return awsSpecMatches(spec, p);
    case "service":
      return spec.service.includes(p.service);
    case "federated":
      return spec.federated.includes(p.provider);
    case "canonical-user":
      return spec.canonicalUser.includes(p.id);
    case "anonymous":
      return false;
  }
}
function partMatches(policy, stmt, req, keys) {
  if (req.principal !== void 0 && !principalMatches(stmt, req.principal)) return false;
  if (req.action !== void 0 && !actionMatches(stmt, req.action)) return false;
  if (req.resource !== void 0 && !resourceMatches(stmt, req.resource, req.context, policy.variablesEnabled)) return false;
  for (const e of stmt.conditions) {
    if (keys !== "all" && !keys.has(e.keyLower)) continue;
    if (!evalCondition(e, req.context, policy.variablesEnabled)) return false;
  }
  return true;
}

// src/policy/evaluate.ts
function evaluate(policy, req) {
  const matched = policy.statements.filter((s) => statementMatches(policy, s, req)).map((s) => s.index);
  const byIndex = (i) => policy.statements.find((s) => s.index === i);
  if (matched.some((i) => byIndex(i).effect === "Deny")) return { decision: "explicit-deny", matched };
  if (matched.some((i) => byIndex(i).effect === "Allow")) return { decision: "allow", matched };
  return { decision: "implicit-deny", matched };
}
var allows = (p) => p.statements.filter((s) => s.effect === "Allow");
var denies = (p) => p.statements.filter((s) => s.effect === "Deny");
function statementMatches(policy, stmt, req) {
  return partMatches(policy, stmt, req, "all");
}
function makeRequest(input) {
  const context = /* @__PURE__ */ new Map();
  const principal = input.principal ?? { kind: "anonymous" };
  if (principal.kind === "aws") {
    context.set("aws:principalarn", [roleOfSession(principal.arn) ?? principal.arn]);
    context.set("aws:principalaccount", [principal.account]);
    context.set("aws:principalisawsservice", ["false"]);
  } else if (principal.kind === "service") {
    context.set("aws:principalisawsservice", ["true"]);
    context.set("aws:principalservicename", [principal.service]);
  }
  for (const [k, v] of Object.entries(input.context ?? {})) context.set(k.toLowerCase(), Array.isArray(v) ? v : [v]);
  return { action: input.action, resource: input.resource, principal, context };
}

// src/policy/keys.ts
var ENDPOINT_KEYS = ["aws:sourcevpce", "aws:sourcevpc", "aws:vpceaccount", "aws:vpceorgid", "aws:vpceorgpaths", "aws:vpcsourceip", "aws:sourcevpcarn"];
var PERIMETER_NETWORK_KEYS = ["aws:sourcevpce", "aws:sourcevpc", "aws:vpceorgid", "aws:vpceaccount", "aws:vpceorgpaths"];
var NETWORK_CONDITION_KEYS = ["aws:sourcevpce", "aws:sourcevpc", "aws:vpceorgid", "aws:vpceaccount", "aws:vpceorgpaths", "aws:sourceip", "aws:vpcsourceip"];
function dimensionOf(keyLower) {
  if (ENDPOINT_KEYS.includes(keyLower) || keyLower === "aws:sourceip") return "network";
  if (PRINCIPAL_KEYS.has(keyLower) || keyLower.startsWith("aws:principaltag/")) return "principal";
  if (RESOURCE_KEYS.has(keyLower) || keyLower.startsWith("aws:resourcetag/")) return "resource";
  return "other";
}
var PRINCIPAL_KEYS = /* @__PURE__ */ new Set([
  "aws:principalarn",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principaltype",
  "aws:principalisawsservice",
  "aws:principalservicename",
  "aws:principalservicenameslist",
  "aws:userid",
  "aws:username"
]);
var RESOURCE_KEYS = /* @__PURE__ */ new Set(["aws:resourceaccount", "aws:resourceorgid", "aws:resourceorgpaths", "s3:resourceaccount"]);
function keyType(keyLower) {
  if (ARN_KEYS.has(keyLower)) return "arn";
  if (keyLower === "aws:sourceip" || keyLower === "aws:vpcsourceip") return "ip";
  if (BOOL_KEYS.has(keyLower)) return "bool";
  if (keyLower === "aws:currenttime" || keyLower === "aws:tokenissuetime") return "date";
  if (keyLower === "aws:epochtime" || keyLower === "aws:multifactorauthage") return "numeric";
  if (STRING_KEYS.has(keyLower) || /^aws:(principaltag|resourcetag|requesttag)\//.test(keyLower)) return "string";
  return void 0;
}
var ARN_KEYS = /* @__PURE__ */ new Set(["aws:principalarn", "aws:sourcearn", "aws:sourcevpcarn"]);
var BOOL_KEYS = /* @__PURE__ */ new Set(["aws:securetransport", "aws:viaawsservice", "aws:principalisawsservice", "aws:multifactorauthpresent"]);
var STRING_KEYS = /* @__PURE__ */ new Set([
  "aws:sourcevpce",
  "aws:sourcevpc",
  "aws:vpceaccount",
  "aws:vpceorgid",
  "aws:vpceorgpaths",
  "aws:principalaccount",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:principaltype",
  "aws:principalservicename",
  "aws:principalservicenameslist",
  "aws:resourceaccount",
  "aws:resourceorgid",
  "aws:resourceorgpaths",
  "aws:sourceaccount",
  "aws:sourceorgid",
  "aws:sourceorgpaths",
  "aws:userid",
  "aws:username",
  "aws:requestedregion",
  "aws:calledvia",
  "aws:calledviafirst",
  "aws:calledvialast",
  "aws:tagkeys",
  "aws:useragent",
  "aws:referer",
  "aws:federatedprovider",
  "aws:ec2instancesourcevpc",
  "s3:resourceaccount"
]);
var MULTIVALUED_KEYS = /* @__PURE__ */ new Set(["aws:principalorgpaths", "aws:resourceorgpaths", "aws:vpceorgpaths", "aws:tagkeys", "aws:calledvia", "aws:principalservicenameslist"]);
var ALWAYS_PRESENT = /* @__PURE__ */ new Set(["aws:securetransport", "aws:viaawsservice", "aws:currenttime", "aws:epochtime", "aws:requestedregion"]);

// src/policy/not-evaluable.ts
var NotEvaluable = class extends Error {
};

// src/policy/meet.ts
var FILL = "Vpcelintq";
var MAX_STATES = 64e3;
var MAX_PAIRS = 25e4;
function globMeet(a, b) {
  if (!hasWildcard(a)) return globMatch(b, a) ? a : void 0;
  if (!hasWildcard(b)) return globMatch(a, b) ? b : void 0;
  if (isStars(a)) return instantiateFill(b);
  if (isStars(b)) return instantiateFill(a);
  if (!affixesAgree(a, b)) return void 0;
  if ((a.length + 1) * (b.length + 1) > MAX_STATES) throw new NotEvaluable(`two wildcard patterns are too long to compare (${a.length} and ${b.length} characters)`);
  const other = otherChar(a + b);
  const alphabet = [...new Set([...a + b].filter((c) => c !== "*" && c !== "?")), other];
  const width = b.length + 1;
  const id = (i, j) => i * width + j;
  const prev = /* @__PURE__ */ new Map([[0, { from: -1, ch: "" }]]);
  const deque = [0];
  const goal = id(a.length, b.length);
  while (deque.length > 0) {
    const s = deque.shift();
    if (s === goal) return rebuild(prev, goal, a, b, width);
    const i = Math.floor(s / width);
    const j = s % width;
    const visit = (t, ch, free) => {
      if (prev.has(t)) return;
      prev.set(t, { from: s, ch });
      if (free) deque.unshift(t);
      else deque.push(t);
    };
    if (a[i] === "*") visit(id(i + 1, j), "", true);
    if (b[j] === "*") visit(id(i, j + 1), "", true);
    for (const c of alphabet) {
      const ni = step(a, i, c);
      const nj = step(b, j, c);
      if (ni !== void 0 && nj !== void 0) visit(id(ni, nj), c, false);
    }
  }
  return void 0;
}
function arnMeet(a, b) {
  const pa = parseArn(a);
  const pb = parseArn(b);
  if (!pa || !pb) return a === "*" ? b : b === "*" ? a : globMeet(a, b);
  const parts = [];
  for (const k of ["partition", "service", "region", "account", "resource"]) {
    const x = pa[k];
    const y = pb[k];
    const m = x === y ? x : isStars(x) ? y : isStars(y) ? x : globMeet(x, y);
    if (m === void 0) return void 0;
    parts.push(m);
  }
  return `arn:${parts.join(":")}`;
}
function pairwiseMeets(patterns, meet, fold = false) {
  const wild = [...new Set(patterns.filter((p) => hasWildcard(p) && !isStars(p)).map((p) => fold ? p.toLowerCase() : p))];
  if (wild.length < 2) return [];
  const meetOf = meet === "arn" ? arnMeet : globMeet;
  const keyOf2 = (p) => meet === "arn" ? parseArn(p)?.resource : p;
  const keyed = wild.filter((p) => keyOf2(p) !== void 0);
  const loose = wild.filter((p) => keyOf2(p) === void 0);
  const out = /* @__PURE__ */ new Set();
  let pairs = 0;
  const compare2 = (a, b) => {
    if (++pairs > MAX_PAIRS) throw new NotEvaluable(`the policy has too many wildcard patterns that may overlap to compare (${wild.length} on one key)`);
    const m = meetOf(a, b);
    if (m !== void 0) out.add(m);
  };
  const byHead = keyed.map((p) => ({ p, head: head(keyOf2(p)) })).sort((x, y) => x.head < y.head ? -1 : x.head > y.head ? 1 : 0);
  for (let k = 0; k < byHead.length; k++) {
    const { p, head: h } = byHead[k];
    for (let l = k + 1; l < byHead.length && byHead[l].head.startsWith(h); l++) compare2(p, byHead[l].p);
  }
  loose.forEach((p, k) => {
    for (const q of [...keyed, ...loose.slice(k + 1)]) compare2(p, q);
  });
  return [...out];
}
function head(p) {
  const i = p.search(/[*?]/);
  return i < 0 ? p : p.slice(0, i);
}
function affixesAgree(a, b) {
  const ha = head(a);
  const hb = head(b);
  if (!(ha.startsWith(hb) || hb.startsWith(ha))) return false;
  const ta = tail(a);
  const tb = tail(b);
  return ta.endsWith(tb) || tb.endsWith(ta);
}
function tail(p) {
  const i = Math.max(p.lastIndexOf("*"), p.lastIndexOf("?"));
  return p.slice(i + 1);
}
function step(p, i, c) {
  if (i >= p.length) return void 0;
  if (p[i] === "*") return i;
  return p[i] === "?" || p[i] === c ? i + 1 : void 0;
}
function rebuild(prev, goal, a, b, width) {
  const chars = [];
  let filled = false;
  for (let s = goal; s !== 0; ) {
    const { from, ch } = prev.get(s);
    chars.push(ch);
    const i = Math.floor(from / width);
    const j = from % width;
    if (!filled && a[i] === "*" && b[j] === "*") {
      chars.push(FILL);
      filled = true;
    }
    s = from;
  }
  return chars.reverse().join("");
}
function otherChar(text) {
  for (const c of "qxzjkQXZ0") if (!text.includes(c)) return c;
  return "~";
}
function isStars(p) {
  return /^\*+$/.test(p);
}
function instantiateFill(p) {
  let out = "";
  for (const ch of p) out += ch === "*" ? FILL : ch === "?" ? "q" : ch;
  return out;
}

// src/policy/constants.ts
function constantsOf(policy) {
  const out = {
    actions: [],
    resources: [],
    keys: /* @__PURE__ */ new Map(),
    awsPrincipals: [],
    services: [],
    federated: [],
    canonicalUsers: [],
    variableLinks: /* @__PURE__ */ new Map(),
    resourceVariables: /* @__PURE__ */ new Set(),
    actionVariables: /* @__PURE__ */ new Set()
  };
  for (const s of policy.statements) {
    out.actions.push(...s.action ?? [], ...s.notAction ?? []);
    for (const r of [...s.resource ?? [], ...s.notResource ?? []]) {
      out.resources.push(r);
      if (policy.variablesEnabled) for (const k of variableKeys(r)) out.resourceVariables.add(k);
    }
    for (const spec of [s.principal, s.notPrincipal]) {
      if (!spec) continue;
      out.awsPrincipals.push(...spec.aws);
      out.services.push(...spec.service);
      out.federated.push(...spec.federated);
      out.canonicalUsers.push(...spec.canonicalUser);
    }
    for (const c of s.conditions) {
      let entry = out.keys.get(c.keyLower);
      if (!entry) out.keys.set(c.keyLower, entry = { values: [], operators: /* @__PURE__ */ new Set() });
      entry.operators.add(c.base);
      if (c.base === "Null") continue;
      entry.values.push(...c.values);
      if (!policy.variablesEnabled) continue;
      for (const v of c.values) {
        for (const k of variableKeys(v)) {
          let links = out.variableLinks.get(c.keyLower);
          if (!links) out.variableLinks.set(c.keyLower, links = /* @__PURE__ */ new Set());
          links.add(k);
        }
      }
    }
  }
  const partition = writtenPartition([...out.resources, ...out.awsPrincipals]);
  if (partition !== void 0) out.partition = partition;
  return out;
}
var FILL2 = "Vpcelintq";
function valuesFor(keyLower, values, operators, extra = []) {
  const plain = [...values, ...extra].filter((v) => !hasVariables(v));
  const out = /* @__PURE__ */ new Set();
  const type = keyType(keyLower);
  const numeric = [...operators].some((o) => o.startsWith("Numeric")) || type === "numeric";
  const date = [...operators].some((o) => o.startsWith("Date")) || type === "date";
  const ip = operators.has("IpAddress") || operators.has("NotIpAddress") || type === "ip";
  const bool2 = operators.has("Bool") || type === "bool";
  if (bool2) return ["true", "false"];
  for (const v of plain) {
    if (ip) {
      const c = parseCidr(v);
      if (c) {
        out.add(firstAddress(c));
        out.add(lastAddress(c));
      }
      continue;
    }
    if (numeric) {
      const n = Number(v);
      if (Number.isFinite(n)) for (const d of [-1, 0, 1]) out.add(String(n + d));
      continue;
    }
    if (date) {
      const ms = parseDate(v);
      if (ms !== void 0) for (const d of [-1e3, 0, 1e3]) out.add(new Date(ms + d).toISOString());
      continue;
    }
    if (hasWildcard(v)) {
      out.add(instantiate(v, ""));
      out.add(instantiate(v, FILL2));
    } else out.add(v);
    if (operators.has("StringEqualsIgnoreCase") || operators.has("StringNotEqualsIgnoreCase")) out.add(swapCase(v));
  }
  if (!ip && !numeric && !date) {
    const arn = type === "arn" || [...operators].some((o) => o.startsWith("Arn"));
    for (const m of pairwiseMeets(plain, arn ? "arn" : "glob")) {
      out.add(instantiate(m, ""));
      out.add(instantiate(m, FILL2));
    }
  }
  if (ip) {
    for (const candidate of ["203.0.113.77", "198.51.100.77", "192.0.2.77", "2001:db8:ffff::77", "8.8.4.4"]) {
      const a = parseIp(candidate);
      if (!plain.some((v) => {
        const c = parseCidr(v);
        return c !== void 0 && cidrContains(c, a);
      })) {
        out.add(candidate);
        break;
      }
    }
    return [...out];
  }
  if (numeric) {
    if (out.size === 0) out.add("0");
    return [...out];
  }
  if (date) {
    if (out.size === 0) out.add("2020-01-01T00:00:00.000Z");
    return [...out];
  }
  const arnKey = keyLower.startsWith("aws:principalarn") || type === "arn";
  out.add(freshValue(plain, arnKey ? `arn:${writtenPartition(plain) ?? "aws"}:iam::000000000000:role/vpcelint-other` : "vpcelint-other"));
  return [...out];
}
function freshValue(constants3, base) {
  const fallback = `${base}-${constants3.length}`;
  const clashes = (c, candidate) => c === candidate || hasWildcard(c) && !isUniversal(c) && globMatch(c, candidate);
  if (constants3.some((c) => c.endsWith("*") && clashes(c, base))) return fallback;
  for (let i = 0; i < 100; i++) {
    const candidate = i === 0 ? base : `${base}-${i}`;
    if (!constants3.some((c) => clashes(c, candidate))) return candidate;
  }
  return fallback;
}
function isUniversal(pattern, keyLower) {
  if (/^\*+$/.test(pattern)) return true;
  const samples = keyLower === void 0 ? void 0 : domainSamples(keyLower);
  return samples !== void 0 && samples.every((s) => globMatch(pattern, s));
}
var ACCOUNT_SAMPLES = ["000000000000", "111111111111"];
var ORG_SAMPLES = ["o-aaaaaaaaaa", "o-0000000000", `o-${"a".repeat(32)}`, `o-${"0".repeat(32)}`];
var PATH_SAMPLES = ["o-aaaaaaaaaa/r-aaaa/", "o-0000000000/r-0000/", "o-aaaaaaaaaa/r-aaaa/ou-aaaa-aaaaaaaa/", "o-0000000000/r-0000/ou-0000-00000000/"];
function domainSamples(keyLower) {
  if (/^(aws:(principal|resource|vpce|source)account|s3:resourceaccount)$/.test(keyLower)) return ACCOUNT_SAMPLES;
  if (/^aws:(principal|resource|vpce|source)orgid$/.test(keyLower)) return ORG_SAMPLES;
  if (/^aws:(principal|resource|vpce|source)orgpaths$/.test(keyLower)) return PATH_SAMPLES;
  return void 0;
}
function swapCase(v) {
  let out = "";
  for (const ch of v) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
  return out;
}
function arnAccount(value) {
  const a = parseArn(value)?.account;
  return a && !hasWildcard(a) ? a : void 0;
}

// src/policy/space.ts
var MAX_DIM_VALUES = 2e4;
var FRESH_ACCOUNT = "000011112222";
var spaces = /* @__PURE__ */ new WeakMap();
var SPACES_PER_POLICY = 8;
function buildSpace(policy, hints = {}) {
  let byHints = spaces.get(policy);
  if (!byHints) spaces.set(policy, byHints = /* @__PURE__ */ new Map());
  const key = JSON.stringify(hints);
  let space = byHints.get(key);
  if (!space) {
    space = makeSpace(policy, hints);
    if (byHints.size >= SPACES_PER_POLICY) byHints.delete(byHints.keys().next().value);
    byHints.set(key, space);
  }
  return space;
}
function makeSpace(policy, hints) {
  const c = constantsOf(policy);
  const accounts = accountsOf(c, hints);
  const freshAccount = freshValue([...accounts], FRESH_ACCOUNT);
  accounts.add(freshAccount);
  const reps = new KeyReps(c, hints, /* @__PURE__ */ new Map([["aws:principalaccount", [...accounts]]]));
  const freshResources = /* @__PURE__ */ new Set();
  const partition = partitionOf(c, hints);
  const groups = /* @__PURE__ */ new Map();
  const dimFor = (key) => {
    const d = dimensionOf(key);
    return d === "other" ? `key:${key}` : d;
  };
  groups.set("action", { name: "action", keys: /* @__PURE__ */ new Set(), values: actionValues(c, hints) });
  groups.set("resource", { name: "resource", keys: keysIn(c, "resource"), values: resourceValues(c, hints, reps, accounts, freshAccount, freshResources, partition) });
  groups.set("principal", { name: "principal", keys: /* @__PURE__ */ new Set([...keysIn(c, "principal"), "aws:principalarn", "aws:principalaccount", "aws:principalisawsservice", "aws:principalservicename"]), values: principalValues(c, reps, accounts, partition) });
  groups.set("network", { name: "network", keys: /* @__PURE__ */ new Set([...keysIn(c, "network"), "aws:sourcevpce", "aws:sourcevpc"]), values: networkValues(c, reps) });
  for (const key of c.keys.keys()) {
    if (dimensionOf(key) !== "other") continue;
    groups.set(`key:${key}`, { name: `key:${key}`, keys: /* @__PURE__ */ new Set([key]), values: reps.contexts(key).map((context) => ({ context })) });
  }
  const uf = new UnionFind();
  for (const [key, linked] of c.variableLinks) for (const l of linked) uf.union(dimFor(key), dimFor(l));
  for (const l of c.resourceVariables) uf.union("resource", dimFor(l));
  const merged = /* @__PURE__ */ new Map();
  for (const [name, dim] of groups) {
    const root = uf.find(name);
    merged.set(root, [...merged.get(root) ?? [], dim]);
  }
  const dims = [...merged.values()].map((list3) => list3.length === 1 ? list3[0] : product(list3));
  for (const d of dims) if (d.values.length > MAX_DIM_VALUES) throw new NotEvaluable(`the policy has too many combinations of ${d.name} values to evaluate (${d.values.length})`);
  const named = new Map([...c.keys].map(([k, e]) => [k, e.values]));
  return { dims, knownAccounts: accounts, named, freshResources, freshAccount };
}
var KeyReps = class {
  constructor(c, hints, fixed) {
    this.hints = hints;
    for (const [key, e] of c.keys) this.base.set(key, valuesFor(key, e.values, e.operators, this.extra(key)));
    for (const [key, values] of fixed) this.base.set(key, [.../* @__PURE__ */ new Set([...this.base.get(key) ?? [], ...values])]);
    for (const [key, e] of c.keys) {
      const substituted = e.values.filter(hasVariables).flatMap((v) => this.expand(v));
      if (substituted.length > 0) this.base.set(key, [.../* @__PURE__ */ new Set([...this.base.get(key), ...substituted])]);
    }
  }
  hints;
  base = /* @__PURE__ */ new Map();
  extra(key) {
    if (key === "aws:sourcevpce") return [...this.hints.endpoints ?? []];
    if (key === "aws:sourcevpc") return [...this.hints.vpcs ?? []];
    if (key.endsWith("account")) return [...this.hints.accounts ?? []];
    if (key.endsWith("orgid")) return [...this.hints.orgIds ?? []];
    return [];
  }
  /** A value with variables, once per combination of its keys' representative values (bounded). */
  expand(value) {
    let out = [{ text: value, ctx: /* @__PURE__ */ new Map() }];
    for (const k of variableKeys(value)) {
      const vals = this.base.get(k) ?? ["vpcelint-other"];
      out = out.flatMap((o) => vals.map((v) => ({ text: o.text, ctx: new Map([...o.ctx, [k, [v]]]) }))).slice(0, 200);
    }
    return out.map((o) => substitute(o.text, o.ctx)).filter((v) => v !== void 0);
  }
  values(key) {
    return this.base.get(key) ?? [];
  }
  /** Contexts for one key on its own: each value (sets for multivalued keys), and absent when that can happen. */
  contexts(key) {
    const out = this.valueSets(key).map((v) => /* @__PURE__ */ new Map([[key, v]]));
    if (!ALWAYS_PRESENT.has(key)) out.push(/* @__PURE__ */ new Map());
    return out;
  }
  /** The request values a key can take: one value each, or small sets for multivalued keys. */
  valueSets(key) {
    const vals = this.values(key);
    if (!MULTIVALUED_KEYS.has(key)) return vals.map((v) => [v]);
    const sets2 = vals.map((v) => [v]);
    if (vals.length <= 6) for (let i = 0; i < vals.length; i++) for (let j = i + 1; j < vals.length; j++) sets2.push([vals[i], vals[j]]);
    return sets2;
  }
};
function keysIn(c, dim) {
  return new Set([...c.keys.keys()].filter((k) => dimensionOf(k) === dim));
}
function accountsOf(c, hints) {
  const out = new Set(hints.accounts ?? []);
  for (const p of c.awsPrincipals) {
    const a = p.startsWith("arn:") ? arnAccount(p) : p;
    if (a) out.add(a);
  }
  for (const key of ["aws:principalaccount", "aws:resourceaccount", "s3:resourceaccount", "aws:vpceaccount"]) {
    for (const v of c.keys.get(key)?.values ?? []) if (!hasWildcard(v) && !hasVariables(v)) out.add(v);
  }
  for (const v of c.keys.get("aws:principalarn")?.values ?? []) {
    const a = arnAccount(v);
    if (a) out.add(a);
  }
  for (const r of c.resources) {
    const a = arnAccount(r);
    if (a) out.add(a);
  }
  return out;
}
function actionValues(c, hints) {
  const out = new Set(hints.actions ?? []);
  const services = new Set(hints.services ?? []);
  for (const a of [...c.actions, ...hints.actions ?? []]) {
    const colon = a.indexOf(":");
    if (colon > 0 && !hasWildcard(a.slice(0, colon))) services.add(a.slice(0, colon).toLowerCase());
    if (hasWildcard(a)) {
      out.add(instantiate(a, ""));
      out.add(instantiate(a, "Vpcelintq"));
    } else out.add(a);
  }
  for (const m of pairwiseMeets([...c.actions, ...hints.actions ?? []], "glob", true)) {
    out.add(instantiate(m, ""));
    out.add(instantiate(m, "Vpcelintq"));
  }
  for (const s of services) out.add(freshValue(c.actions, `${s}:VpcelintOtherAction`));
  out.add(freshValue(c.actions, "vpcelint-other:OtherAction"));
  return [...out].map((action) => ({ action, context: /* @__PURE__ */ new Map() }));
}
function resourceValues(c, hints, reps, accounts, freshAccount, fresh, partition) {
  const arns = new Set(hints.resources ?? []);
  const patterns = c.resources.flatMap((r) => hasVariables(r) ? reps.expand(r) : [r]);
  for (const f of [...patterns, ...pairwiseMeets(patterns, "arn")]) {
    if (f === "*") continue;
    if (hasWildcard(f)) {
      arns.add(instantiate(f, ""));
      arns.add(instantiate(f, "Vpcelintq"));
    } else arns.add(f);
  }
  for (const f of freshResourceArns(c, hints, freshAccount, partition)) {
    fresh.add(f);
    arns.add(f);
  }
  const keys = keysIn(c, "resource");
  const accountReps = [.../* @__PURE__ */ new Set([...accounts, ...reps.values("aws:resourceaccount"), ...reps.values("s3:resourceaccount")])];
  const others = [...keys].filter((k) => k !== "aws:resourceaccount" && k !== "s3:resourceaccount");
  const out = [];
  for (const arn of arns) {
    const own = parseArn(arn)?.account;
    const accountChoices = own ? [own] : accountReps;
    for (const account of accountChoices) {
      const base = /* @__PURE__ */ new Map();
      if (keys.has("aws:resourceaccount")) base.set("aws:resourceaccount", [account]);
      if (keys.has("s3:resourceaccount")) base.set("s3:resourceaccount", [account]);
      for (const ctx of combine(base, others, reps)) out.push({ resource: arn, context: ctx });
      if (out.length > MAX_DIM_VALUES) throw new NotEvaluable("the policy has too many combinations of resource values to evaluate");
    }
  }
  return out;
}
function freshResourceArns(c, hints, freshAccount, partition) {
  const services = /* @__PURE__ */ new Set(["s3", ...hints.services ?? []]);
  for (const a of c.actions) {
    const colon = a.indexOf(":");
    if (colon > 0 && !hasWildcard(a.slice(0, colon))) services.add(a.slice(0, colon).toLowerCase());
  }
  const generic = [...services].map(
    (s) => freshValue(c.resources, s === "s3" ? s3Arn(partition, "vpcelint-other-bucket", "vpcelint-other-object") : `arn:${partition}:${s}:${aRegionOf(partition)}:${freshAccount}:vpcelint-other`)
  );
  const foreign = c.resources.map((r) => foreignInstance(r, freshAccount, partition)).filter((r) => r !== void 0);
  return foreign.length === 0 ? generic : [.../* @__PURE__ */ new Set([...generic, ...foreign])];
}
function foreignInstance(pattern, freshAccount, partition) {
  if (!hasWildcard(pattern) || S3_ARN_PREFIX.test(pattern) || hasVariables(pattern)) return void 0;
  const p = parseArn(pattern);
  if (!p || !hasWildcard(p.account) || !globMatch(p.account, freshAccount) || NOT_SHARED_ACROSS_ACCOUNTS.has(p.service)) return void 0;
  const home = aRegionOf(partition);
  const region = globMatch(p.region, home) ? home : instantiate(p.region, "vpcelint-other");
  const arn = `arn:${globMatch(p.partition, partition) ? partition : instantiate(p.partition, "aws")}:${instantiate(p.service, "vpcelint-other")}:${region}:${freshAccount}:${instantiate(p.resource, "vpcelint-other")}`;
  return arnMatch(pattern, arn) ? arn : void 0;
}
var S3_ARN_PREFIX = /^arn:[^:]*:s3:::/;
function partitionOf(c, hints) {
  return hints.partition ?? c.partition ?? "aws";
}
var NOT_SHARED_ACROSS_ACCOUNTS = /* @__PURE__ */ new Set(["iot"]);
function isStandInResource(resource) {
  return resource.includes("vpcelint-other") || (parseArn(resource)?.account.startsWith(FRESH_ACCOUNT) ?? false);
}
function freshResourcesOf(policy, hints = {}) {
  const c = constantsOf(policy);
  return freshResourceArns(c, hints, freshValue([...accountsOf(c, hints)], FRESH_ACCOUNT), partitionOf(c, hints));
}
function principalValues(c, reps, accounts, partition) {
  const keys = keysIn(c, "principal");
  const out = [{ principal: { kind: "anonymous" }, context: /* @__PURE__ */ new Map() }];
  const written = c.keys.get("aws:principalarn")?.values ?? [];
  const arnPatterns = [...reps.values("aws:principalarn"), ...written, ...pairwiseMeets(written.filter((v) => !hasVariables(v)), "arn")];
  const named = c.awsPrincipals.filter((p) => p.startsWith("arn:"));
  const subKeys = [...keys].filter((k) => !["aws:principalarn", "aws:principalaccount", "aws:principalisawsservice", "aws:principalservicename"].includes(k));
  for (const account of accounts) {
    const arnsHere = /* @__PURE__ */ new Set();
    for (const p of [...named, ...arnPatterns]) {
      const parsed = parseArn(p);
      if (!parsed || hasVariables(p)) continue;
      if (hasWildcard(parsed.account)) arnsHere.add(instantiate(`arn:${parsed.partition}:${parsed.service}:${parsed.region}:${account}:${parsed.resource}`, ""));
      else if (parsed.account === account) arnsHere.add(hasWildcard(p) ? instantiate(p, "") : p);
    }
    arnsHere.add(freshValue(arnPatterns.concat(named), `arn:${partition}:iam::${account}:role/vpcelint-other`));
    for (const arn of arnsHere) {
      const principal = awsPrincipalOf(account, arn, named);
      const base = /* @__PURE__ */ new Map([
        ["aws:principalarn", [principal.arn]],
        ["aws:principalaccount", [account]],
        ["aws:principalisawsservice", ["false"]]
      ]);
      for (const ctx of combine(base, subKeys, reps)) out.push({ principal, context: ctx });
      if (out.length > MAX_DIM_VALUES) throw new NotEvaluable("the policy has too many combinations of principal values to evaluate");
    }
  }
  for (const v of c.keys.get("aws:principalarn")?.values ?? []) {
    if (v.startsWith("arn:") || hasWildcard(v) || hasVariables(v)) continue;
    const account = `<account of ${v}>`;
    accounts.add(account);
    out.push({ principal: { kind: "aws", account, arn: v }, context: /* @__PURE__ */ new Map([["aws:principalarn", [v]], ["aws:principalaccount", [account]], ["aws:principalisawsservice", ["false"]]]) });
  }
  const services = /* @__PURE__ */ new Set([...c.services, ...reps.values("aws:principalservicename")]);
  services.add(freshValue([...services], "vpcelint-other.amazonaws.com"));
  for (const service of services) {
    out.push({
      principal: { kind: "service", service },
      context: /* @__PURE__ */ new Map([
        ["aws:principalisawsservice", ["true"]],
        ["aws:principalservicename", [service]]
      ])
    });
  }
  for (const provider of c.federated) out.push({ principal: { kind: "federated", provider }, context: /* @__PURE__ */ new Map() });
  for (const id of c.canonicalUsers) out.push({ principal: { kind: "canonical-user", id }, context: /* @__PURE__ */ new Map() });
  return out;
}
function networkValues(c, reps) {
  const keys = keysIn(c, "network");
  const out = [];
  const ipReps = keys.has("aws:sourceip") ? reps.values("aws:sourceip") : [];
  if (ipReps.length === 0) out.push({ context: /* @__PURE__ */ new Map() });
  for (const ip of ipReps) out.push({ context: /* @__PURE__ */ new Map([["aws:sourceip", [ip]]]) });
  const vpces = withFresh(reps.values("aws:sourcevpce"), "vpce-0vpcelint0other0");
  const vpcs = withFresh(reps.values("aws:sourcevpc"), "vpc-0vpcelint0other0");
  const others = [...keys].filter((k) => k !== "aws:sourceip" && k !== "aws:sourcevpce" && k !== "aws:sourcevpc");
  for (const vpce of vpces) {
    for (const vpc of vpcs) {
      const base = /* @__PURE__ */ new Map([
        ["aws:sourcevpce", [vpce]],
        ["aws:sourcevpc", [vpc]]
      ]);
      for (const ctx of combine(base, others, reps, ["aws:vpceaccount", "aws:vpceorgid", "aws:vpceorgpaths", "aws:sourcevpcarn"])) out.push({ context: ctx });
      if (out.length > MAX_DIM_VALUES) throw new NotEvaluable("the policy has too many combinations of network values to evaluate");
    }
  }
  return out;
}
function withFresh(values, fresh) {
  return values.length > 0 ? values : [fresh];
}
function combine(base, keys, reps, mayBeAbsent) {
  let out = [base];
  for (const k of keys) {
    const choices = reps.valueSets(k);
    if (mayBeAbsent ? mayBeAbsent.includes(k) || !ALWAYS_PRESENT.has(k) : !ALWAYS_PRESENT.has(k)) choices.push(void 0);
    const next = [];
    for (const ctx of out) {
      for (const v of choices) {
        const m = new Map(ctx);
        if (v) m.set(k, v);
        next.push(m);
      }
    }
    out = next;
    if (out.length > MAX_DIM_VALUES) throw new NotEvaluable(`the policy has too many combinations of ${k} values to evaluate`);
  }
  return out;
}
function product(list3) {
  let values = [{ context: /* @__PURE__ */ new Map() }];
  for (const d of list3) {
    const next = [];
    for (const a of values) {
      for (const b of d.values) {
        next.push({ ...a, ...b, context: new Map([...a.context, ...b.context]) });
        if (next.length > MAX_DIM_VALUES) throw new NotEvaluable(`the policy ties ${list3.map((x) => x.name).join(" and ")} together through policy variables in too many combinations to evaluate`);
      }
    }
    values = next;
  }
  return { name: list3.map((d) => d.name).join("+"), keys: new Set(list3.flatMap((d) => [...d.keys])), values };
}
var UnionFind = class {
  parent = /* @__PURE__ */ new Map();
  find(x) {
    let p = this.parent.get(x) ?? x;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p);
    return p;
  }
  union(a, b) {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
};
function isNamed(space, key, value) {
  return (space.named.get(key) ?? []).some((c) => c === value || hasVariables(c) || hasWildcard(c) && !isUniversal(c, key) && globMatch(c, value));
}

// src/model/placeholders.ts
var PLACEHOLDER_PATTERN = "<known after apply: [^>]*>";
function placeholderName(address, attribute) {
  return `<known after apply: ${address}${attribute ? `.${attribute}` : ""}>`;
}
function placeholderKeys(placeholders, value) {
  return Object.hasOwn(placeholders, value) ? placeholders[value] : void 0;
}
function idPlaceholder(placeholders, key) {
  const name = placeholderName(key, "id");
  return placeholderKeys(placeholders, name)?.includes(key) ? name : void 0;
}
function wholeValuePlaceholders(resources, placeholders, key) {
  return Object.entries(placeholders).filter(([p, keys]) => keys.includes(key) && resources.has(p)).map(([p]) => p);
}
function placeholderSubject(name) {
  return name.replace(/^<known after apply: (.*)>$/, "$1");
}

// src/policy/s3-actions.generated.ts
var S3_BUCKET_ACTIONS = [
  "AllowVendedLogDeliveryForResource",
  "CreateBucket",
  "CreateBucketMetadataTableConfiguration",
  "DeleteBucket",
  "DeleteBucketMetadataTableConfiguration",
  "DeleteBucketPolicy",
  "DeleteBucketWebsite",
  "GetAccelerateConfiguration",
  "GetAnalyticsConfiguration",
  "GetBucketAbac",
  "GetBucketAcl",
  "GetBucketCORS",
  "GetBucketLocation",
  "GetBucketLogging",
  "GetBucketMetadataTableConfiguration",
  "GetBucketNotification",
  "GetBucketObjectLockConfiguration",
  "GetBucketOwnershipControls",
  "GetBucketPolicy",
  "GetBucketPolicyStatus",
  "GetBucketPublicAccessBlock",
  "GetBucketRequestPayment",
  "GetBucketTagging",
  "GetBucketVersioning",
  "GetBucketWebsite",
  "GetEncryptionConfiguration",
  "GetIntelligentTieringConfiguration",
  "GetInventoryConfiguration",
  "GetLifecycleConfiguration",
  "GetMetricsConfiguration",
  "GetReplicationConfiguration",
  "ListBucket",
  "ListBucketMultipartUploads",
  "ListBucketVersions",
  "ListTagsForResource",
  "PauseReplication",
  "PutAccelerateConfiguration",
  "PutAnalyticsConfiguration",
  "PutBucketAbac",
  "PutBucketAcl",
  "PutBucketCORS",
  "PutBucketLogging",
  "PutBucketNotification",
  "PutBucketObjectLockConfiguration",
  "PutBucketOwnershipControls",
  "PutBucketPolicy",
  "PutBucketPublicAccessBlock",
  "PutBucketRequestPayment",
  "PutBucketTagging",
  "PutBucketVersioning",
  "PutBucketWebsite",
  "PutEncryptionConfiguration",
  "PutIntelligentTieringConfiguration",
  "PutInventoryConfiguration",
  "PutLifecycleConfiguration",
  "PutMetricsConfiguration",
  "PutReplicationConfiguration",
  "TagResource",
  "UntagResource",
  "UpdateBucketMetadataAnnotationTableConfiguration",
  "UpdateBucketMetadataInventoryTableConfiguration",
  "UpdateBucketMetadataJournalTableConfiguration"
];
var S3_OBJECT_ACTIONS = [
  "AbortMultipartUpload",
  "BypassGovernanceRetention",
  "DeleteObject",
  "DeleteObjectAnnotation",
  "DeleteObjectTagging",
  "DeleteObjectVersion",
  "DeleteObjectVersionAnnotation",
  "DeleteObjectVersionTagging",
  "GetObject",
  "GetObjectAcl",
  "GetObjectAnnotation",
  "GetObjectAttributes",
  "GetObjectLegalHold",
  "GetObjectRetention",
  "GetObjectTagging",
  "GetObjectTorrent",
  "GetObjectVersion",
  "GetObjectVersionAcl",
  "GetObjectVersionAnnotation",
  "GetObjectVersionAnnotationForReplication",
  "GetObjectVersionAttributes",
  "GetObjectVersionForReplication",
  "GetObjectVersionTagging",
  "GetObjectVersionTorrent",
  "InitiateReplication",
  "ListMultipartUploadParts",
  "ListObjectAnnotations",
  "ListObjectVersionAnnotations",
  "ObjectOwnerOverrideToBucketOwner",
  "PutObject",
  "PutObjectAcl",
  "PutObjectAnnotation",
  "PutObjectLegalHold",
  "PutObjectRetention",
  "PutObjectTagging",
  "PutObjectVersionAcl",
  "PutObjectVersionAnnotation",
  "PutObjectVersionTagging",
  "ReplicateDelete",
  "ReplicateObject",
  "ReplicateObjectAnnotation",
  "ReplicateTags",
  "RestoreObject",
  "UpdateObjectEncryption"
];
var S3_BUCKET_OR_OBJECT_ACTIONS = [];
var S3_OTHER_ACTIONS = [
  "AssociateAccessGrantsIdentityCenter",
  "CreateAccessGrant",
  "CreateAccessGrantsInstance",
  "CreateAccessGrantsLocation",
  "CreateAccessPoint",
  "CreateAccessPointForObjectLambda",
  "CreateJob",
  "CreateMultiRegionAccessPoint",
  "CreateStorageLensGroup",
  "DeleteAccessGrant",
  "DeleteAccessGrantsInstance",
  "DeleteAccessGrantsInstanceResourcePolicy",
  "DeleteAccessGrantsLocation",
  "DeleteAccessPoint",
  "DeleteAccessPointForObjectLambda",
  "DeleteAccessPointPolicy",
  "DeleteAccessPointPolicyForObjectLambda",
  "DeleteJobTagging",
  "DeleteMultiRegionAccessPoint",
  "DeleteStorageLensConfiguration",
  "DeleteStorageLensConfigurationTagging",
  "DeleteStorageLensGroup",
  "DescribeJob",
  "DescribeMultiRegionAccessPointOperation",
  "DissociateAccessGrantsIdentityCenter",
  "GetAccessGrant",
  "GetAccessGrantsInstance",
  "GetAccessGrantsInstanceForPrefix",
  "GetAccessGrantsInstanceResourcePolicy",
  "GetAccessGrantsLocation",
  "GetAccessPoint",
  "GetAccessPointConfigurationForObjectLambda",
  "GetAccessPointForObjectLambda",
  "GetAccessPointPolicy",
  "GetAccessPointPolicyForObjectLambda",
  "GetAccessPointPolicyStatus",
  "GetAccessPointPolicyStatusForObjectLambda",
  "GetAccountPublicAccessBlock",
  "GetDataAccess",
  "GetJobTagging",
  "GetMultiRegionAccessPoint",
  "GetMultiRegionAccessPointPolicy",
  "GetMultiRegionAccessPointPolicyStatus",
  "GetMultiRegionAccessPointRoutes",
  "GetStorageLensConfiguration",
  "GetStorageLensConfigurationTagging",
  "GetStorageLensDashboard",
  "GetStorageLensGroup",
  "ListAccessGrants",
  "ListAccessGrantsInstances",
  "ListAccessGrantsLocations",
  "ListAccessPoints",
  "ListAccessPointsForObjectLambda",
  "ListAllMyBuckets",
  "ListCallerAccessGrants",
  "ListJobs",
  "ListMultiRegionAccessPoints",
  "ListStorageLensConfigurations",
  "ListStorageLensGroups",
  "PutAccessGrantsInstanceResourcePolicy",
  "PutAccessPointConfigurationForObjectLambda",
  "PutAccessPointPolicy",
  "PutAccessPointPolicyForObjectLambda",
  "PutAccessPointPublicAccessBlock",
  "PutAccountPublicAccessBlock",
  "PutJobTagging",
  "PutMultiRegionAccessPointPolicy",
  "PutStorageLensConfiguration",
  "PutStorageLensConfigurationTagging",
  "SubmitMultiRegionAccessPointRoutes",
  "UpdateAccessGrantsLocation",
  "UpdateJobPriority",
  "UpdateJobStatus",
  "UpdateStorageLensGroup"
];

// src/policy/bucket-parts.ts
var PARTS = /* @__PURE__ */ new Map();
for (const [names, parts] of [
  [S3_BUCKET_ACTIONS, ["bucket"]],
  [S3_OBJECT_ACTIONS, ["object"]],
  [S3_BUCKET_OR_OBJECT_ACTIONS, ["bucket", "object"]],
  [S3_OTHER_ACTIONS, []]
]) {
  for (const n of names) PARTS.set(`s3:${n.toLowerCase()}`, parts);
}
var BUCKET_VOCABULARY = [...S3_BUCKET_ACTIONS, ...S3_OBJECT_ACTIONS, ...S3_BUCKET_OR_OBJECT_ACTIONS].map((n) => `s3:${n}`);
var S3_ARN = new RegExp(`^arn:[^:]+:s3:::(?:${PLACEHOLDER_PATTERN}|[^/])*(\\/)?`);
function bucketPartOf(resource) {
  const m = S3_ARN.exec(resource);
  if (!m) return void 0;
  return m[1] ? "object" : "bucket";
}
function partsOf(action) {
  return PARTS.get(action.toLowerCase());
}
function requestExists(action, resource, written) {
  return actsOn(action, bucketPartOf(resource), written);
}
function actsOn(action, part, written) {
  const lower = action.toLowerCase();
  if (!lower.startsWith("s3:")) return false;
  const parts = PARTS.get(lower);
  if (!parts) return written.has(lower);
  return part === void 0 ? parts.length > 0 : parts.includes(part);
}
var writtenByPolicy = /* @__PURE__ */ new WeakMap();
function writtenActions(policy) {
  let w = writtenByPolicy.get(policy);
  if (!w) writtenByPolicy.set(policy, w = new Set(policy.statements.flatMap((s) => [...s.action ?? [], ...s.notAction ?? []]).filter((a) => !hasWildcard(a)).map((a) => a.toLowerCase())));
  return w;
}
var resourcesByPolicy = /* @__PURE__ */ new WeakMap();
function writtenResources(policy) {
  let r = resourcesByPolicy.get(policy);
  if (!r) resourcesByPolicy.set(policy, r = new Set(policy.statements.flatMap((s) => [...s.resource ?? [], ...s.notResource ?? []])));
  return r;
}
var vocabularies = /* @__PURE__ */ new WeakMap();
function bucketVocabulary(policy) {
  let v = vocabularies.get(policy);
  if (!v) {
    const seen = /* @__PURE__ */ new Set();
    v = BUCKET_VOCABULARY.filter((a) => {
      const key = `${partsOf(a).join("+")}:${policy.statements.map((s) => actionMatches(s, a) ? 1 : 0).join("")}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    vocabularies.set(policy, v);
  }
  return v;
}
function partsMismatch(policy, stmt, resources) {
  const named = writtenActions(policy);
  const actionParts = /* @__PURE__ */ new Set();
  for (const a of [...BUCKET_VOCABULARY, ...named]) {
    if (!a.startsWith("s3:") || !actionMatches(stmt, a)) continue;
    const parts = partsOf(a);
    if (!parts) return void 0;
    for (const p of parts) actionParts.add(p);
  }
  const resourceParts = /* @__PURE__ */ new Set();
  for (const r of resources) {
    const part = bucketPartOf(r);
    if (!resourceMatches(stmt, r, /* @__PURE__ */ new Map(), false)) continue;
    if (part === void 0) return void 0;
    resourceParts.add(part);
  }
  if (actionParts.size === 0 || resourceParts.size === 0 || [...actionParts].some((p) => resourceParts.has(p))) return void 0;
  return { actions: [...actionParts], resources: [...resourceParts] };
}

// src/policy/shortcuts.ts
var NO_CONTEXT = /* @__PURE__ */ new Map();
var OUTSIDE_KEYS = new Set(ENDPOINT_KEYS);
function allowsOtherAction(policy, service) {
  const named = policy.statements.flatMap((s) => [...s.action ?? [], ...s.notAction ?? []]);
  const other = freshValue(named, `${service}:VpcelintOtherAction`);
  return allows(policy).some((s) => actionMatches(s, other));
}
function allowsUnnamedResource(policy, hints) {
  const fresh = freshResourcesOf(policy, hints);
  return allows(policy).some((s) => !s.resource || s.resource.some(hasVariables) || fresh.some((r) => resourceMatches(s, r, NO_CONTEXT, false)));
}
function allowsOnlyAccounts(policy, owners) {
  return allows(policy).every(
    (s) => s.resource?.every((r) => {
      const account = parseArn(r)?.account;
      return account !== void 0 && (account === "" || owners.includes(account));
    }) === true
  );
}
function deniesEveryRequestFromOutside(d, action, resources) {
  if (d.effect !== "Deny" || d.notPrincipal || d.principal && !d.principal.any) return false;
  if (!actionMatches(d, action)) return false;
  if (resourcesHaveVariables(d)) return false;
  if (!resources.every((r) => resourceMatches(d, r, NO_CONTEXT, false))) return false;
  return d.conditions.every((c) => OUTSIDE_KEYS.has(c.keyLower) && !c.hasVariables && evalCondition(c, NO_CONTEXT, false));
}
function appliesToNone(d, resources) {
  return !resourcesHaveVariables(d) && !resources.some((r) => resourceMatches(d, r, NO_CONTEXT, false));
}
function resourcesHaveVariables(s) {
  return [...s.resource ?? [], ...s.notResource ?? []].some(hasVariables);
}
var BOOL_KEYS2 = ["aws:viaawsservice", "aws:securetransport"];
function requestsFromOutside(policy, actions, resources) {
  const read2 = /* @__PURE__ */ new Set();
  for (const s of policy.statements) {
    if (resourcesHaveVariables(s)) return void 0;
    for (const c of s.conditions) {
      if (c.hasVariables) return void 0;
      read2.add(c.keyLower);
    }
  }
  for (const k of read2) if (!OUTSIDE_KEYS.has(k) && dimensionOf(k) !== "principal" && !BOOL_KEYS2.includes(k) && k !== SOURCE_IP) return void 0;
  let contexts = [{}];
  for (const k of BOOL_KEYS2.filter((b) => read2.has(b))) contexts = contexts.flatMap((c) => ["false", "true"].map((v) => ({ ...c, [k]: v })));
  if (read2.has(SOURCE_IP)) {
    const ips = internetSourceIps(policy);
    if (ips.length > 0) contexts = contexts.flatMap((c) => ips.map((ip) => ({ ...c, [SOURCE_IP]: ip })));
  }
  const callers = callersOf(policy, read2).flatMap((principal) => contexts.map((context) => ({ principal, context })));
  return actions.flatMap((action) => resources.flatMap((resource) => callers.map((caller) => makeRequest({ action, resource, ...caller }))));
}
var SOURCE_IP = "aws:sourceip";
function internetSourceIps(policy) {
  const e = constantsOf(policy).keys.get(SOURCE_IP);
  return e ? valuesFor(SOURCE_IP, e.values, e.operators) : [];
}
function callersOf(policy, read2) {
  const callers = [{ kind: "anonymous" }];
  const namesServices = read2.has("aws:principalservicename") || read2.has("aws:principalservicenameslist") || policy.statements.some((s) => (s.principal?.service.length ?? 0) + (s.notPrincipal?.service.length ?? 0) > 0);
  if (!namesServices) callers.push({ kind: "service", service: "vpcelint-other.amazonaws.com" });
  const arns = policy.statements.flatMap((s) => [
    ...s.principal?.aws ?? [],
    ...s.notPrincipal?.aws ?? [],
    ...s.conditions.filter((c) => c.keyLower === "aws:principalarn").flatMap((c) => c.values)
  ]);
  for (const pattern of new Set(arns)) {
    const parsed = parseArn(pattern);
    if (!parsed || !/^\d{12}$/.test(parsed.account)) continue;
    callers.push(awsPrincipalOf(parsed.account, hasWildcard(pattern) ? instantiate(pattern, "") : pattern, arns));
  }
  return callers;
}

// src/policy/solve.ts
var ASPECTS = ["action", "resource", "principal", "network"];
function admits(filters, dim) {
  const parts = dim.split("+");
  const fs = ASPECTS.filter((a) => parts.includes(a)).map((a) => filters[a]).filter((f) => f !== void 0);
  const any = filters.any;
  return (v) => fs.every((f) => f(v)) && (!any || any(v, dim));
}
function findRequest(policy, space, required, excluded, filters = {}) {
  const all = (1n << BigInt(excluded.length)) - 1n;
  const matrix = partMatrix(policy, space);
  const requiredBits = required.reduce((m, s) => m | 1n << BigInt(s.index), 0n);
  const options = [];
  space.dims.forEach((dim, d) => {
    const admit = admits(filters, dim.name);
    const best = /* @__PURE__ */ new Map();
    dim.values.forEach((v, vi) => {
      const matches = matrix[d][vi];
      if ((matches & requiredBits) !== requiredBits || !admit(v)) return;
      let mask2 = 0n;
      excluded.forEach((s, i) => {
        if (!(matches & 1n << BigInt(s.index))) mask2 |= 1n << BigInt(i);
      });
      if (!best.has(mask2)) best.set(mask2, v);
    });
    options.push(...optionsOf(best));
  });
  if (options.length !== space.dims.length) return void 0;
  const order2 = options.map((o, i) => ({ o, i })).sort((a, b) => a.o.length - b.o.length);
  const seen = /* @__PURE__ */ new Set();
  const chosen = new Array(options.length);
  const search = (depth, union) => {
    if (union === all) {
      for (let d = depth; d < order2.length; d++) chosen[order2[d].i] = order2[d].o[0].value;
      return true;
    }
    if (depth === order2.length) return false;
    const key = `${depth}:${union}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const { o, i } = order2[depth];
    for (const opt of o) {
      chosen[i] = opt.value;
      if (search(depth + 1, union | opt.mask)) return true;
    }
    return false;
  };
  if (!search(0, 0n)) return void 0;
  return merge(chosen);
}
function optionsOf(best) {
  if (best.size === 0) return [];
  const masks = [...best.keys()];
  const maximal = masks.filter((m) => !masks.some((o) => o !== m && (o & m) === m));
  return [maximal.map((mask2) => ({ mask: mask2, value: best.get(mask2) }))];
}
var matrices = /* @__PURE__ */ new WeakMap();
function partMatrix(policy, space) {
  const cached = matrices.get(space);
  if (cached) return cached;
  const m = space.dims.map(
    (dim) => dim.values.map((v) => policy.statements.reduce((bits, s) => partMatches(policy, s, v, dim.keys) ? bits | 1n << BigInt(s.index) : bits, 0n))
  );
  matrices.set(space, m);
  return m;
}
function merge(parts) {
  const context = /* @__PURE__ */ new Map();
  let action = "";
  let resource = "";
  let principal = { kind: "anonymous" };
  for (const p of parts) {
    if (p.action !== void 0) action = p.action;
    if (p.resource !== void 0) resource = p.resource;
    if (p.principal !== void 0) principal = p.principal;
    for (const [k, v] of p.context) context.set(k, v);
  }
  return { action, resource, principal, context };
}
function* allRequests(space, filters = {}) {
  const lists = space.dims.map((d) => d.values.filter(admits(filters, d.name)));
  const idx = lists.map(() => 0);
  if (lists.some((l) => l.length === 0)) return;
  for (; ; ) {
    yield merge(lists.map((l, i) => l[idx[i]]));
    let k = 0;
    while (k < lists.length && ++idx[k] === lists[k].length) idx[k++] = 0;
    if (k === lists.length) return;
  }
}

// src/policy/through-endpoint.ts
var ORIGIN_KEYS = [
  { key: "aws:sourcevpce", known: (o) => o.endpointId, what: "id (aws:SourceVpce)" },
  { key: "aws:sourcevpc", known: (o) => o.vpcId, what: "VPC id (aws:SourceVpc)" }
];
function keysCompared(policy) {
  let keys = compared.get(policy);
  if (!keys) compared.set(policy, keys = new Set(policy.statements.flatMap((s) => s.conditions.map((c) => c.keyLower))));
  return keys;
}
var compared = /* @__PURE__ */ new WeakMap();
function relevantOrigin(policy, origin) {
  const compared2 = keysCompared(policy);
  return {
    ...origin.endpointId !== void 0 && compared2.has("aws:sourcevpce") ? { endpointId: origin.endpointId } : {},
    ...origin.vpcId !== void 0 && compared2.has("aws:sourcevpc") ? { vpcId: origin.vpcId } : {}
  };
}
function originCompared(policy) {
  const compared2 = keysCompared(policy);
  const endpointId = compared2.has("aws:sourcevpce");
  const vpcId = compared2.has("aws:sourcevpc");
  return endpointId ? vpcId ? BOTH : ENDPOINT_ONLY : vpcId ? VPC_ONLY : NEITHER;
}
var BOTH = { endpointId: true, vpcId: true };
var ENDPOINT_ONLY = { endpointId: true, vpcId: false };
var VPC_ONLY = { endpointId: false, vpcId: true };
var NEITHER = { endpointId: false, vpcId: false };
function originHints(policy, origin) {
  const { endpointId, vpcId } = relevantOrigin(policy, origin);
  return { ...endpointId !== void 0 ? { endpoints: [endpointId] } : {}, ...vpcId !== void 0 ? { vpcs: [vpcId] } : {} };
}
function throughEndpoint(policy, space, origin, ask) {
  const compared2 = keysCompared(policy);
  const [vpces, vpcs] = ORIGIN_KEYS.map(({ key, known }) => {
    if (!compared2.has(key)) return [() => true];
    const value = known(origin);
    return value !== void 0 ? [(x) => x === value] : classesOf(policy, space, key);
  });
  let answer;
  let asked = false;
  for (const vpce of vpces) {
    for (const vpc of vpcs) {
      const r = ask((v) => v.context.has("aws:sourcevpce") && !v.context.has("aws:sourceip") && vpce(v.context.get("aws:sourcevpce")?.[0]) && vpc(v.context.get("aws:sourcevpc")?.[0]));
      if (asked && r === void 0 !== (answer === void 0)) {
        const unknown2 = ORIGIN_KEYS.filter(({ key, known }) => compared2.has(key) && known(origin) === void 0).map(({ what }) => what);
        throw new NotEvaluable(`the answer depends on the endpoint's ${unknown2.join(" and ")}, which is not known (a plan knows it only after apply)`);
      }
      answer ??= r;
      asked = true;
    }
  }
  return answer;
}
function classesOf(policy, space, key) {
  const entries = policy.statements.flatMap((s) => s.conditions.filter((e) => e.keyLower === key));
  const exact = entries.some((e) => e.hasVariables);
  const signatures = /* @__PURE__ */ new Map();
  const signature = (x) => {
    let sig = signatures.get(x);
    if (sig === void 0) signatures.set(x, sig = exact ? x : entries.map((e) => evalCondition(e, /* @__PURE__ */ new Map([[key, [x]]]), false) ? "1" : "0").join(""));
    return sig;
  };
  const values = /* @__PURE__ */ new Set();
  for (const d of space.dims) {
    if (!d.keys.has(key)) continue;
    for (const v of d.values) {
      const x = v.context.get(key)?.[0];
      if (x !== void 0) values.add(x);
    }
  }
  return [...new Set([...values].map(signature))].map((sig) => (x) => x !== void 0 && signature(x) === sig);
}

// src/policy/questions.ts
function someAllowed(policy, space, filters = {}) {
  for (const a of allows(policy)) {
    const r = findRequest(policy, space, [a], denies(policy), filters);
    if (r) return r;
  }
  return void 0;
}
function someNotDenied(policy, space, filters = {}) {
  return findRequest(policy, space, [], denies(policy), filters);
}
function someNotAllowed(policy, space, filters = {}) {
  const r = findRequest(policy, space, [], allows(policy), filters);
  if (r) return r;
  for (const d of denies(policy)) {
    const x = findRequest(policy, space, [d], [], filters);
    if (x) return x;
  }
  return void 0;
}
function statementMatchesSome(policy, space, stmt, filters = {}) {
  return findRequest(policy, space, [stmt], [], filters);
}
var KEY_DIM_PREFIX = "key:";
var directOverHttps = (v) => (v.context.get("aws:viaawsservice") ?? ["false"])[0] === "false" && (v.context.get("aws:securetransport") ?? ["true"])[0] === "true";
var fromInternet = (v) => !v.context.has("aws:sourcevpce");
function notAwsOwnAccess(v, dim) {
  if (v.principal?.kind === "service") return false;
  if (dim.startsWith(KEY_DIM_PREFIX) || dim.includes("+") || dim === "principal") {
    if (v.context.get("aws:viaawsservice")?.[0]?.toLowerCase() === "true") return false;
    if (v.context.get("aws:principalisawsservice")?.[0]?.toLowerCase() === "true") return false;
  }
  return true;
}
function outsideOrgs(v, space, orgs, keys) {
  return keys.every((k) => (v.context.get(k) ?? []).every((x) => !isNamed(space, k, x) && !orgs.has(x) && ![...orgs].some((o) => x.startsWith(`${o}/`))));
}
function actionsOf(service) {
  if (!service) return void 0;
  const prefix = `${service.toLowerCase()}:`;
  return (v) => v.action === void 0 || v.action.toLowerCase().startsWith(prefix);
}
function endpointHints(policy, input) {
  return {
    ...input.service ? { services: [input.service] } : {},
    ...input.ownerAccounts ? { accounts: input.ownerAccounts } : {},
    ...input.ownerOrgIds ? { orgIds: input.ownerOrgIds } : {},
    ...input.partition ? { partition: input.partition } : {},
    ...originHints(policy, input)
  };
}
function endpointSpace(policy, input) {
  return buildSpace(policy, endpointHints(policy, input));
}
function fullAccessGap(policy, input) {
  const space = endpointSpace(policy, input);
  const act = actionsOf(input.service);
  return throughEndpoint(policy, space, input, (network) => someNotAllowed(policy, space, { ...act ? { action: act } : {}, network }));
}
function isNotFullAccess(policy, input) {
  if (input.service && !allowsOtherAction(policy, input.service)) return true;
  return fullAccessGap(policy, input) !== void 0;
}
function outsideResourceAllowed(policy, input) {
  const owners = input.ownerAccounts ?? [];
  if (!allowsUnnamedResource(policy, endpointHints(policy, input)) && (owners.length === 0 || allowsOnlyAccounts(policy, owners))) return void 0;
  return outsideResourceAllowedBySolver(policy, input);
}
function outsideResourceAllowedBySolver(policy, input) {
  const space = endpointSpace(policy, input);
  const owners = new Set(input.ownerAccounts ?? []);
  const orgs = new Set(input.ownerOrgIds ?? []);
  const act = actionsOf(input.service);
  const noTags = (v) => ![...v.context.keys()].some((k) => k.startsWith("aws:principaltag/"));
  const orgOutside = (v) => outsideOrgs(v, space, orgs, ["aws:resourceorgid", "aws:resourceorgpaths"]);
  const accountOutside = (v) => ["aws:resourceaccount", "s3:resourceaccount"].every((k) => (v.context.get(k) ?? []).every((x) => !isNamed(space, k, x) && !owners.has(x)));
  const arbitrary = (v) => v.resource !== void 0 && space.freshResources.has(v.resource) && accountOutside(v) && orgOutside(v);
  const foreign = (v) => {
    const account = v.resource ? parseArn(v.resource)?.account : void 0;
    return account !== void 0 && /^\d{12}$/.test(account) && !owners.has(account) && !space.freshResources.has(v.resource) && orgOutside(v);
  };
  return throughEndpoint(policy, space, input, (network) => {
    const base = { ...act ? { action: act } : {}, principal: noTags, network, any: notAwsOwnAccess };
    const open = someAllowed(policy, space, { ...base, resource: arbitrary });
    if (open || owners.size === 0) return open;
    return someAllowed(policy, space, { ...base, resource: foreign });
  });
}
function outsidePrincipalAllowed(policy, input) {
  if (!allowsUnnamedResource(policy, endpointHints(policy, input))) return void 0;
  return outsidePrincipalAllowedBySolver(policy, input);
}
function outsidePrincipalAllowedBySolver(policy, input) {
  const space = endpointSpace(policy, input);
  const owners = new Set(input.ownerAccounts ?? []);
  const orgs = new Set(input.ownerOrgIds ?? []);
  const act = actionsOf(input.service);
  const outside = (v) => {
    const p = v.principal;
    if (!p || p.kind === "service") return false;
    if (p.kind !== "aws") return true;
    if (owners.has(p.account) || isNamed(space, "aws:principalaccount", p.account) || space.knownAccounts.has(p.account) && p.account !== space.freshAccount) return false;
    return outsideOrgs(v, space, orgs, ["aws:principalorgid", "aws:principalorgpaths"]);
  };
  const arbitrary = (v) => v.resource !== void 0 && space.freshResources.has(v.resource);
  return throughEndpoint(policy, space, input, (network) => someAllowed(policy, space, { ...act ? { action: act } : {}, principal: outside, resource: arbitrary, network, any: notAwsOwnAccess }));
}
var BUCKET_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "s3:PutBucketPolicy"];
function bucketSpace(policy, input, extra = {}) {
  return buildSpace(policy, { resources: input.resources, actions: [...BUCKET_ACTIONS, ...bucketVocabulary(policy), ...input.onlyActions ?? []], services: ["s3"], ...extra });
}
function onBucket(policy, input) {
  const only = input.onlyActions ? new Set(input.onlyActions.map((a) => a.toLowerCase())) : void 0;
  const written = writtenActions(policy);
  return input.resources.map((r) => {
    const part = bucketPartOf(r);
    return {
      resource: (v) => v.resource === r,
      action: (v) => v.action === void 0 || (!only || only.has(v.action.toLowerCase())) && actsOn(v.action, part, written)
    };
  });
}
function onSomePart(policy, input, ask) {
  for (const f of onBucket(policy, input)) {
    const r = ask(f);
    if (r) return r;
  }
  return void 0;
}
function bucketPairs(policy, actions, resources) {
  const written = writtenActions(policy);
  return actions.flatMap((a) => resources.filter((r) => requestExists(a, r, written)).map((r) => [a, r]));
}
function witnessesFromOutside(policy, actions, resources) {
  const written = writtenActions(policy);
  return requestsFromOutside(policy, actions, resources)?.filter((req) => requestExists(req.action, req.resource, written));
}
function throughEndpointNotDenied(policy, input) {
  const named = namedPrincipals(policy);
  const plain = plainRequests(policy, input, named).find((r) => evaluate(policy, r).decision !== "explicit-deny");
  if (plain) return plain;
  const space = bucketSpace(policy, input, { ...input.endpoint ? { endpoints: [input.endpoint] } : {}, ...input.vpc ? { vpcs: [input.vpc] } : {}, ...input.account ? { accounts: [input.account] } : {} });
  const filters = {
    network: (v) => {
      const vpce = v.context.get("aws:sourcevpce")?.[0];
      if (vpce === void 0 || input.endpoint !== void 0 && vpce !== input.endpoint) return false;
      return input.vpc === void 0 || v.context.get("aws:sourcevpc")?.[0] === input.vpc;
    },
    principal: (v) => v.principal === void 0 || v.principal.kind === "aws" && (!input.account || v.principal.account === input.account) && !named.has(v.principal.arn),
    any: (v) => directOverHttps(v) && ![...v.context.keys()].some((k) => k.startsWith("aws:principaltag/"))
  };
  if (!onSomePart(policy, input, (f) => findRequest(policy, space, [], [], { ...filters, ...f }))) {
    throw new NotEvaluable("no representative request comes through the endpoint from a principal the policy does not name");
  }
  return onSomePart(policy, input, (f) => someNotDenied(policy, space, { ...filters, ...f }));
}
function plainRequests(policy, input, named) {
  const account = input.account ?? "000000000000";
  const arn = [`arn:aws:iam::${account}:role/vpcelint-plain-caller`, `arn:aws:iam::${account}:role/vpcelint-plain-caller-2`].find((a) => !named.has(a));
  const context = { "aws:SourceVpce": input.endpoint ?? "vpce-0vpcelint0plain", "aws:SourceVpc": input.vpc ?? "vpc-0vpcelint0plain", "aws:SecureTransport": "true", "aws:ViaAWSService": "false" };
  const actions = (input.onlyActions ?? BUCKET_ACTIONS).filter((a) => a.toLowerCase().startsWith("s3:"));
  return bucketPairs(policy, actions, input.resources).map(([action, resource]) => makeRequest({ action, resource, principal: { kind: "aws", account, arn }, context }));
}
function namedPrincipals(policy) {
  return new Set(policy.statements.flatMap((s) => [...s.principal?.aws ?? [], ...s.notPrincipal?.aws ?? [], ...s.conditions.flatMap((c) => c.values)]));
}
function networkFences(policy, input) {
  const actions = (input.onlyActions ?? BUCKET_ACTIONS).filter((a) => a.toLowerCase().startsWith("s3:"));
  const candidates = perimeterDenies(policy);
  const pairs = bucketPairs(policy, actions, input.resources);
  let witnesses;
  const outside = () => witnesses ??= witnessesFromOutside(policy, actions, input.resources) ?? [];
  const fence = (d) => pairs.some(([a, r]) => deniesEveryRequestFromOutside(d, a, [r])) || outside().some((req) => statementMatches(policy, d, req));
  const decided = candidates.filter((d) => !appliesToNone(d, input.resources));
  if (decided.every(fence)) return decided;
  return networkFencesBySolver(policy, input);
}
function networkFencesBySolver(policy, input) {
  const space = bucketSpace(policy, input);
  return perimeterDenies(policy).filter((d) => onSomePart(policy, input, (f) => statementMatchesSome(policy, space, d, { ...f, network: fromInternet })) !== void 0);
}
function perimeterDenies(policy) {
  return denies(policy).filter((d) => d.conditions.some((c) => PERIMETER_NETWORK_KEYS.includes(c.keyLower)));
}
function whyNotFence(policy, input, d) {
  const space = bucketSpace(policy, input);
  if (onSomePart(policy, input, (f) => statementMatchesSome(policy, space, d, f)) === void 0) {
    const parts = partsMismatch(policy, d, input.resources);
    return { statement: d, why: "no-request", ...parts ? { parts } : {} };
  }
  const conditions = d.conditions.filter((c) => ENDPOINT_KEYS.includes(c.keyLower) && !c.hasVariables && !evalCondition(c, /* @__PURE__ */ new Map(), false));
  return { statement: d, why: "endpoint-only", conditions };
}
function adminEscape(policy, input, principalAllowed = () => true) {
  const written = writtenActions(policy);
  const onBucketArn = input.resources.filter((r) => requestExists(PUT_POLICY, r, written));
  if (onBucketArn.length === 0) return void 0;
  if (denies(policy).some((d) => deniesEveryRequestFromOutside(d, PUT_POLICY, onBucketArn))) return void 0;
  const free = requestsFromOutside(policy, [PUT_POLICY], onBucketArn)?.find((req) => evaluate(policy, req).decision !== "explicit-deny" && principalAllowed(req));
  return free ?? adminEscapeBySolver(policy, input, principalAllowed);
}
var PUT_POLICY = "s3:PutBucketPolicy";
function adminEscapeBySolver(policy, input, principalAllowed = () => true) {
  const space = bucketSpace(policy, { resources: input.resources });
  return onSomePart(policy, { resources: input.resources, onlyActions: [PUT_POLICY] }, (f) => someNotDenied(policy, space, { ...f, network: fromInternet, principal: principalAllowed }));
}
function allowMatchesWithoutKey(policy, stmt, keyLower) {
  const space = buildSpace(policy);
  return statementMatchesSome(policy, space, stmt, {
    network: (v) => !v.context.has(keyLower) && (keyLower === "aws:sourceip" ? v.context.has("aws:sourcevpce") : true)
  });
}

// src/policy/fresh-ids.ts
var STAND_IN = { "aws:sourcevpce": "vpce-0vpcelint0new0id", "aws:sourcevpc": "vpc-0vpcelint0new0id" };
var MATCH_EVERY = { "aws:sourcevpce": /* @__PURE__ */ new Set(["*", "vpce-*"]), "aws:sourcevpc": /* @__PURE__ */ new Set(["*", "vpc-*"]) };
function freshId(inv, policy, placeholders, ref, keyLower) {
  const nodes = keyLower === "aws:sourcevpce" ? inv.vpcEndpoints : inv.vpcs;
  if (ref.id !== void 0 || !ref.address || isDataSource(ref) || !nodes.has(ref.key)) return void 0;
  for (const s of policy.statements) {
    for (const c of s.conditions) {
      if (c.keyLower !== keyLower || c.base === "Null") continue;
      if (!c.base.startsWith("String") || c.hasVariables) return void 0;
      const like = c.base === "StringLike" || c.base === "StringNotLike";
      for (const v of c.values) {
        if (like && /[*?]/.test(v) && !MATCH_EVERY[keyLower].has(v)) return void 0;
        const keys = placeholderKeys(placeholders, v);
        if (keys !== void 0 && !keys.every((k) => k !== ref.key && v === placeholderName(k, "id") && managedNode(nodes, k))) return void 0;
        if (keys === void 0 && v.includes("<known after apply:")) return void 0;
      }
    }
  }
  return { value: STAND_IN[keyLower], note: `the id of ${ref.address}, known only after apply, is new: none of the ids the policy names` };
}
function managedNode(nodes, key) {
  const node = nodes.get(key);
  return node !== void 0 && node.ref.address !== void 0 && !isDataSource(node.ref);
}
function comparedId(inv, policy, placeholders, ref, keyLower) {
  const id = ref.id ?? idPlaceholder(placeholders, ref.key);
  if (id !== void 0) return { id };
  const compared2 = originCompared(policy);
  if (!(keyLower === "aws:sourcevpce" ? compared2.endpointId : compared2.vpcId)) return void 0;
  const fresh = freshId(inv, policy, placeholders, ref, keyLower);
  return fresh && { id: fresh.value, note: fresh.note };
}

// rules/lib/policy-sites.ts
function parsedPolicy(source, subject, what) {
  if (source.kind === "absent") return void 0;
  if (source.kind === "unknown") {
    return { diagnostic: { level: "note", code: "not-evaluated", subject, message: `${what} of ${displayName(subject)} was not evaluated: ${source.reason}` } };
  }
  const r = parsePolicyCached(source.text);
  if (r.ok) return { policy: r.policy, source };
  const first2 = r.problems[0];
  const more = r.problems.length > 1 ? ` (and ${r.problems.length - 1} more problem${r.problems.length > 2 ? "s" : ""})` : "";
  const where3 = displayName(source.origin ?? source.holder);
  return {
    diagnostic: {
      level: "warning",
      code: "policy-invalid",
      subject: source.origin ?? source.holder,
      jsonPath: first2.path,
      message: `${what} of ${displayName(subject)} (${where3}, ${source.attribute}) is not a valid IAM policy and was not evaluated: ${first2.message} at ${first2.path}${more}`
    }
  };
}
function once(ctx, d) {
  const reported = ctx.shared.get("reported-policy-diagnostics", () => /* @__PURE__ */ new Set());
  const key = `${d.diagnostic.subject?.key ?? ""}\0${d.diagnostic.code}\0${d.diagnostic.message}`;
  if (reported.has(key)) return [];
  reported.add(key);
  return [d];
}
function isDiagnostic(x) {
  return typeof x === "object" && x !== null && "diagnostic" in x;
}
function policySites(inv, ctx) {
  return ctx.shared.get("policy-sites", () => [...findSites(inv)]);
}
function* findSites(inv) {
  const sites = /* @__PURE__ */ new Map();
  const candidates = [];
  for (const ep of inv.vpcEndpoints.values()) if (!ep.destroyed) candidates.push({ source: ep.policy, user: ep.ref, role: "endpoint", what: "the endpoint policy" });
  for (const b of inv.buckets.values()) candidates.push({ source: b.policy, user: b.ref, role: "bucket", what: "the bucket policy" });
  for (const p of inv.iamPolicies.values()) candidates.push({ source: p.policy, user: p.ref, role: "identity", what: "the policy" });
  const reportedThroughUsers = new Set(candidates.flatMap((c) => c.source.kind === "unknown" && c.user.type !== "data.aws_iam_policy_document" ? c.source.builtFrom ?? [] : []));
  const seenUnknown = /* @__PURE__ */ new Set();
  for (const c of candidates) {
    if (c.source.kind === "unknown" && c.user.type === "data.aws_iam_policy_document" && reportedThroughUsers.has(c.user.key)) continue;
    if (c.source.kind === "unknown" && isReadOnly(c.user)) continue;
    const parsed = parsedPolicy(c.source, c.user, c.what);
    if (!parsed) continue;
    if (isDiagnostic(parsed)) {
      const key2 = `${parsed.diagnostic.subject?.key}\0${parsed.diagnostic.code}`;
      if (!seenUnknown.has(key2)) yield parsed;
      seenUnknown.add(key2);
      continue;
    }
    const { source, policy } = parsed;
    const primary = source.origin ?? source.holder;
    const key = primary.type === "data.aws_iam_policy_document" ? primary.key : `${primary.key}#${source.attribute}`;
    const existing = sites.get(key);
    if (existing) {
      if (!existing.users.some((u) => u.key === c.user.key)) existing.users.push(c.user);
      if (existing.role === "identity" && c.role !== "identity") existing.role = c.role;
      continue;
    }
    sites.set(key, {
      primary,
      users: [c.user],
      role: c.role,
      attribute: source.origin ? "statement" : source.attribute,
      policy,
      placeholders: source.placeholders ?? {},
      ...c.user.region ? { region: c.user.region } : {},
      ...c.user.account ? { account: c.user.account } : {}
    });
  }
  yield* sites.values();
}
function statementLabel(s) {
  return s.sid ? `statement "${s.sid}" (#${s.index + 1})` : `statement #${s.index + 1}`;
}
function relatedOf(site) {
  return site.users.filter((u) => u.key !== site.primary.key);
}
function notEvaluable(err, subject, what) {
  if (!(err instanceof NotEvaluable)) throw err;
  return { diagnostic: { level: "note", code: "not-evaluated", subject, message: `${what} of ${displayName(subject)} was not evaluated: ${err.message}` } };
}
function isReadOnly(ref) {
  return isDataSource(ref) && ref.type !== "data.aws_iam_policy_document";
}

// rules/lib/bucket-readings.ts
var MAX_WHOLE_VALUES = 2;
function readingsOf(bucket, policy, whole, partition) {
  const cached = readByBucket.get(bucket);
  if (cached?.policy === policy) return cached.readings;
  const readings = read(bucket, policy, whole, partition);
  readByBucket.set(bucket, { policy, readings });
  return readings;
}
var readByBucket = /* @__PURE__ */ new WeakMap();
function read(bucket, policy, whole, partition) {
  if (whole.length > MAX_WHOLE_VALUES) return void 0;
  const name = isUnknown(bucket.name) ? placeholderName(bucket.ref.key, "bucket") : bucket.name;
  const arn = s3Arn(partition, name);
  const readings = [];
  for (let choice = 0; choice < 1 << whole.length; choice++) {
    const as = new Map(whole.map((p, i) => [p, choice & 1 << i ? `${arn}/*` : arn]));
    const sub = (list3) => list3.map((r) => as.get(r) ?? r);
    const statements = policy.statements.map((s) => ({
      ...s,
      ...s.resource ? { resource: sub(s.resource) } : {},
      ...s.notResource ? { notResource: sub(s.notResource) } : {},
      conditions: s.conditions.map((c) => ({ ...c, values: sub(c.values) }))
    }));
    readings.push({ policy: { ...policy, statements }, resources: [arn, `${arn}/vpcelint-object`] });
  }
  return readings;
}
function* agreed(ctx, j, judge2) {
  if (!j.readings) {
    yield* judge2(j);
    return;
  }
  const outcomes = j.readings.map((r) => [...judge2({ ...j, ...r, readings: void 0 })]);
  yield* outcomes.flat().filter(isDiagnostic);
  const findings = outcomes.map((o) => o.filter((x) => !isDiagnostic(x)));
  const first2 = findings[0].length === 0 ? "" : JSON.stringify(findings[0]);
  if (findings.every((f) => f.length === findings[0].length && (f.length === 0 || JSON.stringify(f) === first2))) {
    yield* findings[0];
    return;
  }
  yield* once(ctx, notEvaluated(j.bucket, j.whole));
}
function notEvaluated(bucket, whole) {
  const built = whole.map(placeholderSubject).join(" and ");
  return {
    diagnostic: {
      level: "note",
      code: "not-evaluated",
      subject: bucket.ref,
      message: `the bucket policy of ${displayName(bucket.ref)} was not evaluated: the plan records only that a Resource of it is built from ${built}, known only after apply, not whether it names the bucket or its objects ("/*" after the ARN), and the two give different verdicts; the .tf files beside the plan say which (--source-root)`
    }
  };
}

// rules/lib/policy-buckets.ts
function* eachJudgedBucket(inv, ctx, judge2) {
  for (const bucket of inv.buckets.values()) {
    const j = judgedBucket(bucket);
    if (!j) continue;
    if (isDiagnostic(j)) yield* once(ctx, j);
    else yield* agreed(ctx, j, (r) => judge2(bucket, r));
  }
}
function judgedPrivateBucket(bucket, ctx) {
  const judged = ctx.shared.get("judged-private-buckets", () => /* @__PURE__ */ new Map());
  if (!judged.has(bucket.ref.key)) judged.set(bucket.ref.key, judgedBucket(bucket, true));
  return judged.get(bucket.ref.key);
}
function judgedBucket(bucket, judgeDataSources = false) {
  if (bucket.policy.kind === "unknown" && !judgeDataSources && isReadOnly(bucket.ref)) return void 0;
  const parsed = parsedPolicy(bucket.policy, bucket.ref, "the bucket policy");
  if (!parsed || isDiagnostic(parsed)) return parsed;
  const { source, policy } = parsed;
  const placeholders = source.placeholders ?? {};
  const partition = partitionFor(bucket.ref, writtenResources(policy));
  const resources = probeResources(bucket, policy, placeholders, partition);
  if (!resources) {
    return { diagnostic: { level: "note", code: "not-evaluated", subject: bucket.ref, message: `the bucket policy of ${displayName(bucket.ref)} was not evaluated: the bucket name is known only after apply and the policy names the bucket in no way vpcelint can follow` } };
  }
  const primary = holderOf(source);
  const whole = wholeValues(bucket, policy, placeholders);
  const readings = whole.length > 0 ? readingsOf(bucket, policy, whole, partition) : void 0;
  if (whole.length > 0 && !readings) return notEvaluated(bucket, whole);
  return { bucket, primary, related: primary.key === bucket.ref.key ? [] : [bucket.ref], policy, resources, placeholders, whole, partition, ...readings ? { readings } : {} };
}
function wholeValues(bucket, policy, placeholders) {
  return wholeValuePlaceholders(writtenResources(policy), placeholders, bucket.ref.key);
}
function holderOf(source) {
  return source.origin ?? source.holder;
}
function probeResources(bucket, policy, placeholders, partition) {
  const own = Object.entries(placeholders).filter(([, keys]) => keys.includes(bucket.ref.key)).map(([p]) => p);
  const written = [...writtenResources(policy)];
  const out = /* @__PURE__ */ new Set();
  for (const p of own) {
    if (written.some((r) => nameInS3Arn(r)?.startsWith(p))) {
      out.add(s3Arn(partition, p)).add(s3Arn(partition, p, "vpcelint-object"));
    }
    if (written.some((r) => r.startsWith(p))) out.add(p);
  }
  if (out.size === 0) own.forEach((p) => out.add(p));
  if (out.size > 0) return [...out];
  if (isUnknown(bucket.name)) return void 0;
  return [s3Arn(partition, bucket.name), s3Arn(partition, bucket.name, "vpcelint-object")];
}
function nameInS3Arn(r) {
  const m = /^arn:[^:]+:s3:::/.exec(r);
  return m ? r.slice(m[0].length) : void 0;
}
var NAME_AFTER_APPLY = new RegExp(`^arn:[^:]*:s3:::(${PLACEHOLDER_PATTERN})`);
function networkAllows(policy) {
  const out = [];
  for (const s of policy.statements) {
    if (s.effect !== "Allow") continue;
    for (const c of s.conditions) {
      if ((c.keyLower === "aws:sourcevpce" || c.keyLower === "aws:sourcevpc") && !isNegated(c.base) && c.base !== "Null") out.push({ statement: s, key: c.key, values: c.values });
    }
  }
  return out;
}
function privateBuckets(inv, ctx) {
  return ctx.shared.get("private-buckets", () => findPrivateBuckets(inv, ctx.settings));
}
function findPrivateBuckets(inv, settings) {
  const out = /* @__PURE__ */ new Map();
  const add4 = (key, r) => out.set(key, [...out.get(key) ?? [], r]);
  const buckets = [...inv.buckets.values()];
  const index = new BucketIndex(buckets);
  const named = /* @__PURE__ */ new Map();
  for (const ep of inv.vpcEndpoints.values()) {
    if (ep.destroyed || ep.policy.kind !== "document") continue;
    const r = parsePolicyCached(ep.policy.text);
    if (!r.ok) continue;
    const placeholders = ep.policy.placeholders ?? {};
    let keys = Object.keys(placeholders).length === 0 ? named.get(r.policy) : void 0;
    if (!keys) {
      keys = namedBuckets(r.policy, placeholders, index);
      if (Object.keys(placeholders).length === 0) named.set(r.policy, keys);
    }
    for (const [key, byName] of keys) add4(key, { kind: "endpoint", endpoint: ep, byName });
  }
  const { names, tags } = settings.privateBuckets;
  for (const b of buckets) {
    const name = isUnknown(b.name) ? void 0 : b.name;
    const byName = name !== void 0 ? names.find((n) => globMatch(n, name)) : void 0;
    if (byName) add4(b.ref.key, { kind: "config", what: `the name pattern "${byName}" of privateBuckets` });
    const byTag = Object.entries(tags).find(([k, v]) => b.tags?.[k] !== void 0 && globMatch(v, b.tags[k]));
    if (byTag) add4(b.ref.key, { kind: "config", what: `the tag ${byTag[0]}=${byTag[1]} of privateBuckets` });
  }
  return out;
}
function namedBuckets(policy, placeholders, index) {
  const out = /* @__PURE__ */ new Map();
  const add4 = (key, byName) => out.set(key, byName || (out.get(key) ?? false));
  for (const s of policy.statements) {
    if (s.effect !== "Allow") continue;
    for (const r of s.resource ?? []) {
      const named = placeholderKeys(placeholders, NAME_AFTER_APPLY.exec(r)?.[1] ?? r) ?? [];
      for (const key of named) if (index.keys.has(key)) add4(key, true);
      const m = /^arn:[^:]*:s3:::([^/]*)/.exec(r);
      if (!m) continue;
      const name = m[1];
      if (name === "" || /^[*?]*$/.test(name)) continue;
      const pattern = hasWildcard(name);
      for (const key of index.matching(name)) add4(key, !pattern);
    }
  }
  return out;
}
var BucketIndex = class {
  keys;
  byName = /* @__PURE__ */ new Map();
  constructor(buckets) {
    this.keys = new Set(buckets.map((b) => b.ref.key));
    for (const b of buckets) if (!isUnknown(b.name)) this.byName.set(b.name, [...this.byName.get(b.name) ?? [], b.ref.key]);
  }
  matching(name) {
    if (!hasWildcard(name)) return this.byName.get(name) ?? [];
    return [...this.byName].filter(([n]) => globMatch(name, n)).flatMap(([, keys]) => keys);
  }
};
function endpointIdForFix(ep) {
  return ep.ref.id ?? (ep.ref.address ? `\${${ep.ref.address}.id}` : ep.ref.key);
}
function fencesOf(j) {
  let found = fencesFound.get(j);
  if (!found) {
    try {
      found = findFences(j);
    } catch (err) {
      found = { error: err };
    }
    fencesFound.set(j, found);
  }
  if ("error" in found) throw found.error;
  return found;
}
var fencesFound = /* @__PURE__ */ new WeakMap();
function findFences(j) {
  const objects = j.resources.filter((r) => bucketPartOf(r) !== "bucket");
  const data = objects.length > 0 ? objects : j.resources;
  const fences = networkFences(j.policy, { resources: data });
  if (fences.length > 0) return { fences, reasons: [] };
  const onBucketOnly = data.length === j.resources.length ? [] : networkFences(j.policy, { resources: j.resources });
  const reasons = perimeterDenies(j.policy).map((d) => onBucketOnly.includes(d) ? bucketOnly(d, bucketArns(j)) : describeNotFence(whyNotFence(j.policy, { resources: j.resources }, d), bucketArns(j)));
  return { fences, reasons };
}
function bucketOnly(d, { arn, objects }) {
  return `${statementLabel(d)} denies only requests on the bucket itself (such as s3:ListBucket and s3:PutBucketPolicy), not on its objects: its Resource names ${arn} but not ${objects}, so the data stays reachable from the internet; add ${objects} to its Resource`;
}
function bucketArns({ bucket, partition }) {
  return isUnknown(bucket.name) ? { arn: "the bucket ARN", objects: 'the bucket ARN followed by "/*"', partition } : { arn: `"${s3Arn(partition, bucket.name)}"`, objects: `"${s3Arn(partition, bucket.name, "*")}"`, partition };
}
function describeNotFence(n, { arn, objects, partition }) {
  const label2 = statementLabel(n.statement);
  if (n.why === "no-request") {
    const foreign = (n.statement.resource ?? []).map((r) => ({ r, p: bucketPartOf(r) !== void 0 ? partitionOfArn(r) : void 0 })).find(({ p }) => p !== void 0 && p !== partition);
    if (foreign) {
      return `${label2} applies to no S3 request on this bucket: its Resource "${foreign.r}" is an ARN of the ${foreign.p} partition, and the bucket is in ${partition}; write ${arn} and ${objects}`;
    }
    if (n.parts?.actions.includes("object")) {
      return `${label2} denies nothing: its actions are authorized on objects, and its Resource names the bucket ARN but not the objects; add ${objects} to its Resource`;
    }
    if (n.parts?.actions.includes("bucket")) {
      return `${label2} denies nothing: its actions are authorized on the bucket ARN, and its Resource names objects only; add ${arn} to its Resource`;
    }
    return `${label2} applies to no S3 request on this bucket`;
  }
  if (n.conditions.length === 0) return `${label2} denies no request that comes from the internet`;
  return `${label2} applies only to requests through a VPC endpoint: a request from the internet carries no ${[...new Set(n.conditions.map((c) => c.key))].join(" or ")}, and ${n.conditions.map(conditionText).join(" and ")} ${n.conditions.length === 1 ? "is" : "are"} then false`;
}
function conditionText(c) {
  return `"${c.operator}": {"${c.key}": ${JSON.stringify(c.values.length === 1 ? c.values[0] : c.values)}}`;
}

// rules/lib/terraform-snippets.ts
var VPC_WITH_DNS = [
  'resource "aws_vpc" "main" {',
  '  cidr_block           = "10.0.0.0/16"',
  "  enable_dns_support   = true",
  "  enable_dns_hostnames = true",
  "}"
];
var SSM_INTERFACE_ENDPOINT = [
  'resource "aws_vpc_endpoint" "ssm" {',
  "  vpc_id              = aws_vpc.main.id",
  '  service_name        = "com.amazonaws.${var.region}.ssm"',
  '  vpc_endpoint_type   = "Interface"',
  "  subnet_ids          = aws_subnet.private[*].id # one per Availability Zone",
  "  security_group_ids  = [aws_security_group.endpoints.id]",
  "  private_dns_enabled = true",
  "}"
];
var S3_GATEWAY_AND_INTERFACE = [
  'resource "aws_vpc_endpoint" "s3_gateway" {',
  "  vpc_id            = aws_vpc.main.id",
  '  service_name      = "com.amazonaws.${var.region}.s3"',
  '  vpc_endpoint_type = "Gateway"',
  "  route_table_ids   = aws_route_table.private[*].id",
  "}",
  "",
  'resource "aws_vpc_endpoint" "s3_interface" {',
  "  vpc_id              = aws_vpc.main.id",
  '  service_name        = "com.amazonaws.${var.region}.s3"',
  '  vpc_endpoint_type   = "Interface"',
  "  subnet_ids          = aws_subnet.private[*].id",
  "  security_group_ids  = [aws_security_group.endpoints.id]",
  "  private_dns_enabled = true",
  "",
  "  dns_options {",
  "    # in-VPC clients take the gateway endpoint; on-premises clients the interface endpoint",
  "    private_dns_only_for_inbound_resolver_endpoint = true",
  "  }",
  "",
  "  depends_on = [aws_vpc_endpoint.s3_gateway]",
  "}"
];
function hcl(...parts) {
  return ["```hcl", ...parts.flatMap((p, i) => i === 0 ? [...p] : ["", ...p]), "```"];
}

// rules/bucket-endpoint-allow-only.ts
var rule = {
  meta: {
    id: "bucket-endpoint-allow-only",
    severity: "warning",
    title: 'Bucket policy "restricts" to a VPC endpoint with an Allow only',
    description: [
      "The bucket policy grants access on the condition aws:SourceVpce or aws:SourceVpc in an Allow statement, but no Deny keyed on a network perimeter key stops requests from other sources.",
      "An Allow only adds access: principals whose identity policies allow S3 still reach the bucket from the internet. Only a Deny fences.",
      `A Deny keyed on a network key fences only if it stops requests from the internet for the bucket's objects: not a Deny on the bucket ARN alone (IAM authorizes object actions on the object ARN, so the objects stay reachable), nor one that only applies to requests through an endpoint (ForAnyValue:StringNotEquals, or a Null "false" test on the key).`
    ].join("\n"),
    fix: ["Turn the restriction into a Deny for every other source:", "", ...hcl(BUCKET_FENCE)].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"
    ],
    tags: ["security", "data-perimeter", "bucket-policy"],
    precision: "high"
  },
  *check(inv, ctx) {
    yield* eachJudgedBucket(inv, ctx, function* (bucket, j) {
      const allows2 = networkAllows(j.policy);
      if (allows2.length === 0) return;
      let fences;
      let reasons = [];
      try {
        ({ fences, reasons } = fencesOf(j));
      } catch (err) {
        yield* once(ctx, notEvaluable(err, bucket.ref, "the bucket policy"));
        return;
      }
      if (fences.length > 0) return;
      const a = allows2[0];
      const values = a.values.map((v) => JSON.stringify(v)).join(", ");
      const denies2 = reasons.length === 0 ? "denies nothing to other sources" : `no Deny of it keyed on a network perimeter key denies requests from the internet (${reasons.join("; ")})`;
      yield {
        message: `The bucket policy of ${displayName(bucket.ref)}${j.primary.key === bucket.ref.key ? "" : ` (${displayName(j.primary)})`} allows access on the condition ${a.key} = ${values} (${statementLabel(a.statement)}) but ${denies2}: an Allow only adds access, and principals whose identity policies allow S3 still reach the bucket from the internet. Replace it with a Deny statement using "StringNotEquals": {"${a.key}": [${values}]}.`,
        primary: j.primary,
        related: j.related,
        attribute: "policy",
        evidence: { bucket: bucket.ref.key, statement: a.statement.sid ?? `#${a.statement.index + 1}`, key: a.key.toLowerCase() }
      };
    });
  }
};
var bucket_endpoint_allow_only_default = rule;

// rules/bucket-endpoint-deny-without-exemption.ts
var rule2 = {
  meta: {
    id: "bucket-endpoint-deny-without-exemption",
    severity: "note",
    title: "Bucket policy denies everything outside the VPC endpoint, administrators and AWS services included",
    description: [
      "A Deny on every S3 action for every principal unless aws:SourceVpce (or aws:SourceVpc) matches, with no exemption for administration or AWS services (aws:PrincipalArn, aws:PrincipalTag, aws:ViaAWSService, ...).",
      "The console, CI pipelines and AWS services outside the VPC lose access, and only the account root user can repair the policy.",
      "Judged by evaluation: the rule fires when no principal at all (AWS services included) can change the bucket policy from outside the VPC.",
      "In a closed-world inventory (a live scan), an exemption by aws:PrincipalArn that names a role that does not exist is no exemption.",
      "NotPrincipal exempts a role session only when it lists the session ARN (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), the role and the account: a NotPrincipal that lists the role exempts none of its sessions, so it is no exemption."
    ].join("\n"),
    fix: ["Keep the fence, and exempt an administration role and AWS services acting for you:", "", ...hcl(BUCKET_FENCE)].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html",
      "https://repost.aws/knowledge-center/s3-accidentally-denied-access"
    ],
    tags: ["operations", "bucket-policy"],
    precision: "high"
  },
  *check(inv, ctx) {
    yield* eachJudgedBucket(inv, ctx, function* (bucket, j) {
      const fences = j.policy.statements.filter((s) => s.effect === "Deny" && s.conditions.some((c) => c.keyLower === "aws:sourcevpce" || c.keyLower === "aws:sourcevpc"));
      if (fences.length === 0) return;
      const input = { resources: j.resources };
      let escape;
      let realEscape;
      const absent = absentRoles(inv, bucket, j.policy);
      try {
        escape = adminEscape(j.policy, input);
        const exists = (v) => v.principal?.kind !== "aws" || !absent.some((a) => arnMatch(a, v.principal.arn));
        realEscape = escape && absent.length > 0 ? adminEscape(j.policy, input, exists) : escape;
      } catch (err) {
        yield* once(ctx, notEvaluable(err, bucket.ref, "the bucket policy"));
        return;
      }
      if (realEscape) return;
      const labels2 = fences.map(statementLabel).join(", ");
      const where3 = j.primary.key === bucket.ref.key ? "" : ` (${displayName(j.primary)})`;
      const message = escape ? `The bucket policy of ${displayName(bucket.ref)}${where3} denies S3 to every request from outside the VPC endpoint (${labels2}), and its only exemption, aws:PrincipalArn ${absent.map((a) => JSON.stringify(a)).join(", ")}, names ${absent.length === 1 ? "a role that does" : "roles that do"} not exist in the scanned account: the Deny locks everyone out, and only the account root user can repair the policy. Fix the ARN or create the role.` : `The bucket policy of ${displayName(bucket.ref)}${where3} denies S3 to every principal unless the request comes through the VPC endpoint (${labels2}), with no exemption for administration or AWS services: the console, CI pipelines and AWS services outside the VPC lose access, and only the account root user can repair the policy.${notPrincipalRoles(fences)} Add an exemption such as "ArnNotLike": {"aws:PrincipalArn": "${roleHint(fences)}"} and "BoolIfExists": {"aws:ViaAWSService": "false"} to the Deny.`;
      yield {
        message,
        primary: j.primary,
        related: j.related,
        attribute: "policy",
        evidence: { bucket: bucket.ref.key, statements: fences.map((s) => s.sid ?? `#${s.index + 1}`), absentRoles: absent }
      };
    });
  }
};
function rolesInNotPrincipal(fences) {
  return [...new Set(fences.flatMap((s) => s.notPrincipal?.aws ?? []).filter((a) => /^arn:[^:]+:iam::\d{12}:role\//.test(a)))];
}
function notPrincipalRoles(fences) {
  const roles = rolesInNotPrincipal(fences);
  if (roles.length === 0) return "";
  const sessions = roles.map((r) => r.replace(/:iam::/, ":sts::").replace(/:role\/(?:.*\/)?([^/]+)$/, ":assumed-role/$1/<session>"));
  return ` Its NotPrincipal lists ${roles.map((r) => JSON.stringify(r)).join(", ")}, which exempts none of ${roles.length === 1 ? "that role's" : "those roles'"} sessions: a role's requests come from a session (${sessions.join(", ")}), and NotPrincipal exempts one only when it lists the session's ARN, the role and the account alike (IAM User Guide, NotPrincipal).`;
}
function roleHint(fences) {
  return rolesInNotPrincipal(fences)[0] ?? "<admin role ARN>";
}
function absentRoles(inv, bucket, policy) {
  const named = /* @__PURE__ */ new Set();
  for (const s of policy.statements) {
    for (const spec of [s.principal, s.notPrincipal]) for (const a of spec?.aws ?? []) if (a.startsWith("arn:")) named.add(a);
    for (const c of s.conditions) if (c.keyLower === "aws:principalarn") {
      for (const v of c.values) if (v.startsWith("arn:")) named.add(v);
    }
  }
  const known = [...inv.iamPrincipals.values()].map((p) => p.ref.arn).filter((a) => a !== void 0);
  return [...named].filter((arn) => {
    const account = parseArn(arn)?.account;
    if (!account || !/^\d{12}$/.test(account) || !inv.isClosedWorld(bucket.ref.region, account)) return false;
    return !known.some((k) => arnMatch(arn, k));
  });
}
var bucket_endpoint_deny_without_exemption_default = rule2;

// rules/bucket-fence-excludes-endpoint.ts
var ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"];
var rule3 = {
  meta: {
    id: "bucket-fence-excludes-endpoint",
    severity: "warning",
    title: "Bucket policy fences out a VPC endpoint whose policy names the bucket",
    description: [
      "An S3 VPC endpoint whose policy names a bucket (by name or reference, not by a pattern) is there to reach it (a gateway endpoint only in the bucket's region, the only one it serves); the bucket policy denies every request through that endpoint (s3:GetObject, s3:PutObject and s3:ListBucket alike) from a principal of the bucket's account that the policy does not single out.",
      "Typically a VPC was added and the fence's list of endpoints (aws:SourceVpce) or VPCs (aws:SourceVpc) was not: the workloads behind the new endpoint get AccessDenied. Exemptions by principal (an administrator role) and by tag are not counted: the request judged is a direct HTTPS call by an untagged role the policy does not name.",
      "The id of an endpoint or VPC the plan creates is known only after apply: it is judged when the policy references it, or when the policy compares only with ids written out and ids of other endpoints (VPCs) the plan manages, none of which a new id can be; otherwise the pair is not evaluated.",
      "Whether the bucket is fenced at all is bucket-missing-endpoint-restriction's question; this rule asks whether the fence admits the endpoints that serve the bucket."
    ].join("\n"),
    fix: [
      "Add the endpoint (or its VPC) to the fence:",
      "",
      ...hcl([
        "condition {",
        '  test     = "StringNotEquals"',
        '  variable = "aws:SourceVpce"',
        "  values   = [aws_vpc_endpoint.s3_core.id, aws_vpc_endpoint.s3_new.id]",
        "}"
      ]),
      "",
      "or, if the endpoint is not meant to reach the bucket, take the bucket out of the endpoint policy."
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html",
      "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html"
    ],
    tags: ["availability", "bucket-policy"],
    precision: "high"
  },
  *check(inv, ctx) {
    for (const [key, reasons] of privateBuckets(inv, ctx)) {
      const bucket = inv.buckets.get(key);
      const endpoints = reasons.flatMap((r) => r.kind === "endpoint" && r.byName && carriesS3To(r.endpoint, bucket.ref.region) ? [r.endpoint] : []);
      if (endpoints.length === 0) continue;
      const j = judgedPrivateBucket(bucket, ctx);
      if (!j) continue;
      if (isDiagnostic(j)) {
        yield* once(ctx, j);
        continue;
      }
      yield* agreed(ctx, j, (r) => shutOut(inv, ctx, r, endpoints));
    }
  }
};
function carriesS3To(ep, bucketRegion) {
  if (ep.service?.family !== "s3") return false;
  const region = ep.service.region ?? ep.ref.region;
  return ep.type !== "Gateway" || bucketRegion === void 0 || region === void 0 || region === bucketRegion;
}
function* shutOut(inv, ctx, j, endpoints) {
  let fences;
  try {
    ({ fences } = fencesOf(j));
  } catch (err) {
    yield* once(ctx, notEvaluable(err, j.bucket.ref, "the bucket policy"));
    return;
  }
  if (fences.length === 0) return;
  const compared2 = originCompared(j.policy);
  for (const ep of endpoints) {
    const vpc = ep.vpc.keys[0] ? inv.refByKey(ep.vpc.keys[0]) : void 0;
    const origin = originOf(inv, j, ep, vpc, compared2);
    if ("diagnostic" in origin) {
      yield* once(ctx, origin);
      continue;
    }
    let open;
    try {
      open = throughEndpointNotDenied(j.policy, { resources: j.resources, onlyActions: ACTIONS, ...origin.ids, ...j.bucket.ref.account ? { account: j.bucket.ref.account } : {} });
    } catch (err) {
      yield* once(ctx, notEvaluable(err, j.bucket.ref, "the bucket policy"));
      return;
    }
    if (open) continue;
    const where3 = j.primary.key === j.bucket.ref.key ? "" : ` (${displayName(j.primary)})`;
    const byEndpoint = fences.some((f) => f.conditions.some((c) => c.keyLower === "aws:sourcevpce"));
    const key = byEndpoint ? "aws:SourceVpce" : "aws:SourceVpc";
    const value = byEndpoint ? endpointIdForFix(ep) : vpc?.id ?? (vpc?.address ? `\${${vpc.address}.id}` : "the VPC's id");
    yield {
      message: `The bucket policy of ${displayName(j.bucket.ref)}${where3} denies every request through ${displayName(ep.ref)}${vpc ? ` (VPC ${displayName(vpc)})` : ""} (${fences.map(statementLabel).join(", ")}), but that endpoint's policy names the bucket: s3:GetObject, s3:PutObject and s3:ListBucket from the workloads it serves get AccessDenied${origin.note ? ` (${origin.note})` : ""}. Add ${JSON.stringify(value)} to the ${key} values of the fence, or take the bucket out of the endpoint's policy.`,
      primary: j.primary,
      related: [...j.related, ep.ref, ...vpc ? [vpc] : []],
      attribute: "policy",
      evidence: { bucket: j.bucket.ref.key, endpoint: ep.ref.key }
    };
  }
}
function originOf(inv, j, ep, vpcRef, compared2) {
  const ids = {};
  const notes = [];
  for (const [which, ref, keyLower, asked] of [
    ["endpoint", ep.ref, "aws:sourcevpce", compared2.endpointId],
    ["vpc", vpcRef, "aws:sourcevpc", compared2.vpcId]
  ]) {
    if (!asked) continue;
    const got = ref ? comparedId(inv, j.policy, j.placeholders, ref, keyLower) : void 0;
    if (!got) {
      const subject = which === "endpoint" ? displayName(ep.ref) : vpcRef ? displayName(vpcRef) : `the VPC of ${displayName(ep.ref)}`;
      return {
        diagnostic: {
          level: "note",
          code: "not-evaluated",
          subject: j.bucket.ref,
          message: `whether the bucket policy of ${displayName(j.bucket.ref)} admits ${displayName(ep.ref)}, whose policy names the bucket, was not evaluated: the id of ${subject} is known only after apply and the policy compares ${keyLower === "aws:sourcevpce" ? "aws:SourceVpce" : "aws:SourceVpc"} with values that may be it`
        }
      };
    }
    ids[which] = got.id;
    if (got.note) notes.push(got.note);
  }
  return { ids, ...notes.length > 0 ? { note: notes.join("; ") } : {} };
}
var bucket_fence_excludes_endpoint_default = rule3;

// rules/bucket-missing-endpoint-restriction.ts
var rule4 = {
  meta: {
    id: "bucket-missing-endpoint-restriction",
    severity: "warning",
    title: "Private bucket without a network perimeter in its bucket policy",
    description: [
      "A bucket that should be reached only privately has a bucket policy (or none) that does not deny requests coming from outside the expected network.",
      "A bucket is private when an endpoint policy in the same inventory names it in Resource, or when the config selects it (privateBuckets: names, tags).",
      "Any Deny keyed on aws:SourceVpce, aws:SourceVpc, aws:VpceOrgID, aws:VpceAccount or aws:VpceOrgPaths that denies requests from outside counts as a perimeter, whichever endpoint or VPC it admits.",
      `The Deny must stop requests from the internet for the bucket's objects, where the data is. It is no fence when its Resource names only the bucket ARN: IAM authorizes s3:GetObject on arn:aws:s3:::bucket/key, never on arn:aws:s3:::bucket, so such a Deny stops ListBucket and PutBucketPolicy from outside at most and leaves every object reachable (the forgotten "/*"). Nor when it only applies to requests through an endpoint (ForAnyValue:StringNotEquals is false on a missing key; a Null "false" test excludes requests without it).`,
      "ARNs are those of the bucket's partition (arn:aws-us-gov:s3:::bucket in GovCloud, arn:aws-cn:s3:::bucket in China): a Deny whose Resource is written in another partition, copied from a commercial example, names nothing there and is no fence.",
      "Without it, any principal with IAM rights reaches the data from anywhere."
    ].join("\n"),
    fix: ["Deny every request that does not come through the endpoint (keeping administration and AWS services working):", "", ...hcl(BUCKET_FENCE)].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html",
      "https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/network-perimeter.html"
    ],
    tags: ["security", "data-perimeter", "bucket-policy"],
    precision: "high"
  },
  *check(inv, ctx) {
    for (const [key, reasons] of privateBuckets(inv, ctx)) {
      const bucket = inv.buckets.get(key);
      const why = describe2(reasons);
      const endpoints = reasons.flatMap((r) => r.kind === "endpoint" ? [r.endpoint] : []);
      const fence = endpoints.length > 0 ? `a Deny with "StringNotEquals": {"aws:SourceVpce": ${JSON.stringify(endpoints.map(endpointIdForFix))}}` : "a Deny on requests whose aws:SourceVpce (or aws:SourceVpc) is not yours";
      const related = endpoints.map((e) => e.ref);
      if (bucket.policy.kind === "absent") {
        yield {
          message: `Bucket ${displayName(bucket.ref)} must be reached only privately (${why}) but has no bucket policy, so requests from anywhere with IAM rights reach it. Add a bucket policy with ${fence}.`,
          primary: bucket.ref,
          related,
          evidence: { bucket: key, policy: "none" }
        };
        continue;
      }
      const j = judgedPrivateBucket(bucket, ctx);
      if (!j) continue;
      if (isDiagnostic(j)) {
        yield* once(ctx, j);
        continue;
      }
      yield* agreed(ctx, j, (r) => unfenced(ctx, r, { why, fence, related }));
    }
  }
};
function* unfenced(ctx, j, says) {
  const bucket = j.bucket;
  let fences;
  let notFences = [];
  try {
    ({ fences, reasons: notFences } = fencesOf(j));
  } catch (err) {
    yield* once(ctx, notEvaluable(err, bucket.ref, "the bucket policy"));
    return;
  }
  if (fences.length > 0) return;
  const policy = `its bucket policy${j.primary.key === bucket.ref.key ? "" : ` (${displayName(j.primary)})`}`;
  const { why, fence } = says;
  yield {
    message: notFences.length === 0 ? `Bucket ${displayName(bucket.ref)} must be reached only privately (${why}) but ${policy} denies nothing on aws:SourceVpce, aws:SourceVpc, aws:VpceOrgID, aws:VpceAccount or aws:VpceOrgPaths, so requests from outside the network are not fenced. Add ${fence}.` : `Bucket ${displayName(bucket.ref)} must be reached only privately (${why}) but no Deny of ${policy} keyed on a network perimeter key denies requests from outside the network (the internet): ${notFences.join("; ")}. Fix that Deny, or add ${fence}.`,
    primary: j.primary,
    related: [...j.related, ...says.related],
    attribute: "policy",
    evidence: { bucket: bucket.ref.key, policy: notFences.length === 0 ? "no-network-deny" : "network-deny-not-a-fence" }
  };
}
function describe2(reasons) {
  const parts = reasons.map((r) => r.kind === "endpoint" ? `named by the policy of ${displayName(r.endpoint.ref)}` : `selected by ${r.what}`);
  return [...new Set(parts)].join("; ");
}
var bucket_missing_endpoint_restriction_default = rule4;

// src/model/topology.ts
function single2(link, nodes) {
  if (link.keys.length > 1) return unknown(`ambiguous reference: ${link.keys.join(", ")}`);
  if (link.keys.length === 1) {
    const node = nodes.get(link.keys[0]);
    return node ?? unknown(`${link.keys[0]} is not a resource of the expected type`);
  }
  if (link.unresolved) return unknown(link.unresolved);
  if (link.external.length > 0) return unknown(`${link.external.join(", ")} is not in the scanned inventory`);
  return void 0;
}
var Topology = class {
  constructor(inv) {
    this.inv = inv;
    for (const subnet of inv.subnets.values()) {
      const eff = this.computeEffective(subnet);
      this.effective.set(subnet.ref.key, eff);
      if (eff && !isUnknown(eff)) push(this.subnetsByTable, eff.table.ref.key, subnet);
      for (const vpcKey of subnet.vpc.keys) push(this.subnetsByVpc, vpcKey, subnet);
    }
    for (const endpoint of inv.vpcEndpoints.values()) {
      if (endpoint.destroyed) continue;
      for (const rtKey of endpoint.routeTables.keys) push(this.endpointsByTable, rtKey, endpoint);
      for (const vpcKey of endpoint.vpc.keys) push(this.endpointsByVpc, vpcKey, endpoint);
      if (endpoint.routeTables.unresolved) {
        this.undecided.push(endpoint);
        for (const vpc of vpcsOf(endpoint.vpc)) push(this.undecidedByVpc, vpc, endpoint);
      }
    }
  }
  inv;
  effective = /* @__PURE__ */ new Map();
  subnetsByTable = /* @__PURE__ */ new Map();
  endpointsByTable = /* @__PURE__ */ new Map();
  subnetsByVpc = /* @__PURE__ */ new Map();
  endpointsByVpc = /* @__PURE__ */ new Map();
  /** Endpoints whose route tables cannot be told, by VPC (key or id); those whose VPC cannot be told either under ''. */
  undecidedByVpc = /* @__PURE__ */ new Map();
  undecided = [];
  /** The route table that governs a subnet: its explicit association, else its VPC's main table. */
  effectiveRouteTable(subnet) {
    return this.effective.get(subnet.ref.key);
  }
  /** Subnets whose effective route table is this one (explicitly or as main table). */
  subnetsUsing(table) {
    return this.subnetsByTable.get(table.ref.key) ?? [];
  }
  subnetsOf(vpc) {
    return this.subnetsByVpc.get(vpc.ref.key) ?? [];
  }
  /** Endpoints associated with a route table (gateway endpoints install their prefix-list routes there). */
  endpointsOn(table) {
    return this.endpointsByTable.get(table.ref.key) ?? [];
  }
  /** Endpoints that install their routes in a table: associated with it, or targets of its routes (of any type and service). */
  endpointsRouting(table) {
    const found = new Set(this.endpointsOn(table));
    for (const route of table.routes) {
      if (isUnknown(route.target) || route.target.kind !== "vpce" || !route.target.key) continue;
      const ep = this.inv.vpcEndpoints.get(route.target.key);
      if (ep && !ep.destroyed) found.add(ep);
    }
    return [...found];
  }
  /**
   * Endpoints not associated with the table by name that may still be: their route tables cannot be
   * told (a data source read during apply, a reference that does not resolve) and their VPC is the
   * table's, or cannot be told. None for a table read from AWS, whose routes show every association.
   */
  endpointsPerhapsOn(table) {
    if (this.undecided.length === 0 || table.routes.some((r) => r.origin === "live")) return [];
    const vpcs = vpcsOf(table.vpc);
    const candidates = vpcs.includes("") ? this.undecided : [...new Set([...vpcs, ""].flatMap((v) => this.undecidedByVpc.get(v) ?? []))];
    const on = this.endpointsOn(table);
    return candidates.filter((ep) => !on.includes(ep) && sameOrUnknown(ep.ref.region, table.ref.region) && sameOrUnknown(ep.ref.account, table.ref.account)).sort((a, b) => a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0);
  }
  /** Endpoints of a VPC that the plan does not destroy. */
  endpointsInVpc(vpcKey) {
    return this.endpointsByVpc.get(vpcKey) ?? [];
  }
  vpcOf(node) {
    return single2(node.vpc, this.inv.vpcs);
  }
  computeEffective(subnet) {
    const explicit = single2(subnet.routeTable, this.inv.routeTables);
    if (isUnknown(explicit)) return explicit;
    if (explicit) return { table: explicit, explicit: true };
    const vpc = single2(subnet.vpc, this.inv.vpcs);
    if (isUnknown(vpc)) return vpc;
    if (!vpc) return unknown(`the VPC of ${subnet.ref.address ?? subnet.ref.key} is not in the inventory, so its main route table is unknown`);
    const main = vpc.mainRouteTable;
    if (isUnknown(main)) return main;
    if (main === void 0) return unknown(`the main route table of ${vpc.ref.address ?? vpc.ref.key} is not in the inventory`);
    const table = this.inv.routeTables.get(main);
    return table ? { table, explicit: false } : unknown(`main route table ${main} is not in the inventory`);
  }
};
function vpcsOf(link) {
  const named = [...link.keys, ...link.external];
  return link.unresolved || named.length === 0 ? [""] : named;
}
function sameOrUnknown(a, b) {
  return a === void 0 || b === void 0 || a === b;
}
function push(map, key, value) {
  const list3 = map.get(key);
  if (list3) list3.push(value);
  else map.set(key, [value]);
}
function defaultIpv4Route(table) {
  return table.routes.find((r) => r.destination.kind === "ipv4" && r.destination.value === "0.0.0.0/0");
}
var topologies = /* @__PURE__ */ new WeakMap();
function topologyOf(inv) {
  let topo = topologies.get(inv);
  if (!topo) {
    topo = new Topology(inv);
    topologies.set(inv, topo);
  }
  return topo;
}
var GATEWAY_FAMILY_LABEL = { s3: "S3", dynamodb: "DynamoDB" };
function isGatewayOf(ep, family) {
  if (isUnknown(ep.serviceName)) return `service name is unknown (${ep.serviceName.reason})`;
  if (ep.service?.family !== family) return false;
  if (isUnknown(ep.type)) return `type is unknown (${ep.type.reason})`;
  return ep.type === "Gateway";
}

// src/util/name-list.ts
var MAX_NAMES = 10;
function nameList(names, max = MAX_NAMES) {
  if (names.length <= max) return [...names].sort(naturalCompare).join(", ");
  return `${first(names, max).join(", ")} and ${(names.length - max).toLocaleString("en-US")} more`;
}
function first(names, count) {
  const top = [];
  for (const name of names) {
    if (top.length === count && naturalCompare(name, top[count - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && naturalCompare(name, top[at - 1]) < 0) at--;
    top.splice(at, 0, name);
    if (top.length > count) top.pop();
  }
  return top;
}
function naturalCompare(a, b) {
  let i = 0;
  let j = 0;
  let inText = false;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    const dx = isDigit(x);
    const dy = isDigit(y);
    if (dx && dy) {
      const [si, ei] = digitRun(a, i);
      const [sj, ej] = digitRun(b, j);
      if (ei - si !== ej - sj) return ei - si - (ej - sj);
      for (let k = 0; k < ei - si; k++) {
        const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
        if (d !== 0) return d;
      }
      i = ei;
      j = ej;
      inText = false;
      continue;
    }
    if (dx !== dy && inText) return dx ? -1 : 1;
    if (x !== y) return x - y;
    inText = true;
    i++;
    j++;
  }
  return a.length - i - (b.length - j) || (a < b ? -1 : a > b ? 1 : 0);
}
function digitRun(s, start) {
  let end = start;
  while (end < s.length && isDigit(s.charCodeAt(end))) end++;
  let from = start;
  while (from < end - 1 && s.charCodeAt(from) === 48) from++;
  return [from, end];
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}

// rules/lib/endpoint-queries.ts
function interfaceEndpoints(inv) {
  return [...inv.vpcEndpoints.values()].filter((ep) => !ep.destroyed && ep.type === "Interface");
}
function serviceLabel(ep) {
  return isUnknown(ep.serviceName) ? "service unknown" : ep.serviceName;
}
function endpointLabel(ep) {
  return `${displayName(ep.ref)} (${serviceLabel(ep)})`;
}
function vpcIdentity(link) {
  if (link.unresolved) return void 0;
  const all = [...link.keys, ...link.external];
  return all.length === 1 ? all[0] : void 0;
}
function vpcUnclear(link) {
  if (link.unresolved) return link.unresolved;
  const all = [...link.keys, ...link.external];
  return all.length === 0 ? "no VPC is named" : `the VPC is ambiguous (${all.join(", ")})`;
}
var BY_VPC = /* @__PURE__ */ new WeakMap();
function byVpc(inv) {
  let index = BY_VPC.get(inv);
  if (index) return index;
  index = { endpoints: /* @__PURE__ */ new Map(), subnets: /* @__PURE__ */ new Map() };
  for (const ep of inv.vpcEndpoints.values()) {
    const vpc = vpcIdentity(ep.vpc);
    if (!ep.destroyed && vpc !== void 0) append(index.endpoints, vpc, ep);
  }
  for (const subnet of inv.subnets.values()) {
    const vpc = vpcIdentity(subnet.vpc);
    if (vpc !== void 0) append(index.subnets, vpc, subnet);
  }
  BY_VPC.set(inv, index);
  return index;
}
function append(map, key, value) {
  const list3 = map.get(key);
  if (list3) list3.push(value);
  else map.set(key, [value]);
}
function endpointsInVpc(inv, vpc) {
  return byVpc(inv).endpoints.get(vpc) ?? [];
}
function subnetsInVpc(inv, vpc) {
  return byVpc(inv).subnets.get(vpc) ?? [];
}
function gatewayEndpointsInVpc(inv, vpc, family, region) {
  const endpoints = [];
  let unclear;
  for (const ep of endpointsInVpc(inv, vpc)) {
    const unknownPart = isUnknown(ep.type) ? `type (${ep.type.reason})` : isUnknown(ep.serviceName) ? `service (${ep.serviceName.reason})` : void 0;
    if (unknownPart) {
      unclear ??= `${displayName(ep.ref)} has an unknown ${unknownPart}`;
      continue;
    }
    if (ep.type !== "Gateway" || ep.service?.family !== family) continue;
    if (region && ep.service.region && ep.service.region !== region) continue;
    endpoints.push(ep);
  }
  return unclear ? { endpoints, unclear } : { endpoints };
}

// rules/lib/nat-path.ts
function natPathRule(meta, family) {
  return {
    meta,
    *check(inv, ctx) {
      const label2 = GATEWAY_FAMILY_LABEL[family];
      for (const subnet of inv.subnets.values()) {
        const eff = ctx.topology.effectiveRouteTable(subnet);
        if (isUnknown(eff)) {
          yield notEvaluated2(subnet.ref, `the route table of subnet ${displayName(subnet.ref)} is unknown (${eff.reason}), so its path to ${label2} was not evaluated`);
        }
      }
      for (const table of inv.routeTables.values()) {
        const subnets = [...ctx.topology.subnetsUsing(table)].sort((a, b) => a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0);
        if (subnets.length === 0) continue;
        const route = defaultIpv4Route(table);
        const unclear = !route ? incompleteRoutes(table) : isUnknown(route.target) ? `the target of the 0.0.0.0/0 route in ${displayName(table.ref)} is unknown (${route.target.reason})` : void 0;
        if (unclear) {
          if (!servingEndpoints(ctx, table, family).serving) yield notEvaluated2(table.ref, `${unclear}, so its path to ${label2} was not evaluated`);
          continue;
        }
        if (!route || isUnknown(route.target)) continue;
        if (route.target.kind !== "nat" && route.target.kind !== "nat-instance") continue;
        const served = servingEndpoints(ctx, table, family);
        if (served.unclear) {
          yield notEvaluated2(table.ref, `${served.unclear}, so the table's path to ${label2} was not evaluated`);
          continue;
        }
        if (served.serving) continue;
        const natRef = route.target.key && inv.refByKey(route.target.key) || void 0;
        const natName = natRef ? displayName(natRef) : route.target.id ?? "a NAT";
        const natWord = route.target.kind === "nat" ? "NAT gateway" : "NAT instance";
        const idle = idleEndpoints(ctx, table, family);
        const subnetNames = subnets.map((s) => displayName(s.ref));
        const fix = idle.length > 0 ? `${label2} gateway endpoint ${nameList(idle.map((e) => displayName(e.ref)))} exists in this VPC but is not associated with this route table: add the table to its route_table_ids (or an aws_vpc_endpoint_route_table_association).` : `Add ${article(label2)} ${label2} gateway endpoint (service com.amazonaws.${table.ref.region ?? "<region>"}.${family}) to this VPC and associate it with this route table.`;
        yield {
          message: `Route table ${displayName(table.ref)} sends 0.0.0.0/0 to ${natWord} ${natName} and has no route to ${article(label2)} ${label2} gateway endpoint, so ${label2} traffic from ${plural(subnetNames.length, "subnet")} ${nameList(subnetNames)} goes through the NAT. ${fix}`,
          primary: table.ref,
          // The NAT and the idle endpoints before the subnets, which can be thousands: SARIF keeps the first 1,000.
          related: [...natRef ? [natRef] : [], ...idle.map((e) => e.ref), ...subnets.map((s) => s.ref)],
          attribute: "route",
          evidence: {
            routeTable: table.ref.key,
            nat: route.target.key ?? route.target.id ?? "",
            service: family
          }
        };
      }
    }
  };
}
function incompleteRoutes(table) {
  const why = table.routesIncomplete ?? (table.routes.some((r) => isUnknown(r.destination.value)) ? "a route destination is known only after apply" : void 0);
  return why && `the routes of ${displayName(table.ref)} are not fully known (${why})`;
}
function notEvaluated2(subject, message) {
  return { diagnostic: { level: "note", code: "not-evaluated", message, subject } };
}
function article(word) {
  return /^[AEFHILMNORSX]/.test(word) ? "an" : "a";
}
function plural(n, word) {
  return n === 1 ? word : `${word}s`;
}
function servingEndpoints(ctx, table, family) {
  let unclear;
  for (const ep of ctx.topology.endpointsRouting(table)) {
    const fit = serves(ep, table, family);
    if (fit === true) return { serving: true };
    if (fit !== false) unclear ??= `${displayName(table.ref)} has endpoint ${displayName(ep.ref)}, whose ${fit}`;
  }
  if (unclear) return { serving: false, unclear };
  for (const ep of ctx.topology.endpointsPerhapsOn(table)) {
    if (serves(ep, table, family) === false) continue;
    return { serving: false, unclear: `${displayName(table.ref)} may be served by endpoint ${endpointLabel(ep)}, whose route tables are unknown (${ep.routeTables.unresolved})` };
  }
  return { serving: false };
}
function serves(ep, table, family) {
  const gateway = isGatewayOf(ep, family);
  if (gateway !== true) return gateway;
  const region = table.ref.region ?? ep.ref.region;
  return !(ep.service?.region && region && ep.service.region !== region);
}
function idleEndpoints(ctx, table, family) {
  const out = [];
  const on = ctx.topology.endpointsOn(table);
  for (const vpcKey of new Set(table.vpc.keys)) {
    for (const ep of ctx.topology.endpointsInVpc(vpcKey)) {
      if (ep.type !== "Gateway" || ep.service?.family !== family) continue;
      if (on.includes(ep)) continue;
      const region = table.ref.region ?? ep.ref.region;
      if (ep.service.region && region && ep.service.region !== region) continue;
      out.push(ep);
    }
  }
  return out.sort((a, b) => a.ref.key < b.ref.key ? -1 : 1);
}

// rules/dynamodb-via-nat.ts
var rule5 = natPathRule(
  {
    id: "dynamodb-via-nat",
    severity: "note",
    title: "Private subnets reach DynamoDB through a NAT instead of a gateway endpoint",
    description: "A route table sends 0.0.0.0/0 to a NAT gateway (or a NAT instance) and has no route to a DynamoDB gateway endpoint of its region. Requests from its subnets to DynamoDB cross the NAT, billed per GB, and leave the private path. A DynamoDB gateway endpoint costs nothing and keeps the traffic on the AWS network.",
    fix: [
      "Associate a DynamoDB gateway endpoint with the route table of the private subnets:",
      "",
      "```hcl",
      'resource "aws_vpc_endpoint" "dynamodb" {',
      "  vpc_id            = aws_vpc.main.id",
      '  service_name      = "com.amazonaws.${var.region}.dynamodb"',
      '  vpc_endpoint_type = "Gateway"',
      "  route_table_ids   = [aws_route_table.private.id]",
      "}",
      "```"
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html",
      "https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html"
    ],
    tags: ["cost", "network", "dynamodb"],
    precision: "high"
  },
  "dynamodb"
);
var dynamodb_via_nat_default = rule5;

// rules/lib/security-group-rules.ts
function notEvaluated3(subject, message) {
  return { diagnostic: { level: "note", code: "not-evaluated", message, subject } };
}
var ALL_PROTOCOLS = /* @__PURE__ */ new Set(["-1", "all"]);
var TCP = /* @__PURE__ */ new Set(["tcp", "6"]);
function coversTcpPort(rule22, port) {
  if (isUnknown(rule22.protocol)) return rule22.protocol;
  const protocol = rule22.protocol.toLowerCase();
  if (ALL_PROTOCOLS.has(protocol)) return true;
  if (!TCP.has(protocol)) return false;
  if (isUnknown(rule22.fromPort) || isUnknown(rule22.toPort)) return unknown("the port range is known only after apply");
  const from = rule22.fromPort ?? 0;
  const to = rule22.toPort ?? 65535;
  return from <= port && port <= to;
}
function portsLabel(rule22) {
  if (isUnknown(rule22.protocol)) return "a protocol known only after apply";
  const protocol = rule22.protocol.toLowerCase();
  if (ALL_PROTOCOLS.has(protocol)) return "all traffic";
  const from = isUnknown(rule22.fromPort) ? "?" : rule22.fromPort;
  const to = isUnknown(rule22.toPort) ? "?" : rule22.toPort;
  if (from === void 0 && to === void 0) return `${protocol} (all ports)`;
  return from === to ? `${protocol} ${from}` : `${protocol} ${from ?? 0}-${to ?? 65535}`;
}
function isAnywhere(cidr) {
  return /\/0$/.test(cidr.trim());
}
function cidrsOf(rule22) {
  const cidrs = [...isUnknown(rule22.ipv4) ? [] : rule22.ipv4, ...isUnknown(rule22.ipv6) ? [] : rule22.ipv6];
  const reasons = [rule22.ipv4, rule22.ipv6].filter(isUnknown).map((u) => u.reason);
  return reasons.length > 0 ? { cidrs, unknown: [...new Set(reasons)].join("; ") } : { cidrs };
}
function ruleOrigin(rule22, group) {
  if (rule22.declaredBy.key === group.ref.key) return `an inline ${rule22.direction} rule of ${displayName(group.ref)}`;
  if (group.ref.implicit) return `AWS's default ${rule22.direction} rule of the default security group of ${displayName(rule22.declaredBy)}`;
  return `${displayName(rule22.declaredBy)}, an ${rule22.direction} rule of ${displayName(group.ref)}`;
}
function ruleAttribute(rule22, cidr) {
  const ipv6 = cidr?.includes(":") ?? false;
  switch (rule22.declaredBy.type) {
    case "aws_vpc_security_group_ingress_rule":
    case "aws_vpc_security_group_egress_rule":
      return ipv6 ? "cidr_ipv6" : "cidr_ipv4";
    case "aws_security_group_rule":
      return ipv6 ? "ipv6_cidr_blocks" : "cidr_blocks";
    default:
      return rule22.direction;
  }
}
function groupsOf(inv, link, direction) {
  const groups = [];
  const unclear = [];
  if (link.unresolved) unclear.push(link.unresolved);
  if (link.external.length > 0) unclear.push(`security group ${nameList(link.external)} is not in the inventory`);
  for (const key of link.keys) {
    const group = inv.securityGroups.get(key);
    if (!group) {
      unclear.push(`${key} is not a security group of the inventory`);
      continue;
    }
    const incomplete = direction === "ingress" ? group.ingressIncomplete : group.egressIncomplete;
    if (incomplete) unclear.push(incomplete);
    groups.push(group);
  }
  return unclear.length > 0 ? { groups, unclear: unclear.join("; ") } : { groups };
}
function plural2(n, word, many = `${word}s`) {
  return n === 1 ? word : many;
}

// rules/lib/egress-to-service.ts
function egressToService(inv, groups, family, serviceNames) {
  let pending;
  const ranges = [];
  for (const group of groups) {
    for (const rule22 of group.egress) {
      const reading = readRule(inv, rule22, family, serviceNames);
      if (reading.allows) return { kind: "allows", by: rule22 };
      pending ??= reading.pending;
      ranges.push(...reading.ranges);
    }
  }
  if (ranges.length > 0) {
    const reach = reachOf(ranges, serviceAddresses(inv, family, serviceNames));
    if (reach.kind === "all") return { kind: "allows", by: ranges[0].rule };
    if (reach.kind === "unknown") pending ??= reach.reason;
  }
  return pending ? { kind: "unknown", reason: pending } : { kind: "blocks" };
}
function readRule(inv, rule22, family, serviceNames) {
  const https = coversTcpPort(rule22, 443);
  if (https === false) return { ranges: [] };
  const where3 = ruleName(rule22);
  if (isUnknown(https)) return { pending: `the ports of an egress rule of ${where3} are unknown (${https.reason})`, ranges: [] };
  const out = { ranges: [] };
  const note = (reason) => {
    out.pending ??= reason;
  };
  if (isUnknown(rule22.ipv4)) note(`the destinations of an egress rule of ${where3} are unknown (${rule22.ipv4.reason})`);
  else if (rule22.ipv4.some(isAnywhere)) return { allows: true, ranges: [] };
  else out.ranges.push(...publicRanges(rule22.ipv4, rule22, note));
  for (const key of rule22.prefixLists.keys) {
    const list3 = inv.prefixLists.get(key);
    const name = list3?.prefixListName;
    if (!list3) {
      note(`the prefix list ${key} named by an egress rule of ${where3} is not identified`);
      continue;
    }
    if (typeof name === "string" && isAwsManaged(name)) {
      if (isServiceList(name, family, serviceNames)) return { allows: true, ranges: [] };
      continue;
    }
    const label2 = listLabel(list3);
    if (isUnknown(list3.cidrs) || list3.cidrs === void 0) {
      note(`the entries of ${label2}, named by an egress rule of ${where3}, are ${isUnknown(list3.cidrs) ? `unknown (${list3.cidrs.reason})` : "not in the inventory"}`);
      continue;
    }
    if (list3.cidrs.some((c) => !c.includes(":") && isAnywhere(c))) return { allows: true, ranges: [] };
    if (typeof name !== "string") {
      note(`the prefix list ${key} named by an egress rule of ${where3} is not identified`);
      continue;
    }
    out.ranges.push(...publicRanges(list3.cidrs, rule22, note, label2));
  }
  if (rule22.prefixLists.unresolved) note(`a prefix list of an egress rule of ${where3} is unknown (${rule22.prefixLists.unresolved})`);
  if (rule22.prefixLists.external.length > 0) note(`prefix list ${rule22.prefixLists.external.join(", ")} named by an egress rule of ${where3} is not in the inventory`);
  return out;
}
function publicRanges(cidrs, rule22, note, list3) {
  const out = [];
  for (const cidr of cidrs) {
    if (cidr.includes(":") || isPrivateIpv4(cidr)) continue;
    if (parseCidr(cidr.trim())?.version !== 4) {
      note(`${list3 ? `${list3}, named by an egress rule of ${ruleName(rule22)}, holds` : `an egress rule of ${ruleName(rule22)} names`} ${cidr}, which is not a CIDR block`);
      continue;
    }
    out.push({ cidr: cidr.trim(), rule: rule22, ...list3 ? { list: list3 } : {} });
  }
  return out;
}
function serviceAddresses(inv, family, serviceNames) {
  const out = /* @__PURE__ */ new Set();
  for (const list3 of inv.prefixLists.values()) {
    const name = list3.prefixListName;
    if (typeof name !== "string" || !isAwsManaged(name) || !isServiceList(name, family, serviceNames)) continue;
    if (Array.isArray(list3.cidrs)) list3.cidrs.filter((c) => parseCidr(c.trim())?.version === 4).forEach((c) => out.add(c.trim()));
  }
  return out.size > 0 ? [...out] : void 0;
}
function reachOf(ranges, service) {
  if (!service) {
    const first2 = ranges[0];
    const says = first2.list ? `${first2.list}, named by an egress rule of ${ruleName(first2.rule)}, holds` : `an egress rule of ${ruleName(first2.rule)} allows`;
    return { kind: "unknown", reason: `${says} ${first2.cidr}, and the service's public addresses, which it may cover, are not in the inventory` };
  }
  const allowed = merge2(ranges.map((r) => interval(r.cidr)));
  const targets = service.map((c) => interval(c));
  const covered = targets.filter(([from, to]) => allowed.some(([a, b]) => a <= from && to <= b)).length;
  if (covered === targets.length) return { kind: "all" };
  if (!targets.some(([from, to]) => allowed.some(([a, b]) => a <= to && from <= b))) return { kind: "none" };
  const cidrs = [...new Set(ranges.map((r) => r.cidr))];
  return { kind: "unknown", reason: `HTTPS egress to ${nameList(cidrs)} covers only part of the service's addresses (${nameList(service)}): some requests may get through, others time out` };
}
function interval(cidr) {
  const c = parseCidr(cidr.trim());
  if (!c || c.version !== 4) return void 0;
  return [c.base, c.base + (1n << BigInt(32 - c.prefix)) - 1n];
}
function merge2(intervals) {
  const out = [];
  for (const [from, to] of [...intervals].sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1n) last[1] = to > last[1] ? to : last[1];
    else out.push([from, to]);
  }
  return out;
}
function isAwsManaged(name) {
  return /^(cn\.)?com\.amazonaws\./.test(name);
}
function isServiceList(name, family, serviceNames) {
  return serviceNames ? serviceNames.has(name) : parseServiceName(name)?.family === family;
}
function ruleName(rule22) {
  return rule22.declaredBy.address ?? rule22.declaredBy.key;
}
function listLabel(list3) {
  const shown = displayName(list3.ref);
  const name = list3.prefixListName;
  if (typeof name !== "string" || shown === name || shown.endsWith(`(${name})`)) return `prefix list ${shown}`;
  return `prefix list ${name} (${shown})`;
}
function egressAllowed(inv, group, serviceLists) {
  const lists = `the ${nameList(serviceLists)} prefix list`;
  if (group.egress.length === 0) return `no 0.0.0.0/0 rule, no rule to ${lists}`;
  const rules = [...new Set(group.egress.map((r) => `${portsLabel(r)} to ${destinations(inv, r)}`))];
  return `its egress rules allow only ${nameList(rules)}: none is TCP 443 to 0.0.0.0/0 or to ${lists}`;
}
function destinations(inv, rule22) {
  const out = [];
  for (const cidrs of [rule22.ipv4, rule22.ipv6]) {
    if (isUnknown(cidrs)) out.push("addresses known only after apply");
    else out.push(...cidrs);
  }
  for (const key of rule22.prefixLists.keys) {
    const list3 = inv.prefixLists.get(key);
    out.push(list3 ? listLabel(list3) : `prefix list ${key}`);
  }
  out.push(...rule22.prefixLists.external.map((id) => `prefix list ${id}`));
  if (rule22.prefixLists.unresolved) out.push("a prefix list not known");
  for (const key of rule22.groups.keys) {
    const ref = inv.refByKey(key);
    out.push(`security group ${ref ? displayName(ref) : key}`);
  }
  out.push(...rule22.groups.external.map((id) => `security group ${id}`));
  if (rule22.groups.unresolved) out.push("a security group not known");
  if (rule22.self) out.push("the group's own members");
  return out.length > 0 ? [...new Set(out)].join(" and ") : "nowhere";
}
var PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16"].map((c) => interval(c));
function isPrivateIpv4(cidr) {
  const range = interval(cidr);
  return range !== void 0 && PRIVATE.some(([a, b]) => a <= range[0] && range[1] <= b);
}

// rules/egress-blocks-gateway-endpoint.ts
var FAMILIES = ["s3", "dynamodb"];
var NO_EGRESS_WHY = {
  aws_security_group: ": the AWS provider revokes AWS's default allow-all egress of a new group when egress is not written",
  aws_default_security_group: ": the AWS provider removes every rule of the default group it adopts and adds only the ones written"
};
var KIND_LABEL = {
  instance: "instance",
  "launch-template": "launch template",
  lambda: "Lambda function",
  "ecs-service": "ECS service"
};
var rule6 = {
  meta: {
    id: "egress-blocks-gateway-endpoint",
    severity: "note",
    title: "Restricted egress blocks the gateway endpoint its subnets route to",
    description: [
      "A workload (EC2 instance, launch template, Lambda function in a VPC, ECS service in awsvpc mode) runs in a subnet whose route table sends S3",
      "(or DynamoDB) to a gateway endpoint, but its security groups allow no HTTPS egress to that service: no rule to 0.0.0.0/0, none to the",
      "service's prefix list. Traffic through a gateway endpoint still goes to the service's public addresses, so the security groups must allow them;",
      'otherwise every S3 call times out, and someone "fixes" it with 0.0.0.0/0 egress.',
      "",
      "Egress is the union of all the workload's groups. Remember what the AWS provider does: a new `aws_security_group` without `egress` has no egress",
      "at all (the provider revokes AWS's default allow-all rule), and so does an `aws_default_security_group` without `egress`. A workload that names no",
      "group gets the VPC's default group, whose AWS default is all egress. A customer-managed prefix list counts by its entries: one holding 0.0.0.0/0",
      "is open egress, one of private ranges only is not. Public ranges (in rules or customer lists) are judged against the addresses of the service's",
      'AWS-managed prefix list when the inventory holds them (live scans, `data "aws_prefix_list"`): covering all of them allows, none blocks. A public range',
      "whose reach cannot be told that way or covers only part of them, a prefix list outside the inventory or whose entries are unknown: such workloads are",
      '"not evaluated", never passed silently.'
    ].join("\n"),
    fix: [
      "Allow HTTPS to the service's prefix list:",
      "",
      "```hcl",
      'resource "aws_vpc_security_group_egress_rule" "app_s3" {',
      "  security_group_id = aws_security_group.app.id",
      '  description       = "HTTPS to S3 through the gateway endpoint"',
      '  ip_protocol       = "tcp"',
      "  from_port         = 443",
      "  to_port           = 443",
      "  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id",
      "}",
      "```"
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html#vpc-endpoints-policies-s3",
      "https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-security",
      "https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html"
    ],
    tags: ["network", "correctness", "s3", "dynamodb"],
    precision: "high"
  },
  *check(inv, ctx) {
    const blocked = /* @__PURE__ */ new Map();
    for (const workload of inv.workloads.values()) {
      const label2 = `${KIND_LABEL[workload.workloadKind]} ${displayName(workload.ref)}`;
      const groups = groupsOf(inv, workload.securityGroups, "egress");
      const routing = routingOf(inv, ctx, workload);
      for (const family of FAMILIES) {
        const routed = routing.byFamily.get(family);
        const routingUnclear = routing.unclear.get(family);
        if (!routed && !routingUnclear) continue;
        const names = routed ? new Set([...routed.gateways].map((g) => g.serviceName).filter((n) => typeof n === "string")) : void 0;
        const verdict = egressToService(inv, groups.groups, family, names);
        if (verdict.kind === "allows") continue;
        const service = GATEWAY_FAMILY_LABEL[family];
        if (!routed) {
          const egress = groups.unclear ? `are not fully known (${groups.unclear})` : `allow no known HTTPS egress to ${service}`;
          yield notEvaluated3(workload.ref, `the security groups of ${label2} ${egress}, and whether its subnets route ${service} through a gateway endpoint is unknown (${routingUnclear})`);
          continue;
        }
        const unclear = verdict.kind === "unknown" ? verdict.reason : groups.unclear;
        if (unclear) {
          yield notEvaluated3(workload.ref, `${label2} runs in subnets that route ${service} through a gateway endpoint, and whether its security groups let HTTPS out to ${service} is unknown (${unclear})`);
          continue;
        }
        for (const group of groups.groups) {
          const key = `${group.ref.key}\0${family}`;
          const entry = blocked.get(key) ?? { group, family, workloads: [], gateways: /* @__PURE__ */ new Set(), tables: /* @__PURE__ */ new Set() };
          entry.workloads.push(workload);
          routed.gateways.forEach((g) => entry.gateways.add(g));
          routed.tables.forEach((t) => entry.tables.add(t));
          blocked.set(key, entry);
        }
      }
    }
    for (const entry of blocked.values()) yield finding(inv, entry);
  }
};
function routingOf(inv, ctx, workload) {
  const byFamily = /* @__PURE__ */ new Map();
  const unclear = /* @__PURE__ */ new Map();
  const note = (family, why) => unclear.set(family, (unclear.get(family) ?? /* @__PURE__ */ new Set()).add(why));
  const link = workload.subnets;
  if (link.unresolved) note("any", link.unresolved);
  if (link.external.length > 0) note("any", `subnet ${nameList(link.external)} is not in the inventory`);
  for (const key of link.keys) {
    const subnet = inv.subnets.get(key);
    if (!subnet) continue;
    const eff = ctx.topology.effectiveRouteTable(subnet);
    if (isUnknown(eff)) {
      note("any", `the route table of ${displayName(subnet.ref)} is unknown (${eff.reason})`);
      continue;
    }
    if (!eff) continue;
    const table = eff.table;
    for (const ep of ctx.topology.endpointsRouting(table)) {
      for (const family of FAMILIES) {
        const gateway = isGatewayOf(ep, family);
        if (gateway === false) continue;
        if (gateway !== true) {
          note(family, `${displayName(table.ref)} has endpoint ${displayName(ep.ref)}, whose ${gateway}`);
          continue;
        }
        const entry = byFamily.get(family) ?? { gateways: /* @__PURE__ */ new Set(), tables: /* @__PURE__ */ new Set() };
        entry.gateways.add(ep);
        entry.tables.add(table.ref);
        byFamily.set(family, entry);
      }
    }
    for (const ep of ctx.topology.endpointsPerhapsOn(table)) {
      for (const family of FAMILIES) {
        if (isGatewayOf(ep, family) !== false) note(family, `${displayName(table.ref)} may be served by endpoint ${endpointLabel(ep)}, whose route tables are unknown (${ep.routeTables.unresolved})`);
      }
    }
  }
  const reasons = /* @__PURE__ */ new Map();
  for (const family of FAMILIES) {
    const all = [...unclear.get("any") ?? [], ...unclear.get(family) ?? []];
    if (all.length > 0) reasons.set(family, all.join("; "));
  }
  return { byFamily, unclear: reasons };
}
function finding(inv, { group, family, workloads, gateways, tables }) {
  const service = GATEWAY_FAMILY_LABEL[family];
  const gatewayList = [...gateways].sort((a, b) => a.ref.key < b.ref.key ? -1 : 1);
  const listNames = [...new Set(gatewayList.map((g) => g.serviceName))].sort();
  const workloadNames = workloads.map((w) => `${KIND_LABEL[w.workloadKind]} ${displayName(w.ref)}`).sort();
  const tableNames = [...tables].map(displayName).sort();
  const gatewayNames = gatewayList.map((g) => displayName(g.ref));
  const noEgress = group.egress.length === 0 ? ` It has no egress rule at all${NO_EGRESS_WHY[group.ref.type ?? ""] ?? ""}.` : "";
  const plRef = gatewayList[0]?.ref.address ? `${gatewayList[0].ref.address}.prefix_list_id` : `the ${service} prefix list`;
  return {
    message: `Security group ${displayName(group.ref)} allows no HTTPS egress to ${service} (${egressAllowed(inv, group, listNames)}), yet ${nameList(workloadNames)} ${workloads.length === 1 ? "runs" : "run"} in subnets whose route ${plural2(tableNames.length, "table")} ${nameList(tableNames)} ${tableNames.length === 1 ? "sends" : "send"} ${service} through gateway ${plural2(gatewayNames.length, "endpoint")} ${nameList(gatewayNames)}: gateway endpoint traffic still goes to ${service}'s public addresses, so ${service} requests will time out.${noEgress} Add an egress rule for TCP 443 to ${plRef}.`,
    primary: group.ref,
    // The endpoints before the workloads, which can be thousands: SARIF keeps the first 1,000.
    related: [...gatewayList.map((g) => g.ref), ...workloads.map((w) => w.ref)],
    attribute: "egress",
    evidence: { securityGroup: group.ref.key, service: family, workloads: workloads.map((w) => w.ref.key).sort() }
  };
}
var egress_blocks_gateway_endpoint_default = rule6;

// src/model/endpoint-policy-support.ts
var SUPPORTED = /* @__PURE__ */ new Set([
  "s3",
  "s3-fips",
  "dynamodb",
  "dynamodb-fips",
  "ec2",
  "ssm",
  "kms",
  "kms-fips",
  "sts",
  "sqs",
  "sns",
  "logs",
  "monitoring",
  "events",
  "ecr.api",
  "ecr.dkr",
  "secretsmanager",
  "lambda",
  "execute-api",
  "cloudformation",
  "iam",
  "imagebuilder",
  "iot.api",
  "ecs",
  "elasticloadbalancing",
  "autoscaling",
  "kinesis-streams",
  "kinesis-firehose",
  "glue",
  "athena",
  "states",
  "sagemaker.api",
  "sagemaker.runtime",
  "codebuild",
  "codecommit",
  "git-codecommit",
  "codeartifact.api",
  "codeartifact.repositories",
  "elasticfilesystem",
  "rds",
  "backup",
  "servicecatalog",
  "xray",
  "batch",
  "transfer",
  "datasync",
  "eks",
  "acm-pca",
  "elasticmapreduce",
  "emr-containers",
  "redshift",
  "appconfig",
  "config",
  "neptune-graph-data",
  "bedrock",
  "bedrock-runtime"
]);
var UNSUPPORTED = {
  "iot.data": 'AWS IoT Core Developer Guide, "Limitations of VPC endpoints"',
  cleanrooms: "AWS Clean Rooms User Guide, interface endpoints",
  "cleanrooms-ml": "AWS Clean Rooms User Guide, interface endpoints",
  inspector2: "Amazon Inspector User Guide, interface endpoints",
  "refactor-spaces": "AWS Migration Hub Refactor Spaces User Guide, interface endpoints",
  "codeguru-reviewer": "Amazon CodeGuru Reviewer User Guide, interface endpoints",
  mpa: "Multi-party approval User Guide, interface endpoints",
  "neptune-graph": "Neptune Analytics User Guide: only the data plane (neptune-graph-data) supports endpoint policies"
};
function endpointPolicySupport(service) {
  if (service.owner === "vpce") return { supported: false, source: "endpoint services of other accounts (com.amazonaws.vpce.*) always allow full access" };
  const name = service.service;
  if (SUPPORTED.has(name)) return { supported: true };
  const why = Object.hasOwn(UNSUPPORTED, name) ? UNSUPPORTED[name] : void 0;
  if (why) return { supported: false, source: why };
  return { supported: "unknown" };
}
var IAM_PREFIX = {
  "s3-fips": "s3",
  "dynamodb-fips": "dynamodb",
  "kms-fips": "kms",
  monitoring: "cloudwatch",
  "ecr.api": "ecr",
  "ecr.dkr": "ecr",
  "kinesis-streams": "kinesis",
  "kinesis-firehose": "firehose",
  "sagemaker.api": "sagemaker",
  "sagemaker.runtime": "sagemaker",
  "git-codecommit": "codecommit",
  "codeartifact.api": "codeartifact",
  "codeartifact.repositories": "codeartifact",
  "iot.api": "iot",
  "iot.data": "iot",
  elasticmapreduce: "elasticmapreduce",
  "neptune-graph-data": "neptune-graph",
  "bedrock-runtime": "bedrock"
};
function iamPrefixOf(service) {
  if (service.owner !== "aws") return void 0;
  const mapped = Object.hasOwn(IAM_PREFIX, service.service) ? IAM_PREFIX[service.service] : void 0;
  if (mapped) return mapped;
  return SUPPORTED.has(service.service) && !service.service.includes(".") ? service.service : void 0;
}

// rules/lib/policy-endpoints.ts
function judgedEndpoints(inv, ctx) {
  return ctx.shared.get("judged-endpoints", () => [...judge(inv)]);
}
function* judge(inv) {
  for (const ep of inv.vpcEndpoints.values()) {
    if (ep.destroyed) continue;
    const skip = (why) => ({ diagnostic: { level: "note", code: "not-evaluated", subject: ep.ref, message: `the endpoint policy of ${endpointLabel(ep)} was not evaluated: ${why}` } });
    if (isUnknown(ep.type)) {
      yield skip(`its endpoint type is unknown (${ep.type.reason})`);
      continue;
    }
    if (ep.type !== "Gateway" && ep.type !== "Interface") continue;
    if (!ep.service) {
      yield skip(isUnknown(ep.serviceName) ? `its service name is unknown (${ep.serviceName.reason})` : `its service name ${ep.serviceName} is not one vpcelint recognizes`);
      continue;
    }
    const support = ep.policySupported !== void 0 ? { supported: ep.policySupported } : endpointPolicySupport(ep.service);
    if (support.supported === false) continue;
    if (support.supported === "unknown") {
      yield skip(`vpcelint's table does not say whether ${ep.service.service} supports endpoint policies (a live scan reads it from DescribeVpcEndpointServices)`);
      continue;
    }
    const service = iamPrefixOf(ep.service);
    const owners = ep.ref.account ? [ep.ref.account] : [];
    const partition = partitionOfRef(ep.ref);
    const inPartition = partition !== void 0 ? { partition } : {};
    if (ep.policy.kind === "absent") {
      yield { ep, service, owners, primary: ep.ref, related: [], origin: {}, fullAccess: true, ...inPartition };
      continue;
    }
    const parsed = parsedPolicy(ep.policy, ep.ref, "the endpoint policy");
    if (!parsed) continue;
    if (isDiagnostic(parsed)) {
      yield parsed;
      continue;
    }
    const primary = holderOf2(ep.policy) ?? ep.ref;
    const related = primary.key === ep.ref.key ? [] : [ep.ref];
    const origin = originOf2(inv, ep, parsed.source.placeholders ?? {}, originCompared(parsed.policy));
    try {
      yield { ep, service, owners, primary, related, policy: parsed.policy, origin, fullAccess: isFullAccess(parsed.policy, service, origin, partition), ...inPartition };
    } catch (err) {
      yield notEvaluable(err, ep.ref, "the endpoint policy");
    }
  }
}
function originOf2(inv, ep, placeholders, wanted) {
  if (!wanted.endpointId && !wanted.vpcId) return {};
  const standsFor = (key) => idPlaceholder(placeholders, key);
  const endpointId = wanted.endpointId ? ep.ref.id ?? standsFor(ep.ref.key) : void 0;
  const vpc = wanted.vpcId ? vpcIdentity(ep.vpc) : void 0;
  const vpcId = vpc === void 0 ? void 0 : ep.vpc.keys.includes(vpc) ? inv.vpcs.get(vpc)?.ref.id ?? standsFor(vpc) : vpc;
  return { ...endpointId !== void 0 ? { endpointId } : {}, ...vpcId !== void 0 ? { vpcId } : {} };
}
function holderOf2(source) {
  return source.kind === "document" ? source.origin ?? source.holder : void 0;
}
var fullCache = /* @__PURE__ */ new WeakMap();
function isFullAccess(policy, service, origin = {}, partition) {
  let m = fullCache.get(policy);
  if (!m) fullCache.set(policy, m = /* @__PURE__ */ new Map());
  const key = `${service ?? "*"}\0${origin.endpointId ?? ""}\0${origin.vpcId ?? ""}\0${partition ?? ""}`;
  let v = m.get(key);
  if (v === void 0) m.set(key, v = !isNotFullAccess(policy, { ...service ? { service } : {}, ...partition ? { partition } : {}, ...origin }));
  return v;
}
function allowingStatements(policy, req) {
  const matched = new Set(evaluate(policy, req).matched);
  return policy.statements.filter((s) => s.effect === "Allow" && matched.has(s.index));
}
function fullAccessStatements(policy, service, origin, partition) {
  const context = { "aws:SourceVpce": origin.endpointId ?? "vpce-0vpcelint0any0", "aws:SourceVpc": origin.vpcId ?? "vpc-0vpcelint0any0" };
  const req = makeRequest({ action: `${service ?? "vpcelint"}:VpcelintAnyAction`, resource: s3Arn(partition ?? writtenPartition(writtenResources(policy)) ?? "aws", "vpcelint-any-bucket", "any-object"), context });
  return allowingStatements(policy, req);
}
function labels(statements) {
  if (statements.length === 0) return "its statements together";
  return statements.map(statementLabel).join(", ");
}
function endpointName(j) {
  return endpointLabel(j.ep);
}
function where(j) {
  return j.primary.key === j.ep.ref.key ? "" : ` (written in ${displayName(j.primary)})`;
}
function actionsAllowed(statements) {
  const s = statements[0];
  if (!s) return "actions";
  if (s.action) return s.action.map((a) => JSON.stringify(a)).join(", ");
  return `every action except ${(s.notAction ?? []).map((a) => JSON.stringify(a)).join(", ")}`;
}
function* endpointQuestion(inv, ctx, ask, message) {
  const answers = /* @__PURE__ */ new Map();
  for (const j of judgedEndpoints(inv, ctx)) {
    if (isDiagnostic(j)) {
      yield* once(ctx, j);
      continue;
    }
    if (j.fullAccess || !j.policy) continue;
    let byInput = answers.get(j.policy);
    if (!byInput) answers.set(j.policy, byInput = /* @__PURE__ */ new Map());
    const key = `${j.service ?? ""}\0${j.owners.join(",")}\0${j.origin.endpointId ?? ""}\0${j.origin.vpcId ?? ""}\0${j.partition ?? ""}`;
    let answer = byInput.get(key);
    if (!answer) {
      try {
        answer = { witness: ask(j.policy, { ...j.service ? { service: j.service } : {}, ownerAccounts: j.owners, ...j.partition ? { partition: j.partition } : {}, ...j.origin }) };
      } catch (err) {
        answer = { err };
      }
      byInput.set(key, answer);
    }
    if (answer.err !== void 0) {
      yield* once(ctx, notEvaluable(answer.err, j.ep.ref, "the endpoint policy"));
      continue;
    }
    const witness = answer.witness;
    if (!witness) continue;
    const statements = allowingStatements(j.policy, witness);
    yield {
      message: message(j, witness, statements),
      primary: j.primary,
      related: j.related,
      attribute: "policy",
      evidence: { endpoint: j.ep.ref.key, statements: statements.map((s) => s.sid ?? `#${s.index + 1}`) }
    };
  }
}

// rules/endpoint-policy-full-access.ts
var ORG_LIMITED_ENDPOINT_POLICY = [
  'resource "aws_vpc_endpoint" "s3" {',
  "  vpc_id            = aws_vpc.main.id",
  '  service_name      = "com.amazonaws.${var.region}.s3"',
  '  vpc_endpoint_type = "Gateway"',
  "  route_table_ids   = aws_route_table.private[*].id",
  "  policy = jsonencode({",
  '    Version = "2012-10-17"',
  "    Statement = [{",
  '      Sid       = "OrgPrincipalsToOrgResources"',
  '      Effect    = "Allow"',
  '      Principal = "*"',
  '      Action    = "*"',
  '      Resource  = "*"',
  "      Condition = {",
  "        StringEquals = {",
  '          "aws:PrincipalOrgID" = var.org_id',
  '          "aws:ResourceOrgID"  = var.org_id',
  "        }",
  "      }",
  "    }, {",
  '      Sid       = "AwsServices"',
  '      Effect    = "Allow"',
  '      Principal = "*"',
  '      Action    = "*"',
  '      Resource  = "*"',
  '      Condition = { Bool = { "aws:PrincipalIsAWSService" = "true" } }',
  "    }]",
  "  })",
  "}"
];
var rule7 = {
  meta: {
    id: "endpoint-policy-full-access",
    severity: "warning",
    title: "VPC endpoint lets every principal do everything on every resource",
    description: [
      "An endpoint for an AWS service that supports endpoint policies has no policy (AWS then attaches the default one, which allows everything) or a policy that allows every principal every action of the service on every resource with no limiting condition.",
      "Anything in the VPC can then reach any bucket, table or key of any account through the endpoint: the exfiltration path a data perimeter is meant to close.",
      "An endpoint policy never grants access by itself; it filters what passes through the endpoint.",
      "So it is judged on requests that come through the endpoint: a condition every one of them meets (aws:SourceVpce equal to the endpoint's own id, aws:SourceVpc to its VPC) limits nothing, and one none of them meets (aws:SourceIp, which they never carry) lets nothing through.",
      "When the verdict depends on the endpoint's or the VPC's id and a plan knows it only after apply, the endpoint is reported as not evaluated rather than guessed.",
      "",
      "Services that do not support endpoint policies (VpcEndpointPolicySupported false; a bundled table for plans) and endpoint services of other accounts (com.amazonaws.vpce.*) are skipped: nobody can fix a finding there.",
      "Where this rule fires, endpoint-policy-any-resource and endpoint-policy-any-principal stay silent for the same endpoint."
    ].join("\n"),
    fix: ["Allow only your organization's principals to reach your organization's resources, plus AWS services acting for you:", "", ...hcl(ORG_LIMITED_ENDPOINT_POLICY)].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html",
      "https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/perimeter-implementation.html"
    ],
    tags: ["security", "data-perimeter", "endpoint-policy"],
    precision: "very-high"
  },
  *check(inv, ctx) {
    for (const j of judgedEndpoints(inv, ctx)) {
      if (isDiagnostic(j)) {
        yield* once(ctx, j);
        continue;
      }
      if (!j.fullAccess) continue;
      const svc = j.service ? `every ${j.service} action` : "every action";
      const message = j.policy ? `The endpoint policy of ${endpointName(j)}${where(j)} lets every principal perform ${svc} on every resource through the endpoint (${labels(fullAccessStatements(j.policy, j.service, j.origin, j.partition))}, with no limiting condition): anything in the VPC can reach any account's data. Limit the Allow to your organization, e.g. a condition "aws:PrincipalOrgID" and "aws:ResourceOrgID" equal to your organization id.` : `${endpointName(j)} has no endpoint policy, so AWS attaches the default policy, which lets every principal perform every action on every resource through the endpoint: anything in the VPC can reach any account's data. Set \`policy\` to allow only your organization's principals and resources (aws:PrincipalOrgID, aws:ResourceOrgID).`;
      yield {
        message,
        primary: j.primary,
        related: j.related,
        attribute: "policy",
        evidence: { endpoint: j.ep.ref.key, service: j.ep.service?.name ?? "", defaultPolicy: j.policy === void 0 }
      };
    }
  }
};
var endpoint_policy_full_access_default = rule7;

// rules/endpoint-policy-any-principal.ts
var rule8 = {
  meta: {
    id: "endpoint-policy-any-principal",
    severity: "note",
    title: "Endpoint policy lets principals of any account use the endpoint",
    description: [
      'The endpoint policy allows Principal "*" with no aws:PrincipalAccount, aws:PrincipalOrgID or aws:PrincipalOrgPaths limit.',
      "Credentials from other accounts (an attacker's own keys on a compromised host) can then use your endpoint to reach their own resources from inside your network.",
      "",
      "Judged by IAM's evaluation: a statement counts only if it lets a principal of an account and organization the policy does not name through, for a resource the policy does not name.",
      'A limit that every account or organization matches (`"o-*"`, `"????????????"`) is no limit; a principal whose ARN matches an Allow\'s pattern and a Deny\'s exception at once (`role/app-*`, `role/*-prod`) counts.',
      "Only requests that can come through the endpoint count: they carry its aws:SourceVpce and aws:SourceVpc and no aws:SourceIp. When the verdict depends on an endpoint or VPC id known only after apply, the endpoint is reported as not evaluated.",
      "Allows on named resources (AWS's own package repositories, a partner's bucket) are deliberate and do not count;",
      "statements limited to AWS service principals (aws:PrincipalIsAWSService) or to requests AWS services make for you (aws:ViaAWSService) are AWS's own access.",
      "Silent where endpoint-policy-full-access fires."
    ].join("\n"),
    fix: ['Add an identity perimeter condition to the statements that allow Principal "*":', "", ...hcl(ORG_LIMITED_ENDPOINT_POLICY)].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalorgid",
      "https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/identity-perimeter.html"
    ],
    tags: ["security", "data-perimeter", "endpoint-policy"],
    precision: "high"
  },
  check(inv, ctx) {
    return endpointQuestion(inv, ctx, outsidePrincipalAllowed, (j, _witness, statements) => {
      return `The endpoint policy of ${endpointName(j)}${where(j)} lets principals outside your accounts and organization use the endpoint: ${labels(statements)} allows ${actionsAllowed(statements)} to Principal "*" with no aws:PrincipalOrgID, aws:PrincipalAccount or aws:PrincipalOrgPaths limit. Add a condition such as "StringEquals": {"aws:PrincipalOrgID": "<your organization id>"} to ${statements.length === 1 ? "that statement" : "those statements"}.`;
    });
  }
};
var endpoint_policy_any_principal_default = rule8;

// rules/endpoint-policy-any-resource.ts
var rule9 = {
  meta: {
    id: "endpoint-policy-any-resource",
    severity: "note",
    title: "Endpoint policy lets requests reach resources outside your accounts",
    description: [
      `The endpoint policy allows actions on resources outside the owner's accounts and organization: Resource "*" (or a foreign account's ARNs) with no aws:ResourceAccount, aws:ResourceOrgID or aws:ResourceOrgPaths limit.`,
      "Data can then be written through the endpoint to buckets that someone else owns.",
      "",
      "Judged by IAM's evaluation, not by text: a statement counts only if it lets some request for a resource the policy does not name, in an account and organization it does not name, through.",
      'A Resource pattern with a wildcard account (`arn:aws:dynamodb:*:*:table/*`) names every account\'s resources of that type, and a limit that every account or organization matches (`"o-*"`, `"????????????"`) is no limit.',
      "Only requests that can come through the endpoint count: they carry its aws:SourceVpce and aws:SourceVpc and no aws:SourceIp. When the verdict depends on an endpoint or VPC id known only after apply, the endpoint is reported as not evaluated.",
      "Statements limited to AWS service principals (aws:PrincipalIsAWSService) or to requests AWS services make for you (aws:ViaAWSService) are AWS's own access and do not count;",
      "neither do Allows that require a principal tag (the data perimeter's administrator exceptions, such as dp:exclude:resource).",
      "Silent where endpoint-policy-full-access fires."
    ].join("\n"),
    fix: ['Add a resource perimeter condition to the statements that allow "*":', "", ...hcl(ORG_LIMITED_ENDPOINT_POLICY)].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-resourceorgid",
      "https://docs.aws.amazon.com/whitepapers/latest/building-a-data-perimeter-on-aws/resource-perimeter.html"
    ],
    tags: ["security", "data-perimeter", "endpoint-policy"],
    precision: "high"
  },
  check(inv, ctx) {
    return endpointQuestion(inv, ctx, outsideResourceAllowed, (j, witness, statements) => {
      const target = isStandInResource(witness.resource) ? "a resource of another account or organization" : witness.resource;
      return `The endpoint policy of ${endpointName(j)}${where(j)} lets requests through to resources outside your accounts and organization: ${labels(statements)} allows ${actionsAllowed(statements)} on ${target} with no aws:ResourceOrgID, aws:ResourceAccount or aws:ResourceOrgPaths limit. Add a condition such as "StringEquals": {"aws:ResourceOrgID": "<your organization id>"} to ${statements.length === 1 ? "that statement" : "those statements"}, or name your own resources in Resource.`;
    });
  }
};
var endpoint_policy_any_resource_default = rule9;

// rules/endpoint-service-open-acceptance.ts
var rule10 = {
  meta: {
    id: "endpoint-service-open-acceptance",
    severity: "warning",
    title: "Endpoint service accepts connections from any AWS account automatically",
    description: [
      "A PrivateLink endpoint service (provider side) allows every principal (`*`) and does not require acceptance:",
      "any AWS account can create an interface endpoint to it and reach the service behind its load balancer at once, without anyone approving the connection.",
      "Allowed principals come from the `allowed_principals` attribute and from `aws_vpc_endpoint_service_allowed_principal` resources alike.",
      "Either limit the allowed principals to the consumer accounts (or roles), or require acceptance so that each connection is approved."
    ].join("\n"),
    fix: [
      "Name the consumers and require acceptance:",
      "",
      "```hcl",
      'resource "aws_vpc_endpoint_service" "api" {',
      "  acceptance_required        = true",
      "  network_load_balancer_arns = [aws_lb.api.arn]",
      '  allowed_principals         = ["arn:aws:iam::111122223333:root"]',
      "}",
      "```"
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#add-remove-permissions",
      "https://docs.aws.amazon.com/vpc/latest/privatelink/configure-endpoint-service.html#accept-reject-connection-requests"
    ],
    tags: ["security", "privatelink"],
    precision: "very-high"
  },
  *check(inv) {
    for (const service of inv.endpointServices.values()) {
      const name = displayName(service.ref);
      if (isUnknown(service.acceptanceRequired)) {
        yield notEvaluated3(service.ref, `whether endpoint service ${name} requires acceptance is unknown (${service.acceptanceRequired.reason})`);
        continue;
      }
      if (service.acceptanceRequired) continue;
      if (isUnknown(service.allowedPrincipals)) {
        yield notEvaluated3(service.ref, `endpoint service ${name} does not require acceptance, and its allowed principals are unknown (${service.allowedPrincipals.reason})`);
        continue;
      }
      if (!service.allowedPrincipals.includes("*")) continue;
      const declaredBy = service.principalRefs?.["*"];
      const where3 = declaredBy && declaredBy.key !== service.ref.key ? ` (by ${displayName(declaredBy)})` : "";
      yield {
        message: `Endpoint service ${name} allows every principal ("*")${where3} and does not require acceptance: any AWS account can connect to it without approval. Set acceptance_required = true, or list only the consumer accounts in the allowed principals.`,
        primary: service.ref,
        related: declaredBy && declaredBy.key !== service.ref.key ? [declaredBy] : [],
        attribute: "acceptance_required",
        evidence: { service: service.ref.key, principal: "*" }
      };
    }
  }
};
var endpoint_service_open_acceptance_default = rule10;

// rules/gateway-endpoint-region-mismatch.ts
var rule11 = {
  meta: {
    id: "gateway-endpoint-region-mismatch",
    severity: "error",
    title: "Gateway endpoint names a service in another region than its VPC",
    description: 'Gateway endpoints (S3, DynamoDB) serve only their own region: the service name `com.amazonaws.<region>.s3` must name the region of the VPC. An endpoint for another region either fails to create or carries no traffic, and the subnets keep using the NAT or the internet. Interface endpoints are not flagged (cross-region PrivateLink lets some serve another region); an endpoint whose type or service name is known only after apply, when the verdict rests on it, is "not evaluated".',
    fix: [
      "Build the service name from the region the VPC is in:",
      "",
      "```hcl",
      'data "aws_region" "current" {}',
      "",
      'resource "aws_vpc_endpoint" "s3" {',
      "  vpc_id       = aws_vpc.main.id",
      '  service_name = "com.amazonaws.${data.aws_region.current.name}.s3"',
      "}",
      "```"
    ].join("\n"),
    docs: ["https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html"],
    tags: ["network", "correctness"],
    precision: "very-high"
  },
  *check(inv) {
    for (const ep of inv.vpcEndpoints.values()) {
      if (ep.destroyed) continue;
      if (!mayBeGateway(ep)) continue;
      const name = displayName(ep.ref);
      if (isUnknown(ep.serviceName)) {
        yield notEvaluated4(ep, `the service name of ${name} is unknown (${ep.serviceName.reason})${isUnknown(ep.type) ? ", and so is its type" : ""}, so whether it is a gateway endpoint for another region than its VPC's was not checked`);
        continue;
      }
      if (!ep.service?.region) continue;
      const region = regionOf(inv, ep);
      if (region === void 0) {
        yield notEvaluated4(ep, `the region of ${name} is unknown (no region in its provider configuration), so its service name ${ep.service.name} was not checked against it`);
        continue;
      }
      if (region === ep.service.region) continue;
      if (isUnknown(ep.type)) {
        yield notEvaluated4(ep, `the type of ${name} is unknown (${ep.type.reason}): as a gateway endpoint its service ${ep.service.name} (region ${ep.service.region}) would not work in its VPC's region ${region}, while an interface endpoint may serve another region (cross-region PrivateLink), so it was not evaluated`);
        continue;
      }
      const vpc = single2(ep.vpc, inv.vpcs);
      const vpcRef = vpc && !isUnknown(vpc) ? vpc.ref : void 0;
      yield {
        message: `Gateway endpoint ${name} uses service ${ep.service.name} (region ${ep.service.region}) but its VPC${vpcRef ? ` ${displayName(vpcRef)}` : ""} is in ${region}: gateway endpoints work only in their own region. Use ${inRegion(ep.service.name, ep.service.region, region)}.`,
        primary: ep.ref,
        related: vpcRef ? [vpcRef] : [],
        attribute: "service_name",
        evidence: { endpoint: ep.ref.key, serviceRegion: ep.service.region, vpcRegion: region }
      };
    }
  }
};
function inRegion(serviceName, from, to) {
  const at = serviceName.indexOf(`.${from}.`);
  if (at < 0) return serviceName.replace(from, to);
  return `${serviceName.slice(0, at)}.${to}.${serviceName.slice(at + from.length + 2)}`;
}
function mayBeGateway(ep) {
  if (!isUnknown(ep.type)) return ep.type === "Gateway";
  return isUnknown(ep.serviceName) || ep.service?.family !== void 0;
}
function notEvaluated4(ep, message) {
  return { diagnostic: { level: "note", code: "not-evaluated", subject: ep.ref, message } };
}
function regionOf(inv, ep) {
  const vpc = single2(ep.vpc, inv.vpcs);
  if (vpc && !isUnknown(vpc) && vpc.ref.region) return vpc.ref.region;
  return ep.ref.region;
}
var gateway_endpoint_region_mismatch_default = rule11;

// rules/interface-endpoint-dns-misconfigured.ts
var rule12 = {
  meta: {
    id: "interface-endpoint-dns-misconfigured",
    severity: "warning",
    title: "Interface endpoint private DNS cannot work as configured",
    description: [
      "Two ways private DNS of an interface endpoint fails:",
      "",
      "1. Private DNS is on, but the VPC has `enableDnsSupport` or `enableDnsHostnames` off. The endpoint's private hosted zone needs both:",
      "   AWS refuses private DNS in such a VPC, or names keep resolving to the public service. The AWS provider creates VPCs with DNS hostnames off",
      "   unless `enable_dns_hostnames = true`. One finding per VPC, naming every endpoint concerned.",
      '2. An S3 interface endpoint with private DNS "only for inbound resolver endpoints" in a VPC where no S3 gateway endpoint is associated with any route table.',
      "   With that option the VPC's own clients resolve S3 to its public addresses and are meant to take the gateway endpoint; only on-premises queries",
      "   (through a Route 53 Resolver inbound endpoint) get the interface endpoint. AWS makes the option the default whenever private DNS is turned on",
      "   for S3 and `dns_options` does not say otherwise, and refuses it outright when the VPC has no S3 gateway endpoint",
      '   ("To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC must have a gateway endpoint for the service").',
      "   A gateway endpoint associated with no route table passes that check but carries nothing.",
      "",
      "A plan is an open world: a gateway endpoint created outside this configuration is not seen."
    ].join("\n"),
    fix: [
      "Enable DNS support and DNS hostnames on the VPC, and keep an S3 gateway endpoint beside an S3 interface endpoint that uses the inbound-resolver option:",
      "",
      ...hcl(VPC_WITH_DNS, S3_GATEWAY_AND_INTERFACE),
      "",
      "Without a gateway endpoint, set `private_dns_only_for_inbound_resolver_endpoint = false` so that every client uses the interface endpoint."
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-dns-hostnames",
      "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-support",
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns"
    ],
    tags: ["network", "dns", "privatelink", "s3"],
    precision: "high"
  },
  *check(inv) {
    const byVpc2 = /* @__PURE__ */ new Map();
    for (const ep of interfaceEndpoints(inv)) {
      if (isUnknown(ep.privateDnsEnabled)) {
        yield notEvaluated3(ep.ref, `whether interface endpoint ${endpointLabel(ep)} has private DNS is unknown (${ep.privateDnsEnabled.reason}), so its DNS setup was not checked`);
        continue;
      }
      if (!ep.privateDnsEnabled) continue;
      const vpc = single2(ep.vpc, inv.vpcs);
      if (!vpc || isUnknown(vpc)) {
        yield notEvaluated3(ep.ref, `the VPC of interface endpoint ${endpointLabel(ep)} is not in the inventory (${isUnknown(vpc) ? vpc.reason : vpcUnclear(ep.vpc)}), so its DNS attributes were not checked`);
      } else {
        byVpc2.set(vpc, [...byVpc2.get(vpc) ?? [], ep]);
      }
      yield* inboundResolverWithoutGateway(inv, ep);
    }
    for (const [vpc, endpoints] of byVpc2) yield* vpcDnsOff(vpc, endpoints);
  }
};
function* vpcDnsOff(vpc, endpoints) {
  const names = endpoints.map(endpointLabel).sort();
  const off = [];
  for (const [attribute, value] of [["enable_dns_support", vpc.enableDnsSupport], ["enable_dns_hostnames", vpc.enableDnsHostnames]]) {
    if (isUnknown(value)) {
      yield notEvaluated3(vpc.ref, `${attribute} of ${displayName(vpc.ref)} is unknown (${value.reason}), so private DNS of ${nameList(names)} was not checked against it`);
    } else if (!value) off.push(attribute);
  }
  if (off.length === 0) return;
  yield {
    message: `VPC ${displayName(vpc.ref)} has ${off.join(" and ")} off, yet interface ${plural2(names.length, "endpoint")} ${nameList(names)} ${names.length === 1 ? "has" : "have"} private DNS on: the private hosted zone needs both attributes, so AWS rejects private DNS or the service names keep resolving to public addresses. Set ${off.map((a) => `${a} = true`).join(" and ")} on the VPC.`,
    primary: vpc.ref,
    related: endpoints.map((ep) => ep.ref),
    attribute: off[0],
    evidence: { vpc: vpc.ref.key, off, endpoints: endpoints.map((ep) => ep.ref.key).sort() }
  };
}
function* inboundResolverWithoutGateway(inv, ep) {
  if (ep.service?.family !== "s3") return;
  const option = ep.privateDnsOnlyForInboundResolver;
  if (isUnknown(option)) {
    yield notEvaluated3(ep.ref, `whether private DNS of ${endpointLabel(ep)} answers only the inbound resolver endpoint is unknown (${option.reason})`);
    return;
  }
  if (option !== true) return;
  const vpc = vpcIdentity(ep.vpc);
  if (vpc === void 0) {
    yield notEvaluated3(ep.ref, `the VPC of ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so its S3 gateway endpoint was not looked for`);
    return;
  }
  const { endpoints: gateways, unclear } = gatewayEndpointsInVpc(inv, vpc, "s3", ep.ref.region);
  const serving = gateways.filter((g) => g.routeTables.keys.length > 0 || g.routeTables.external.length > 0);
  if (serving.length > 0) return;
  const pending = gateways.find((g) => g.routeTables.unresolved);
  if (unclear || pending) {
    yield notEvaluated3(ep.ref, `${endpointLabel(ep)} answers private DNS only for the inbound resolver endpoint, and whether its VPC has an S3 gateway endpoint is unknown (${unclear ?? `the route tables of ${displayName(pending.ref)}: ${pending.routeTables.unresolved}`})`);
    return;
  }
  const idle = gateways.map((g) => displayName(g.ref)).sort();
  const problem = idle.length > 0 ? `its VPC's S3 gateway ${plural2(idle.length, "endpoint")} ${nameList(idle)} ${idle.length === 1 ? "is" : "are"} associated with no route table, so in-VPC S3 traffic has no private path` : 'its VPC has no S3 gateway endpoint: AWS rejects the setting ("the VPC must have a gateway endpoint for the service"), and in-VPC S3 traffic would have no private path';
  yield {
    message: `S3 interface endpoint ${endpointLabel(ep)} has private DNS only for inbound resolver endpoints (private_dns_only_for_inbound_resolver_endpoint, which AWS turns on for S3 when dns_options does not set it), but ${problem}. Add an S3 gateway endpoint associated with the VPC's private route tables, or set private_dns_only_for_inbound_resolver_endpoint = false in dns_options.`,
    primary: ep.ref,
    related: gateways.map((g) => g.ref),
    attribute: "dns_options",
    evidence: { endpoint: ep.ref.key, gatewayEndpoints: gateways.map((g) => g.ref.key).sort() }
  };
}
var interface_endpoint_dns_misconfigured_default = rule12;

// rules/interface-endpoint-open-security-group.ts
var rule13 = {
  meta: {
    id: "interface-endpoint-open-security-group",
    severity: "warning",
    title: "Interface endpoint security group allows ingress from anywhere",
    description: [
      "A security group of an interface endpoint allows ingress from 0.0.0.0/0 or ::/0. The endpoint then accepts traffic from any network that can route to it:",
      "peered VPCs, transit gateway attachments, on-premises networks. Limit the sources to the VPC's CIDRs or to the security groups of the clients.",
      "",
      "Precision: a rule that names another security group, the group itself or a prefix list is not open, whatever those hold.",
      "IPv4 and IPv6 sources are judged apart: a known 0.0.0.0/0 is reported even when the same rule's IPv6 sources are known only after apply (and a known ::/0 likewise);",
      'a rule none of whose known sources is open while others are unknown is "not evaluated".',
      "Interface endpoints of AWS services listen on HTTPS (TCP 443) only, so an open rule whose ports exclude 443 exposes nothing through the endpoint:",
      "it is reported as a note, not a warning, because the group is broader than its purpose and usually shared with something that does listen.",
      "For endpoints of PrivateLink services of customers and partners (`com.amazonaws.vpce.*`) the listener ports are the provider's, unknown here, so every open rule is a warning.",
      "The VPC's default security group, which AWS attaches when an endpoint names no group, admits only its own members unless Terraform manages it otherwise."
    ].join("\n"),
    fix: [
      "Admit HTTPS from the VPC (or from the client security groups) only:",
      "",
      ...hcl([
        'resource "aws_security_group" "endpoints" {',
        '  name   = "vpc-endpoints"',
        "  vpc_id = aws_vpc.main.id",
        "",
        "  ingress {",
        '    description = "HTTPS from the VPC"',
        '    protocol    = "tcp"',
        "    from_port   = 443",
        "    to_port     = 443",
        "    cidr_blocks = [aws_vpc.main.cidr_block]",
        "  }",
        "}"
      ], SSM_INTERFACE_ENDPOINT)
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html#vpce-interface-limitations",
      "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
      "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html"
    ],
    tags: ["security", "network", "privatelink"],
    precision: "high"
  },
  *check(inv) {
    const open = /* @__PURE__ */ new Map();
    for (const ep of interfaceEndpoints(inv)) {
      const { groups, unclear } = groupsOf(inv, ep.securityGroups, "ingress");
      if (unclear) yield notEvaluated3(ep.ref, `the security groups of interface endpoint ${endpointLabel(ep)} are not fully known (${unclear}), so their ingress was not checked for 0.0.0.0/0`);
      for (const group of groups) {
        for (const r of group.ingress) {
          const { cidrs, unknown: unknown2 } = cidrsOf(r);
          const anywhere = cidrs.filter(isAnywhere);
          if (anywhere.length === 0) {
            if (unknown2) yield notEvaluated3(r.declaredBy, `the sources of ${ruleOrigin(r, group)} are unknown (${unknown2}), so interface endpoint ${endpointLabel(ep)} was not checked for ingress from anywhere`);
            continue;
          }
          const entry = open.get(r) ?? { rule: r, group, cidrs: anywhere, endpoints: [] };
          entry.endpoints.push(ep);
          open.set(r, entry);
        }
      }
    }
    for (const entry of open.values()) yield finding2(inv, entry);
  }
};
function finding2(inv, { rule: r, group, cidrs, endpoints }) {
  const https = coversTcpPort(r, 443);
  const ports = portsLabel(r);
  const exposesEndpoint = https !== false || endpoints.some((ep) => ep.service?.owner !== "aws");
  const severity = exposesEndpoint ? void 0 : "note";
  const names = endpoints.map(endpointLabel).sort();
  const vpcCidrs = vpcCidrsOf(inv, endpoints);
  const sources = vpcCidrs.length > 0 ? `the VPC's CIDR (${vpcCidrs.join(", ")})` : "the VPC's CIDRs";
  const what = `Security group ${displayName(group.ref)} of interface ${plural2(names.length, "endpoint")} ${nameList(names)} allows ingress from ${cidrs.join(" and ")} on ${ports} (${ruleOrigin(r, group)})`;
  const impact = exposesEndpoint ? "the endpoint accepts traffic from any network that can route to it (peered VPCs, transit gateways, on-premises)" : "the endpoint listens only on HTTPS (443), so this exposes nothing through it, but the group is broader than it needs to be";
  return {
    message: `${what}: ${impact}. Restrict the source to ${sources} or to the client security groups.`,
    primary: r.declaredBy,
    related: [...r.declaredBy.key === group.ref.key ? [] : [group.ref], ...endpoints.map((ep) => ep.ref)],
    attribute: ruleAttribute(r, cidrs[0]),
    evidence: {
      securityGroup: group.ref.key,
      rule: r.declaredBy.key,
      cidrs: [...cidrs].sort(),
      ports,
      endpoints: endpoints.map((ep) => ep.ref.key).sort()
    },
    ...severity ? { severity } : {}
  };
}
function vpcCidrsOf(inv, endpoints) {
  const out = /* @__PURE__ */ new Set();
  for (const ep of endpoints) {
    const vpc = single2(ep.vpc, inv.vpcs);
    if (vpc && !isUnknown(vpc) && !isUnknown(vpc.cidrBlocks)) vpc.cidrBlocks.forEach((c) => out.add(c));
  }
  return [...out].sort();
}
var interface_endpoint_open_security_group_default = rule13;

// src/model/endpoint-private-dns-support.ts
var NO_PRIVATE_DNS = {
  dynamodb: 'Amazon DynamoDB Developer Guide, "AWS PrivateLink for DynamoDB": private DNS is not supported; clients use the endpoint URL',
  "dynamodb-streams": 'Amazon DynamoDB Developer Guide, "AWS PrivateLink for DynamoDB Streams": private DNS is not supported; clients use the endpoint URL',
  "iot.data": 'AWS IoT Core Developer Guide, "Using AWS IoT Core with interface VPC endpoints": the data endpoints get no automatic private DNS records'
};
function noPrivateDnsReason(service) {
  if (service.owner !== "aws") return void 0;
  return Object.hasOwn(NO_PRIVATE_DNS, service.service) ? NO_PRIVATE_DNS[service.service] : void 0;
}

// rules/interface-endpoint-private-dns-disabled.ts
var rule14 = {
  meta: {
    id: "interface-endpoint-private-dns-disabled",
    severity: "note",
    title: "Interface endpoint for an AWS service has private DNS off",
    description: [
      "An interface endpoint for an AWS service (`com.amazonaws.<region>.<service>`) has private DNS off. Clients that call the service by its public name",
      "(`ssm.eu-west-1.amazonaws.com`, which is what the SDKs and the CLI use) do not resolve to the endpoint: they go through the NAT gateway or the internet,",
      "paying for NAT processing and bypassing the endpoint policy, while the endpoint itself is billed per hour and carries nothing.",
      "",
      "The AWS provider creates interface endpoints with private DNS off unless `private_dns_enabled = true` (or an `aws_vpc_endpoint_private_dns` resource) turns it on.",
      "Not reported: endpoints of PrivateLink services of customers and partners (`com.amazonaws.vpce.*`), whose names are their own;",
      "an endpoint whose VPC has another endpoint for the same service with private DNS on (only one can hold the private hosted zone);",
      "S3 and DynamoDB interface endpoints in a VPC that has a gateway endpoint for the service, where in-VPC clients already take the free gateway endpoint",
      "and on-premises clients use the endpoint-specific names; services whose interface endpoints cannot have private DNS (live: DescribeVpcEndpointServices",
      "names no private DNS name; plans: a bundled table of what the services document, e.g. DynamoDB, DynamoDB Streams, IoT Core data), where clients",
      "must call the endpoint-specific names anyway. Centralized endpoints shared through your own Route 53 private hosted zones also keep private DNS off:",
      "suppress the rule for them."
    ].join("\n"),
    fix: [
      "Turn private DNS on (the VPC needs DNS support and DNS hostnames):",
      "",
      ...hcl(VPC_WITH_DNS, SSM_INTERFACE_ENDPOINT)
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-dns-hostnames",
      "https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html"
    ],
    tags: ["network", "cost", "privatelink"],
    precision: "medium"
  },
  *check(inv) {
    for (const ep of interfaceEndpoints(inv)) {
      if (ep.service?.owner !== "aws") continue;
      if (ep.privateDnsSupported === false || ep.privateDnsSupported === void 0 && noPrivateDnsReason(ep.service)) continue;
      if (isUnknown(ep.privateDnsEnabled)) {
        yield notEvaluated3(ep.ref, `whether interface endpoint ${endpointLabel(ep)} has private DNS is unknown (${ep.privateDnsEnabled.reason})`);
        continue;
      }
      if (ep.privateDnsEnabled) continue;
      const vpc = vpcIdentity(ep.vpc);
      if (vpc === void 0) {
        yield notEvaluated3(ep.ref, `the VPC of interface endpoint ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so its private DNS was not judged`);
        continue;
      }
      if (twinWithPrivateDns(inv, ep, vpc)) continue;
      const family = ep.service.family;
      let gatewayNote = "";
      if (family) {
        const gateways = gatewayEndpointsInVpc(inv, vpc, family, ep.ref.region);
        if (gateways.endpoints.length > 0) continue;
        if (gateways.unclear) {
          yield notEvaluated3(ep.ref, `interface endpoint ${endpointLabel(ep)} has private DNS off, and whether its VPC has a ${GATEWAY_FAMILY_LABEL[family]} gateway endpoint is unknown (${gateways.unclear})`);
          continue;
        }
        gatewayNote = ` Or add a ${GATEWAY_FAMILY_LABEL[family]} gateway endpoint for the VPC's route tables: it is free, and in-VPC clients then take it while on-premises clients use the interface endpoint's own names.`;
      }
      const holder = ep.privateDnsDeclaredBy ?? ep.ref;
      yield {
        message: `Interface endpoint ${endpointLabel(ep)} has private DNS off${holder === ep.ref ? "" : ` (set by ${displayName(holder)})`}: clients that call the service by its public DNS name bypass the endpoint and go through a NAT or the internet. Set private_dns_enabled = true.${gatewayNote}`,
        primary: holder,
        related: holder === ep.ref ? [] : [ep.ref],
        attribute: "private_dns_enabled",
        evidence: { endpoint: ep.ref.key, service: ep.serviceName }
      };
    }
  }
};
function twinWithPrivateDns(inv, ep, vpc) {
  return endpointsInVpc(inv, vpc).some((other) => other !== ep && other.type === "Interface" && other.serviceName === ep.serviceName && other.privateDnsEnabled === true);
}
var interface_endpoint_private_dns_disabled_default = rule14;

// rules/interface-endpoint-single-az.ts
var rule15 = {
  meta: {
    id: "interface-endpoint-single-az",
    severity: "note",
    title: "Interface endpoint in one Availability Zone of a multi-zone VPC",
    description: [
      "An interface endpoint has network interfaces in a single Availability Zone while its VPC has subnets in several.",
      "Clients in every zone resolve the service to that one zone: if it fails, every zone loses the service, and cross-zone traffic is billed.",
      "",
      "Reported only when the subnets of the VPC in the inventory span more than one zone (a single-zone VPC has nothing better to offer),",
      'and only from known zones: a subnet whose zone is known only after apply gives a "not evaluated" diagnostic instead.'
    ].join("\n"),
    fix: [
      "Give the endpoint one subnet in each zone where its clients run:",
      "",
      ...hcl(SSM_INTERFACE_ENDPOINT)
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/interface-endpoints.html#interface-endpoint-availability-zones",
      "https://docs.aws.amazon.com/whitepapers/latest/aws-privatelink/aws-privatelink-high-availability.html"
    ],
    tags: ["availability", "network", "privatelink"],
    precision: "high"
  },
  *check(inv) {
    for (const ep of interfaceEndpoints(inv)) {
      const link = ep.subnets;
      if (link.unresolved || link.external.length > 0) {
        const why = link.unresolved ?? `${link.external.join(", ")} is not in the inventory`;
        yield notEvaluated3(ep.ref, `the subnets of interface endpoint ${endpointLabel(ep)} are not fully known (${why}), so its Availability Zones were not checked`);
        continue;
      }
      const subnets = link.keys.map((k) => inv.subnets.get(k)).filter((s) => s !== void 0);
      if (subnets.length === 0) continue;
      const zones = zonesOf(subnets);
      if (zones.unknown) {
        yield notEvaluated3(ep.ref, `the Availability Zone of subnet ${displayName(zones.unknown.ref)} of ${endpointLabel(ep)} is unknown, so its zones were not checked`);
        continue;
      }
      if (zones.known.size !== 1) continue;
      const zone = [...zones.known][0];
      const vpc = vpcIdentity(ep.vpc);
      if (vpc === void 0) {
        yield notEvaluated3(ep.ref, `the VPC of interface endpoint ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so the zones of its VPC were not compared`);
        continue;
      }
      const vpcZones = zonesOf(subnetsInVpc(inv, vpc));
      const others = [...vpcZones.known].filter((z) => z !== zone).sort();
      if (others.length === 0) {
        if (vpcZones.unknown) {
          yield notEvaluated3(ep.ref, `interface endpoint ${endpointLabel(ep)} is in ${zone} only, and the zone of subnet ${displayName(vpcZones.unknown.ref)} of its VPC is unknown, so whether the VPC spans several zones was not told`);
        }
        continue;
      }
      const names = subnets.map((s) => displayName(s.ref)).sort();
      yield {
        message: `Interface endpoint ${endpointLabel(ep)} has network interfaces only in ${zone} (${names.join(", ")}), while its VPC also has subnets in ${others.join(", ")}: a failure of ${zone} cuts every zone off the service. Add subnets in other zones (${others.join(", ")}) to subnet_ids.`,
        primary: ep.ref,
        related: subnets.map((s) => s.ref),
        attribute: "subnet_ids",
        evidence: { endpoint: ep.ref.key, zone, otherZones: others }
      };
    }
  }
};
function zonesOf(subnets) {
  const known = /* @__PURE__ */ new Set();
  let unknownSubnet;
  for (const s of subnets) {
    if (isUnknown(s.availabilityZone)) unknownSubnet ??= s;
    else known.add(s.availabilityZone);
  }
  return unknownSubnet ? { known, unknown: unknownSubnet } : { known };
}
var interface_endpoint_single_az_default = rule15;

// rules/lib/policy-findings.ts
function siteLabel(site) {
  const kind = site.role === "endpoint" ? "endpoint policy" : site.role === "bucket" ? "bucket policy" : "policy";
  const others = relatedOf(site);
  const where3 = site.primary.address ?? site.primary.key;
  if (others.length === 0) return `the ${kind} ${where3}`;
  const first2 = others[0];
  const users = others.length > 1 ? `${first2.address ?? first2.key} and ${others.length - 1} more` : first2.address ?? first2.key;
  return `the ${kind} of ${users} (written in ${where3})`;
}
function conditionFinding(site, s, c, message, extra = {}) {
  return {
    message,
    primary: site.primary,
    related: relatedOf(site),
    attribute: site.attribute,
    evidence: { policy: site.primary.key, statement: s.sid ?? `#${s.index + 1}`, operator: c.operator, key: c.keyLower, ...extra }
  };
}
function conditionLabel(s, c, values = c.values) {
  return `${statementLabel(s)}, "${c.operator}": {"${c.key}": ${JSON.stringify(values.length === 1 ? values[0] : values)}}`;
}
function* eachCondition(inv, ctx, judge2) {
  for (const x of everyCondition(inv, ctx)) {
    if (isDiagnostic(x)) yield x;
    else yield* judge2(x);
  }
}
function* everyCondition(inv, ctx) {
  for (const site of policySites(inv, ctx)) {
    if (isDiagnostic(site)) {
      yield* once(ctx, site);
      continue;
    }
    for (const statement of site.policy.statements) for (const condition of statement.conditions) yield { site, statement, condition };
  }
}

// rules/policy-allow-ifexists-network-key.ts
var rule16 = {
  meta: {
    id: "policy-allow-ifexists-network-key",
    severity: "warning",
    title: '"VPC-only" Allow that also matches requests from the internet',
    description: [
      "An Allow statement conditions on a network key (aws:SourceVpce, aws:SourceVpc, aws:VpceOrgID, aws:VpceAccount, aws:VpceOrgPaths, aws:SourceIp, aws:VpcSourceIp) with an ...IfExists operator or a ForAllValues: qualifier.",
      'The endpoint keys are absent from every request that does not come through a VPC endpoint (and aws:SourceIp from every request that does); IfExists and ForAllValues are true when the key is absent, so the "VPC-only" Allow matches internet requests too.',
      "The rule is effect-aware: in a Deny, IfExists is the intended pattern (deny unless the request comes through the expected network). It fires only when the statement does match some request lacking the key (another condition, such as Null, may rule that out)."
    ].join("\n"),
    fix: [
      "Use the plain operator in the Allow (and fence with a Deny):",
      "",
      "```hcl",
      "condition {",
      '  test     = "StringEquals"        # not StringEqualsIfExists',
      '  variable = "aws:SourceVpce"',
      "  values   = [aws_vpc_endpoint.s3.id]",
      "}",
      "```",
      "",
      "A negated operator (StringNotEqualsIfExists, NotIpAddressIfExists) is true on a missing key with or without IfExists, so dropping IfExists changes nothing.",
      "Require the key with a Null condition in the same statement (or state what to keep out as a Deny with the positive operator):",
      "",
      "```hcl",
      "condition {",
      '  test     = "Null"',
      '  variable = "aws:SourceVpce"',
      '  values   = ["false"]',
      "}",
      "```"
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Null",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html"
    ],
    tags: ["security", "policy"],
    precision: "high"
  },
  *check(inv, ctx) {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      if (s.effect !== "Allow" || !NETWORK_CONDITION_KEYS.includes(c.keyLower) || !(c.ifExists || c.set === "ForAllValues")) return;
      let witness;
      try {
        witness = allowMatchesWithoutKey(site.policy, s, c.keyLower);
      } catch (err) {
        yield* once(ctx, notEvaluable(err, site.primary, "the policy"));
        return;
      }
      if (!witness) return;
      const absentFrom = c.keyLower === "aws:sourceip" ? "requests that come through a VPC endpoint" : "requests that do not come through a VPC endpoint (the internet, on-premises over public endpoints)";
      yield conditionFinding(site, s, c, `In ${siteLabel(site)}, the Allow ${conditionLabel(s, c)} also matches ${absentFrom}: ${advice(c)}`);
    });
  }
};
function advice(c) {
  if (c.ifExists && !c.set && isNegated(c.base)) {
    const positive = c.base.replace("Not", "");
    return `${c.key} is absent from them, and ${c.base} is true when the key is missing, with or without IfExists. To match only requests that carry ${c.key}, add "Null": {"${c.key}": "false"} to the statement; or, to keep out what the values name, write a Deny with "${positive}" instead.`;
  }
  const plain = c.operator.replace(/^ForAllValues:/i, c.set === "ForAllValues" ? "ForAnyValue:" : "").replace(/IfExists$/i, "");
  return `${c.key} is absent from them and ${c.ifExists ? "IfExists" : "ForAllValues"} is then true. Use "${plain}" in the Allow, and fence other sources with a Deny.`;
}
var policy_allow_ifexists_network_key_default = rule16;

// rules/policy-condition-value-mismatch.ts
var rule17 = {
  meta: {
    id: "policy-condition-value-mismatch",
    severity: "error",
    title: "Condition that can never match its key",
    description: [
      "A condition compares a key with values of the wrong kind, so it can never match:",
      "aws:SourceVpce with a VPC id (vpc-...), aws:SourceVpc with an endpoint id (vpce-...), an ARN operator (ArnEquals, ArnLike, ...) on a key that is not an ARN, an IP operator (IpAddress, NotIpAddress) on a key that is not an IP address.",
      "In plans, values known only after apply count by what they reference: aws:SourceVpce compared with aws_vpc.main.id is the same mistake.",
      "What the condition then does depends on the operator and qualifier, and the message says which: a positive operator never matches (the statement silently does nothing),",
      "except that IfExists and ForAllValues: make it match exactly the requests without the key (for aws:SourceVpce and aws:SourceVpc: those not through a VPC endpoint);",
      "a negated operator (StringNotEquals, NotIpAddress, ...) matches every request (a Deny then denies everything), except under ForAnyValue:, which is false on a missing key,",
      "so it matches exactly the requests that carry the key. A wrong value beside right ones is only dead weight: the condition rests on the others."
    ].join("\n"),
    fix: [
      "Compare each key with values of its own kind:",
      "",
      "```hcl",
      "condition {",
      '  test     = "StringNotEquals"',
      '  variable = "aws:SourceVpce"        # an endpoint id: vpce-...',
      "  values   = [aws_vpc_endpoint.s3.id]",
      "}",
      "condition {",
      '  test     = "StringNotEquals"',
      '  variable = "aws:SourceVpc"         # a VPC id: vpc-...',
      "  values   = [aws_vpc.main.id]",
      "}",
      "```"
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html"
    ],
    tags: ["correctness", "policy"],
    precision: "very-high"
  },
  *check(inv, ctx) {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      const problem = mismatch(inv, site, c);
      if (!problem) return;
      const good = c.values.filter((v) => !problem.bad.includes(v));
      const result2 = good.length > 0 ? `that value can never match, so the condition rests on its other values (${good.join(", ")}) alone` : outcome(s, c);
      yield conditionFinding(site, s, c, `In ${siteLabel(site)}, ${conditionLabel(s, c)} ${problem.what}: ${result2}. ${problem.fix}`, { problem: problem.code });
    });
  }
};
function outcome(s, c) {
  const negated = isNegated(c.base);
  const always = ALWAYS_PRESENT.has(c.keyLower);
  const whenMissing = c.set === "ForAnyValue" ? c.ifExists : c.set === "ForAllValues" || c.ifExists || negated;
  const why = c.ifExists ? `IfExists is true when ${c.key} is missing` : c.set ? `${c.set} is ${whenMissing} when ${c.key} is missing` : `${c.base} is ${whenMissing} when ${c.key} is missing`;
  const { present, absent } = requestsWithKey(c);
  const others = s.conditions.length > 1 ? " wherever its other conditions hold" : "";
  if (negated && (whenMissing || always)) {
    return `it matches every request (${c.base} is true for any value of ${c.key}${always ? "" : `, and ${why}`}), so it limits nothing: the ${s.effect} applies to everything the statement names${others}`;
  }
  if (!negated && (!whenMissing || always)) return `it never matches (no value can match ${c.key}${always ? "" : `, and ${why}`}), so the ${s.effect} never applies`;
  if (negated) {
    return `it matches only requests that carry ${c.key} (${present}), whatever its value: ${c.base} is true for any value of ${c.key}, and ${why}. So the ${s.effect} applies to every ${present.replace(/^requests/, "request")} and never to ${absent}`;
  }
  return `it matches only requests without ${c.key} (${absent}): no value can match ${c.key} when it is there, and ${why}. So the ${s.effect} applies only to ${absent} and never to ${present}`;
}
function requestsWithKey(c) {
  if (c.keyLower === "aws:sourcevpce" || c.keyLower === "aws:sourcevpc") {
    return { present: "requests through any VPC endpoint", absent: "requests that do not come through a VPC endpoint" };
  }
  return { present: `requests with ${c.key}`, absent: `requests without ${c.key}` };
}
function mismatch(inv, site, c) {
  const kindOf2 = (v) => {
    const keys = placeholderKeys(site.placeholders, v);
    if (keys) {
      const kinds = new Set(keys.map((k) => inv.refByKey(k)?.kind));
      return kinds.size === 1 ? [...kinds][0] : void 0;
    }
    if (/^vpce-[0-9a-f]+$/.test(v)) return "vpce-id";
    if (/^vpc-[0-9a-f]+$/.test(v)) return "vpc-id";
    return void 0;
  };
  if (c.base !== "Null") {
    if (c.keyLower === "aws:sourcevpce") {
      const bad = c.values.filter((v) => ["vpc-id", "vpc"].includes(kindOf2(v) ?? ""));
      if (bad.length > 0) return { code: "vpc-for-vpce", what: `compares the endpoint key with a VPC id (${bad.join(", ")})`, fix: "Use the endpoint id (vpce-...) here, or aws:SourceVpc for the VPC.", bad };
    }
    if (c.keyLower === "aws:sourcevpc") {
      const bad = c.values.filter((v) => ["vpce-id", "vpc-endpoint"].includes(kindOf2(v) ?? ""));
      if (bad.length > 0) return { code: "vpce-for-vpc", what: `compares the VPC key with an endpoint id (${bad.join(", ")})`, fix: "Use the VPC id (vpc-...) here, or aws:SourceVpce for the endpoint.", bad };
    }
  }
  const type = keyType(c.keyLower);
  if (type === void 0) return void 0;
  if (c.base.startsWith("Arn") && type !== "arn") {
    return { code: "arn-operator", what: `uses an ARN operator on ${c.key}, whose values are not ARNs`, fix: `Use a String operator (StringEquals, StringLike) for ${c.key}.`, bad: c.values };
  }
  if ((c.base === "IpAddress" || c.base === "NotIpAddress") && type !== "ip") {
    return { code: "ip-operator", what: `uses an IP operator on ${c.key}, whose values are not IP addresses`, fix: `Use a String operator for ${c.key}, or an IP key (aws:SourceIp, aws:VpcSourceIp).`, bad: c.values };
  }
  return void 0;
}
var policy_condition_value_mismatch_default = rule17;

// rules/policy-sourceip-private-range.ts
var rule18 = {
  meta: {
    id: "policy-sourceip-private-range",
    severity: "error",
    title: "aws:SourceIp compared with a private address range",
    description: [
      "An aws:SourceIp condition (IpAddress or NotIpAddress) names a private range (RFC 1918, 100.64.0.0/10, fd00::/8), in any policy: endpoint, bucket or identity.",
      "Requests that come through a VPC endpoint carry no aws:SourceIp at all, and requests over the internet carry public addresses, so a private range never matches:",
      "an Allow on it never applies, and a Deny on NotIpAddress denies every request, those from the VPC included. The private address of a caller in a VPC is aws:VpcSourceIp."
    ].join("\n"),
    fix: [
      "Compare the endpoint (or the private address with `aws:VpcSourceIp`) instead of `aws:SourceIp`:",
      "",
      ...hcl(BUCKET_FENCE),
      "",
      'or, to keep a range: `test = "NotIpAddressIfExists"`, `variable = "aws:VpcSourceIp"`, `values = ["10.0.0.0/16"]`.'
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip",
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-vpcsourceip"
    ],
    tags: ["correctness", "policy"],
    precision: "very-high"
  },
  *check(inv, ctx) {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      if (c.keyLower !== "aws:sourceip" || c.base !== "IpAddress" && c.base !== "NotIpAddress") return;
      const privs = c.values.map((v) => ({ v, why: privateRangeOf(v) })).filter((p) => p.why !== void 0);
      if (privs.length === 0) return;
      const negated = c.base === "NotIpAddress";
      const effect = s.effect === "Allow" ? negated ? "the Allow applies to every request from anywhere else, those through VPC endpoints included" : "the Allow never applies to those addresses" : negated ? "the Deny applies to every request that comes through a VPC endpoint (no aws:SourceIp there) and to every public address" : "the Deny never applies to those addresses";
      yield conditionFinding(
        site,
        s,
        c,
        `In ${siteLabel(site)}, ${conditionLabel(s, c)} compares aws:SourceIp with a private range (${privs.map((p) => p.why).join("; ")}): requests through a VPC endpoint carry no aws:SourceIp and internet requests carry public addresses, so ${effect}. Use aws:VpcSourceIp for private addresses, or aws:SourceVpce / aws:SourceVpc for the network.`,
        { values: privs.map((p) => p.v) }
      );
    });
  }
};
var policy_sourceip_private_range_default = rule18;

// rules/policy-unknown-endpoint.ts
var rule19 = {
  meta: {
    id: "policy-unknown-endpoint",
    severity: "warning",
    title: "Policy names a VPC endpoint or VPC that does not exist",
    description: [
      "A policy condition names a vpce-... or vpc-... id that does not exist: absent from a closed-world inventory (a live scan of the policy's account and region),",
      "or an endpoint that the Terraform plan destroys.",
      "A typo or a stale id: a Deny unless that endpoint locks everyone out, an Allow on it never applies.",
      "A plan is an open world: an id that is merely not in the plan is not reported."
    ].join("\n"),
    fix: [
      "Name the endpoint by reference, so the id is always the live one:",
      "",
      "```hcl",
      "condition {",
      '  test     = "StringNotEquals"',
      '  variable = "aws:SourceVpce"',
      "  values   = [aws_vpc_endpoint.s3.id]",
      "}",
      "```"
    ].join("\n"),
    docs: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies-vpc-endpoint.html"],
    tags: ["correctness", "policy"],
    precision: "high"
  },
  *check(inv, ctx) {
    yield* eachCondition(inv, ctx, function* ({ site, statement: s, condition: c }) {
      if (c.base === "Null") return;
      for (const v of c.values) {
        const why = missing(inv, site, v);
        if (!why) continue;
        const effect = s.effect === "Deny" ? "a Deny that admits only it locks every request out" : "the Allow never applies through it";
        yield conditionFinding(site, s, c, `In ${siteLabel(site)}, ${conditionLabel(s, c, [v])} names ${why}: ${effect}. Correct the id, or refer to the endpoint (aws_vpc_endpoint.<name>.id) so that it stays current.`, { value: v });
      }
    });
  }
};
function missing(inv, site, value) {
  for (const key of placeholderKeys(site.placeholders, value) ?? []) {
    if (inv.vpcEndpoints.get(key)?.destroyed) return `${key}, which the plan destroys`;
  }
  const kind = /^vpce-[0-9a-f]{8,17}$/.test(value) ? "endpoint" : /^vpc-[0-9a-f]{8,17}$/.test(value) ? "VPC" : void 0;
  if (!kind) return void 0;
  const ref = inv.refById(value);
  if (ref) {
    const ep = inv.vpcEndpoints.get(ref.key);
    return ep?.destroyed ? `${kind} ${value} (${displayName(ref)}), which the plan destroys` : void 0;
  }
  if (inv.isClosedWorld(site.region, site.account)) {
    return `${kind} ${value}, which does not exist in ${site.account ? `account ${site.account}, ` : ""}region ${site.region} (the scan of that region is complete; if it belongs to another account, suppress this finding)`;
  }
  return void 0;
}
var policy_unknown_endpoint_default = rule19;

// rules/s3-interface-endpoint-without-gateway.ts
var rule20 = {
  meta: {
    id: "s3-interface-endpoint-without-gateway",
    severity: "note",
    title: "S3 interface endpoint in a VPC without an S3 gateway endpoint",
    description: [
      "An S3 interface endpoint is billed per hour and per GB; an S3 gateway endpoint is free. In a VPC with only the interface endpoint, the",
      "VPC's own S3 traffic pays for the interface endpoint (or, with private DNS off, for the NAT). Keep the interface endpoint for clients",
      "that need it, on-premises networks and other regions, and add a gateway endpoint for the VPC's route tables: with private DNS",
      '"only for inbound resolver endpoints" each client then takes the cheapest private path.',
      "",
      "A plan is an open world: a gateway endpoint created outside this configuration is not seen. An endpoint of the VPC whose type or",
      'service is known only after apply gives a "not evaluated" diagnostic instead of a finding.'
    ].join("\n"),
    fix: [
      "Add an S3 gateway endpoint beside the interface endpoint:",
      "",
      ...hcl(S3_GATEWAY_AND_INTERFACE)
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#types-of-vpc-endpoints-for-s3",
      "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html",
      "https://aws.amazon.com/privatelink/pricing/"
    ],
    tags: ["cost", "network", "s3", "privatelink"],
    precision: "medium"
  },
  *check(inv) {
    for (const ep of interfaceEndpoints(inv)) {
      if (ep.service?.owner !== "aws" || ep.service.family !== "s3") continue;
      const vpc = vpcIdentity(ep.vpc);
      if (vpc === void 0) {
        yield notEvaluated3(ep.ref, `the VPC of S3 interface endpoint ${endpointLabel(ep)} is unknown (${vpcUnclear(ep.vpc)}), so its S3 gateway endpoint was not looked for`);
        continue;
      }
      const { endpoints, unclear } = gatewayEndpointsInVpc(inv, vpc, "s3", ep.ref.region);
      if (endpoints.length > 0) continue;
      if (unclear) {
        yield notEvaluated3(ep.ref, `whether the VPC of S3 interface endpoint ${endpointLabel(ep)} has an S3 gateway endpoint is unknown (${unclear})`);
        continue;
      }
      const vpcNode = single2(ep.vpc, inv.vpcs);
      const vpcRef = vpcNode && !isUnknown(vpcNode) ? vpcNode.ref : void 0;
      yield {
        message: `S3 interface endpoint ${endpointLabel(ep)} is in VPC ${vpcRef ? vpcRef.address ?? vpcRef.key : vpc}, which has no S3 gateway endpoint: the VPC's own S3 traffic pays per GB for the interface endpoint where a gateway endpoint is free. Add an S3 gateway endpoint for the VPC's route tables and keep the interface endpoint for on-premises and cross-region clients.`,
        primary: ep.ref,
        related: vpcRef ? [vpcRef] : [],
        evidence: { endpoint: ep.ref.key, vpc }
      };
    }
  }
};
var s3_interface_endpoint_without_gateway_default = rule20;

// rules/s3-via-nat.ts
var rule21 = natPathRule(
  {
    id: "s3-via-nat",
    severity: "warning",
    title: "Private subnets reach S3 through a NAT instead of a gateway endpoint",
    description: "A route table sends 0.0.0.0/0 to a NAT gateway (or a NAT instance) and has no route to an S3 gateway endpoint of its region. Every request from its subnets to S3 then crosses the NAT: it is billed per GB of NAT data processing and leaves the private path. An S3 gateway endpoint is free, adds a prefix-list route that wins over 0.0.0.0/0, and keeps the traffic on the AWS network, where endpoint and bucket policies can fence it.",
    fix: [
      "Associate an S3 gateway endpoint with the route table of the private subnets:",
      "",
      "```hcl",
      'resource "aws_vpc_endpoint" "s3" {',
      "  vpc_id            = aws_vpc.main.id",
      '  service_name      = "com.amazonaws.${var.region}.s3"',
      '  vpc_endpoint_type = "Gateway"',
      "  route_table_ids   = [aws_route_table.private.id]",
      "}",
      "```",
      "",
      "If the endpoint already exists, add the table to its `route_table_ids`, or declare an `aws_vpc_endpoint_route_table_association`."
    ].join("\n"),
    docs: [
      "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html",
      "https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-pricing.html"
    ],
    tags: ["cost", "network", "s3", "data-perimeter"],
    precision: "high"
  },
  "s3"
);
var s3_via_nat_default = rule21;

// rules/index.ts
var allRules = [
  s3_via_nat_default,
  dynamodb_via_nat_default,
  gateway_endpoint_region_mismatch_default,
  // Endpoint policies
  endpoint_policy_full_access_default,
  endpoint_policy_any_resource_default,
  endpoint_policy_any_principal_default,
  // Bucket policies
  bucket_missing_endpoint_restriction_default,
  bucket_endpoint_allow_only_default,
  policy_sourceip_private_range_default,
  policy_condition_value_mismatch_default,
  policy_allow_ifexists_network_key_default,
  policy_unknown_endpoint_default,
  bucket_endpoint_deny_without_exemption_default,
  bucket_fence_excludes_endpoint_default,
  // Interface endpoints and endpoint services
  interface_endpoint_open_security_group_default,
  interface_endpoint_private_dns_disabled_default,
  interface_endpoint_dns_misconfigured_default,
  interface_endpoint_single_az_default,
  s3_interface_endpoint_without_gateway_default,
  endpoint_service_open_acceptance_default,
  // Security groups and gateway endpoints
  egress_blocks_gateway_endpoint_default
];

// src/collect/terraform/read-plan.ts
import { closeSync, fstatSync, openSync, readFileSync, readSync as readSync2, statSync } from "node:fs";

// src/util/byte-window.ts
import { readSync } from "node:fs";
var ByteWindow = class _ByteWindow {
  constructor(buf, base, end, fd, done) {
    this.buf = buf;
    this.base = base;
    this.end = end;
    this.fd = fd;
    this.done = done;
  }
  buf;
  base;
  end;
  fd;
  done;
  /** All of the input, already in memory. */
  static of(bytes2) {
    return new _ByteWindow(bytes2, 0, bytes2.length, void 0, true);
  }
  /** A file from its start, read as it is needed, by offset (the caller closes the descriptor). */
  static reading(fd, initialBytes = 1 << 20) {
    const w = new _ByteWindow(Buffer.allocUnsafe(initialBytes), 0, 0, fd, false);
    w.more(0);
    return w;
  }
  /**
   * Reads on, keeping the bytes from offset `keep` on (those before may be dropped): false at the end of the
   * input, when nothing more was read.
   */
  more(keep) {
    if (this.done) return false;
    const from = Math.min(Math.max(keep, this.base), this.end);
    const kept = this.end - from;
    if (from > this.base) {
      this.buf.copy(this.buf, 0, from - this.base, this.end - this.base);
      this.base = from;
    }
    if (kept > this.buf.length >> 1) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, kept);
      this.buf = bigger;
    }
    const n = readSync(this.fd, this.buf, kept, this.buf.length - kept, this.end);
    if (n === 0) {
      this.done = true;
      return false;
    }
    this.end += n;
    return true;
  }
};

// src/util/json-bytes.ts
import { constants } from "node:buffer";
function parseJsonBytes(input, options = {}) {
  const limit = options.limit ?? constants.MAX_STRING_LENGTH;
  const window = input instanceof ByteWindow ? input : ByteWindow.of(Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  const p = new ByteParser(window, limit, Math.min(limit, PIECE_BYTES), options.skipAhead);
  const start = p.ws(p.at(0) === 239 && p.at(1) === 187 && p.at(2) === 191 ? 3 : 0);
  const { value, end } = options.skip !== void 0 && p.at(start) === 123 ? p.object(start, 1, options.skip) : p.value(start);
  const after = p.ws(end);
  if (p.at(after) !== -1) throw new JsonBytesError("unexpected text after the end of the document", after);
  return value;
}
var PIECE_BYTES = 64 * 1024;
var RUN_BYTES = 32 * 1024;
var MAX_NAME_BYTES = 64;
var MAX_MISSED_RUNS = 3;
var MAX_WALK_DEPTH = 64;
var JsonBytesError = class extends Error {
  constructor(message, offset) {
    super(`${message} at byte ${offset}`);
    this.offset = offset;
  }
  offset;
};
var NoMemberFollows = class extends JsonBytesError {
};
var WS = (c) => c === 32 || c === 10 || c === 13 || c === 9;
var ByteParser = class {
  constructor(w, limit, piece, skipAhead) {
    this.w = w;
    this.limit = limit;
    this.piece = piece;
    this.skipAhead = skipAhead;
  }
  w;
  limit;
  piece;
  skipAhead;
  /** The first byte still needed: the start of the value being read. The window keeps it and what follows. */
  mark = 0;
  /** The byte at offset i, or -1 past the end of the input. */
  at(i) {
    const w = this.w;
    while (i >= w.end) if (!w.more(this.mark)) return -1;
    return w.buf[i - w.base];
  }
  ws(i) {
    for (; ; ) {
      const { buf, base, end } = this.w;
      for (; i < end; i++) if (!WS(buf[i - base])) return i;
      if (!this.w.more(this.mark)) return i;
    }
  }
  /**
   * The value starting at i, `depth` containers deep, and the offset just past it: parsed whole when it is a
   * scalar, a small container, or deeper than MAX_WALK_DEPTH (JSON.parse is not bound by the stack, this walk is).
   */
  value(i, depth = 0) {
    this.mark = i;
    return this.measuredValue(i, depth, this.measure(i));
  }
  /**
   * The end of the value at i: of a scalar, however long; of a container, when it closes within a piece, else -1
   * (a large container is walked without first being scanned to its end).
   */
  measure(i) {
    const c = this.at(i);
    return c === 123 || c === 91 ? this.skipValue(i, i + this.piece) : this.skipValue(i);
  }
  /** The value at i, whose measure() is `end`. */
  measuredValue(i, depth, end) {
    if (end < 0) {
      if (depth < MAX_WALK_DEPTH) return this.at(i) === 91 ? this.array(i, depth + 1) : this.object(i, depth + 1);
      end = this.skipValue(i);
    }
    if (end - i > this.limit) throw new JsonBytesError("a single value is larger than a JavaScript string can hold", i);
    return { value: this.parse(i, end), end };
  }
  /** Bytes start to end, which the window holds (mark <= start), as JSON. */
  parse(start, end) {
    const { buf, base } = this.w;
    const text = buf.toString("utf8", start - base, end - base);
    try {
      return JSON.parse(text);
    } catch {
      const found = jsonErrorPosition(text);
      if (!found) throw new JsonBytesError("not valid JSON in the value that starts", start);
      throw new JsonBytesError(`expected ${found.expected}`, start + Buffer.byteLength(text.slice(0, found.offset)));
    }
  }
  /**
   * An array walked element by element; small elements in runs of about RUN_BYTES, each run in one JSON.parse
   * (an array of millions of numbers is not millions of calls).
   */
  array(i, depth) {
    const out = [];
    i = this.ws(i + 1);
    if (this.at(i) === 93) return { value: out, end: i + 1 };
    let runStart = -1;
    let runEnd = -1;
    const flush = () => {
      if (runStart < 0) return;
      for (const v of this.parseRun(runStart, runEnd, depth)) out.push(v);
      runStart = -1;
    };
    let measureUntil = 0;
    let misses = 0;
    for (; ; ) {
      if (runStart < 0 && i >= measureUntil && misses < MAX_MISSED_RUNS) {
        const comma = this.runAhead(i, out);
        if (comma >= 0) {
          i = this.ws(comma + 1);
          continue;
        }
        measureUntil = -comma;
        misses++;
      }
      this.mark = runStart >= 0 ? runStart : i;
      let end = this.measure(i);
      if (end >= 0 && end - i <= this.piece) {
        if (runStart < 0) runStart = i;
        runEnd = end;
        if (runEnd - runStart >= RUN_BYTES) flush();
      } else {
        flush();
        this.mark = i;
        const member = this.measuredValue(i, depth, end);
        out.push(member.value);
        end = member.end;
      }
      i = this.ws(end);
      const c = this.at(i);
      if (c === 93) {
        flush();
        return { value: out, end: i + 1 };
      }
      if (c !== 44) {
        flush();
        throw new JsonBytesError('expected "," or "]"', i);
      }
      i = this.ws(i + 1);
    }
  }
  /**
   * Parses a run of elements from i, an element's start, without measuring them. Where the elements are
   * objects that begin with the same member name, as a plan's resources do, the first `},{"name"` at least a
   * run's bytes ahead (a native search) is likely the boundary between two elements; JSON.parse of the text up
   * to its `}`, as an array, says whether it is. If that text parses as complete elements, its end is where one
   * ends in the document too (the same bytes, read from the same state), whatever the bytes look like;
   * otherwise the `}` was inside an element (a nested one, a string) or past the array's end, and JSON.parse
   * throws. Returns the offset of the comma after the last element parsed; or, negated, the offset up to which
   * elements are to be measured one by one instead: where no such boundary was found (elements of another
   * shape, larger ones, or whitespace between them) or it was a wrong one. (Never -0: an element starts after
   * its array's bracket, so i > 0.)
   */
  runAhead(i, out) {
    const run = Math.min(RUN_BYTES, this.piece >> 1);
    const w = this.w;
    this.mark = i;
    while (w.end < i + this.piece && w.more(i)) ;
    const { buf, base, end } = w;
    const last = Math.min(end, i + this.piece);
    if (run < 1 || buf[i - base] !== 123 || buf[i + 1 - base] !== 34) return -last;
    const nameEnd = buf.indexOf(34, i + 2 - base) + base;
    if (nameEnd < i + 2 || nameEnd > i + 2 + MAX_NAME_BYTES || nameEnd >= last) return -last;
    for (let j = i + 2; j < nameEnd; j++) if (buf[j - base] === 92) return -last;
    const needle = Buffer.allocUnsafe(nameEnd + 3 - i);
    needle[0] = 125;
    needle[1] = 44;
    buf.copy(needle, 2, i - base, nameEnd + 1 - base);
    const from = i + run;
    if (from >= last) return -last;
    const found = buf.subarray(from - base, last - base).indexOf(needle);
    if (found < 0) return -last;
    const close = from + found;
    let values;
    try {
      values = JSON.parse(`[${buf.toString("utf8", i - base, close + 1 - base)}]`);
    } catch {
      return -(close + 1);
    }
    for (const v of values) out.push(v);
    return close + 1;
  }
  /** The elements from start to end (with the commas between them), which the window holds; one by one when that is no array, to say where. */
  parseRun(start, end, depth) {
    const { buf, base } = this.w;
    try {
      return JSON.parse(`[${buf.toString("utf8", start - base, end - base)}]`);
    } catch {
      const values = [];
      for (let j = start; j < end; ) {
        const member = this.value(j, depth);
        values.push(member.value);
        j = this.ws(member.end);
        if (this.at(j) === 44) j = this.ws(j + 1);
      }
      return values;
    }
  }
  object(i, depth, skip) {
    const out = {};
    i = this.ws(i + 1);
    if (this.at(i) === 125) return { value: out, end: i + 1 };
    const ahead = skip && this.skipAhead && skip.has(this.skipAhead.member) ? this.skipAhead : void 0;
    let inOrder = true;
    for (; ; ) {
      if (this.at(i) !== 34) throw new JsonBytesError("expected a property name in double quotes", i);
      this.mark = i;
      const keyEnd = this.skipString(i);
      const key = this.parse(i, keyEnd);
      i = this.ws(keyEnd);
      if (this.at(i) !== 58) throw new JsonBytesError('expected ":"', i);
      i = this.ws(i + 1);
      let end;
      if (ahead && inOrder && key === ahead.member && this.at(i - 1) === 58) end = this.seek(i, ahead.next, ahead.notPast);
      else if (skip?.has(key)) end = this.skipValue(i, Infinity, true);
      else {
        const member = this.value(i, depth);
        Object.defineProperty(out, key, { value: member.value, enumerable: true, writable: true, configurable: true });
        end = member.end;
      }
      if (ahead && !ahead.after.has(key)) inOrder = false;
      i = this.ws(end);
      const c = this.at(i);
      if (c === 125) return { value: out, end: i + 1 };
      if (c !== 44) throw new JsonBytesError('expected "," or "}"', i);
      i = this.ws(i + 1);
    }
  }
  /** The offset of the first `,"<name>":` from i on (skipAhead), read through without keeping what it passes. */
  seek(i, name, notPast) {
    const needleOf = (member) => Buffer.from(`,${JSON.stringify(member)}:`, "utf8");
    const needle = needleOf(name);
    const guards = notPast.map(needleOf);
    const overlap = Math.max(needle.length, ...guards.map((g) => g.length)) - 1;
    let passedGuard;
    let from = i;
    for (; ; ) {
      const { buf, base, end } = this.w;
      const bytes2 = buf.subarray(from - base, end - base);
      const found = bytes2.indexOf(needle);
      const passed = found >= 0 ? bytes2.subarray(0, found) : bytes2;
      for (let k = 0; k < guards.length && !passedGuard; k++) {
        const at = passed.indexOf(guards[k]);
        if (at >= 0) passedGuard = new JsonBytesError(`a member "${notPast[k]}" may lie before "${name}"`, from + at);
      }
      if (found >= 0) {
        if (passedGuard) throw passedGuard;
        return from + found;
      }
      from = Math.max(from, end - overlap);
      this.mark = from;
      if (!this.w.more(from)) throw new NoMemberFollows(`no member "${name}" follows the value that starts`, i);
    }
  }
  /**
   * Offset just past the string that starts at i (a quote). A byte loop, not Buffer#indexOf per quote: a plan
   * has millions of short strings, and a native call for each cost three times the loop over all the bytes.
   * `passing`: the string's bytes are not wanted, and the window need not keep them.
   */
  skipString(i, passing = false) {
    let j = i + 1;
    for (; ; ) {
      const { buf, base, end } = this.w;
      for (; j < end; j++) {
        const c = buf[j - base];
        if (c === 34) return j + 1;
        if (c === 92) j++;
      }
      if (passing) this.mark = Math.min(j, end);
      if (!this.w.more(this.mark)) throw new JsonBytesError("a string is not closed", i);
    }
  }
  /**
   * Offset just past the value that starts at i, at the level of strings and brackets; -1 when a container is
   * not closed before offset `max`. `passing`: the value is skipped, and the window need not keep its bytes.
   */
  skipValue(i, max = Infinity, passing = false) {
    const c = this.at(i);
    if (c === 34) return this.skipString(i, passing);
    if (c !== 123 && c !== 91) {
      let j2 = i;
      for (; ; ) {
        const d = this.at(j2);
        if (d === -1 || d === 44 || d === 125 || d === 93 || WS(d)) break;
        j2++;
      }
      if (j2 === i) throw new JsonBytesError("expected a value", i);
      return j2;
    }
    let depth = 0;
    let j = i;
    for (; ; ) {
      const { buf, base, end } = this.w;
      const stop = Math.min(end, max);
      let moved = false;
      while (j < stop) {
        const d = buf[j - base];
        if (d === 34) {
          j = this.skipString(j, passing);
          moved = this.w.buf !== buf || this.w.base !== base || this.w.end !== end;
          if (moved) break;
          continue;
        }
        if (d === 123 || d === 91) depth++;
        else if ((d === 125 || d === 93) && --depth === 0) return j + 1;
        j++;
      }
      if (moved) continue;
      if (j >= max) return -1;
      if (passing) this.mark = j;
      if (!this.w.more(this.mark)) throw new JsonBytesError("the document ends before this value is closed", i);
    }
  }
};

// src/util/json-top-level.ts
function parseWithout(text, skip) {
  const out = {};
  let i = skipWs(text, 0);
  if (text.charCodeAt(i) !== 123) return void 0;
  i = skipWs(text, i + 1);
  while (text.charCodeAt(i) === 34) {
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return void 0;
    const key = JSON.parse(text.slice(i, keyEnd));
    i = skipWs(text, keyEnd);
    if (text.charCodeAt(i) !== 58) return void 0;
    const start = skipWs(text, i + 1);
    const end = skipValue(text, start);
    if (end < 0) return void 0;
    i = skipWs(text, end);
    const sep3 = text.charCodeAt(i);
    if (key === skip) {
      if (sep3 === 125) return skipWs(text, i + 1) === text.length ? out : void 0;
      if (sep3 !== 44) return void 0;
      const rest = JSON.parse(`{${text.slice(i + 1)}`);
      for (const [k, v] of Object.entries(rest)) if (k !== skip) setOwn(out, k, v);
      return out;
    }
    setOwn(out, key, JSON.parse(text.slice(start, end)));
    if (sep3 === 125) return void 0;
    if (sep3 !== 44) return void 0;
    i = skipWs(text, i + 1);
  }
  return void 0;
}
function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
function skipWs(text, i) {
  for (; ; ) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}
function skipString(text, i) {
  let j = i + 1;
  for (; ; ) {
    const q = text.indexOf('"', j);
    if (q < 0) return -1;
    let backslashes = 0;
    for (let k = q - 1; text.charCodeAt(k) === 92; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}
function skipValue(text, i) {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c !== 123 && c !== 91) {
    let j = i;
    while (j < text.length) {
      const d = text.charCodeAt(j);
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9) break;
      j++;
    }
    return j > i ? j : -1;
  }
  let depth = 0;
  const n = text.length;
  for (let j = i; j < n; j++) {
    const d = text.charCodeAt(j);
    if (d === 34) {
      const end = skipString(text, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (d === 123 || d === 91) depth++;
    else if (d === 125 || d === 93) {
      if (--depth === 0) return j + 1;
    }
  }
  return -1;
}

// src/collect/terraform/read-plan.ts
var LEAN_FROM_BYTES = 1 << 20;
function readPlanFile(path, options = {}) {
  const leanOption = options.lean ?? false;
  const size2 = planFileSize(path);
  if (size2 !== void 0) {
    if (wantsLean(leanOption, size2)) {
      const plan = readPlanWindowed(path);
      if (plan !== void 0) return plan;
    }
    return readPlanWhole(path, false);
  }
  return readPlanWhole(path, leanOption);
}
function wantsLean(leanOption, planBytes) {
  return planBytes >= LEAN_FROM_BYTES || (typeof leanOption === "function" ? leanOption(planBytes) : leanOption);
}
function planFileSize(path) {
  try {
    const stat = path === "-" ? fstatSync(0) : statSync(path);
    return stat.isFile() ? stat.size : void 0;
  } catch {
    return void 0;
  }
}
function readPlanWindowed(path) {
  const fd = path === "-" ? 0 : openInput(path);
  try {
    const head2 = Buffer.alloc(4);
    const n = readSync2(fd, head2, 0, head2.length, 0);
    if (head2[0] === 255 || head2[0] === 254) return void 0;
    checkBytes(head2.subarray(0, n), path);
    return asPlan(parseHugePlan({ fd }, path), path);
  } finally {
    if (path !== "-") closeSync(fd);
  }
}
function readPlanWhole(path, leanOption) {
  const input = readText(path, leanOption);
  return asPlan(typeof input === "string" ? parsePlanJson(input, path) : parseHugePlan(input, path), path);
}
function readText(path, leanOption) {
  const bytes2 = readInput(path);
  const utf16 = bytes2[0] === 255 || bytes2[0] === 254;
  if (!utf16 && wantsLean(leanOption, bytes2.length)) {
    checkBytes(bytes2, path);
    return bytes2;
  }
  try {
    return decode(bytes2, path);
  } catch (err) {
    if (err.code !== "ERR_STRING_TOO_LONG") throw err;
    if (utf16) throw new InputError(`${label(path)}: a UTF-16 plan of ${bytes2.length} bytes is too large to read; write it as UTF-8 (terraform show -json writes UTF-8)`, path);
    return bytes2;
  }
}
function byteLineCol(bytes2, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = bytes2.indexOf(10); i !== -1 && i < offset; i = bytes2.indexOf(10, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
function parseHugePlan(source, path, limit) {
  const input = () => Buffer.isBuffer(source) ? source : ByteWindow.reading(source.fd);
  const withLimit = limit !== void 0 ? { limit } : {};
  const parse = (skip) => {
    try {
      return parseJsonBytes(input(), { ...withLimit, ...skip ? { skip } : {} });
    } catch (err) {
      if (!(err instanceof JsonBytesError)) throw err;
      const bytes2 = Buffer.isBuffer(source) ? source : readInput(path);
      const truncated = err.offset >= bytes2.length || /^the document ends|^a string is not closed/.test(err.message) ? " (truncated?)" : "";
      throw new InputError(`${label(path)}: not valid JSON: ${err.message} (${byteLineCol(bytes2, err.offset)})${truncated}.${jsonLinesHint(bytes2.toString("utf8", 0, 65536))}`, path);
    }
  };
  const withoutPlannedValues = (plan2) => typeof plan2 === "object" && plan2 !== null && "resource_changes" in plan2 ? { ...plan2, planned_values: {} } : void 0;
  let plan;
  try {
    plan = parseJsonBytes(input(), { ...withLimit, skip: SKIPPED, skipAhead: PAST_PLANNED_VALUES });
  } catch (err) {
    if (!(err instanceof JsonBytesError)) throw err;
    if (err instanceof NoMemberFollows) {
      const whole = parse();
      return withoutPlannedValues(whole) ?? whole;
    }
    plan = parse(SKIPPED);
  }
  return withoutPlannedValues(plan) ?? parse();
}
var SKIPPED = /* @__PURE__ */ new Set(["planned_values", "resource_drift", "output_changes", "relevant_attributes", "checks", "deferred_changes"]);
var PAST_PLANNED_VALUES = {
  member: "planned_values",
  next: "resource_changes",
  after: /* @__PURE__ */ new Set(["format_version", "terraform_version", "variables"]),
  notPast: ["prior_state", "configuration", "variables", "errored", "complete"]
};
function readInput(path) {
  try {
    return readFileSync(path === "-" ? 0 : path);
  } catch (err) {
    throw cannotRead(path, err);
  }
}
function openInput(path) {
  try {
    return openSync(path, "r");
  } catch (err) {
    throw cannotRead(path, err);
  }
}
function cannotRead(path, err) {
  const code2 = err.code;
  const what = code2 === "ENOENT" ? "no such file" : code2 === "EISDIR" ? "is a directory" : code2 === "EACCES" ? "permission denied" : err.message;
  return new InputError(`${label(path)}: cannot read: ${what}`, path);
}
function label(path) {
  return path === "-" ? "<stdin>" : path;
}
function checkBytes(bytes2, path) {
  if (bytes2.length === 0) throw new InputError(`${label(path)}: the file is empty; expected the output of "terraform show -json <planfile>"`, path);
  if (bytes2[0] === 80 && bytes2[1] === 75) {
    throw new InputError(`${label(path)}: this is a binary Terraform plan file; convert it with "terraform show -json ${path === "-" ? "tf.plan" : path} > plan.json" and scan the JSON`, path);
  }
}
function decode(bytes2, path) {
  checkBytes(bytes2, path);
  if (bytes2[0] === 255 && bytes2[1] === 254) return bytes2.subarray(2).toString("utf16le");
  if (bytes2[0] === 254 && bytes2[1] === 255) return Buffer.from(bytes2.subarray(2)).swap16().toString("utf16le");
  if (bytes2[0] === 239 && bytes2[1] === 187 && bytes2[2] === 191) return bytes2.subarray(3).toString("utf8");
  return bytes2.toString("utf8");
}
function parsePlanJson(text, path) {
  if (text.length > 1 << 20) {
    try {
      const plan = parseWithout(text, "planned_values");
      if (plan && "resource_changes" in plan) return { ...plan, planned_values: {} };
    } catch {
    }
  }
  return parseJson(text, path);
}
function parseJson(text, path) {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err.message;
    throw new InputError(`${label(path)}: not valid JSON: ${describeJsonError(message, text)}.${jsonLinesHint(text)}`, path);
  }
}
function jsonLinesHint(text) {
  return looksLikeJsonLines(text) ? ' This looks like the JSON Lines stream of "terraform plan -json"; scan the output of "terraform show -json <planfile>" instead.' : "";
}
function describeJsonError(message, text) {
  if (/Unexpected end of JSON input/.test(message)) return `the file ends too early at line ${lineCol2(text, text.length)} (truncated?)`;
  const found = jsonErrorPosition(text);
  if (!found) return message;
  const near = JSON.stringify(text.slice(found.offset, found.offset + 20));
  return found.offset >= text.length ? `the file ends too early at line ${lineCol2(text, text.length)}, expected ${found.expected} (truncated?)` : `expected ${found.expected} at line ${lineCol2(text, found.offset)}, found ${near}`;
}
function lineCol2(text, position) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `${line}, column ${position - lineStart + 1}`;
}
function looksLikeJsonLines(text) {
  const firstLine = text.slice(0, Math.min(text.length, 65536)).split("\n", 1)[0] ?? "";
  try {
    const first2 = JSON.parse(firstLine);
    return typeof first2 === "object" && first2 !== null && ("@level" in first2 || "@message" in first2);
  } catch {
    return false;
  }
}
var SUPPORTED_MAJOR = 1;
function asPlan(doc, path) {
  const where3 = label(path);
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new InputError(`${where3}: expected a JSON object (the output of "terraform show -json <planfile>"), found ${describe3(doc)} at $`, path, "$");
  }
  const obj = doc;
  const planKeys = ["planned_values", "resource_changes", "configuration", "prior_state"];
  const hasPlanKey = planKeys.some((k) => k in obj);
  if (!hasPlanKey) {
    if ("values" in obj) {
      throw new InputError(`${where3}: this is Terraform state (output of "terraform show -json" without a plan file), not a plan; run "terraform plan -out tf.plan && terraform show -json tf.plan > plan.json"`, path, "$");
    }
    if ("resources" in obj && ("lineage" in obj || "serial" in obj)) {
      throw new InputError(`${where3}: this is a raw terraform.tfstate file, not a plan; run "terraform plan -out tf.plan && terraform show -json tf.plan > plan.json"`, path, "$");
    }
    throw new InputError(`${where3}: not a Terraform plan: none of ${planKeys.join(", ")} is present at $`, path, "$");
  }
  const fv = obj.format_version;
  if (fv !== void 0) {
    if (typeof fv !== "string" || !/^\d+\.\d+$/.test(fv)) {
      throw new InputError(`${where3}: format_version must be a string like "1.2", found ${describe3(fv)} at $.format_version`, path, "$.format_version");
    }
    const major = Number(fv.split(".")[0]);
    if (major > SUPPORTED_MAJOR) {
      throw new InputError(`${where3}: plan format_version ${fv} is not supported (this vpcelint reads format versions 0.x and 1.x); upgrade vpcelint`, path, "$.format_version");
    }
  }
  return obj;
}
function describe3(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length > 40 ? "a string" : `the string ${JSON.stringify(value)}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

// src/sourcemap/index.ts
import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
var NONE = { directivesOf: () => [], directives: [] };
function prepareSources(options, background = false) {
  const root = sourceRoot(options);
  const base = repositoryRoot(root);
  return hasTfFiles(root) ? { root, base, load: startLoadingSources(root, base, background) } : { root, base };
}
async function attachSources(report, options, prepared) {
  if (report.source.kind !== "plan") return { report, ...NONE };
  const { root, base, load } = prepared ?? prepareSources(options);
  const refs = reportedRefs(report);
  if (!load) {
    if (refs.length === 0) return { report, ...NONE };
    const note = {
      level: "note",
      code: "source-none",
      message: `no .tf files in ${root}, so results point at Terraform addresses only, not at lines, and what only the source tells (a policy written with jsonencode() over values known after apply, a link written through a local or element()) is not evaluated or taken at the plan's references: pass --source-root with the directory of the root module`
    };
    return { report: { ...report, diagnostics: [...report.diagnostics, note] }, ...NONE };
  }
  const index = await load.result();
  const located = refs.filter((ref) => ref.address);
  const hits = await index.locate(located.map((ref) => ref.address));
  const directives = /* @__PURE__ */ new Map();
  const missing2 = [];
  for (const [i, ref] of located.entries()) {
    const hit = hits[i];
    if (!hit) {
      delete ref.location;
      missing2.push(ref.address);
      continue;
    }
    ref.location = hit.location;
    if (hit.directives.length > 0) directives.set(ref, hit.directives);
  }
  const diagnostics = index.problems.map((p) => ({
    level: p.code === "source-syntax-error" ? "warning" : "note",
    code: p.code,
    file: toPosix(relative(base, p.file)),
    message: `${toPosix(relative(base, p.file))}${p.line ? `:${p.line}` : ""}: ${p.message}`
  }));
  const unique = [...new Set(missing2)].sort();
  if (unique.length > 0) {
    diagnostics.push({
      level: "note",
      code: "source-not-found",
      message: `${unique.length} reported resource${unique.length === 1 ? " is" : "s are"} not declared in the .tf files under ${toPosix(relative(base, root)) || "."} (${unique.slice(0, 3).join(", ")}${unique.length > 3 ? ", ..." : ""}), so ${unique.length === 1 ? "its results point" : "their results point"} at the Terraform address only: is --source-root the plan's root module?`
    });
  }
  return {
    report: { ...report, sourceRoot: base, diagnostics: [...report.diagnostics, ...diagnostics] },
    directivesOf: (ref) => directives.get(ref) ?? [],
    directives: index.directives.map((d) => ({ file: toPosix(relative(base, d.file)), line: d.line, text: d.text, ...d.orphan ? { orphan: true } : {} })),
    read: { files: index.filesParsed, where: index.where }
  };
}
async function sourceExpressions(prepared, wanted) {
  if (wanted.length === 0 || !prepared.load) return [];
  const index = await prepared.load.result();
  const hits = await index.declarations(wanted.map((w) => w.address));
  return wanted.map(({ path }, i) => {
    const hit = hits[i];
    if (!hit || hit.location.moduleCall !== void 0 && !hit.declaredAt) return void 0;
    const expr = hit.expressions?.find((p) => p.path.length === path.length && p.path.every((step2, n) => step2 === path[n]))?.expr;
    if (!expr) return void 0;
    const { declaredAt: at, location: location2 } = hit;
    const whereOf = (name) => at ? `${at.file}:${at.attributeLines.find(([n]) => n === name)?.[1] ?? at.startLine}` : `${location2.file}:${location2.attributes?.[name]?.startLine ?? location2.startLine}`;
    const forEach = hit.expressions?.find((p) => p.path.length === 1 && p.path[0] === "for_each")?.expr;
    return {
      expr,
      where: whereOf(String(path[0])),
      ...hit.locals ? { locals: hit.locals } : {},
      ...hit.callers ? { callers: hit.callers } : {},
      ...hit.modulePath ? { modulePath: hit.modulePath } : {},
      ...forEach ? { forEach: { expr: forEach, where: whereOf("for_each") } } : {}
    };
  });
}
function sourceRoot(options) {
  if (options.sourceRoot !== void 0) {
    const dir = resolve(options.cwd, options.sourceRoot);
    if (!isDirectory(dir)) throw new UsageError(`--source-root ${options.sourceRoot}: not a directory`);
    return dir;
  }
  if (options.planFile && options.planFile !== "-") {
    const planDir = dirname(resolve(options.cwd, options.planFile));
    if (hasTfFiles(planDir)) return planDir;
  }
  return resolve(options.cwd);
}
function repositoryRoot(dir) {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) return d;
    if (dirname(d) === d) return dir;
  }
}
function reportedRefs(report) {
  const out = /* @__PURE__ */ new Set();
  for (const f of [...report.findings, ...report.suppressed]) {
    out.add(f.primary);
    for (const r of f.related) out.add(r);
  }
  for (const d of report.diagnostics) if (d.subject) out.add(d.subject);
  return [...out];
}
function hasTfFiles(dir) {
  return tfFiles(dir).length > 0;
}
function toPosix(path) {
  return path.split(sep).join("/");
}

// src/collect/terraform/config.ts
var ConfigIndex = class {
  resources = /* @__PURE__ */ new Map();
  modules = /* @__PURE__ */ new Map();
  calls = /* @__PURE__ */ new Map();
  providers;
  rootVariables;
  constructor(plan) {
    const config = isObject2(plan.configuration) ? plan.configuration : {};
    this.providers = isObject2(config.provider_config) ? config.provider_config : {};
    this.rootVariables = isObject2(plan.variables) ? plan.variables : {};
    const stack = [{ mod: config.root_module, path: "", depth: 0 }];
    while (stack.length > 0) {
      const { mod, path, depth } = stack.pop();
      if (!isObject2(mod) || depth > 200) continue;
      const m = mod;
      this.modules.set(path, m);
      if (Array.isArray(m.resources)) {
        for (const r of m.resources) {
          if (isObject2(r) && typeof r.address === "string") this.resources.set(`${path}|${r.address}`, r);
        }
      }
      if (isObject2(m.module_calls)) {
        for (const [name, call] of Object.entries(m.module_calls)) {
          if (!isObject2(call)) continue;
          const childPath = path ? `${path}.${name}` : name;
          this.calls.set(childPath, call);
          stack.push({ mod: call.module, path: childPath, depth: depth + 1 });
        }
      }
    }
  }
  /** The configuration block of a resource, by module path and `type.name` (`data.type.name` for data sources). */
  resource(modulePath, address) {
    return this.resources.get(`${modulePath}|${address}`);
  }
  module(modulePath) {
    return this.modules.get(modulePath);
  }
  /** The call that instantiates a module, by the module's path. */
  call(modulePath) {
    return this.calls.get(modulePath);
  }
  /** All resource configurations, for resources that have no instance (count = 0). */
  allResources() {
    return this.resources.entries();
  }
};
function isObject2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function expressionAt(expressions, path) {
  let node = expressions;
  for (const step2 of path) {
    if (Array.isArray(node)) node = typeof step2 === "number" ? node[step2] : void 0;
    else if (isObject2(node)) {
      if (isExpression(node)) return node;
      node = node[step2];
    } else return void 0;
  }
  return isExpression(node) ? node : void 0;
}
function isExpression(node) {
  return isObject2(node) && ("constant_value" in node || "references" in node) && Object.keys(node).every((k) => k === "constant_value" || k === "references");
}
function blockExpressions(expressions, name) {
  const node = expressions?.[name];
  if (Array.isArray(node)) return node.filter(isObject2);
  if (isObject2(node) && !isExpression(node)) return [node];
  return void 0;
}

// src/collect/terraform/instances.ts
function resourceKey(moduleInstance, mode, type, name) {
  return `${moduleInstance}|${mode === "data" ? "data." : ""}${type}.${name}`;
}
function buildInstances(plan, file) {
  const table = { byAddress: /* @__PURE__ */ new Map(), destroyed: /* @__PURE__ */ new Map(), byResource: /* @__PURE__ */ new Map(), moduleInstances: /* @__PURE__ */ new Map(), knownModules: /* @__PURE__ */ new Set() };
  const changes = plan.resource_changes;
  if (changes !== void 0) {
    if (!Array.isArray(changes)) badType(file, "$.resource_changes", "an array", changes);
    for (let i = 0; i < changes.length; i++) addChange(table, changes[i], i, file);
  }
  const prior = plan.prior_state;
  if (prior !== void 0 && prior !== null) {
    if (typeof prior !== "object" || Array.isArray(prior)) badType(file, "$.prior_state", "an object", prior);
    walkValues(table, prior.values?.root_module, "$.prior_state.values.root_module", file, "no-op");
  }
  if (changes === void 0 && plan.planned_values !== void 0) {
    walkValues(table, plan.planned_values?.root_module, "$.planned_values.root_module", file, "create");
  }
  return table;
}
function addChange(table, rc, index, file) {
  const path = () => `$.resource_changes[${index}]`;
  if (typeof rc !== "object" || rc === null || Array.isArray(rc)) badType(file, path(), "an object", rc);
  checkString(rc.address, path, ".address", file);
  const change = rc.change;
  if (change === void 0 || change === null || typeof change !== "object" || Array.isArray(change)) badType(file, `${path()}.change`, "an object", change);
  const actions = change.actions;
  const action = Array.isArray(actions) ? actionOf(actions) : void 0;
  if (action === void 0) badType(file, `${path()}.change.actions`, "an array of strings", actions);
  if (rc.deposed) return;
  if (action === "delete") {
    const inst2 = makeInstance(rc.address, asObject(change.before), void 0, change.before_sensitive, "delete", path, file, rc.module_address);
    if (inst2) table.destroyed.set(inst2.address, inst2);
    return;
  }
  if (action === "forget") {
    const inst2 = makeInstance(rc.address, asObject(change.before), void 0, change.before_sensitive, "no-op", path, file, rc.module_address);
    if (inst2) add(table, inst2);
    return;
  }
  const after = change.after;
  if (after !== null && after !== void 0 && (typeof after !== "object" || Array.isArray(after))) badType(file, `${path()}.change.after`, "an object", after);
  const inst = makeInstance(rc.address, asObject(after), change.after_unknown, change.after_sensitive, action, path, file, rc.module_address);
  if (inst) add(table, inst);
}
function actionOf(actions) {
  let create = false;
  let del = false;
  let update = false;
  let read2 = false;
  let forget = false;
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    if (typeof a !== "string") return void 0;
    if (a === "create") create = true;
    else if (a === "delete") del = true;
    else if (a === "update") update = true;
    else if (a === "read") read2 = true;
    else if (a === "forget") forget = true;
  }
  if (del) return create ? "replace" : "delete";
  return create ? "create" : update ? "update" : read2 ? "read" : forget ? "forget" : "no-op";
}
function walkValues(table, mod, path, file, action) {
  const stack = [{ mod, path }];
  while (stack.length > 0) {
    const { mod: m, path: p } = stack.pop();
    if (m === void 0 || m === null) continue;
    if (typeof m !== "object" || Array.isArray(m)) badType(file, p, "an object", m);
    const vm = m;
    if (vm.resources !== void 0) {
      if (!Array.isArray(vm.resources)) badType(file, `${p}.resources`, "an array", vm.resources);
      vm.resources.forEach((r, i) => addValues(table, r, `${p}.resources[${i}]`, file, action));
    }
    if (vm.child_modules !== void 0) {
      if (!Array.isArray(vm.child_modules)) badType(file, `${p}.child_modules`, "an array", vm.child_modules);
      vm.child_modules.forEach((c, i) => stack.push({ mod: c, path: `${p}.child_modules[${i}]` }));
    }
  }
}
function addValues(table, r, path, file, action) {
  if (typeof r !== "object" || r === null || Array.isArray(r)) badType(file, path, "an object", r);
  checkString(r.address, () => path, ".address", file);
  if (table.byAddress.has(r.address) || table.destroyed.has(r.address)) return;
  const values = r.values;
  if (values !== void 0 && values !== null && (typeof values !== "object" || Array.isArray(values))) badType(file, `${path}.values`, "an object", values);
  const inst = makeInstance(r.address, asObject(values), void 0, r.sensitive_values, r.mode === "data" ? "read" : action, () => path, file);
  if (inst) add(table, inst);
}
var moduleCache = /* @__PURE__ */ new Map();
function moduleOf(moduleAddress) {
  let mod = moduleCache.get(moduleAddress);
  if (mod === void 0) {
    const parsed = parseInstanceAddress(`${moduleAddress}.x.y`);
    mod = parsed && parsed.mode === "managed" && parsed.key === void 0 ? { modules: parsed.modules, moduleInstance: formatModules(parsed.modules), configModule: parsed.modules.map((m) => m.name).join(".") } : null;
    if (moduleCache.size >= 1e5) moduleCache.clear();
    moduleCache.set(moduleAddress, mod);
  }
  return mod ?? void 0;
}
function makeInstance(address, values, unknowns, sensitive, action, path, file, moduleAddress) {
  let parsed;
  let mod = typeof moduleAddress === "string" && moduleAddress !== "" && address.length > moduleAddress.length && address.charCodeAt(moduleAddress.length) === 46 && address.startsWith(moduleAddress) ? moduleOf(moduleAddress) : void 0;
  if (mod) {
    parsed = parseInstanceAddress(address.slice(moduleAddress.length + 1));
    if (parsed && parsed.modules.length > 0) parsed = void 0;
  }
  if (!parsed) {
    mod = void 0;
    parsed = parseInstanceAddress(address);
  }
  if (!parsed) throw new InputError(`${label(file)}: cannot parse resource address ${JSON.stringify(address)} at ${path()}.address`, file, `${path()}.address`);
  const modules = mod ? mod.modules : parsed.modules;
  return {
    address,
    moduleInstance: mod ? mod.moduleInstance : formatModules(modules),
    modules,
    configModule: mod ? mod.configModule : modules.map((m) => m.name).join("."),
    mode: parsed.mode,
    type: parsed.type,
    name: parsed.name,
    key: parsed.key,
    values,
    unknowns,
    sensitive,
    action
  };
}
function add(table, inst) {
  if (table.byAddress.has(inst.address)) return;
  table.byAddress.set(inst.address, inst);
  const rk = resourceKey(inst.moduleInstance, inst.mode, inst.type, inst.name);
  const list3 = table.byResource.get(rk);
  if (list3) list3.push(inst);
  else table.byResource.set(rk, [inst]);
  if (inst.moduleInstance === "" || table.knownModules.has(inst.moduleInstance)) return;
  let parent = "";
  for (const step2 of inst.modules) {
    const self = `${parent}${parent ? "." : ""}module.${step2.name}${formatKey(step2.key)}`;
    if (!table.knownModules.has(self)) {
      table.knownModules.add(self);
      const k = `${parent}|${step2.name}`;
      const list4 = table.moduleInstances.get(k);
      if (list4) list4.push(self);
      else table.moduleInstances.set(k, [self]);
    }
    parent = self;
  }
}
function asObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : {};
}
function checkString(v, path, member, file) {
  if (typeof v !== "string") badType(file, `${path()}${member}`, "a string", v);
}
function badType(file, path, expected, found) {
  throw new InputError(`${label(file)}: expected ${expected} at ${path}, found ${describe3(found)}`, file, path);
}
function attr(inst, ...path) {
  return attrAt(inst, path);
}
function field(inst, name) {
  const unk = inst.unknowns;
  if (unk === true) return unknown();
  if (unk !== null && typeof unk === "object" && unk[name] === true) return unknown();
  const value = inst.values[name];
  return value === null || value === "" ? void 0 : value;
}
function attrAt(inst, path) {
  if (path.length === 1) return field(inst, path[0]);
  let value = inst.values;
  let unk = inst.unknowns;
  for (const step2 of path) {
    if (unk === true) return unknown();
    unk = unk !== null && typeof unk === "object" ? unk[step2] : void 0;
    value = value !== null && typeof value === "object" ? value[step2] : void 0;
  }
  if (unk === true) return unknown();
  return value === null || value === "" ? void 0 : value;
}
function isSensitive(inst, name) {
  const s = inst.sensitive;
  return s === true || s !== null && typeof s === "object" && s[name] === true;
}

// src/collect/terraform/context.ts
function indexByType(table) {
  const out = /* @__PURE__ */ new Map();
  for (const inst of table.byAddress.values()) {
    const t = inst.mode === "data" ? `data.${inst.type}` : inst.type;
    const list3 = out.get(t);
    if (list3) list3.push(inst);
    else out.set(t, [inst]);
  }
  return out;
}
function releaseBuild(ctx) {
  const t = ctx.table;
  t.byAddress.clear();
  t.destroyed.clear();
  t.byResource.clear();
  t.moduleInstances.clear();
  t.knownModules.clear();
  ctx.byType.clear();
  ctx.sourcePolicies.length = 0;
  ctx.sourceDocuments.length = 0;
  ctx.resolver.release();
}
function* instancesOf(ctx, ...types) {
  for (const t of types) yield* ctx.byType.get(t) ?? [];
}
function refOf(ctx, inst) {
  const ref = ctx.inv.refByKey(inst.address);
  if (!ref) throw new Error(`no ref registered for ${inst.address}`);
  return ref;
}
function declRef(ctx, inst) {
  const known = ctx.inv.refByKey(inst.address);
  if (known) return known;
  const region = ctx.regions.regionOf(inst);
  return { key: inst.address, kind: "other", type: inst.type, address: inst.address, ...region ? { region } : {} };
}
function linkAttr(ctx, inst, name, kinds, computedMeansEmpty = false) {
  if (computedMeansEmpty && isUnknown(field(inst, name)) && !ctx.resolver.expressionOf(inst, [name])) return { keys: [], external: [] };
  return ctx.resolver.link(inst, [name], kinds);
}
function namesNothing(link) {
  return link.keys.length === 0 && link.external.length === 0;
}
function isNone(link) {
  return namesNothing(link) && !link.unresolved;
}
function merge3(a, b) {
  const out = { keys: [.../* @__PURE__ */ new Set([...a.keys, ...b.keys])].sort(), external: [.../* @__PURE__ */ new Set([...a.external, ...b.external])].sort() };
  const unresolved = a.unresolved ?? b.unresolved;
  return unresolved ? { ...out, unresolved } : out;
}
function str(inst, ...path) {
  const v = attr(inst, ...path);
  if (isUnknown(v) || v === void 0) return v;
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : unknown(`${inst.address}.${path.join(".")} is not a string`);
}
function bool(inst, name, dflt) {
  const v = field(inst, name);
  if (isUnknown(v)) return v;
  if (v === void 0) return dflt;
  return typeof v === "boolean" ? v : v === "true" ? true : v === "false" ? false : unknown(`${inst.address}.${name} is not a boolean`);
}
function tagsOf(inst) {
  const t = field(inst, "tags_all");
  const tags = t && !isUnknown(t) && typeof t === "object" ? t : field(inst, "tags");
  if (!tags || isUnknown(tags) || typeof tags !== "object" || Array.isArray(tags)) return void 0;
  const out = /* @__PURE__ */ Object.create(null);
  for (const [k, v] of Object.entries(tags)) if (typeof v === "string") out[k] = v;
  return out;
}

// src/collect/terraform/unattached.ts
function ownership(link) {
  if (!link.unresolved && link.keys.length === 1 && link.external.length === 0) return { kind: "one", key: link.keys[0] };
  if (!link.unresolved && link.keys.length === 0) return link.external.length > 0 ? { kind: "outside" } : { kind: "none" };
  const named = [...link.keys, ...link.external];
  return { kind: "unclear", named: link.keys, open: link.unresolved !== void 0, why: link.unresolved ?? `the reference may mean any of ${named.join(", ")}` };
}
function ownershipIn(ctx, link, ownerNoun) {
  const owner = ownership(link);
  if (owner.kind !== "one") return owner;
  const inst = ctx.table.byAddress.get(owner.key);
  if (inst?.mode !== "data" || !isUnknown(field(inst, "id"))) return owner;
  return { kind: "unclear", named: [owner.key], open: true, why: `${owner.key} is read only after apply and may find a ${ownerNoun} this plan creates` };
}
function keepUnattached(ctx, unattached, inst, owner, o) {
  const verb = o.verb ?? "belongs to";
  ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which ${o.noun} ${o.subject ?? "it"} ${verb} (${owner.why}); ${o.consequence}` });
  unattached.push({ inst, part: o.part, action: o.action, why: ownerUnclear(o.noun, owner.why, verb), named: owner.named, open: owner.open, ...o.vpc ? { vpc: o.vpc } : {} });
}
function ownerUnclear(ownerNoun, why, verb = "belongs to") {
  return `which ${ownerNoun} it ${verb} cannot be told (${why})`;
}
function suspectsText(s, owner) {
  const who = s.more ? `${s.first.inst.address} (and other resources like it)` : s.first.inst.address;
  return `${who} may ${s.first.action} ${displayName(owner)}: ${s.first.why}`;
}
function add2(pair2, i) {
  if (!pair2) return { first: i };
  if (i === pair2.first || i === pair2.second) return pair2;
  const all = [pair2.first, ...pair2.second === void 0 ? [] : [pair2.second], i].sort((a, b) => a - b);
  return { first: all[0], second: all[1] };
}
function markSuspectedOwners(ctx, items, owners, options) {
  if (items.length === 0) return;
  items = [...items].sort((a, b) => naturalCompare(a.inst.address, b.inst.address));
  const ANY = "";
  const buckets = /* @__PURE__ */ new Map();
  const byKey = /* @__PURE__ */ new Map();
  const parts = /* @__PURE__ */ new Set();
  const inputs = /* @__PURE__ */ new Map();
  const inputsOf = (inst) => {
    let keys = inputs.get(inst.moduleInstance);
    if (!keys) {
      keys = inst.modules.length > 0 ? ctx.resolver.linkModuleInputs(inst.modules, options.kinds).keys : [];
      inputs.set(inst.moduleInstance, keys);
    }
    return keys;
  };
  const keyed = (key, part, i) => {
    let m = byKey.get(key);
    if (!m) byKey.set(key, m = /* @__PURE__ */ new Map());
    m.set(part, add2(m.get(part), i));
  };
  items.forEach((item, i) => {
    parts.add(item.part);
    for (const key of item.named) keyed(key, item.part, i);
    if (!item.open) return;
    for (const key of inputsOf(item.inst)) keyed(key, item.part, i);
    for (const vpc of item.vpc === void 0 ? [""] : [item.vpc, ANY]) {
      const b = `${item.inst.moduleInstance}\0${vpc}\0${item.part}`;
      buckets.set(b, add2(buckets.get(b), i));
    }
  });
  const ancestors = /* @__PURE__ */ new Map();
  const prefixesOf = (owner) => {
    const inst = ctx.table.byAddress.get(owner.ref.address ?? owner.ref.key);
    if (!inst) return [""];
    let list3 = ancestors.get(inst.moduleInstance);
    if (!list3) {
      list3 = inst.modules.map((_, n) => formatModules(inst.modules.slice(0, n)));
      list3.push(inst.moduleInstance);
      ancestors.set(inst.moduleInstance, list3);
    }
    return list3;
  };
  for (const owner of owners) {
    const prefixes = prefixesOf(owner);
    const vpc = options.vpcOf(owner);
    const own = byKey.get(owner.ref.key);
    for (const part of parts) {
      if (options.accepts && !options.accepts(owner, part)) continue;
      let pair2 = own?.get(part);
      for (const prefix of prefixes) {
        for (const v of ["", vpc ?? ANY]) {
          const found = buckets.get(`${prefix}\0${v}\0${part}`);
          if (!found) continue;
          pair2 = add2(pair2, found.first);
          if (found.second !== void 0) pair2 = add2(pair2, found.second);
        }
      }
      if (pair2) options.mark(owner, part, { first: items[pair2.first], more: pair2.second !== void 0 });
    }
  }
}
function soleVpc(link) {
  if (!link || link.unresolved) return void 0;
  const all = [...link.keys, ...link.external];
  return all.length === 1 ? all[0] : void 0;
}
function also(existing, reason) {
  return existing ? `${existing}; ${reason}` : reason;
}

// src/collect/terraform/endpoint-services.ts
function buildEndpointServices(ctx) {
  for (const inst of instancesOf(ctx, "aws_vpc_endpoint_service")) {
    const ref = refOf(ctx, inst);
    const tags = tagsOf(inst);
    const acceptance = bool(inst, "acceptance_required", void 0);
    const principals = attributePrincipals(ctx, inst);
    const serviceName = str(inst, "service_name");
    const service = {
      ref,
      ...tags ? { tags } : {},
      acceptanceRequired: acceptance ?? unknown(`${inst.address} does not say whether acceptance is required`),
      allowedPrincipals: principals,
      principalRefs: isUnknown(principals) ? {} : Object.fromEntries(principals.map((p) => [p, ref])),
      ...serviceName !== void 0 ? { serviceName } : {}
    };
    ctx.inv.endpointServices.set(ref.key, service);
  }
  const unattached = [];
  for (const inst of instancesOf(ctx, "aws_vpc_endpoint_service_allowed_principal")) {
    const link = ctx.resolver.link(inst, ["vpc_endpoint_service_id"], ["endpoint-service"]);
    const owner = ownershipIn(ctx, link, "endpoint service");
    const service = owner.kind === "one" ? ctx.inv.endpointServices.get(owner.key) : void 0;
    if (service) {
      addPrincipal(service, str(inst, "principal_arn"), declRef(ctx, inst), inst);
      continue;
    }
    if (owner.kind === "one") continue;
    if (owner.kind === "unclear") {
      const consequence = "the allowed principals of the services it may open count as unknown";
      keepUnattached(ctx, unattached, inst, owner, { noun: "endpoint service", verb: "opens", consequence, part: "principals", action: "allow a principal to connect to" });
      continue;
    }
    const why = link.external.length > 0 ? `${link.external.join(", ")} is not in the plan` : "no vpc_endpoint_service_id";
    ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which endpoint service it opens (${why})` });
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.endpointServices.values(), {
    kinds: ["endpoint-service"],
    vpcOf: () => void 0,
    mark: (service, _part, suspects) => {
      if (!isUnknown(service.allowedPrincipals) && service.allowedPrincipals.includes("*")) return;
      service.allowedPrincipals = unknown(suspectsText(suspects, service.ref));
    }
  });
}
function attributePrincipals(ctx, inst) {
  const v = field(inst, "allowed_principals");
  if (isUnknown(v)) {
    return ctx.resolver.expressionOf(inst, ["allowed_principals"]) ? unknown(`the allowed principals of ${inst.address} are known only after apply`) : [];
  }
  if (!Array.isArray(v)) return [];
  if (v.some((_, i) => isUnknown(attr(inst, "allowed_principals", i)))) return unknown(`an allowed principal of ${inst.address} is known only after apply`);
  return v.filter((p) => typeof p === "string" && p !== "");
}
function addPrincipal(service, principal, declaredBy, inst) {
  if (principal === "*" && isUnknown(service.allowedPrincipals)) service.allowedPrincipals = [];
  if (isUnknown(service.allowedPrincipals)) return;
  if (isUnknown(principal) || principal === void 0) {
    if (!service.allowedPrincipals.includes("*")) service.allowedPrincipals = unknown(`the principal of ${inst.address} is known only after apply`);
    return;
  }
  if (!service.allowedPrincipals.includes(principal)) service.allowedPrincipals.push(principal);
  service.principalRefs = { ...service.principalRefs, [principal]: declaredBy };
}

// src/collect/terraform/expression-references.ts
function referenceStrings(expr) {
  const refs = expr?.references;
  return Array.isArray(refs) ? refs.filter((r) => typeof r === "string") : [];
}
var parsedExpressions = /* @__PURE__ */ new WeakMap();
function referencesOf(expr) {
  let parsed = parsedExpressions.get(expr);
  if (!parsed) {
    const all = referenceStrings(expr).map(parseReference);
    parsed = { refs: mostSpecific(all), iterates: all.some((p) => p.kind === "iteration") };
    parsedExpressions.set(expr, parsed);
  }
  return parsed;
}
function mostSpecific(refs) {
  const groups = /* @__PURE__ */ new Map();
  const others = [];
  for (const r of refs) {
    const base = r.kind === "resource" ? `${r.mode}.${r.type}.${r.name}` : r.kind === "module" ? `module.${r.call}` : r.kind === "iteration" ? r.name : void 0;
    if (base === void 0) {
      others.push(r);
      continue;
    }
    const list3 = groups.get(base);
    if (list3) list3.push(r);
    else groups.set(base, [r]);
  }
  const out = [...others];
  for (const list3 of groups.values()) {
    const keyed = list3.filter((r) => "key" in r && r.key !== void 0);
    const pool = keyed.length > 0 ? keyed : list3;
    const byKey = /* @__PURE__ */ new Map();
    for (const r of pool) {
      const k = "key" in r && r.key !== void 0 ? JSON.stringify(r.key) : "";
      const prev = byKey.get(k);
      if (!prev || detail(r) > detail(prev)) byKey.set(k, r);
    }
    out.push(...byKey.values());
  }
  return out;
}
function detail(r) {
  return r.kind === "resource" && r.attribute || r.kind === "module" && r.output || r.kind === "iteration" && r.attribute ? 1 : 0;
}

// src/util/json-string.ts
function jsonContent(s) {
  return JSON.stringify(s).slice(1, -1);
}
function writtenForms(s) {
  const escaped = jsonContent(s);
  return escaped === s ? [s] : [s, escaped];
}

// src/collect/terraform/plan-placeholders.ts
var LINKED_KINDS = ["vpc-endpoint", "vpc", "bucket", "iam-role", "iam-user", "iam-group", "iam-policy", "endpoint-service", "subnet", "security-group"];
function placeholderFor(ctx, inst, attribute) {
  const own = placeholderName(inst.address, attribute);
  if (attribute !== void 0 && /.+_id$/.test(attribute)) {
    const linked = ctx.resolver.link(inst, [attribute], LINKED_KINDS);
    const [key] = linked.keys;
    const target = linked.keys.length === 1 && linked.external.length === 0 ? ctx.inv.refByKey(key) : void 0;
    if (target && target.id === void 0) return { name: placeholderName(key, "id"), keys: [key] };
    return { name: own, keys: linked.keys };
  }
  if (ctx.inv.refByKey(inst.address)) return { name: own, keys: [inst.address] };
  return { name: own, keys: attribute ? ctx.resolver.link(inst, [attribute], LINKED_KINDS).keys : [] };
}
function placeholdersIn(text, placeholders) {
  const out = {};
  for (const [name, keys] of Object.entries(placeholders)) {
    if (writtenForms(name).some((form) => text.includes(form))) out[name] = keys;
  }
  return out;
}

// src/collect/terraform/policy-document-merge.ts
function statementsOf(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) return void 0;
  const s = doc.Statement;
  const list3 = Array.isArray(s) ? s : s === void 0 ? [] : [s];
  return list3.every((x) => x !== null && typeof x === "object" && !Array.isArray(x)) ? list3 : void 0;
}
function sidOf(s) {
  return typeof s.Sid === "string" && s.Sid !== "" ? s.Sid : void 0;
}
function mergeBySid(into, from) {
  const out = [...into];
  for (const s of from) {
    const sid = sidOf(s);
    const at = sid === void 0 ? -1 : out.findIndex((o) => sidOf(o) === sid);
    if (at === -1) out.push(s);
    else out[at] = s;
  }
  return out;
}
function sharedSid(documents) {
  const seen = /* @__PURE__ */ new Set();
  for (const doc of documents) {
    const own = new Set(doc.map(sidOf).filter((x) => x !== void 0));
    for (const sid of own) {
      if (seen.has(sid)) return sid;
      seen.add(sid);
    }
  }
  return void 0;
}

// src/collect/terraform/source-errors.ts
var SourceNotEvaluable = class extends Error {
};
var TerraformError = class extends SourceNotEvaluable {
};
function terraformError(message) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new TerraformError(message);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

// src/collect/terraform/source-references.ts
function checkReferences(expr, planned2, where3) {
  const recorded = new Set(referenceStrings(planned2));
  const traversals = traversalsOfWhole(expr);
  const mismatch2 = () => new SourceNotEvaluable(`its references differ from the ones the plan records (${[...recorded].join(", ") || "none"}), so the source at ${where3} is not the configuration this plan was made from`);
  for (const t of traversals) if (!t.planned.some((r) => recorded.has(r))) throw mismatch2();
  for (const r of recorded) {
    if (!traversals.some((t) => t.text === r || t.text.startsWith(`${r}.`) || t.text.startsWith(`${r}[`) || t.planned.includes(r))) throw mismatch2();
  }
}
var wholeTraversals = /* @__PURE__ */ new WeakMap();
function traversalsOfWhole(expr) {
  let found = wholeTraversals.get(expr);
  if (!found) wholeTraversals.set(expr, found = traversalsOf(expr));
  return found;
}
function traversalsOf(e, bound = /* @__PURE__ */ new Set()) {
  switch (e.t) {
    case "traversal": {
      const inIndexes = e.steps.flatMap((s) => "index" in s && typeof s.index === "object" ? traversalsOf(s.index, bound) : []);
      if (bound.has(e.root)) return inIndexes;
      const computed = computedIndexAt(e);
      const recorded = computed === -1 ? e : { ...e, steps: e.steps.slice(0, computed), text: traversalText(e.root, e.steps.slice(0, computed)) };
      let planned2;
      try {
        planned2 = referencesOf2(recorded).references;
      } catch {
        planned2 = [recorded.text];
      }
      return [{ text: recorded.text, planned: planned2 }, ...inIndexes];
    }
    case "splat": {
      const inEach = e.each.flatMap((s) => "index" in s && typeof s.index === "object" ? traversalsOf(s.index, bound) : []);
      if (e.base.t !== "traversal") return [...traversalsOf(e.base, bound), ...inEach];
      const [base, ...inIndexes] = traversalsOf(e.base, bound);
      return [...base && !bound.has(e.base.root) ? [{ text: e.text, planned: base.planned }] : [], ...inIndexes, ...inEach];
    }
    case "access":
      return [...traversalsOf(e.base, bound), ...e.steps.flatMap((s) => "index" in s && typeof s.index === "object" ? traversalsOf(s.index, bound) : [])];
    case "template":
      return e.parts.flatMap((p) => typeof p === "string" ? [] : traversalsOf(p, bound));
    case "tuple":
      return e.items.flatMap((i) => traversalsOf(i, bound));
    case "object":
      return e.items.flatMap((i) => traversalsOf(i.value, bound));
    case "call":
      return e.args.flatMap((a) => traversalsOf(a, bound));
    case "conditional":
      return [e.cond, e.then, e.else].flatMap((x) => traversalsOf(x, bound));
    case "operation":
      return e.args.flatMap((a) => traversalsOf(a, bound));
    case "for": {
      const inner = /* @__PURE__ */ new Set([...bound, e.value, ...e.key !== void 0 ? [e.key] : []]);
      return [...traversalsOf(e.collection, bound), ...[e.result, e.resultKey, e.cond].flatMap((x) => x ? traversalsOf(x, inner) : [])];
    }
    default:
      return [];
  }
}
function referencesOf2(t) {
  const computed = t.steps.findIndex((s) => "index" in s && typeof s.index === "object");
  if (computed === -1) {
    const forms = [];
    let text = t.root;
    for (const step2 of t.steps) forms.push(text += stepText(step2));
    return { references: forms.reverse() };
  }
  const index = t.steps[computed].index;
  if (index.t !== "traversal" || !["count", "each"].includes(index.root)) throw new SourceNotEvaluable(`${t.text} has an index vpcelint does not evaluate`);
  const rest = t.steps.slice(computed + 1);
  if (rest.length > 1 || rest[0] !== void 0 && !("attr" in rest[0])) throw new SourceNotEvaluable(`${t.text} reads inside an attribute`);
  const base = t.root + t.steps.slice(0, computed).map(stepText).join("");
  const attribute = rest[0] && "attr" in rest[0] ? rest[0].attr : void 0;
  return { references: [base, index.text], ...attribute !== void 0 ? { attribute } : {} };
}
function computedIndexAt(t) {
  return t.steps.findIndex((s) => "index" in s && typeof s.index === "object" && !(s.index.t === "traversal" && ["count", "each"].includes(s.index.root)));
}
function traversalText(root, steps) {
  return root + steps.map(stepText).join("");
}
function stepText(s) {
  if ("attr" in s) return `.${s.attr}`;
  return typeof s.index === "object" ? `[${s.index.t === "traversal" ? s.index.text : "?"}]` : `[${JSON.stringify(s.index)}]`;
}
var NOT_RESOURCES = /* @__PURE__ */ new Set(["var", "local", "module", "each", "count", "path", "terraform", "self"]);
var planned = /* @__PURE__ */ new WeakMap();
function plannedOf(t) {
  let found = planned.get(t);
  if (!found) planned.set(t, found = referencesOf2(t));
  return found;
}
function resourceOf(t) {
  if (NOT_RESOURCES.has(t.root)) return void 0;
  const named = t.root === "data" ? 2 : 1;
  const steps = t.steps.slice(0, named);
  if (steps.length !== named || !steps.every((s) => "attr" in s)) return void 0;
  return { address: [t.root, ...steps.map((s) => s.attr)].join("."), rest: t.steps.slice(named) };
}
function isResource(t) {
  return resourceOf(t)?.rest.length === 0;
}
function declaresResource(ctx, scope, t, indexed) {
  const resource = ctx.complete ? resourceOf(t) : void 0;
  if (!resource) return false;
  const index = resource.rest.slice(0, indexed);
  if (index.length !== indexed || !index.every((s) => "index" in s && typeof s.index !== "object")) return false;
  return ctx.resolver.declares(scope, resource.address);
}

// src/collect/terraform/source-functions.ts
function callFunction(name, args, placeholders) {
  const fn = FUNCTIONS.get(name);
  if (!fn) return { notEvaluated: `it calls ${name}(), which vpcelint does not evaluate` };
  const result2 = fn(args, placeholders);
  if ("notEvaluated" in result2 && args.some((a) => typeof a === "string" && placeholders.mayBeEmpty(a))) return { notEvaluated: `it calls ${name}() on a value known only after apply` };
  return result2;
}
var list = (v) => Array.isArray(v) ? v : void 0;
var sets = /* @__PURE__ */ new WeakSet();
function isSet(v) {
  return Array.isArray(v) && sets.has(v);
}
function asSet(v) {
  sets.add(v);
  return { value: v };
}
function toSet(items, placeholders) {
  const set2 = [...new Set(items)];
  if (set2.every((x) => typeof x === "number")) return asSet(set2.sort((a, b) => a - b));
  if (!placeholders.mentioned(set2) && set2.every((x) => typeof x === "string" || typeof x === "number")) return asSet([...new Set(set2.map(String))].sort(byCodePoint));
  return asSet(set2);
}
function setOperation(name, args, placeholders, op) {
  const scalar = (x) => typeof x === "string" || typeof x === "number";
  if (args.length === 0 || !args.every((a) => Array.isArray(a) && a.every(scalar))) return notEvaluated5(`it calls ${name}() on something that is not a set of strings`);
  if (placeholders.mentioned(args)) return notEvaluated5(`it calls ${name}() on a value known only after apply`);
  const sets2 = args;
  const [first2, ...rest] = sets2.every((a) => a.every((x) => typeof x === "number")) ? sets2 : sets2.map((a) => a.map(String));
  return toSet(op(first2, rest), placeholders);
}
var isMap = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var byCodePoint = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var notEvaluated5 = (why) => ({ notEvaluated: why });
function formatted(name, spec, values) {
  if (typeof spec !== "string") return notEvaluated5(`it calls ${name}() with a format that is not a string`);
  let i = 0;
  let bad = false;
  const out = spec.replace(/%(%|s|d|v)/g, (_m, verb) => {
    if (verb === "%") return "%";
    const v = values[i++];
    if (!["string", "number", "boolean"].includes(typeof v)) bad = true;
    return String(v);
  });
  return bad || i !== values.length || /%[^%sdv]/.test(spec.replace(/%%/g, "")) ? notEvaluated5(`it calls ${name}() in a way vpcelint does not evaluate`) : { value: out };
}
function stringFunction(name, arity, apply) {
  return (args, placeholders) => {
    if (args.length !== arity || !args.every((a) => typeof a === "string")) return notEvaluated5(`it calls ${name}() on something that is not a string`);
    if (args.some((a) => placeholders.mentioned(a))) return notEvaluated5(`it calls ${name}() on a value known only after apply`);
    const value = apply(args);
    return value === void 0 ? notEvaluated5(`it calls ${name}() in a way vpcelint does not evaluate`) : { value };
  };
}
var FUNCTIONS = /* @__PURE__ */ new Map([
  [
    "length",
    (args, placeholders) => {
      const [v] = args;
      if (args.length !== 1) return notEvaluated5("it calls length() with more than one argument");
      if (Array.isArray(v)) return { value: v.length };
      if (typeof v === "string") return placeholders.mentioned(v) ? notEvaluated5("it calls length() on a value known only after apply") : { value: [...v].length };
      if (v !== null && typeof v === "object") return { value: Object.keys(v).length };
      return notEvaluated5("it calls length() on something that has no length");
    }
  ],
  ["jsonencode", (args) => args.length === 1 ? { value: JSON.stringify(args[0]) } : notEvaluated5("it calls jsonencode() with more than one argument")],
  ["concat", (args) => args.every(Array.isArray) ? { value: args.flat() } : notEvaluated5("it calls concat() on something that is not a list")],
  ["flatten", (args) => args.length === 1 && Array.isArray(args[0]) ? { value: args[0].flat(Infinity) } : notEvaluated5("it calls flatten() on something that is not a list")],
  // A copy: tolist() of a set is a list, whose keys are indexes again.
  ["tolist", (args) => args.length === 1 && Array.isArray(args[0]) ? { value: [...args[0]] } : notEvaluated5("it calls tolist() on something that is not a list")],
  ["toset", (args, placeholders) => args.length === 1 && Array.isArray(args[0]) ? toSet(args[0], placeholders) : notEvaluated5("it calls toset() on something that is not a list")],
  ["setunion", (args, placeholders) => args.length > 0 && args.every(Array.isArray) ? toSet(args.flat(), placeholders) : notEvaluated5("it calls setunion() on something that is not a list")],
  // Whether a value known only after apply is among others is not known: then neither is what is common or left.
  ["setintersection", (args, placeholders) => setOperation("setintersection", args, placeholders, (first2, rest) => first2.filter((x) => rest.every((r) => r.includes(x))))],
  ["setsubtract", (args, placeholders) => args.length === 2 ? setOperation("setsubtract", args, placeholders, (first2, [other]) => first2.filter((x) => !other.includes(x))) : notEvaluated5("it calls setsubtract() without two sets")],
  ["distinct", (args) => args.length === 1 && Array.isArray(args[0]) ? { value: [...new Set(args[0])] } : notEvaluated5("it calls distinct() on something that is not a list")],
  [
    "compact",
    (args, placeholders) => {
      const l = args.length === 1 ? list(args[0]) : void 0;
      if (!l) return notEvaluated5("it calls compact() on something that is not a list");
      if (l.some((x) => placeholders.mayBeEmpty(x))) return notEvaluated5("it calls compact() on a value known only after apply");
      return { value: l.filter((x) => x !== "" && x !== null) };
    }
  ],
  [
    "element",
    (args) => {
      const [l, i] = args;
      return Array.isArray(l) && l.length > 0 && Number.isInteger(i) && i >= 0 ? { value: l[i % l.length] } : notEvaluated5("it calls element() in a way vpcelint does not evaluate");
    }
  ],
  [
    "slice",
    (args) => {
      const [l, from, to] = args;
      const fits = args.length === 3 && Array.isArray(l) && Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to && to <= l.length;
      return fits ? { value: l.slice(from, to) } : notEvaluated5("it calls slice() in a way vpcelint does not evaluate");
    }
  ],
  ["one", (args) => args.length === 1 && Array.isArray(args[0]) && args[0].length <= 1 ? { value: args[0].length === 0 ? null : args[0][0] } : notEvaluated5("it calls one() on something that is not a list of at most one element")],
  ["keys", (args) => args.length === 1 && isMap(args[0]) ? { value: Object.keys(args[0]).sort(byCodePoint) } : notEvaluated5("it calls keys() on something that is not an object")],
  ["values", (args) => args.length === 1 && isMap(args[0]) ? { value: Object.keys(args[0]).sort(byCodePoint).map((k) => args[0][k]) } : notEvaluated5("it calls values() on something that is not an object")],
  [
    "contains",
    (args, placeholders) => {
      const [l, v] = args;
      if (args.length !== 2 || !Array.isArray(l) || !["string", "number", "boolean"].includes(typeof v)) return notEvaluated5("it calls contains() in a way vpcelint does not evaluate");
      if (l.includes(v)) return { value: true };
      return placeholders.mentioned(l) || placeholders.mentioned(v) ? notEvaluated5("it calls contains() on a value known only after apply") : { value: false };
    }
  ],
  // The case of a value known only after apply is not its placeholder's: stringFunction does not evaluate them on one.
  ["lower", stringFunction("lower", 1, ([v]) => v.toLowerCase())],
  ["upper", stringFunction("upper", 1, ([v]) => v.toUpperCase())],
  // Go's strings.Title, as Terraform has it: a letter after anything but a letter, digit or underscore.
  ["title", stringFunction("title", 1, ([v]) => v.replace(new RegExp("(^|[^\\p{L}\\p{N}_])(\\p{L})", "gu"), (_m, before, letter) => before + letter.toUpperCase()))],
  ["tostring", (args) => args.length === 1 && ["string", "number", "boolean"].includes(typeof args[0]) ? { value: String(args[0]) } : notEvaluated5("it calls tostring() on something that is not a string")],
  [
    "join",
    (args) => {
      const [sep3, l] = args;
      return typeof sep3 === "string" && Array.isArray(l) && l.every((x) => ["string", "number", "boolean"].includes(typeof x)) ? { value: l.join(sep3) } : notEvaluated5("it calls join() on something that is not a list of strings");
    }
  ],
  ["format", ([spec, ...rest]) => formatted("format", spec, rest)],
  [
    "formatlist",
    // `formatlist("%s/*", var.bucket_arns)`: a list argument gives one result per element, a scalar the same to each.
    ([spec, ...rest]) => {
      const lengths = new Set(rest.filter(Array.isArray).map((l) => l.length));
      if (lengths.size !== 1) return notEvaluated5("it calls formatlist() with no list, or lists of different lengths");
      const out = [];
      for (let i = 0; i < [...lengths][0]; i++) {
        const one = formatted("formatlist", spec, rest.map((a) => Array.isArray(a) ? a[i] : a));
        if ("notEvaluated" in one) return one;
        out.push(one.value);
      }
      return { value: out };
    }
  ],
  ["reverse", ([l, ...rest]) => Array.isArray(l) && rest.length === 0 ? { value: [...l].reverse() } : notEvaluated5("it calls reverse() on something that is not a list")],
  [
    "sort",
    ([l, ...rest], placeholders) => {
      if (!Array.isArray(l) || rest.length > 0 || !l.every((x) => typeof x === "string")) return notEvaluated5("it calls sort() on something that is not a list of strings");
      return placeholders.mentioned(l) ? notEvaluated5("it calls sort() on a value known only after apply") : { value: [...l].sort(byCodePoint) };
    }
  ],
  ["split", stringFunction("split", 2, ([sep3, s]) => sep3 === "" ? void 0 : s.split(sep3))],
  [
    "replace",
    (args, placeholders) => {
      const [s, find, by] = args;
      if (args.length !== 3 || ![s, find, by].every((a) => typeof a === "string")) return notEvaluated5("it calls replace() on something that is not a string");
      const [text, sought, replacement] = [s, find, by];
      if (sought === "" || /^\/.*\/$/.test(sought)) return notEvaluated5("it calls replace() in a way vpcelint does not evaluate");
      if (placeholders.mentioned(sought) || placeholders.mayHold(text, sought)) return notEvaluated5("it calls replace() on a value known only after apply");
      return { value: text.split(sought).join(replacement) };
    }
  ],
  ["trimspace", stringFunction("trimspace", 1, ([s]) => s.trim())],
  ["startswith", stringFunction("startswith", 2, ([s, prefix]) => s.startsWith(prefix))],
  ["endswith", stringFunction("endswith", 2, ([s, suffix]) => s.endsWith(suffix))],
  [
    "jsondecode",
    // `jsondecode(data.aws_iam_policy_document.x.json).Statement`: a placeholder is string content in the text, and
    // stays a string in the value.
    ([text, ...rest]) => {
      if (typeof text !== "string" || rest.length > 0) return notEvaluated5("it calls jsondecode() on something that is not a string");
      try {
        return { value: JSON.parse(text, (_key, v) => v !== null && typeof v === "object" && !Array.isArray(v) ? Object.assign(/* @__PURE__ */ Object.create(null), v) : v) };
      } catch {
        return notEvaluated5("it calls jsondecode() on a text that is not JSON");
      }
    }
  ],
  ["trimprefix", stringFunction("trimprefix", 2, ([s, prefix]) => s.startsWith(prefix) ? s.slice(prefix.length) : s)],
  ["trimsuffix", stringFunction("trimsuffix", 2, ([s, suffix]) => suffix !== "" && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s)],
  [
    "coalescelist",
    (args) => {
      if (!args.every(Array.isArray)) return notEvaluated5("it calls coalescelist() on something that is not a list");
      const first2 = args.find((l) => l.length > 0);
      return first2 ? { value: first2 } : notEvaluated5("it calls coalescelist() with no list that is not empty");
    }
  ],
  ["tomap", ([m, ...rest]) => isMap(m) && rest.length === 0 ? { value: m } : notEvaluated5("it calls tomap() on something that is not an object")],
  [
    "zipmap",
    ([keys, values], placeholders) => {
      if (!Array.isArray(keys) || !Array.isArray(values) || keys.length !== values.length || !keys.every((k) => typeof k === "string")) return notEvaluated5("it calls zipmap() in a way vpcelint does not evaluate");
      if (placeholders.mentioned(keys)) return notEvaluated5("it calls zipmap() with keys known only after apply");
      const out = /* @__PURE__ */ Object.create(null);
      keys.forEach((k, i) => out[k] = values[i]);
      return { value: out };
    }
  ],
  [
    "merge",
    (args) => {
      if (!args.every((a) => a !== null && typeof a === "object" && !Array.isArray(a))) return notEvaluated5("it calls merge() on something that is not an object");
      return { value: Object.assign(/* @__PURE__ */ Object.create(null), ...args) };
    }
  ],
  [
    "coalesce",
    (args, placeholders) => {
      for (const a of args) {
        if (placeholders.mayBeEmpty(a)) return notEvaluated5("it calls coalesce() on a value known only after apply, which may be empty");
        if (a !== null && a !== "") return { value: a };
      }
      return notEvaluated5("it calls coalesce() with no value that is not empty");
    }
  ]
]);
function applyOperator(op, args, placeholders) {
  if (args.some((a2) => placeholders.mentioned(a2))) return notEvaluated5(`its operator ${op} reads a value known only after apply`);
  const [a, b] = args;
  const num3 = (x) => typeof x === "number" ? x : typeof x === "string" && x.trim() !== "" && Number.isFinite(Number(x)) ? Number(x) : void 0;
  const bool2 = (x) => typeof x === "boolean" ? x : x === "true" ? true : x === "false" ? false : void 0;
  const scalar = (x) => x === null || ["string", "number", "boolean"].includes(typeof x);
  let out;
  if (args.length === 1) {
    if (op === "!") out = bool2(a) === void 0 ? void 0 : !bool2(a);
    else if (op === "-") out = num3(a) === void 0 ? void 0 : -num3(a);
  } else if (op === "==" || op === "!=") {
    if (scalar(a) && scalar(b)) out = a === b === (op === "==");
  } else if (op === "&&" || op === "||") {
    const [x, y] = [bool2(a), bool2(b)];
    if (x !== void 0 && y !== void 0) out = op === "&&" ? x && y : x || y;
  } else {
    const [x, y] = [num3(a), num3(b)];
    if (x !== void 0 && y !== void 0) {
      const arithmetic = { "<": () => x < y, ">": () => x > y, "<=": () => x <= y, ">=": () => x >= y, "+": () => x + y, "-": () => x - y, "*": () => x * y, "/": () => y === 0 ? void 0 : x / y, "%": () => y === 0 ? void 0 : x % y };
      out = Object.hasOwn(arithmetic, op) ? arithmetic[op]() : void 0;
    }
  }
  return out === void 0 ? notEvaluated5(`its operator ${op} is applied to values vpcelint does not evaluate it on`) : { value: out };
}

// src/collect/terraform/bucket-values.ts
function bucketValue(ctx, inst, attribute, inPolicy) {
  if (inst.type !== "aws_s3_bucket" || !(attribute === "arn" || inPolicy && (attribute === "id" || attribute === "bucket"))) return void 0;
  const known = attr(inst, "bucket");
  const name = typeof known === "string" && known !== "" ? { value: known, placeholders: {} } : inPolicy ? nameAfterApply(ctx, inst) : void 0;
  if (!name || attribute !== "arn") return name;
  const region = ctx.regions.regionOf(inst);
  if (region === void 0) return void 0;
  return { value: s3Arn(partitionOfRegion(region), name.value), placeholders: name.placeholders };
}
function nameAfterApply(ctx, inst) {
  const { name, keys } = placeholderFor(ctx, inst, "bucket");
  return { value: name, placeholders: { [name]: keys } };
}

// src/collect/terraform/placeholder-text.ts
var HEX_ID_TYPES = /* @__PURE__ */ new Set([
  "aws_vpc",
  "aws_subnet",
  "aws_security_group",
  "aws_route_table",
  "aws_vpc_endpoint",
  "aws_vpc_endpoint_service",
  "aws_internet_gateway",
  "aws_egress_only_internet_gateway",
  "aws_nat_gateway",
  "aws_network_interface",
  "aws_network_acl",
  "aws_ec2_managed_prefix_list",
  "aws_ec2_transit_gateway",
  "aws_vpc_peering_connection",
  "aws_instance",
  "aws_eip"
]);
var PLACEHOLDER = /^<known after apply: (?:.*\.)?(aws_[a-z0-9_]+)\.[^.[]+(?:\[[^\]]*\])?\.([a-z_]+)>$/;
function alphabetOf(name) {
  const [, type, attribute] = PLACEHOLDER.exec(name) ?? [];
  if (type === "aws_s3_bucket" && (attribute === "bucket" || attribute === "id") && !/(^<known after apply: |\.)data\.aws_s3_bucket\./.test(name)) return /^[a-z0-9.-]$/;
  return type !== void 0 && attribute === "id" && HEX_ID_TYPES.has(type) ? /^[a-z0-9-]$/ : void 0;
}
function mayHold(text, sought, names) {
  for (const raw of names) {
    for (const name of writtenForms(raw)) {
      if (mayHoldAt(text, sought, name, alphabetOf(raw))) return true;
    }
  }
  return false;
}
function mayHoldAt(text, sought, name, alphabet) {
  let at = text.indexOf(name);
  if (at === -1) return false;
  if (!alphabet || [...sought].every((c) => alphabet.test(c)) || name.includes(sought)) return true;
  for (; at !== -1; at = text.indexOf(name, at + name.length)) {
    const [before, after] = [text[at - 1], text[at + name.length]];
    if (before === ">" || after === "<" || before !== void 0 && sought.includes(before) || after !== void 0 && sought.includes(after)) return true;
    for (let from = Math.max(0, at - sought.length + 1); from < at + name.length; from++) {
      if (text.startsWith(sought, from) && from + sought.length > at) return true;
    }
  }
  return false;
}

// src/collect/terraform/source-frames.ts
function toCaller(ctx, frame, steps) {
  const [first2, ...rest] = steps;
  const { scope, callers } = frame;
  const depth = scope.modules.length;
  if (!first2 || !("attr" in first2) || depth === 0 || callers?.length !== depth) return void 0;
  const site = callers[depth - 1];
  const expr = site.arguments.get(first2.attr);
  const caller = ctx.resolver.callerOf(scope.modules);
  const planned2 = caller.argument(first2.attr);
  if (!expr || planned2 === void 0 || "constant_value" in planned2) return void 0;
  const forEach = site.arguments.get("for_each");
  const path = frame.path?.length === depth + 1 ? frame.path.slice(0, -1) : void 0;
  return {
    frame: { scope: caller.scope, locals: site.locals, callers: callers.slice(0, depth - 1), forEach: forEach ? { expr: forEach, where: site.where } : void 0, path },
    expr,
    planned: planned2,
    where: site.where,
    rest,
    sensitive: ctx.resolver.isSensitiveVariableIn(scope.modules, first2.attr)
  };
}
function toOutput(ctx, frame, steps) {
  const here = frame.path?.[frame.path.length - 1];
  const [call, ...after] = steps;
  if (!here || !call || !("attr" in call) || frame.path.length !== frame.scope.modules.length + 1) return void 0;
  const keyed = after[0] && "index" in after[0] && typeof after[0].index !== "object" ? after[0].index : void 0;
  const [output, ...rest] = keyed === void 0 ? after : after.slice(1);
  const child = here.calls.get(call.attr);
  if (!output || !("attr" in output) || !child?.module) return void 0;
  if ((child.site.arguments.has("count") || child.site.arguments.has("for_each")) !== (keyed !== void 0)) return void 0;
  const expr = child.module.outputs.get(output.attr);
  const inside = ctx.resolver.childOf(frame.scope, call.attr, keyed);
  const declared = inside.output(output.attr);
  if (!expr || !declared?.expression) return void 0;
  return {
    frame: { scope: inside.scope, locals: child.module.locals, callers: [...frame.callers ?? [], child.site], forEach: void 0, path: [...frame.path, child.module] },
    expr,
    planned: declared.expression,
    where: `the output ${output.attr} of module.${call.attr}`,
    rest,
    sensitive: declared.sensitive
  };
}
function callKeys(ctx, scope, call, site, value, isPlaceholder) {
  const counted = site.arguments.has("count");
  const subject = `the ${counted ? "count" : "for_each"} of module.${call} (${site.where})`;
  const unknown2 = isPlaceholder(value) ? "known only after apply" : void 0;
  let keys;
  if (counted) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new SourceNotEvaluable(`${subject} is ${unknown2 ?? "not a whole number"}`);
    if (value > MAX_INSTANCES) throw new SourceNotEvaluable(`${subject} is ${value}, more instances than vpcelint reads a module call as a whole with`);
    keys = Array.from({ length: value }, (_, i) => i);
  } else if (Array.isArray(value) && value.every((v) => typeof v === "string" && !isPlaceholder(v))) {
    keys = { names: [...new Set(value)].sort() };
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    keys = { names: Object.keys(value).sort() };
  } else {
    throw new SourceNotEvaluable(`${subject} is ${unknown2 ?? "neither a map nor a set of strings vpcelint can tell"}`);
  }
  const given = new Set(Array.isArray(keys) ? keys : keys.names);
  if (ctx.resolver.moduleKeysOf(scope, call).some((k) => k === void 0 || !given.has(k))) {
    throw new SourceNotEvaluable(`the plan has instances of module.${call} that ${subject} does not give: the source is not the plan's configuration`);
  }
  return keys;
}
var MAX_INSTANCES = 1e4;

// src/collect/terraform/source-lazy.ts
var Lazy = class {
  constructor(thunk) {
    this.thunk = thunk;
  }
  thunk;
  running = false;
  done = false;
  result;
  get() {
    if (this.done) return this.result;
    if (this.running) throw new SourceNotEvaluable("a value refers to itself");
    this.running = true;
    try {
      this.result = this.thunk();
      this.done = true;
    } finally {
      this.running = false;
    }
    return this.result;
  }
};
var InstanceValue = class {
  constructor(address, read2) {
    this.address = address;
    this.read = read2;
  }
  address;
  read;
};
function shallow(v) {
  return v instanceof Lazy ? shallow(v.get()) : v;
}
var MAX_NESTING = 200;
function deep(v, nesting = 0) {
  const value = shallow(v);
  if (value instanceof InstanceValue) throw new SourceNotEvaluable(`it uses the whole of ${value.address}, not one of its attributes`);
  if (value === null || typeof value !== "object") return value;
  if (nesting >= MAX_NESTING) throw new SourceNotEvaluable("it holds values nested deeper than vpcelint evaluates");
  if (Array.isArray(value)) return value.map((x) => deep(x, nesting + 1));
  const out = /* @__PURE__ */ Object.create(null);
  for (const [k, x] of Object.entries(value)) out[k] = deep(x, nesting + 1);
  return out;
}
function navigate(value, steps, text) {
  let here = shallow(value);
  for (const step2 of steps) {
    const key = "attr" in step2 ? step2.attr : typeof step2.index === "object" ? void 0 : step2.index;
    if (here instanceof InstanceValue) {
      if (!("attr" in step2)) throw new SourceNotEvaluable(`${text} indexes ${here.address}, which is one instance`);
      here = shallow(here.read(step2.attr));
      continue;
    }
    if (key !== void 0 && here !== null && typeof here === "object" && !Array.isArray(here)) {
      if (!Object.hasOwn(here, key)) throw terraformError(`${text} reads ${JSON.stringify(String(key))}, which its object does not have`);
      here = shallow(here[key]);
      continue;
    }
    if (Array.isArray(here) && typeof key === "number") {
      if (!Number.isInteger(key) || key < 0 || key >= here.length) throw terraformError(`${text} reads element ${key} of a list of ${here.length}`);
      here = shallow(here[key]);
      continue;
    }
    throw new SourceNotEvaluable(`${text} reads what its value does not hold, or by a key vpcelint does not evaluate`);
  }
  return here;
}

// src/collect/terraform/source-values.ts
var JSON_TEMPLATE = /* @__PURE__ */ Symbol("json template");
var SourceEvaluator = class {
  constructor(ctx, inst, source = {}, documentText) {
    this.ctx = ctx;
    this.documentText = documentText;
    this.frame = { scope: ctx.resolver.scopeOf(inst), locals: source.locals, callers: source.callers, forEach: source.forEach, path: source.modulePath };
  }
  ctx;
  documentText;
  /** Placeholders of the values known only after apply, with the nodes each identifies. */
  placeholders = {};
  /** Whether a value it read is one Terraform marks sensitive: then so is the result. */
  sensitive = false;
  /** The names `for` expressions bind, innermost last. */
  scopes = [];
  /** The locals being evaluated (with the depth of their module), innermost last: to stop a local that refers to itself. */
  inLocals = [];
  /** Per frame, what its locals and its for_each evaluated to: read once, and members evaluated once. */
  memo = /* @__PURE__ */ new WeakMap();
  frame;
  /** How deep value() is nested. */
  depth = 0;
  /** An expression's value, every member evaluated. */
  result(e) {
    return deep(this.value(e));
  }
  /**
   * A policy text: `jsonencode(value)`, a template whose text is JSON (a
   * heredoc), or any expression that gives one; null where it gives null (no
   * policy: `try(each.value.policy, null)` for an entry without one).
   */
  document(e) {
    if (e.t === "call" && e.name === "jsonencode" && e.args.length === 1) return JSON.stringify(this.result(e.args[0]));
    if (e.t === "call" && e.name === "templatefile") return this.templateFile(e, JSON_TEMPLATE);
    if (e.t === "template") return this.template(e, JSON_TEMPLATE);
    if (e.t === "unsupported") throw new SourceNotEvaluable(`it is ${e.what} (line ${e.line})`);
    const text = shallow(this.value(e));
    if (text === null) return null;
    if (typeof text !== "string" || this.isPlaceholder(text)) throw new SourceNotEvaluable(typeof text === "string" ? `it is ${text}` : "it is not a policy text");
    try {
      JSON.parse(text);
    } catch {
      throw new SourceNotEvaluable("it does not come to a JSON policy text");
    }
    return text;
  }
  /** An expression's value; an object's members may still be to evaluate (Lazy). */
  value(e) {
    if (this.depth >= MAX_DEPTH) throw new SourceNotEvaluable("it nests deeper than vpcelint evaluates");
    this.depth++;
    try {
      return this.valueOf(e);
    } finally {
      this.depth--;
    }
  }
  valueOf(e) {
    switch (e.t) {
      case "literal":
        return e.value;
      case "template":
        return e.parts.length === 1 && typeof e.parts[0] !== "string" ? this.value(e.parts[0]) : this.template(e);
      case "traversal":
        return this.traversal(e);
      case "splat":
        return this.splat(e);
      case "access":
        return navigate(this.value(e.base), e.steps.map((step2) => this.keyed(step2, e.text)), e.text);
      case "tuple":
        return e.items.map((item) => this.value(item));
      case "object": {
        const out = /* @__PURE__ */ Object.create(null);
        for (const { key, value } of e.items) out[key] = this.later(value);
        return out;
      }
      case "call": {
        if (e.name === "try" || e.name === "can") return this.tryCall(e.name, e.args);
        if (e.name === "lookup" && (e.args.length === 2 || e.args.length === 3)) return this.lookup(e.args);
        if (e.name === "templatefile") return this.templateFile(e);
        if (e.name === "file") return this.fileText(e);
        if ((e.name === "values" || e.name === "keys" || e.name === "length") && e.args.length === 1) return this.membersOf(e.name, e.args[0]);
        return evaluated(callFunction(e.name, e.args.map((a) => this.result(a)), this.placeholderTests));
      }
      case "conditional": {
        const cond = shallow(this.value(e.cond));
        if (typeof cond !== "boolean") throw new SourceNotEvaluable(`its conditional (? :) depends on ${this.isPlaceholder(cond) ? "a value known only after apply" : "something that is not true or false"}`);
        return this.value(cond ? e.then : e.else);
      }
      case "for":
        return this.forExpression(e);
      case "operation":
        return evaluated(applyOperator(e.op, e.args.map((a) => this.result(a)), this.placeholderTests));
      case "unsupported":
        throw new SourceNotEvaluable(`it holds ${e.what} (line ${e.line}), which vpcelint does not evaluate`);
    }
  }
  /** A string for a JSON template: the placeholders in it written as JSON string content (addresses may hold quotes). */
  jsonSafe(v) {
    let out = v;
    for (const name of Object.keys(this.placeholders)) if (out.includes(name)) out = out.split(name).join(jsonContent(name));
    return out;
  }
  isPlaceholder(v) {
    return typeof v === "string" && Object.hasOwn(this.placeholders, v);
  }
  /** Whether a value is, or holds, a placeholder. */
  mentionsPlaceholder(v) {
    if (typeof v === "string") return Object.keys(this.placeholders).some((p) => v.includes(p));
    if (Array.isArray(v)) return v.some((x) => this.mentionsPlaceholder(x));
    if (v !== null && typeof v === "object") return Object.values(v).some((x) => this.mentionsPlaceholder(x));
    return false;
  }
  placeholderTests = {
    mentioned: (v) => this.mentionsPlaceholder(v),
    mayBeEmpty: (v) => typeof v === "string" && v !== "" && Object.keys(this.placeholders).reduce((rest, p) => rest.split(p).join(""), v) === "",
    mayHold: (text, sought) => mayHold(text, sought, Object.keys(this.placeholders))
  };
  /** `[for ...]` and `{for ...}`, each element evaluated with the loop's names bound. */
  forExpression(e) {
    const collection = shallow(this.value(e.collection));
    const entries = Array.isArray(collection) ? collection.map((v, i) => [isSet(collection) ? v : i, v]) : collection !== null && typeof collection === "object" ? Object.entries(collection).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0) : [];
    const what = e.iterator ? "dynamic block" : "for expression";
    if (entries.length === 0 && (collection === null || typeof collection !== "object")) throw new SourceNotEvaluable(`its ${what} (line ${e.line}) runs over ${this.isPlaceholder(collection) ? "a value known only after apply" : "something that is not a list or an object"}`);
    const out = [];
    const object = /* @__PURE__ */ Object.create(null);
    for (const [k, v] of entries) {
      const frame = e.iterator ? /* @__PURE__ */ new Map([[e.value, iteration(k, v)]]) : new Map([[e.value, v], ...e.key !== void 0 ? [[e.key, k]] : []]);
      this.scopes.push(frame);
      try {
        if (e.cond) {
          const keep = shallow(this.value(e.cond));
          if (typeof keep !== "boolean") throw new SourceNotEvaluable(`the condition of its for expression (line ${e.line}) is not true or false`);
          if (!keep) continue;
        }
        if (!e.object) out.push(this.value(e.result));
        else {
          const key = shallow(this.value(e.resultKey));
          if (typeof key !== "string" || this.isPlaceholder(key)) throw new SourceNotEvaluable(`its for expression (line ${e.line}) makes keys vpcelint cannot tell`);
          object[key] = this.later(e.result);
        }
      } finally {
        this.scopes.pop();
      }
    }
    return e.object ? object : out;
  }
  /**
   * `templatefile(path, vars)`: the template the source map read for the call, with only its vars bound, as
   * Terraform renders it (a template sees nothing else).
   */
  templateFile(e, json) {
    const read2 = e.templateFile;
    if (!read2 || "unread" in read2 || !("template" in read2)) throw new SourceNotEvaluable(`it calls templatefile() ${read2 && "unread" in read2 ? read2.unread : "on a template vpcelint did not read"}`);
    if (e.args.length !== 2) throw new SourceNotEvaluable("it calls templatefile() without its vars");
    const vars = shallow(this.value(e.args[1]));
    if (vars === null || typeof vars !== "object" || Array.isArray(vars)) throw new SourceNotEvaluable(`it calls templatefile() with vars that are not an object`);
    const names = new Map(Object.entries(vars));
    const unset = traversalsOf(read2.template, new Set(names.keys()))[0];
    if (unset) throw new SourceNotEvaluable(`its template ${read2.file} reads ${unset.text}, which its vars do not set`);
    if (read2.template.t !== "template") throw new SourceNotEvaluable(`its template ${read2.file} holds ${read2.template.t === "unsupported" ? read2.template.what : "no text"}, which vpcelint does not evaluate`);
    const template = read2.template;
    return this.within(this.frame, [names], () => this.template(template, json));
  }
  /** `file(path)`: the text the source map read for the call. */
  fileText(e) {
    const read2 = e.templateFile;
    if (!read2 || "unread" in read2 || !("text" in read2)) throw new SourceNotEvaluable(`it calls file() ${read2 && "unread" in read2 ? read2.unread : "on a file vpcelint did not read"}`);
    return read2.text;
  }
  /** A template's text; in a JSON template, placeholders are written as JSON string content (their addresses may hold quotes). */
  template(e, json) {
    return e.parts.map((p) => {
      if (typeof p === "string") return p;
      const v = shallow(this.value(p));
      if (typeof v === "string") return json ? this.jsonSafe(v) : v;
      if (typeof v === "number" || typeof v === "boolean") return String(v);
      throw new SourceNotEvaluable("it interpolates a value that is not a string into a string");
    }).join("");
  }
  traversal(t) {
    const bound = this.scopes.findLast((f) => f.has(t.root));
    if (bound) return navigate(bound.get(t.root), this.keys(t.steps, t.text), t.text);
    if (t.root === "path" || t.root === "terraform" || t.root === "self") throw new SourceNotEvaluable(`it reads ${t.text}`);
    if (t.root === "local") return this.local(t);
    if (t.root === "count" || t.root === "each") {
      const iteration2 = this.iteration(t);
      if (iteration2 !== FROM_PLAN) return iteration2;
    }
    const move = t.root === "var" ? toCaller(this.ctx, this.frame, t.steps) : t.root === "module" ? toOutput(this.ctx, this.frame, t.steps.map((s) => this.keyed(s, t.text))) : void 0;
    if (move) return this.moved(move, t.text);
    if (t.root === "module") {
      const whole = this.wholeModule(t);
      if (whole !== NOT_WHOLE) return whole;
    }
    const computed = computedIndexAt(t);
    if (computed !== -1) {
      const before = t.steps.slice(0, computed);
      return navigate(this.traversal({ t: "traversal", root: t.root, steps: before, text: traversalText(t.root, before) }), this.keys(t.steps.slice(computed), t.text), t.text);
    }
    if (isResource(t)) return this.wholeResource(t);
    const { references, attribute } = plannedOf(t);
    const [first2] = t.steps;
    if (t.root === "var" && first2 && "attr" in first2 && this.ctx.resolver.isSensitiveVariableIn(this.frame.scope.modules, first2.attr)) this.sensitive = true;
    const res = this.ctx.resolver.resolveReferencesIn(this.frame.scope, references);
    if (res.unresolved) throw new SourceNotEvaluable(res.unresolved);
    if (res.hits.length === 0 && res.constants.length === 0 && declaresResource(this.ctx, this.frame.scope, t, 1)) {
      throw terraformError(`${t.text} reads an instance the resource does not have`);
    }
    if (res.choices && res.choices.length > 0) throw new SourceNotEvaluable(`${t.text} reads a module without naming an output`);
    if (res.hits.length === 0 && res.constants.length === 1) return res.constants[0];
    if (res.hits.length !== 1 || res.constants.length > 0) throw new SourceNotEvaluable(`${t.text} may be any of ${res.hits.length + res.constants.length} values`);
    const hit = res.hits[0];
    const name = hit.attribute ?? attribute;
    if (name === void 0) throw new SourceNotEvaluable(`${t.text} is a whole resource, not one of its attributes`);
    const value = attr(hit.instance, name);
    if (isSensitive(hit.instance, name)) this.sensitive = true;
    if (!isUnknown(value)) return scalarOrList(value, t.text);
    const bucket = bucketValue(this.ctx, hit.instance, name, this.documentText !== void 0);
    if (bucket) {
      this.addPlaceholders(bucket.placeholders);
      return bucket.value;
    }
    const document = this.documentText?.(hit.instance, name);
    if (document) {
      this.addPlaceholders(document.placeholders);
      return document.text;
    }
    const placeholder = placeholderFor(this.ctx, hit.instance, name);
    this.addPlaceholders({ [placeholder.name]: placeholder.keys });
    return placeholder.name;
  }
  /** Steps with each index that is an expression evaluated here. */
  keys(steps, text) {
    return steps.map((step2) => this.keyed(step2, text));
  }
  /** A step whose index is an expression, with the key it evaluates to. */
  keyed(step2, text) {
    if (!("index" in step2) || typeof step2.index !== "object") return step2;
    const key = shallow(this.value(step2.index));
    if (typeof key !== "string" && typeof key !== "number") throw new SourceNotEvaluable(`${text} is indexed by ${this.isPlaceholder(key) ? "a value known only after apply" : "something that is no key"}`);
    return { index: key };
  }
  /** Placeholders joining this evaluation's; a name keeps the nodes it was first given. */
  addPlaceholders(more) {
    for (const [name, keys] of Object.entries(more)) if (!Object.hasOwn(this.placeholders, name)) this.placeholders[name] = keys;
  }
  /**
   * `aws_s3_bucket.team[*].arn`: the attribute of each instance of a counted
   * resource, in index order (each as `aws_s3_bucket.team[0].arn` reads);
   * of anything else (`var.list[*].id`, `values(x)[*].id`), of each element of its value, or of
   * the value itself when it is not a list, as Terraform has it.
   */
  splat(e) {
    const { base } = e;
    if (base.t === "traversal" && !this.scopes.some((f) => f.has(base.root)) && isResource(base)) {
      const instances = this.resourceInstances(base, `its splat ${e.text}`);
      if (instances.length > 1 && !instances.every((i) => typeof i.key === "number")) throw new SourceNotEvaluable(`its splat ${e.text} runs over a resource with for_each, which is no list`);
      return instances.map(({ key }) => this.traversal({ t: "traversal", root: base.root, steps: [...base.steps, ...key === void 0 ? [] : [{ index: key }], ...e.each], text: e.text }));
    }
    const value = shallow(this.value(base));
    const elements = Array.isArray(value) ? value : value === null ? [] : [value];
    return elements.map((el) => navigate(el, e.each, e.text));
  }
  /**
   * A whole resource (`for b in aws_s3_bucket.team`): a counted one is the
   * list of its instances in index order, one with for_each the object of
   * them by key, any other its one instance; each instance's attributes are
   * read when stepped into, in this frame.
   */
  wholeResource(t) {
    const instances = this.resourceInstances(t, t.text);
    const frame = this.frame;
    const instance = ({ key, address }) => new InstanceValue(
      address,
      (attribute) => this.isolated(frame, () => this.traversal({ t: "traversal", root: t.root, steps: [...t.steps, ...key === void 0 ? [] : [{ index: key }], { attr: attribute }], text: `${address}.${attribute}` }))
    );
    if (instances.length === 1 && instances[0].key === void 0) return instance(instances[0]);
    if (instances.every((i) => typeof i.key === "number")) return instances.map(instance);
    if (!instances.every((i) => typeof i.key === "string")) throw new SourceNotEvaluable(`${t.text} has instances of more than one kind of key`);
    const out = /* @__PURE__ */ Object.create(null);
    for (const i of instances) out[i.key] = instance(i);
    return out;
  }
  /**
   * A whole module call as a value (`module.vpc[*].s3_endpoint_id`, `for m in module.vpc`): with count, the list
   * of its instances in index order; with for_each, the object of them by key; otherwise its one instance; each
   * instance's outputs read when stepped into, as `module.vpc[0].s3_endpoint_id` reads. The keys come from the
   * call's count or for_each in the source, evaluated here, as Terraform does: the plan lists only the instances
   * that hold resources, and a key missing from the list would be a value missing from a policy. NOT_WHOLE where
   * the traversal is not of a whole call, or the source does not have the call.
   */
  wholeModule(t) {
    const [call, index, ...more] = t.steps;
    const { path, scope } = this.frame;
    const here = path?.[path.length - 1];
    if (!call || !("attr" in call) || more.length > 0 || index && !("index" in index) || !here || path.length !== scope.modules.length + 1) return NOT_WHOLE;
    const child = here.calls.get(call.attr);
    if (!child) return NOT_WHOLE;
    const frame = this.frame;
    const name = `module.${call.attr}`;
    const instance = (key) => {
      const address = `${name}${key === void 0 ? "" : `[${JSON.stringify(key)}]`}`;
      return new InstanceValue(
        address,
        (output) => this.isolated(frame, () => this.traversal({ t: "traversal", root: "module", steps: [call, ...key === void 0 ? [] : [{ index: key }], { attr: output }], text: `${address}.${output}` }))
      );
    };
    if (index) return instance(this.keyed(index, t.text).index);
    const keys = this.moduleKeys(child.site, call.attr);
    if (keys === void 0) return instance(void 0);
    if (Array.isArray(keys)) return keys.map(instance);
    const out = /* @__PURE__ */ Object.create(null);
    for (const key of keys.names) out[key] = instance(key);
    return out;
  }
  /** The instance keys of a module call written in this frame's module (source-frames.ts), its count or for_each evaluated once. */
  moduleKeys(site, call) {
    const expr = site.arguments.get("count") ?? site.arguments.get("for_each");
    if (!expr) return void 0;
    const value = this.once(`module.${call}`, () => shallow(this.isolated(this.frame, () => this.value(expr))));
    return callKeys(this.ctx, this.frame.scope, call, site, value, (v) => this.isPlaceholder(v));
  }
  /** The instances a bare resource reference names in this frame's module: a counted resource's in index order. */
  resourceInstances(t, subject) {
    const res = this.ctx.resolver.resolveReferencesIn(this.frame.scope, [t.text]);
    if (!res.unresolved && res.hits.length === 0 && res.constants.length === 0 && declaresResource(this.ctx, this.frame.scope, t, 0)) return [];
    if (res.unresolved || res.hits.length === 0 || res.constants.length > 0) throw new SourceNotEvaluable(`${subject} reads ${res.unresolved ?? "no instance the plan holds"}`);
    const instances = res.hits.map((h) => h.instance);
    return instances.every((i) => typeof i.key === "number") ? instances.sort((a, b) => a.key - b.key) : instances;
  }
  /**
   * `local.name` (and what follows it: `local.cfg.arn`, `local.list[0]`), from
   * the module's source, evaluated in the same instance's scope: a local is
   * the module's, like the expression that reads it.
   */
  local(t) {
    const [first2, ...rest] = t.steps;
    if (!first2 || !("attr" in first2)) throw new SourceNotEvaluable(`it reads ${t.text}`);
    const { locals } = this.frame;
    const expr = locals?.get(first2.attr);
    if (!expr) throw new SourceNotEvaluable(`it reads ${t.text}, which the plan does not record${locals ? " and the module's source does not define" : ""}`);
    const qualified = `${this.frame.scope.modules.length}|${first2.attr}`;
    if (this.inLocals.includes(qualified)) throw new SourceNotEvaluable(`local.${first2.attr} refers to itself through other locals`);
    if (this.inLocals.length >= MAX_LOCAL_DEPTH) throw new SourceNotEvaluable(`local.${first2.attr} is read through more than ${MAX_LOCAL_DEPTH} other locals`);
    this.inLocals.push(qualified);
    try {
      return navigate(this.once(`local.${first2.attr}`, () => this.isolated(this.frame, () => this.value(expr))), this.keys(rest, t.text), t.text);
    } finally {
      this.inLocals.pop();
    }
  }
  /** A value of the current frame, evaluated once (its members then once too). */
  once(key, evaluate2) {
    let values = this.memo.get(this.frame);
    if (!values) this.memo.set(this.frame, values = /* @__PURE__ */ new Map());
    if (!values.has(key)) values.set(key, evaluate2());
    return values.get(key);
  }
  /**
   * `count.index` and `each.key`: the instance's own key. `each.value`: its
   * element of the block's `for_each`, from the source, checked against the
   * references the plan records for the for_each (FROM_PLAN without the
   * source: the resolver follows what the plan shows).
   */
  iteration(t) {
    const [first2, ...rest] = t.steps;
    const name = first2 && "attr" in first2 ? `${t.root}.${first2.attr}` : t.root;
    const { scope, forEach } = this.frame;
    const key = scope.selfKey;
    if (name === "count.index" || name === "each.key") {
      if (typeof key !== (name === "count.index" ? "number" : "string")) throw new SourceNotEvaluable(`it reads ${name} in a block without ${name === "count.index" ? "count" : "for_each"}`);
      return navigate(key, this.keys(rest, t.text), t.text);
    }
    if (name !== "each.value" || !forEach || typeof key !== "string") return FROM_PLAN;
    const collection = this.once("for_each", () => {
      try {
        return this.isolated({ ...this.frame, forEach: void 0 }, () => {
          const v = shallow(this.value(forEach.expr));
          checkReferences(forEach.expr, scope.forEach, forEach.where);
          return v;
        });
      } catch (err) {
        if (err instanceof SourceNotEvaluable) return err;
        throw err;
      }
    });
    if (collection instanceof SourceNotEvaluable) {
      if (this.ctx.resolver.resolveReferencesIn(scope, plannedOf(t).references).unresolved) throw collection;
      return FROM_PLAN;
    }
    const held = Array.isArray(collection) ? collection.includes(key) : collection !== null && typeof collection === "object" && Object.hasOwn(collection, key);
    if (!held) throw new SourceNotEvaluable(`its for_each (${forEach.where}) does not hold the instance's key ${JSON.stringify(key)}`);
    return navigate(Array.isArray(collection) ? key : collection[key], this.keys(rest, t.text), t.text);
  }
  /**
   * `try(a, b, ...)`: the first argument that Terraform can evaluate;
   * `can(a)`: whether it can. Only a Terraform error (an attribute the object
   * does not have) makes one fail: what the evaluator cannot tell is not evaluated.
   */
  tryCall(name, args) {
    for (const a of args) {
      try {
        const v = this.value(a);
        return name === "can" ? true : v;
      } catch (err) {
        if (!(err instanceof TerraformError)) throw err;
        if (name === "can") return false;
      }
    }
    throw terraformError(`none of the arguments of its ${name}() can be evaluated`);
  }
  /**
   * `lookup(map, key, default)`: the member under the key, evaluated alone
   * (the map's other members need not evaluate), else the default; without
   * one, an error in Terraform too.
   */
  lookup([map, key, fallback]) {
    const m = shallow(this.value(map));
    const k = shallow(this.value(key));
    if (m === null || typeof m !== "object" || Array.isArray(m) || typeof k !== "string" || this.isPlaceholder(k)) throw new SourceNotEvaluable("it calls lookup() in a way vpcelint does not evaluate");
    if (Object.hasOwn(m, k)) return shallow(m[k]);
    if (fallback) return this.value(fallback);
    throw terraformError(`it calls lookup() for ${JSON.stringify(k)}, which the object does not have, with no default`);
  }
  /**
   * `values(m)`, `keys(m)`, `length(x)`: the members are not evaluated here, so that instances of a resource or
   * module (`values(module.edge)[*].s3_endpoint_id`, `length(module.vpc)`) stay instances, stepped into after.
   */
  membersOf(name, arg) {
    const m = shallow(this.value(arg));
    if (m instanceof InstanceValue) throw new SourceNotEvaluable(`it calls ${name}() on the whole of ${m.address}`);
    return evaluated(callFunction(name, [m], this.placeholderTests));
  }
  /** An object member, evaluated when read, where it is written: in this frame, with the for expression's names bound now. */
  later(e) {
    const frame = this.frame;
    const scopes = [...this.scopes];
    return new Lazy(() => this.frame === frame ? this.within(frame, scopes, () => this.value(e)) : this.within(frame, scopes, () => elsewhere(() => this.value(e))));
  }
  /**
   * A value written in another module (source-frames.ts: a module's variable
   * in its caller, an output in its module), evaluated there and checked
   * against the references the plan records for it.
   */
  moved(move, text) {
    if (move.sensitive) this.sensitive = true;
    const value = this.isolated(move.frame, () => {
      const v = this.value(move.expr);
      checkReferences(move.expr, move.planned, move.where);
      return v;
    });
    return navigate(value, this.keys(move.rest, text), text);
  }
  /** Evaluates in a frame of its own: a local or a caller's argument sees its module's names, not those of the for expression that reads it. */
  isolated(frame, evaluate2) {
    return this.within(frame, [], () => elsewhere(evaluate2));
  }
  /** Evaluates in a frame with the given `for` names bound, then puts back what was. */
  within(frame, scopes, evaluate2) {
    const saved = this.frame;
    const savedScopes = this.scopes.splice(0, this.scopes.length, ...scopes);
    this.frame = frame;
    try {
      return evaluate2();
    } finally {
      this.frame = saved;
      this.scopes.splice(0, this.scopes.length, ...savedScopes);
    }
  }
};
function elsewhere(evaluate2) {
  try {
    return evaluate2();
  } catch (err) {
    if (err instanceof TerraformError) throw new SourceNotEvaluable(`${err.message}, an error Terraform would have stopped at`);
    throw err;
  }
}
function iteration(key, value) {
  const out = /* @__PURE__ */ Object.create(null);
  out.key = key;
  out.value = value;
  return out;
}
function evaluated(result2) {
  if ("notEvaluated" in result2) throw new SourceNotEvaluable(result2.notEvaluated);
  return result2.value;
}
var NOT_WHOLE = /* @__PURE__ */ Symbol("not a whole module");
var FROM_PLAN = /* @__PURE__ */ Symbol("from the plan");
var MAX_DEPTH = 500;
var MAX_LOCAL_DEPTH = 32;
function evaluateSource(ctx, inst, found, planned2, documentText) {
  const evaluator = new SourceEvaluator(ctx, inst, found, documentText);
  const value = evaluator.result(found.expr);
  checkReferences(found.expr, planned2, found.where);
  return { value, placeholders: evaluator.placeholders };
}
function scalarOrList(v, text) {
  if (v === null || ["string", "number", "boolean"].includes(typeof v)) return v;
  if (Array.isArray(v) && v.every((x) => ["string", "number", "boolean"].includes(typeof x))) return v;
  throw new SourceNotEvaluable(`${text} is ${Array.isArray(v) ? "a list of structured values" : "a structured value"} or partly known`);
}

// src/collect/terraform/policy-document-statements.ts
var LISTS = [
  ["actions", "Action"],
  ["not_actions", "NotAction"],
  ["resources", "Resource"],
  ["not_resources", "NotResource"]
];
var PRINCIPALS = [
  ["principals", "Principal"],
  ["not_principals", "NotPrincipal"]
];
var LIST_FIELDS = LISTS.map(([field2]) => field2);
var PRINCIPAL_FIELDS = PRINCIPALS.map(([field2]) => field2);
var SET_KEYS = { condition: ["test", "variable"], principals: ["type"], not_principals: ["type"] };
function statementJson(parts) {
  const s = {};
  if (parts.sid !== void 0) s.Sid = parts.sid;
  s.Effect = parts.effect ?? "Allow";
  for (const [field2, element] of LISTS) {
    const list3 = parts.lists[field2];
    if (list3 !== void 0 && list3.length > 0) s[element] = list3;
  }
  for (const [field2, element] of PRINCIPALS) {
    const blocks = parts.principals[field2] ?? [];
    if (blocks.length === 0) continue;
    const principal = /* @__PURE__ */ Object.create(null);
    for (const b of blocks) principal[b.type] = [...principal[b.type] ?? [], ...b.identifiers];
    const types = Object.keys(principal);
    s[element] = types.length === 1 && types[0] === "*" ? "*" : principal;
  }
  const conditions = /* @__PURE__ */ Object.create(null);
  for (const c of parts.conditions) {
    const block = conditions[c.test] ??= /* @__PURE__ */ Object.create(null);
    block[c.variable] = [...block[c.variable] ?? [], ...c.values];
  }
  if (Object.keys(conditions).length > 0) s.Condition = conditions;
  return s;
}
function statementsFromSource(ctx, doc, found, config, documentText) {
  try {
    const evaluator = new SourceEvaluator(ctx, doc, found, documentText);
    const value = evaluator.result(found.expr);
    checkStaticBlocks(found.expr, config, "statement", found.where);
    const statements = new PlanAgreement(doc, evaluator.placeholders).statements(value);
    return { statements: statements.map(statementJson), placeholders: evaluator.placeholders };
  } catch (err) {
    if (err instanceof SourceNotEvaluable) return { why: err.message };
    throw err;
  }
}
var NESTED = { statement: ["principals", "not_principals", "condition"] };
function checkStaticBlocks(list3, holder, name, where3) {
  const configs = blockExpressions(holder, name) ?? [];
  const statics = list3.t === "call" ? list3.args.flatMap((part) => part.t === "tuple" ? part.items : []) : [];
  if (statics.length !== configs.length) throw new SourceNotEvaluable(`it writes ${statics.length} static ${name} block(s) where the plan records ${configs.length}, so the source at ${where3} is not the configuration this plan was made from`);
  statics.forEach((block, i) => {
    if (block.t !== "object") return;
    for (const { key, value } of block.items) {
      if (NESTED[name]?.includes(key)) checkStaticBlocks(value, configs[i], key, where3);
      else checkReferences(value, expressionAt(configs[i], [key]), where3);
    }
  });
}
var PlanAgreement = class {
  constructor(doc, placeholders) {
    this.doc = doc;
    this.placeholders = placeholders;
  }
  doc;
  placeholders;
  statements(value) {
    const planned2 = this.plannedList(["statement"], "statement blocks");
    const written = this.objects(value, "statement");
    if (written.length !== planned2.length) throw this.differ(`${written.length} statement(s)`, `${planned2.length}`);
    return written.map((s, k) => this.statement(s, ["statement", k]));
  }
  statement(s, path) {
    const sid = this.scalar(s.sid, [...path, "sid"], true);
    const effect = this.scalar(s.effect, [...path, "effect"], false);
    const lists = {};
    for (const field2 of LIST_FIELDS) lists[field2] = this.list(s[field2], [...path, field2]);
    const principals = {};
    for (const field2 of PRINCIPAL_FIELDS) {
      principals[field2] = this.blocks(s[field2], [...path, field2], SET_KEYS[field2], (b, at) => ({ type: this.required(b.type, [...at, "type"]), identifiers: this.list(b.identifiers, [...at, "identifiers"]) }));
    }
    const conditions = this.blocks(s.condition, [...path, "condition"], SET_KEYS.condition, (b, at) => ({
      test: this.required(b.test, [...at, "test"]),
      variable: this.required(b.variable, [...at, "variable"]),
      values: this.list(b.values, [...at, "values"])
    }));
    return { ...sid !== void 0 ? { sid } : {}, ...effect !== void 0 ? { effect } : {}, lists, principals, conditions };
  }
  /**
   * Nested blocks of a set (principals, conditions), which Terraform reorders: each block the plan holds paired
   * with a written one of the same identifying arguments that agrees with it, and read.
   */
  blocks(value, path, keys, read2) {
    const name = String(path[path.length - 1]);
    const planned2 = this.plannedList(path, `${name} blocks`);
    const free = this.objects(value, name);
    if (free.length !== planned2.length) throw this.differ(`${free.length} ${name} block(s)`, `${planned2.length}`, path);
    return planned2.map((_, i) => {
      const at = [...path, i];
      const want = keys.map((k) => attrAt(this.doc, [...at, k]));
      const unknown2 = keys.find((_2, n) => isUnknown(want[n]));
      if (unknown2 !== void 0) throw new SourceNotEvaluable(`the ${unknown2} of a ${name} block is known only after apply`);
      let why;
      for (const [j, b] of free.entries()) {
        if (!keys.every((k, n) => textOf(b[k]) === want[n])) continue;
        try {
          const parts = read2(b, at);
          free.splice(j, 1);
          return parts;
        } catch (err) {
          if (!(err instanceof SourceNotEvaluable)) throw err;
          why ??= err;
        }
      }
      throw why ?? this.differ(`no ${name} block with ${keys.map((k, n) => `${k} ${JSON.stringify(want[n])}`).join(", ")}`, "one", path);
    });
  }
  /** A scalar argument: the plan's value where it knows it (the source must agree), else the source's placeholder. */
  scalar(value, path, placeholderOk) {
    const planned2 = attrAt(this.doc, path);
    const text = textOf(value);
    const name = String(path[path.length - 1]);
    if (isUnknown(planned2)) {
      if (text !== void 0 && (placeholderOk || !this.mentionsPlaceholder(text))) return text;
      throw new SourceNotEvaluable(`its ${name} is known only after apply`);
    }
    if (text !== planned2) throw this.differ(`${name} ${JSON.stringify(text)}`, JSON.stringify(planned2), path);
    return text;
  }
  /** An argument a block must have (a principal's type, a condition's test and variable). */
  required(value, path) {
    const text = this.scalar(value, path, false);
    if (text === void 0) throw new SourceNotEvaluable(`a ${path[path.length - 3]} block has no ${path[path.length - 1]}`);
    return text;
  }
  /**
   * A list argument (a set, for IAM): every element the plan knows among the written ones, and as many others
   * as the plan has elements known only after apply. A list known only after apply as a whole is the source's.
   */
  list(value, path) {
    const items = value === null || value === void 0 ? [] : Array.isArray(value) ? value.map(textOf) : [void 0];
    if (!items.every((x) => x !== void 0)) throw new SourceNotEvaluable(`its ${path[path.length - 1]} is not a list of strings`);
    const planned2 = attrAt(this.doc, path);
    if (isUnknown(planned2)) return items;
    const plannedItems = Array.isArray(planned2) ? planned2 : [];
    const rest = [...items];
    let unknowns = 0;
    plannedItems.forEach((p, i) => {
      if (isUnknown(attrAt(this.doc, [...path, i]))) return void unknowns++;
      const at = rest.indexOf(textOf(p) ?? "");
      if (at === -1) throw this.differ(`no ${JSON.stringify(p)} in ${path[path.length - 1]}`, "it", path);
      rest.splice(at, 1);
    });
    if (rest.length !== unknowns) throw this.differ(`${path[path.length - 1]} ${JSON.stringify(items)}`, "other values", path);
    return items;
  }
  plannedList(path, what) {
    const planned2 = attrAt(this.doc, path);
    if (isUnknown(planned2)) throw new SourceNotEvaluable(`its ${what} are known only after apply`);
    return Array.isArray(planned2) ? planned2 : [];
  }
  objects(value, name) {
    if (!Array.isArray(value) || !value.every((b) => b !== null && typeof b === "object" && !Array.isArray(b))) throw new SourceNotEvaluable(`its ${name} blocks do not come to a list of blocks`);
    return [...value];
  }
  mentionsPlaceholder(text) {
    return Object.keys(this.placeholders).some((p) => text.includes(p));
  }
  differ(written, planned2, path = []) {
    const at = path.length > 0 ? ` at ${path.join(".")}` : "";
    return new SourceNotEvaluable(`the source writes ${written}${at} where the plan holds ${planned2}, so it is not the configuration this plan was made from`);
  }
};
function textOf(v) {
  if (typeof v === "string") return v === "" ? void 0 : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return void 0;
}

// src/collect/terraform/iam-policy-document.ts
function isPolicyDocument(inst) {
  return inst.mode === "data" && inst.type === "aws_iam_policy_document";
}
function rebuiltDocumentText(ctx) {
  return (inst, attribute) => {
    if (!isPolicyDocument(inst) || attribute !== "json" && attribute !== "minified_json") return void 0;
    const rebuilt = rebuildPolicyDocument(ctx, inst);
    return rebuilt.kind === "document" ? rebuilt : void 0;
  };
}
var CannotRebuild = class extends Error {
};
function constantOf(expr) {
  return expr && "constant_value" in expr ? expr.constant_value : void 0;
}
var rebuiltOf = /* @__PURE__ */ new WeakMap();
function rebuildPolicyDocument(ctx, doc) {
  const json = field(doc, "json");
  if (typeof json === "string") return { kind: "document", text: json, placeholders: {} };
  let cache2 = rebuiltOf.get(ctx);
  if (!cache2) rebuiltOf.set(ctx, cache2 = /* @__PURE__ */ new Map());
  let rebuilt = cache2.get(doc);
  if (!rebuilt) {
    cache2.set(doc, { kind: "unknown", reason: `${doc.address} is known only after apply and merges itself` });
    cache2.set(doc, rebuilt = rebuild2(ctx, doc));
    if (rebuilt.inexact) ctx.sourceDocuments.push(doc);
  }
  return rebuilt;
}
function rebuildWithSources(ctx, lookups) {
  const out = /* @__PURE__ */ new Map();
  if (lookups.size === 0) return out;
  let cache2 = rebuiltOf.get(ctx);
  if (!cache2) rebuiltOf.set(ctx, cache2 = /* @__PURE__ */ new Map());
  const redo = (doc) => {
    const again = rebuild2(ctx, doc, lookups.get(doc));
    const before = cache2.get(doc);
    const same = again.kind === "document" ? before?.kind === "document" && before.text === again.text : before?.kind === "document" || before?.reason === again.reason;
    if (same) return false;
    cache2.set(doc, again);
    out.set(doc, again);
    return true;
  };
  for (const doc of lookups.keys()) redo(doc);
  const merging = [...instancesOf(ctx, "data.aws_iam_policy_document")].filter((d) => MERGES.some((m) => attr(d, m) !== void 0 && attr(d, m) !== null));
  for (let round = 0; round < merging.length && merging.map(redo).some(Boolean); round++) ;
  return out;
}
var MERGES = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"];
function rebuild2(ctx, doc, source) {
  const rebuilder = new Rebuilder(ctx, doc, source);
  try {
    return rebuilder.run();
  } catch (err) {
    if (!(err instanceof CannotRebuild)) throw err;
    const { inexact, sourceFailure } = rebuilder;
    const source2 = sourceFailure ? `; its source (${sourceFailure.where}) cannot be evaluated from the plan either: ${sourceFailure.why}` : "";
    return { kind: "unknown", reason: `${doc.address} is known only after apply and cannot be rebuilt from the plan: ${err.message}${source2}`, ...inexact.length > 0 ? { inexact } : {} };
  }
}
var Rebuilder = class {
  constructor(ctx, doc, source) {
    this.ctx = ctx;
    this.doc = doc;
    this.source = source;
    this.config = ctx.resolver.configOf(doc)?.expressions;
  }
  ctx;
  doc;
  source;
  placeholders = {};
  config;
  /** The lists met so far that the source could read exactly (kept for a rebuild that failed on one of them). */
  inexact = [];
  /** The first source expression that could not be evaluated, and why. */
  sourceFailure;
  run() {
    const sources = this.mergedDocuments("source_policy_documents", "source_json");
    const overrides = this.mergedDocuments("override_policy_documents", "override_json");
    const version = this.scalar(["version"], false);
    const id = this.scalar(["policy_id"], true);
    const expanded = this.source?.(["statement"]);
    const own = expanded ? this.statementsFromSource(expanded) : this.blocks(["statement"], this.config, "statement", []).map(({ path, config, at }) => statementJson(this.statement(path, config, at)));
    const out = { Version: version ?? "2012-10-17" };
    if (id !== void 0) out.Id = id;
    if (sources.documents.length === 0 && overrides.documents.length === 0) out.Statement = own;
    else {
      const dup = sharedSid(sources.documents);
      if (dup !== void 0) throw new CannotRebuild(`its source documents share the Sid ${JSON.stringify(dup)}, which Terraform refuses`);
      const clash = overrides.unknowns > 1 ? sharedSid(overrides.documents) : void 0;
      if (clash !== void 0) throw new CannotRebuild(`override documents known only after apply share the Sid ${JSON.stringify(clash)}, and their order cannot be told`);
      out.Statement = [mergeBySid(sources.documents.flat(), own), ...overrides.documents].reduce((merged, doc) => mergeBySid(merged, doc));
    }
    const text = JSON.stringify(out);
    return { kind: "document", text, placeholders: placeholdersIn(text, this.placeholders), ...this.inexact.length > 0 ? { inexact: this.inexact } : {} };
  }
  /**
   * The documents a merge argument names (a list, or its older single-text
   * form): known texts as they are; one known only after apply, another
   * policy document of the plan, rebuilt. `unknowns`: how many were.
   */
  mergedDocuments(listField, textField) {
    const list3 = attr(this.doc, listField);
    const text = attr(this.doc, textField);
    const present = (v) => isUnknown(v) || typeof v === "string" && v !== "" || Array.isArray(v) && v.length > 0;
    if (!present(list3) && !present(text)) return { documents: [], unknowns: 0 };
    if (present(list3) && present(text)) throw new CannotRebuild(`it sets both ${listField} and ${textField}`);
    const [field2, values] = present(list3) ? [listField, list3] : [textField, [text]];
    if (isUnknown(values)) {
      const documents = this.documentsFromSource(field2);
      if (!documents) throw new CannotRebuild(`its ${field2} is known only after apply`);
      return { documents, unknowns: 0 };
    }
    if (!Array.isArray(values)) throw new CannotRebuild(`its ${field2} is not a list`);
    const slots = values.map((v, i) => {
      if (isUnknown(field2 === textField ? text : attr(this.doc, field2, i))) return void 0;
      const statements = typeof v === "string" ? statementsOf(v) : void 0;
      if (!statements) throw new CannotRebuild(`an element of its ${field2} is not a policy document`);
      return statements;
    });
    const unknowns = slots.filter((x) => x === void 0).length;
    if (unknowns === 0) return { documents: slots, unknowns };
    const res = this.ctx.resolver.resolveExpression(this.doc, expressionAt(this.config, [field2]) ?? {});
    const read2 = res.hits.filter((h) => !isPolicyDocument(h.instance) || !(h.attribute === void 0 || h.attribute === "json" || h.attribute === "minified_json") || isUnknown(attr(h.instance, h.attribute ?? "json")));
    const docs = read2.filter((h) => isPolicyDocument(h.instance));
    if (res.unresolved || docs.length !== read2.length || docs.length !== unknowns) throw new CannotRebuild(`${unknowns} document(s) of its ${field2} are known only after apply and cannot be told apart`);
    const rebuilt = docs.map((h) => {
      const r = rebuildPolicyDocument(this.ctx, h.instance);
      if (r.kind === "unknown") throw new CannotRebuild(`it merges ${h.instance.address}, which cannot be rebuilt either`);
      const statements = statementsOf(r.text);
      if (!statements) throw new CannotRebuild(`it merges ${h.instance.address}, which is not a policy document`);
      this.addPlaceholders(r.placeholders);
      return statements;
    });
    let next = 0;
    return { documents: slots.map((x) => x ?? rebuilt[next++]), unknowns };
  }
  /**
   * A merge argument known only after apply as a whole (`compact([cond ? a.json : "", var.policy])`, as modules
   * write it): which documents it holds, and their order, from the `.tf` source, each document known only after
   * apply rebuilt. Undefined unless every element is a policy document.
   */
  documentsFromSource(field2) {
    const evaluated2 = this.evaluateAt([field2], expressionAt(this.config, [field2]));
    if (!evaluated2) return void 0;
    const texts = field2.endsWith("_json") ? [evaluated2.value] : evaluated2.value;
    if (!Array.isArray(texts)) return void 0;
    const documents = texts.map((t) => typeof t === "string" ? statementsOf(t) : void 0);
    if (!documents.every((d) => d !== void 0)) return void 0;
    this.addPlaceholders(evaluated2.placeholders);
    return documents;
  }
  /** `at`: where the block is in the source, by configuration order (sets are reordered in the plan). */
  statement(path, config, at) {
    const sid = this.scalar([...path, "sid"], true, config);
    const effect = this.scalar([...path, "effect"], false, config);
    const lists = {};
    for (const field2 of LIST_FIELDS) lists[field2] = this.list([...path, field2], config, [...at, field2]);
    const principals = {};
    for (const field2 of PRINCIPAL_FIELDS) {
      principals[field2] = this.blocks([...path, field2], config, field2, at).map((b) => {
        const type = this.scalar([...b.path, "type"], false, b.config);
        if (type === void 0) throw new CannotRebuild(`a ${field2} block has no type`);
        return { type, identifiers: this.list([...b.path, "identifiers"], b.config, [...b.at, "identifiers"]) ?? [] };
      });
    }
    const conditions = this.blocks([...path, "condition"], config, "condition", at).map((b) => {
      const test = this.scalar([...b.path, "test"], false, b.config);
      const variable = this.scalar([...b.path, "variable"], false, b.config);
      if (test === void 0 || variable === void 0) throw new CannotRebuild("a condition block has no test or variable");
      return { test, variable, values: this.list([...b.path, "values"], b.config, [...b.at, "values"]) ?? [] };
    });
    return { ...sid !== void 0 ? { sid } : {}, ...effect !== void 0 ? { effect } : {}, lists, principals, conditions };
  }
  /**
   * The statements of a document that `dynamic` blocks write (the plan's configuration lists only the static
   * ones), from the source's expansion of them.
   */
  statementsFromSource(found) {
    const from = statementsFromSource(this.ctx, this.doc, found, this.config, rebuiltDocumentText(this.ctx));
    if ("why" in from) throw new CannotRebuild(`dynamic blocks write its statements, and their source (${found.where}) cannot be evaluated: ${from.why}`);
    this.addPlaceholders(from.placeholders);
    return from.statements;
  }
  /**
   * Nested blocks: their count in `after` must equal the configuration's, or
   * dynamic blocks are hiding some. `condition` and `principals` are sets, so
   * Terraform reorders them: each is paired with the configuration block whose
   * constant keys (test and variable, or type) it has.
   */
  blocks(path, parentConfig, name, parentAt) {
    const v = attr(this.doc, ...path);
    if (isUnknown(v)) throw new CannotRebuild(`its ${name} blocks are known only after apply`);
    const list3 = Array.isArray(v) ? v : [];
    const configs = blockExpressions(parentConfig, name) ?? [];
    if (configs.length !== list3.length) {
      if (!this.source && !this.inexact.some((p) => p.length === 1 && p[0] === "statement")) this.inexact.push(["statement"]);
      throw new CannotRebuild(`it has ${list3.length} ${name} block(s) but the configuration shows ${configs.length} (dynamic blocks are not in the plan)`);
    }
    const keys = SET_KEYS[name];
    if (!keys) return list3.map((_, i) => ({ path: [...path, i], config: configs[i], at: [...parentAt, name, i] }));
    const free = new Set(configs.map((_, j) => j));
    return list3.map((_, i) => {
      const want = keys.map((k) => attr(this.doc, ...path, i, k));
      const j = [...free].find((c) => keys.every((k, n) => constantOf(expressionAt(configs[c], [k])) === want[n]));
      if (j === void 0) throw new CannotRebuild(`a ${name} block cannot be matched with its configuration`);
      free.delete(j);
      return { path: [...path, i], config: configs[j], at: [...parentAt, name, j] };
    });
  }
  scalar(path, placeholderOk, config) {
    const v = attr(this.doc, ...path);
    if (v === void 0) return void 0;
    const name = path[path.length - 1];
    if (!isUnknown(v)) return scalarText(v, name);
    if (!placeholderOk) throw new CannotRebuild(`its ${name} is known only after apply`);
    const hits = this.hits(expressionAt(config ?? this.config, [name]), name);
    if (hits.length !== 1) throw new CannotRebuild(`its ${name} is built from ${hits.length === 0 ? "nothing the plan shows" : "several values"}`);
    return hits[0];
  }
  /** A list argument: known elements as they are, unknown ones as placeholders of what they are built from. */
  list(path, config, at) {
    const field2 = path[path.length - 1];
    const v = attr(this.doc, ...path);
    if (v === void 0) return void 0;
    const expr = expressionAt(config, [field2]);
    if (isUnknown(v)) {
      const exact2 = this.fromSource(at, expr, void 0);
      if (exact2) return exact2;
      if (!expr || !singleTraversal(expr)) throw new CannotRebuild(`its ${field2} list is known only after apply and built from more than one value`);
      const hits2 = this.hits(expr, field2);
      if (hits2.length === 0) throw new CannotRebuild(`its ${field2} list is known only after apply`);
      return hits2;
    }
    if (!Array.isArray(v)) return [scalarText(v, field2)];
    const out = [];
    let unknowns = 0;
    v.forEach((x, i) => {
      if (isUnknown(attr(this.doc, ...path, i))) unknowns++;
      else if (x !== null && x !== void 0) out.push(scalarText(x, field2));
    });
    if (unknowns === 0) return out;
    const exact = this.fromSource(at, expr, v.map((x, i) => isUnknown(attr(this.doc, ...path, i)) ? void 0 : x));
    if (exact) return exact;
    const hits = this.hits(expr, field2);
    if (hits.length === 1 || hits.length === unknowns) return [...out, ...hits];
    throw new CannotRebuild(`${unknowns} element(s) of its ${field2} are known only after apply and come from ${hits.length} different values`);
  }
  /**
   * A list whose elements are known only after apply, from the `.tf` source:
   * each element exactly (`"${aws_s3_bucket.x.arn}/*"` is not the bucket
   * ARN). Used only when the source names what the plan records and agrees
   * with every element the plan knows (lists are sets here: in any order);
   * else undefined, and the elements are taken from what they reference.
   */
  fromSource(at, expr, known) {
    const evaluated2 = this.evaluateAt(at, expr);
    if (!evaluated2) return void 0;
    const items = Array.isArray(evaluated2.value) ? evaluated2.value : [evaluated2.value];
    if (!items.every((x) => typeof x === "string")) return void 0;
    if (known) {
      if (known.length !== items.length) return void 0;
      const rest = [...items];
      for (const k of known) {
        if (k === void 0) continue;
        const i = rest.indexOf(k);
        if (i === -1) return void 0;
        rest.splice(i, 1);
      }
    }
    this.addPlaceholders(evaluated2.placeholders);
    return items;
  }
  /**
   * The source of an argument of the document's block, evaluated against the plan's expression for it; undefined
   * where it cannot be. Without a source (the first rebuild) the path is noted as one the source could read.
   */
  evaluateAt(at, expr) {
    const found = this.source?.(at);
    if (!found) {
      if (!this.source) this.inexact.push(at);
      return void 0;
    }
    try {
      return evaluateSource(this.ctx, this.doc, found, expr, rebuiltDocumentText(this.ctx));
    } catch (err) {
      if (!(err instanceof SourceNotEvaluable)) throw err;
      this.sourceFailure ??= { where: found.where, why: err.message };
      return void 0;
    }
  }
  /** Placeholders of another rebuild or evaluation joining this document's; a name keeps the nodes it was first given. */
  addPlaceholders(more) {
    for (const [name, keys] of Object.entries(more)) if (!Object.hasOwn(this.placeholders, name)) this.placeholders[name] = keys;
  }
  /** Placeholders for the values known only after apply that an expression reads. */
  hits(expr, field2) {
    if (!expr) throw new CannotRebuild(`its ${field2} is known only after apply and has no expression in the configuration`);
    const res = this.ctx.resolver.resolveExpression(this.doc, expr);
    if (res.unresolved) throw new CannotRebuild(res.unresolved);
    if (res.choices && res.choices.length > 0) throw new CannotRebuild(`its ${field2} reads a module without naming an output`);
    const out = [];
    for (const h of res.hits) {
      const value = h.attribute ? attr(h.instance, h.attribute) : void 0;
      if (h.attribute && !isUnknown(value)) continue;
      const { name, keys } = placeholderFor(this.ctx, h.instance, h.attribute);
      if (!Object.hasOwn(this.placeholders, name)) this.placeholders[name] = keys;
      if (!out.includes(name)) out.push(name);
    }
    return out;
  }
};
function singleTraversal(expr) {
  const refs = referenceStrings(expr).filter((r) => !/^(count|each|path|terraform)\./.test(r));
  if (refs.length === 0) return false;
  const longest = refs.reduce((a, b) => b.length > a.length ? b : a);
  return refs.every((r) => longest === r || longest.startsWith(`${r}.`) || longest.startsWith(`${r}[`));
}
function scalarText(v, field2) {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw new CannotRebuild(`its ${field2} holds something that is not a string`);
}

// src/collect/terraform/policy-source.ts
function policyOf(ctx, inst, name) {
  const holder = declRef(ctx, inst);
  const sensitive = isSensitive(inst, name);
  const value = field(inst, name);
  if (typeof value === "string") return { kind: "document", text: value, holder, attribute: name, sensitive, ...originOf3(ctx, inst, name) };
  if (value === void 0) return { kind: "absent" };
  if (!isUnknown(value)) return { kind: "unknown", reason: `${inst.address}.${name} is not a string`, holder, attribute: name };
  const expr = ctx.resolver.expressionOf(inst, [name]);
  if (!expr) return { kind: "absent" };
  const res = ctx.resolver.resolveExpression(inst, expr);
  if (res.hits.length === 1 && res.constants.length === 0) {
    const hit = res.hits[0];
    const read2 = hit.attribute ?? (isPolicyDocument(hit.instance) ? "json" : void 0);
    const followed = read2 ? attr(hit.instance, read2) : void 0;
    const origin = isPolicyDocument(hit.instance) ? { origin: declRef(ctx, hit.instance) } : {};
    if (typeof followed === "string") {
      return { kind: "document", text: followed, holder, attribute: name, sensitive: sensitive || isSensitive(hit.instance, read2), ...origin };
    }
    if (isPolicyDocument(hit.instance) && isUnknown(followed)) {
      const rebuilt = rebuildPolicyDocument(ctx, hit.instance);
      if (rebuilt.kind === "unknown") return { kind: "unknown", reason: rebuilt.reason, holder, attribute: name, builtFrom: [hit.instance.address] };
      const placeholders = Object.keys(rebuilt.placeholders).length > 0 ? { placeholders: rebuilt.placeholders } : {};
      return { kind: "document", text: rebuilt.text, holder, attribute: name, sensitive: sensitive || isSensitive(hit.instance, read2), ...placeholders, ...origin };
    }
  }
  const from = [...new Set(res.hits.map((h) => h.instance.address))].sort(naturalCompare);
  const reason = res.unresolved ?? (from.length > 0 ? `built from ${from.join(", ")}, known only after apply (a function such as jsonencode() keeps only its references in the plan; the structure is in the .tf source, which was not found)` : "known only after apply");
  const unknown2 = { kind: "unknown", reason, holder, attribute: name, ...from.length > 0 ? { builtFrom: from } : {} };
  ctx.sourcePolicies.push({ inst, attribute: name, expr, unknown: unknown2 });
  return unknown2;
}
function originOf3(ctx, inst, name) {
  const expr = ctx.resolver.expressionOf(inst, [name]);
  if (!expr || !("references" in expr)) return {};
  const hits = ctx.resolver.resolveExpression(inst, expr).hits;
  return hits.length === 1 && isPolicyDocument(hits[0].instance) ? { origin: declRef(ctx, hits[0].instance) } : {};
}

// src/collect/terraform/resource-kinds.ts
var MANAGED = {
  aws_vpc: "vpc",
  aws_default_vpc: "vpc",
  aws_subnet: "subnet",
  aws_default_subnet: "subnet",
  aws_route_table: "route-table",
  aws_default_route_table: "route-table",
  aws_nat_gateway: "nat-gateway",
  aws_internet_gateway: "internet-gateway",
  aws_egress_only_internet_gateway: "egress-only-gateway",
  aws_vpc_endpoint: "vpc-endpoint",
  aws_vpc_endpoint_service: "endpoint-service",
  aws_security_group: "security-group",
  aws_default_security_group: "security-group",
  aws_ec2_managed_prefix_list: "prefix-list",
  aws_s3_bucket: "bucket",
  aws_instance: "instance",
  aws_network_interface: "network-interface",
  aws_launch_template: "workload",
  aws_lambda_function: "workload",
  aws_ecs_service: "workload",
  aws_iam_role: "iam-role",
  aws_iam_user: "iam-user",
  aws_iam_group: "iam-group",
  aws_iam_policy: "iam-policy",
  aws_iam_role_policy: "iam-policy",
  aws_iam_user_policy: "iam-policy",
  aws_iam_group_policy: "iam-policy",
  aws_vpn_gateway: "other",
  aws_ec2_transit_gateway: "other",
  aws_vpc_peering_connection: "other",
  aws_ec2_carrier_gateway: "other"
};
var DATA = {
  aws_vpc: "vpc",
  aws_subnet: "subnet",
  aws_route_table: "route-table",
  aws_nat_gateway: "nat-gateway",
  aws_internet_gateway: "internet-gateway",
  aws_vpc_endpoint: "vpc-endpoint",
  aws_security_group: "security-group",
  aws_prefix_list: "prefix-list",
  aws_ec2_managed_prefix_list: "prefix-list",
  aws_s3_bucket: "bucket",
  aws_iam_role: "iam-role",
  aws_iam_user: "iam-user",
  aws_iam_group: "iam-group",
  aws_iam_policy: "iam-policy",
  aws_iam_policy_document: "iam-policy"
};
var MANAGED_KINDS = new Map(Object.entries(MANAGED));
var DATA_KINDS = new Map(Object.entries(DATA));
function kindOf(mode, type) {
  return (mode === "data" ? DATA_KINDS : MANAGED_KINDS).get(type);
}

// src/collect/terraform/security-groups.ts
function buildSecurityGroups(ctx) {
  const prefixLists = buildServicePrefixLists(ctx);
  for (const inst of instancesOf(ctx, "aws_security_group", "aws_default_security_group", "data.aws_security_group")) {
    const ref = refOf(ctx, inst);
    const tags = tagsOf(inst);
    const sg = {
      ref,
      ...tags ? { tags } : {},
      vpc: ctx.resolver.link(inst, ["vpc_id"], ["vpc"]),
      groupName: str(inst, "name") ?? unknown("no name"),
      ingress: [],
      egress: []
    };
    if (inst.mode === "managed") {
      for (const direction of ["ingress", "egress"]) inlineRules(ctx, inst, sg, direction, prefixLists);
    } else {
      sg.ingressIncomplete = sg.egressIncomplete = `${inst.address} is a data source: its rules are not in the plan`;
    }
    ctx.inv.securityGroups.set(ref.key, sg);
  }
  buildImplicitDefaultGroups(ctx);
  const unattached = [];
  for (const inst of instancesOf(ctx, "aws_security_group_rule")) {
    const type = str(inst, "type");
    const direction = type === "ingress" || type === "egress" ? type : "egress";
    addTo(ctx, unattached, inst, type === direction ? void 0 : `its type is ${isUnknown(type) ? "known only after apply" : JSON.stringify(type)}`, {
      direction,
      protocol: str(inst, "protocol") ?? "-1",
      fromPort: num2(inst, ["from_port"]),
      toPort: num2(inst, ["to_port"]),
      ipv4: list2(inst, ["cidr_blocks"]),
      ipv6: list2(inst, ["ipv6_cidr_blocks"]),
      prefixLists: linkPrefixLists(ctx, inst, ["prefix_list_ids"], prefixLists),
      groups: linkGroups(ctx, inst, ["source_security_group_id"]),
      self: field(inst, "self") === true,
      declaredBy: declRef(ctx, inst)
    });
  }
  for (const [type, direction] of [["aws_vpc_security_group_ingress_rule", "ingress"], ["aws_vpc_security_group_egress_rule", "egress"]]) {
    for (const inst of instancesOf(ctx, type)) {
      const v4 = str(inst, "cidr_ipv4");
      const v6 = str(inst, "cidr_ipv6");
      addTo(ctx, unattached, inst, void 0, {
        direction,
        protocol: str(inst, "ip_protocol") ?? "-1",
        fromPort: num2(inst, ["from_port"]),
        toPort: num2(inst, ["to_port"]),
        ipv4: isUnknown(v4) ? v4 : v4 ? [v4] : [],
        ipv6: isUnknown(v6) ? v6 : v6 ? [v6] : [],
        prefixLists: linkPrefixLists(ctx, inst, ["prefix_list_id"], prefixLists),
        groups: linkGroups(ctx, inst, ["referenced_security_group_id"]),
        self: false,
        declaredBy: declRef(ctx, inst)
      });
    }
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.securityGroups.values(), {
    kinds: ["security-group"],
    vpcOf: (sg) => soleVpc(sg.vpc),
    mark: (sg, part, suspects) => {
      const text = suspectsText(suspects, sg.ref);
      if (part !== "egress") sg.ingressIncomplete = also(sg.ingressIncomplete, text);
      if (part !== "ingress") sg.egressIncomplete = also(sg.egressIncomplete, text);
    }
  });
}
function linkGroups(ctx, inst, path) {
  const link = linkField(ctx, inst, path, ["security-group"]);
  const viaVpc = ctx.resolver.resolveAttribute(inst, path).hits.filter((h) => (h.instance.type === "aws_vpc" || h.instance.type === "aws_default_vpc") && h.attribute === "default_security_group_id");
  if (viaVpc.length === 0) return link;
  const computed = new Set(viaVpc.map((h) => `${h.instance.address}.default_security_group_id is computed by the provider`));
  const { unresolved, ...rest } = link;
  const base = unresolved && !computed.has(unresolved) ? { ...rest, unresolved } : rest;
  return viaVpc.reduce((acc, h) => merge3(acc, defaultGroupOf(ctx, { keys: [h.instance.address], external: [] })), base);
}
function defaultGroupOf(ctx, vpc) {
  if (vpc.keys.length === 1) {
    const key = vpc.keys[0];
    const found = defaultGroups(ctx).get(key);
    if (found) return found;
    return { keys: [], external: [], unresolved: `the default security group of ${key} is not in the plan` };
  }
  if (vpc.keys.length > 1) return { keys: [], external: [], unresolved: `the VPC is ambiguous (${vpc.keys.join(", ")}), so its default security group is unknown` };
  const why = vpc.unresolved ?? (vpc.external.length > 0 ? `${vpc.external.join(", ")} is not in the plan` : "no VPC is known");
  return { keys: [], external: [], unresolved: `the default security group applies, but its VPC is unknown (${why})` };
}
var DEFAULT_GROUPS = /* @__PURE__ */ new WeakMap();
function defaultGroups(ctx) {
  let map = DEFAULT_GROUPS.get(ctx);
  if (map) return map;
  map = /* @__PURE__ */ new Map();
  DEFAULT_GROUPS.set(ctx, map);
  for (const inst of instancesOf(ctx, "aws_default_security_group")) {
    for (const vpcKey of ctx.resolver.link(inst, ["vpc_id"], ["vpc"]).keys) map.set(vpcKey, { keys: [inst.address], external: [] });
  }
  for (const vpc of ctx.inv.vpcs.values()) {
    if (map.has(vpc.ref.key)) continue;
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    const id = inst ? str(inst, "default_security_group_id") : void 0;
    if (typeof id === "string") {
      const ref = ctx.inv.refById(id);
      map.set(vpc.ref.key, ref?.kind === "security-group" ? { keys: [ref.key], external: [] } : { keys: [], external: [id] });
    }
  }
  return map;
}
function buildImplicitDefaultGroups(ctx) {
  const known = defaultGroups(ctx);
  for (const vpc of ctx.inv.vpcs.values()) {
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    if (known.has(vpc.ref.key) || !inst || inst.type !== "aws_vpc" || inst.action !== "create") continue;
    const key = `${vpc.ref.key}#default_security_group`;
    const ref = { key, kind: "security-group", ...vpc.ref.address ? { address: vpc.ref.address } : {}, ...vpc.ref.region ? { region: vpc.ref.region } : {}, implicit: true, name: "default security group" };
    ctx.inv.register(ref);
    ctx.inv.securityGroups.set(key, awsDefaultGroup(ref, vpc));
    known.set(vpc.ref.key, { keys: [key], external: [] });
  }
}
function awsDefaultGroup(ref, vpc) {
  const none = { keys: [], external: [] };
  const all = { protocol: "-1", fromPort: void 0, toPort: void 0, prefixLists: none, declaredBy: vpc.ref };
  const ipv6Out = Array.isArray(vpc.ipv6CidrBlocks) && vpc.ipv6CidrBlocks.length > 0 ? ["::/0"] : [];
  return {
    ref,
    vpc: { keys: [vpc.ref.key], external: [] },
    groupName: "default",
    ingress: [{ direction: "ingress", ...all, ipv4: [], ipv6: [], groups: none, self: true, description: "AWS default: all traffic from members of the group" }],
    egress: [{ direction: "egress", ...all, ipv4: ["0.0.0.0/0"], ipv6: ipv6Out, groups: none, self: false, description: "AWS default: all traffic out" }]
  };
}
function buildServicePrefixLists(ctx) {
  const byEndpoint = /* @__PURE__ */ new Map();
  for (const inst of instancesOf(ctx, "aws_vpc_endpoint", "data.aws_vpc_endpoint")) {
    const name = str(inst, "service_name");
    const service = typeof name === "string" ? parseServiceName(name) : void 0;
    if (!service?.family) continue;
    const endpoint = refOf(ctx, inst);
    const id = str(inst, "prefix_list_id");
    const key = `${endpoint.key}#prefix_list`;
    const ref = {
      key,
      kind: "prefix-list",
      ...typeof id === "string" ? { id } : {},
      ...endpoint.address ? { address: endpoint.address } : {},
      ...endpoint.region ? { region: endpoint.region } : {},
      implicit: true,
      name: `prefix list ${service.name}`
    };
    ctx.inv.register(ref);
    ctx.inv.prefixLists.set(key, { ref, prefixListName: service.name, cidrs: unknown(`the addresses of ${service.name} are not in the plan`) });
    byEndpoint.set(endpoint.key, key);
  }
  return byEndpoint;
}
function linkPrefixLists(ctx, inst, path, byEndpoint) {
  const link = linkField(ctx, inst, path, ["prefix-list", "vpc-endpoint"]);
  const isList = (k) => ctx.inv.refByKey(k)?.kind === "prefix-list";
  const keys = link.keys.flatMap((k) => isList(k) ? [k] : byEndpoint.has(k) ? [byEndpoint.get(k)] : []);
  const strays = link.keys.filter((k) => !isList(k) && !byEndpoint.has(k));
  const unresolved = link.unresolved ?? (strays.length > 0 ? `${strays.join(", ")} has no AWS-managed prefix list` : void 0);
  return { keys: [...new Set(keys)].sort(), external: link.external, ...unresolved ? { unresolved } : {} };
}
function linkField(ctx, inst, path, kinds) {
  const expr = isUnknown(attr(inst, ...path)) ? ctx.resolver.expressionOf(inst, path) : void 0;
  const flat = expr !== void 0 && path.length > 1 && expr === ctx.resolver.expressionOf(inst, [path[0]]);
  if (!flat) return ctx.resolver.link(inst, path, kinds);
  const res = ctx.resolver.resolveExpression(inst, expr);
  const keys = res.hits.filter((h) => kinds.includes(kindOf(h.instance.mode, h.instance.type) ?? "other")).map((h) => h.instance.address);
  return { keys: [...new Set(keys)].sort(), external: [], ...res.unresolved ? { unresolved: res.unresolved } : {} };
}
function inlineRules(ctx, inst, sg, direction, prefixLists) {
  const blocks = attr(inst, direction);
  if (isUnknown(blocks)) {
    if (ctx.resolver.expressionOf(inst, [direction])) sg.ingressIncomplete = sg.egressIncomplete = `the inline ${direction} rules of ${inst.address} are known only after apply`;
    return;
  }
  if (!Array.isArray(blocks)) return;
  blocks.forEach((_, i) => {
    const at = (name) => [direction, i, name];
    const description = attr(inst, ...at("description"));
    sg[direction].push({
      direction,
      protocol: str(inst, direction, i, "protocol") ?? "-1",
      fromPort: num2(inst, at("from_port")),
      toPort: num2(inst, at("to_port")),
      ipv4: list2(inst, at("cidr_blocks")),
      ipv6: list2(inst, at("ipv6_cidr_blocks")),
      prefixLists: linkPrefixLists(ctx, inst, at("prefix_list_ids"), prefixLists),
      groups: linkGroups(ctx, inst, at("security_groups")),
      self: attr(inst, ...at("self")) === true,
      ...typeof description === "string" ? { description } : {},
      declaredBy: refOf(ctx, inst)
    });
  });
}
function addTo(ctx, unattached, inst, unclearDirection, rule22) {
  const groups = linkGroups(ctx, inst, ["security_group_id"]);
  const owner = ownershipIn(ctx, groups, "security group");
  if (owner.kind !== "one") {
    ctx.inv.diagnose({
      level: "note",
      code: "unresolved-reference",
      subject: declRef(ctx, inst),
      message: `${inst.address}: cannot tell which security group the rule belongs to (${owner.kind === "unclear" ? owner.why : groups.external.join(", ") || "no security_group_id"})${owner.kind === "unclear" ? "; the groups it may belong to count as incomplete" : ""}`
    });
  }
  if (owner.kind === "one" && !unclearDirection) {
    ctx.inv.securityGroups.get(owner.key)?.[rule22.direction].push(rule22);
    return;
  }
  const [named, open, why] = owner.kind === "one" ? [[owner.key], false, unclearDirection] : owner.kind === "unclear" ? [owner.named, owner.open, ownerUnclear("security group", owner.why)] : [[], false, ""];
  if (named.length === 0 && !open) return;
  const part = unclearDirection ? "both" : rule22.direction;
  unattached.push({ inst, part, action: `add ${part === "both" ? "a" : `an ${part}`} rule to`, why, named, open });
}
function num2(inst, path) {
  const v = attr(inst, ...path);
  if (isUnknown(v) || v === void 0) return v;
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  return Number.isFinite(n) ? n : unknown(`${inst.address}.${path.join(".")} is not a number`);
}
function list2(inst, path) {
  const v = attr(inst, ...path);
  if (isUnknown(v)) return unknown(`${inst.address}.${path.join(".")} is known only after apply`);
  if (!Array.isArray(v)) return [];
  if (v.some((_, i) => isUnknown(attr(inst, ...path, i)))) return unknown(`${inst.address}.${path.join(".")} is known only after apply`);
  return v.filter((x) => typeof x === "string" && x !== "");
}

// src/collect/terraform/endpoints.ts
var TYPES = ["Gateway", "Interface", "GatewayLoadBalancer", "Resource", "ServiceNetwork"];
function buildEndpoints(ctx) {
  const named = /* @__PURE__ */ new Map();
  for (const inst of instancesOf(ctx, "aws_vpc_endpoint", "data.aws_vpc_endpoint")) {
    const ref = refOf(ctx, inst);
    const ep = endpointOf(ctx, inst);
    if (inst.mode === "managed") named.set(ref.key, ep.securityGroups);
    ctx.inv.vpcEndpoints.set(ref.key, ep);
  }
  for (const inst of ctx.table.destroyed.values()) {
    if (inst.type !== "aws_vpc_endpoint" || inst.mode !== "managed") continue;
    const ep = endpointOf(ctx, inst);
    ep.destroyed = true;
    ctx.inv.vpcEndpoints.set(ep.ref.key, ep);
  }
  const unattached = [];
  attach(ctx, unattached, "aws_vpc_endpoint_route_table_association", "route_table_id", ["route-table"], (ep, link) => ep.routeTables = merge3(ep.routeTables, link));
  attach(ctx, unattached, "aws_vpc_endpoint_subnet_association", "subnet_id", ["subnet"], (ep, link) => ep.subnets = merge3(ep.subnets, link));
  const replacedDefault = /* @__PURE__ */ new Set();
  attach(ctx, unattached, "aws_vpc_endpoint_security_group_association", "security_group_id", ["security-group"], (ep, link, inst) => {
    ep.securityGroups = merge3(ep.securityGroups, link);
    if (field(inst, "replace_default_association") === true) replacedDefault.add(ep.ref.key);
  });
  for (const [key, groups] of named) {
    const ep = ctx.inv.vpcEndpoints.get(key);
    const byDefault = ep && !replacedDefault.has(key) ? defaultGroups2(ctx, ep, groups) : void 0;
    if (ep && byDefault) ep.securityGroups = merge3(ep.securityGroups, byDefault);
  }
  for (const inst of instancesOf(ctx, "aws_vpc_endpoint_private_dns")) {
    const enabled = bool(inst, "private_dns_enabled", void 0);
    for (const key of endpointsOf(ctx, inst, unattached, "private-dns", "set private DNS of")) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      const epInst = ctx.table.byAddress.get(key);
      if (!ep || !epInst) continue;
      ep.privateDnsEnabled = enabled ?? unknown(`${inst.address} does not say whether private DNS is on`);
      ep.privateDnsDeclaredBy = declRef(ctx, inst);
      ep.privateDnsOnlyForInboundResolver = inboundResolverOnly(epInst, ep.type, ep.privateDnsEnabled);
    }
  }
  for (const inst of instancesOf(ctx, "aws_vpc_endpoint_policy")) {
    for (const key of endpointsOf(ctx, inst, unattached, "policy", "set the policy of")) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      if (ep) ep.policy = policyOf(ctx, inst, "policy");
    }
  }
  markUnattached(ctx, unattached);
}
var ACCEPTS = {
  "route-table": ["Gateway"],
  subnet: ["Interface", "GatewayLoadBalancer"],
  "security-group": ["Interface"],
  "private-dns": ["Interface"],
  policy: ["Gateway", "Interface"]
};
function markUnattached(ctx, unattached) {
  markSuspectedOwners(ctx, unattached, ctx.inv.vpcEndpoints.values(), {
    kinds: ["vpc-endpoint"],
    vpcOf: (ep) => soleVpc(ep.vpc),
    accepts: (ep, part) => !ep.destroyed && (isUnknown(ep.type) || ACCEPTS[part].includes(ep.type)),
    mark: (ep, part, suspects) => {
      const text = suspectsText(suspects, ep.ref);
      const unclear = { keys: [], external: [], unresolved: text };
      if (part === "route-table") ep.routeTables = merge3(ep.routeTables, unclear);
      else if (part === "subnet") ep.subnets = merge3(ep.subnets, unclear);
      else if (part === "security-group") ep.securityGroups = merge3(ep.securityGroups, unclear);
      else if (part === "private-dns") ep.privateDnsEnabled = unknown(text);
      else if (part === "policy" && ep.policy.kind !== "unknown") {
        ep.policy = { kind: "unknown", reason: text, holder: declRef(ctx, suspects.first.inst), attribute: "policy" };
      }
    }
  });
}
function endpointOf(ctx, inst) {
  const ref = refOf(ctx, inst);
  const serviceName = str(inst, "service_name");
  const type = endpointType(inst);
  const service = typeof serviceName === "string" ? parseServiceName(serviceName) : void 0;
  const tags = tagsOf(inst);
  const privateDnsEnabled = privateDns(inst, type);
  return {
    ref,
    ...tags ? { tags } : {},
    vpc: ctx.resolver.link(inst, ["vpc_id"], ["vpc"]),
    type,
    serviceName: serviceName === void 0 ? unknown(`${inst.address} has no service name`) : serviceName,
    ...service ? { service } : {},
    // Data sources report the policy in force; a managed endpoint without one gets the AWS default.
    policy: policyOf(ctx, inst, "policy"),
    routeTables: linkAttr(ctx, inst, "route_table_ids", ["route-table"], true),
    subnets: linkAttr(ctx, inst, "subnet_ids", ["subnet"], true),
    securityGroups: ownGroups(ctx, inst),
    privateDnsEnabled,
    privateDnsOnlyForInboundResolver: inboundResolverOnly(inst, type, privateDnsEnabled)
  };
}
function ownGroups(ctx, inst) {
  const v = field(inst, "security_group_ids");
  const named = isUnknown(v) ? inst.mode === "data" || ctx.resolver.expressionOf(inst, ["security_group_ids"]) !== void 0 : Array.isArray(v) && v.length > 0;
  return named ? linkGroups(ctx, inst, ["security_group_ids"]) : { keys: [], external: [] };
}
function defaultGroups2(ctx, ep, own) {
  return ep.type === "Interface" && isNone(own) ? defaultGroupOf(ctx, ep.vpc) : void 0;
}
function endpointType(inst) {
  const t = str(inst, "vpc_endpoint_type");
  if (isUnknown(t)) return t;
  if (t === void 0) return "Gateway";
  return TYPES.includes(t) ? t : unknown(`${inst.address}: unknown endpoint type ${JSON.stringify(t)}`);
}
function privateDns(inst, type) {
  const v = bool(inst, "private_dns_enabled", false);
  if (isUnknown(v) && (type === "Gateway" || type === "GatewayLoadBalancer")) return false;
  if (isUnknown(v)) {
    if (inst.mode === "managed" && type === "Interface" && (inst.action === "create" || inst.action === "replace")) return false;
    return v;
  }
  return v ?? false;
}
function inboundResolverOnly(inst, type, privateDnsOn) {
  const name = str(inst, "service_name");
  if (type !== "Interface" || typeof name !== "string" || parseServiceName(name)?.service !== "s3") return void 0;
  if (isUnknown(privateDnsOn)) return privateDnsOn;
  if (!privateDnsOn) return void 0;
  const opts = field(inst, "dns_options");
  const v = attr(inst, "dns_options", 0, "private_dns_only_for_inbound_resolver_endpoint");
  if (typeof v === "boolean") return v;
  const written = Array.isArray(opts) && opts.length > 0;
  if (written && v === void 0) return false;
  if (!written && isUnknown(opts) && inst.mode === "managed") return true;
  return unknown(`${inst.address}: whether private DNS answers only the inbound resolver endpoint is known only after apply`);
}
function endpointsOf(ctx, inst, unattached, part, action, vpc) {
  const link = ctx.resolver.link(inst, ["vpc_endpoint_id"], ["vpc-endpoint"]);
  const owner = ownershipIn(ctx, link, "VPC endpoint");
  if (owner.kind === "one") return [owner.key];
  if (owner.kind === "unclear") {
    keepUnattached(ctx, unattached, inst, owner, { noun: "VPC endpoint", consequence: "the endpoints it may belong to count as partly unknown", part, action, ...vpc ? { vpc } : {} });
    return [];
  }
  const why = link.external.length > 0 ? `${link.external.join(", ")} is not in the plan` : "no vpc_endpoint_id";
  ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which VPC endpoint it belongs to (${why})` });
  return [];
}
function attach(ctx, unattached, type, field2, kinds, apply) {
  const part = kinds[0];
  const noun = part.replace("-", " ");
  for (const inst of instancesOf(ctx, type)) {
    const found = kinds.includes("security-group") ? linkGroups(ctx, inst, [field2]) : ctx.resolver.link(inst, [field2], kinds);
    const other = ownership(found);
    const vpc = other.kind === "one" ? soleVpc(nodeVpc(ctx, part, other.key)) : void 0;
    const action = `associate ${other.kind === "one" ? other.key : `a ${noun}`} with`;
    const link = found.unresolved ? { ...found, unresolved: `${inst.address} names a ${noun} that cannot be told (${found.unresolved})` } : found;
    for (const key of endpointsOf(ctx, inst, unattached, part, action, vpc)) {
      const ep = ctx.inv.vpcEndpoints.get(key);
      if (ep) apply(ep, link, inst);
    }
  }
}
function nodeVpc(ctx, kind, key) {
  if (kind === "route-table") return ctx.inv.routeTables.get(key)?.vpc;
  if (kind === "subnet") return ctx.inv.subnets.get(key)?.vpc;
  return ctx.inv.securityGroups.get(key)?.vpc;
}

// src/collect/terraform/main-tables.ts
function assignMainTables(ctx) {
  const setMain = (vpcKey, tableKey) => {
    const vpc = ctx.inv.vpcs.get(vpcKey);
    if (vpc) vpc.mainRouteTable = tableKey;
  };
  const unattached = [];
  for (const inst of instancesOf(ctx, "aws_default_route_table")) {
    const res = ctx.resolver.resolveAttribute(inst, ["default_route_table_id"]);
    let found = false;
    for (const hit of res.hits) {
      if (hit.instance.type !== "aws_vpc" && hit.instance.type !== "aws_default_vpc") continue;
      setMain(hit.instance.address, inst.address);
      found = true;
    }
    for (const c of res.constants) {
      const vpc = typeof c === "string" ? findVpcByMainTableId(ctx, c) : void 0;
      if (!vpc) continue;
      setMain(vpc.ref.key, inst.address);
      found = true;
    }
    if (!found && res.unresolved) {
      ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which VPC's default route table it is (${res.unresolved}); the VPCs it may belong to count as having an unknown main route table` });
      unattached.push({ inst, part: "default", action: "be the default route table of", why: `which VPC's default route table it is cannot be told (${res.unresolved})`, named: [], open: true });
    }
  }
  for (const inst of instancesOf(ctx, "data.aws_route_table")) {
    const assocs = field(inst, "associations");
    if (Array.isArray(assocs) && assocs.some((a) => a?.main === true)) {
      for (const key of ctx.resolver.link(inst, ["vpc_id"], ["vpc"]).keys) setMain(key, inst.address);
    }
  }
  const byAssociation = /* @__PURE__ */ new Set();
  for (const inst of instancesOf(ctx, "aws_main_route_table_association")) {
    const tables = ctx.resolver.link(inst, ["route_table_id"], ["route-table"]);
    const table = ownership(tables);
    const owner = ownershipIn(ctx, ctx.resolver.link(inst, ["vpc_id"], ["vpc"]), "VPC");
    if (owner.kind === "unclear") {
      ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which VPC it sets the main route table of (${owner.why}); the VPCs it may belong to count as having an unknown main route table` });
      const vpc2 = table.kind === "one" ? soleVpc(ctx.inv.routeTables.get(table.key)?.vpc) : void 0;
      const action = `make ${table.kind === "one" ? table.key : "a route table"} the main route table of`;
      unattached.push({ inst, part: "main", action, why: ownerUnclear("VPC", owner.why), named: owner.named, open: owner.open, ...vpc2 ? { vpc: vpc2 } : {} });
    }
    const vpc = owner.kind === "one" ? ctx.inv.vpcs.get(owner.key) : void 0;
    if (!vpc) continue;
    byAssociation.add(vpc.ref.key);
    vpc.mainRouteTable = table.kind === "one" ? table.key : unknown(`${inst.address}: the main route table cannot be resolved (${tables.unresolved ?? (tables.external.join(", ") || `it may be any of ${tables.keys.join(", ")}`)})`);
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.vpcs.values(), {
    kinds: ["vpc"],
    vpcOf: (vpc) => vpc.ref.key,
    // A main association replaces whatever table is main; a VPC has one default table, and one main association.
    accepts: (vpc, part) => part === "main" ? !byAssociation.has(vpc.ref.key) : vpc.mainRouteTable === void 0,
    mark: (vpc, _part, suspects) => {
      if (!isUnknown(vpc.mainRouteTable)) vpc.mainRouteTable = unknown(suspectsText(suspects, vpc.ref));
    }
  });
  for (const vpc of ctx.inv.vpcs.values()) {
    if (vpc.mainRouteTable !== void 0) continue;
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    const byId = inst ? str(inst, "main_route_table_id") : void 0;
    if (typeof byId === "string") {
      const table = ctx.inv.refById(byId);
      vpc.mainRouteTable = table?.kind === "route-table" ? table.key : unknown(`the main route table ${byId} of ${vpc.ref.address ?? vpc.ref.key} is not in the plan`);
    } else if (inst && inst.action === "create" && inst.type === "aws_vpc") {
      vpc.mainRouteTable = implicitMainTable(ctx, vpc);
    } else {
      vpc.mainRouteTable = unknown(`the main route table of ${vpc.ref.address ?? vpc.ref.key} is not in the plan`);
    }
  }
}
function findVpcByMainTableId(ctx, id) {
  for (const vpc of ctx.inv.vpcs.values()) {
    const inst = ctx.table.byAddress.get(vpc.ref.key);
    if (inst && (field(inst, "main_route_table_id") === id || field(inst, "default_route_table_id") === id)) return vpc;
  }
  return void 0;
}
function implicitMainTable(ctx, vpc) {
  const key = `${vpc.ref.key}#main_route_table`;
  const ref = { key, kind: "route-table", ...vpc.ref.address ? { address: vpc.ref.address } : {}, ...vpc.ref.region ? { region: vpc.ref.region } : {}, implicit: true, name: "main route table" };
  ctx.inv.register(ref);
  ctx.inv.routeTables.set(key, {
    ref,
    vpc: { keys: [vpc.ref.key], external: [] },
    routes: [{ destination: { kind: "ipv4", value: "local" }, target: { kind: "local" }, origin: "inline", declaredBy: vpc.ref }],
    subnets: []
  });
  return key;
}

// src/collect/terraform/network.ts
function buildNetwork(ctx) {
  buildVpcs(ctx);
  buildGateways(ctx);
  buildRouteTables(ctx);
  buildSubnets(ctx);
  const routes = attachRoutes(ctx);
  const associations = attachAssociations(ctx);
  assignMainTables(ctx);
  markUnattached2(ctx, routes, associations);
}
function buildVpcs(ctx) {
  const secondary = secondaryCidrs(ctx);
  for (const inst of instancesOf(ctx, "aws_vpc", "aws_default_vpc", "data.aws_vpc")) {
    const ref = refOf(ctx, inst);
    const cidr = str(inst, "cidr_block");
    const isDefault = inst.type === "aws_default_vpc" || field(inst, "default") === true;
    ctx.inv.vpcs.set(ref.key, {
      ref,
      ...tagsField(inst),
      cidrBlocks: isUnknown(cidr) ? cidr : [...cidr ? [cidr] : [], ...secondary.get(inst.address) ?? []],
      ipv6CidrBlocks: ipv6Of(inst),
      enableDnsSupport: orUnknown(bool(inst, "enable_dns_support", inst.mode === "data" ? void 0 : true), "DNS support of the VPC"),
      enableDnsHostnames: orUnknown(unsetIsDefault(ctx, inst, "enable_dns_hostnames", inst.mode === "data" ? void 0 : isDefault), "DNS hostnames of the VPC"),
      mainRouteTable: void 0
    });
  }
}
function secondaryCidrs(ctx) {
  const out = /* @__PURE__ */ new Map();
  for (const assoc of instancesOf(ctx, "aws_vpc_ipv4_cidr_block_association")) {
    const cidr = str(assoc, "cidr_block");
    if (typeof cidr !== "string") continue;
    for (const key of ctx.resolver.link(assoc, ["vpc_id"], ["vpc"]).keys) out.set(key, [...out.get(key) ?? [], cidr]);
  }
  return out;
}
function ipv6Of(inst) {
  const v = str(inst, "ipv6_cidr_block");
  if (isUnknown(v)) return bool(inst, "assign_generated_ipv6_cidr_block", false) === true ? v : [];
  return v ? [v] : [];
}
function unsetIsDefault(ctx, inst, name, dflt) {
  const v = bool(inst, name, dflt);
  const created = inst.action === "create" || inst.action === "replace";
  return isUnknown(v) && created && !ctx.resolver.expressionOf(inst, [name]) ? dflt : v;
}
function orUnknown(v, what) {
  return v === void 0 ? unknown(`${what} is not recorded`) : v;
}
function tagsField(inst) {
  const tags = tagsOf(inst);
  return tags ? { tags } : {};
}
function buildGateways(ctx) {
  for (const inst of instancesOf(ctx, "aws_nat_gateway", "data.aws_nat_gateway")) {
    const ref = refOf(ctx, inst);
    const ct = str(inst, "connectivity_type");
    ctx.inv.natGateways.set(ref.key, {
      ref,
      ...tagsField(inst),
      subnet: ctx.resolver.link(inst, ["subnet_id"], ["subnet"]),
      connectivityType: isUnknown(ct) ? ct : ct === "private" ? "private" : "public"
    });
  }
  for (const inst of instancesOf(ctx, "aws_internet_gateway", "data.aws_internet_gateway", "aws_egress_only_internet_gateway")) {
    const ref = refOf(ctx, inst);
    const vpc = inst.mode === "data" ? linkFirstAttachment(ctx, inst) : ctx.resolver.link(inst, ["vpc_id"], ["vpc"]);
    ctx.inv.internetGateways.set(ref.key, { ref, ...tagsField(inst), vpc, egressOnly: inst.type === "aws_egress_only_internet_gateway" });
  }
}
function linkFirstAttachment(ctx, inst) {
  return ctx.resolver.link(inst, ["attachments", 0, "vpc_id"], ["vpc"]);
}
function buildRouteTables(ctx) {
  for (const inst of instancesOf(ctx, "aws_route_table", "aws_default_route_table", "data.aws_route_table")) {
    const ref = refOf(ctx, inst);
    const table = { ref, ...tagsField(inst), vpc: ctx.resolver.link(inst, ["vpc_id"], ["vpc"]), routes: [], subnets: [] };
    const routesAttr = inst.mode === "data" ? "routes" : "route";
    const routes = attr(inst, routesAttr);
    if (isUnknown(routes)) {
      if (inst.mode === "data" || ctx.resolver.expressionOf(inst, [routesAttr])) {
        table.routesIncomplete = `the inline routes of ${inst.address} are known only after apply`;
      }
    } else if (Array.isArray(routes)) {
      routes.forEach((_, i) => table.routes.push(inlineRoute(ctx, inst, routesAttr, i)));
    }
    table.routes.push({ destination: { kind: "ipv4", value: "local" }, target: { kind: "local" }, origin: "inline", declaredBy: ref });
    ctx.inv.routeTables.set(ref.key, table);
  }
}
var TARGET_FIELDS = [
  { field: "nat_gateway_id", kind: "nat", nodeKinds: ["nat-gateway"] },
  { field: "gateway_id", kind: "gateway", nodeKinds: ["internet-gateway", "nat-gateway", "vpc-endpoint", "other"] },
  { field: "egress_only_gateway_id", kind: "eigw", nodeKinds: ["egress-only-gateway"] },
  { field: "network_interface_id", kind: "eni", nodeKinds: ["network-interface"] },
  { field: "instance_id", kind: "instance", nodeKinds: ["instance"] },
  { field: "transit_gateway_id", kind: "tgw", nodeKinds: ["other"] },
  { field: "vpc_peering_connection_id", kind: "pcx", nodeKinds: ["other"] },
  { field: "vpc_endpoint_id", kind: "vpce", nodeKinds: ["vpc-endpoint"] },
  { field: "carrier_gateway_id", kind: "carrier", nodeKinds: ["other"] },
  { field: "local_gateway_id", kind: "local-gateway", nodeKinds: ["other"] },
  { field: "core_network_arn", kind: "core-network", nodeKinds: ["other"] }
];
var DESTINATIONS = [
  { field: "cidr_block", kind: "ipv4" },
  { field: "destination_cidr_block", kind: "ipv4" },
  { field: "ipv6_cidr_block", kind: "ipv6" },
  { field: "destination_ipv6_cidr_block", kind: "ipv6" },
  { field: "destination_prefix_list_id", kind: "prefix-list" }
];
function inlineRoute(ctx, inst, listAttr, index) {
  const path = [listAttr, index];
  const destination = destinationOf(inst, path);
  const target = targetOf(ctx, inst, path, (field2) => inlineTargetExpression(ctx, inst, listAttr, destination.value, field2));
  return { destination, target, origin: "inline", declaredBy: refOf(ctx, inst) };
}
function destinationOf(inst, path) {
  for (const d of DESTINATIONS) {
    const v = attr(inst, ...path, d.field);
    if (v === void 0) continue;
    const value = isUnknown(v) ? v : typeof v === "string" ? v : unknown(`${inst.address}.${d.field} is not a string`);
    return { kind: d.kind, value };
  }
  return { kind: "ipv4", value: unknown(`no destination in ${inst.address}`) };
}
function targetOf(ctx, inst, path, expressionFor) {
  const values = TARGET_FIELDS.map((t) => attr(inst, ...path, t.field));
  const set2 = TARGET_FIELDS.filter((_, i) => values[i] !== void 0 && !isUnknown(values[i]));
  const pending = TARGET_FIELDS.filter((_, i) => isUnknown(values[i]));
  const written = pending.filter((t) => expressionFor(t.field) !== void 0);
  const chosen = set2[0] ?? (written.length === 1 ? written[0] : pending.length === 1 ? pending[0] : void 0);
  if (!chosen) {
    return unknown(written.length > 1 || pending.length > 1 ? `${inst.address}: the route target is known only after apply and the configuration does not say which kind it is` : `${inst.address}: no route target is set`);
  }
  const v = values[TARGET_FIELDS.indexOf(chosen)];
  const expr = isUnknown(v) ? expressionFor(chosen.field) : void 0;
  let link;
  if (!isUnknown(v)) link = ctx.resolver.link(inst, [...path, chosen.field], chosen.nodeKinds);
  else if (!expr) link = { keys: [], external: [], unresolved: v.reason };
  else if (path.length === 0) link = ctx.resolver.link(inst, [chosen.field], chosen.nodeKinds);
  else link = ctx.resolver.linkExpression(inst, expr, chosen.nodeKinds);
  const key = link.keys.length === 1 ? link.keys[0] : void 0;
  const id = typeof v === "string" ? v : void 0;
  const kind = resolveKind(ctx, chosen.kind, key, id);
  if (kind === void 0) {
    const why = id !== void 0 ? `is ${JSON.stringify(id)}, which is not the id of an internet, virtual private or NAT gateway or of an endpoint, so where the route leads cannot be told` : `is known only after apply and ${!expr ? "the plan records no expression for it" : link.keys.length > 1 ? `may name any of ${link.keys.join(", ")}` : link.unresolved ? `its reference cannot be followed (${link.unresolved})` : "its reference names no gateway in the plan"}, so whether it is a NAT gateway cannot be told`;
    return unknown(`${inst.address}: ${chosen.field} ${why}`);
  }
  return { kind, ...key ? { key } : {}, ...id ? { id } : {} };
}
function resolveKind(ctx, kind, key, id) {
  if (kind === "eni" || kind === "instance") return "nat-instance";
  if (kind !== "gateway") return kind;
  const type = (key ? ctx.inv.refByKey(key)?.type ?? ctx.table.byAddress.get(key)?.type : void 0)?.replace(/^data\./, "");
  if (type === "aws_internet_gateway") return "igw";
  if (type === "aws_vpn_gateway") return "vgw";
  if (type === "aws_vpc_endpoint") return "vpce";
  if (type === "aws_nat_gateway") return "nat";
  if (id?.startsWith("igw-")) return "igw";
  if (id?.startsWith("vgw-")) return "vgw";
  if (id?.startsWith("vpce-")) return "vpce";
  if (id?.startsWith("nat-")) return "nat";
  if (id === "local") return "local";
  return type !== void 0 ? "gateway" : void 0;
}
function inlineTargetExpression(ctx, inst, listAttr, destination, field2) {
  const cfg = ctx.resolver.configOf(inst)?.expressions;
  const blocks = blockExpressions(cfg, listAttr);
  if (blocks) {
    const match = blocks.find((b) => DESTINATIONS.some((d) => constantOf2(b[d.field]) === destination)) ?? (blocks.length === 1 ? blocks[0] : void 0);
    const expr = match?.[field2];
    return isExpression(expr) ? expr : void 0;
  }
  const flat = cfg?.[listAttr];
  if (!isExpression(flat) || !Array.isArray(flat.references)) return void 0;
  const wanted = TARGET_FIELDS.find((t) => t.field === field2)?.nodeKinds ?? [];
  const refs = referenceStrings(flat).filter((r) => {
    const m = /^(?:module\.[^.]+\.)?(data\.)?([a-z0-9_]+)\./.exec(r);
    const k = m ? kindOf(m[1] ? "data" : "managed", m[2]) : void 0;
    return r.startsWith("module.") || k !== void 0 && wanted.includes(k);
  });
  return refs.length > 0 ? { references: refs } : void 0;
}
function constantOf2(expr) {
  return isExpression(expr) ? expr.constant_value : void 0;
}
function buildSubnets(ctx) {
  for (const inst of instancesOf(ctx, "aws_subnet", "aws_default_subnet", "data.aws_subnet")) {
    const ref = refOf(ctx, inst);
    const az = str(inst, "availability_zone");
    ctx.inv.subnets.set(ref.key, {
      ref,
      ...tagsField(inst),
      vpc: ctx.resolver.link(inst, ["vpc_id"], ["vpc"]),
      availabilityZone: az === void 0 ? unknown("no availability zone set") : az,
      cidrBlock: str(inst, "cidr_block"),
      ipv6CidrBlock: str(inst, "ipv6_cidr_block"),
      routeTable: { keys: [], external: [] }
    });
  }
}
function attachRoutes(ctx) {
  const unattached = [];
  for (const inst of instancesOf(ctx, "aws_route")) {
    const tables = ctx.resolver.link(inst, ["route_table_id"], ["route-table"]);
    const route = {
      destination: destinationOf(inst, []),
      target: targetOf(ctx, inst, [], (field2) => ctx.resolver.expressionOf(inst, [field2])),
      origin: "resource",
      declaredBy: declRef(ctx, inst)
    };
    const owner = ownershipIn(ctx, tables, "route table");
    if (owner.kind === "one") {
      ctx.inv.routeTables.get(owner.key)?.routes.push(route);
      continue;
    }
    if (owner.kind === "outside") continue;
    if (owner.kind === "none") {
      ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which route table it belongs to (no route_table_id); the route is ignored` });
      continue;
    }
    const dest = isUnknown(route.destination.value) ? "a route" : `its ${route.destination.value} route`;
    const vpc = isUnknown(route.target) ? void 0 : targetVpc(ctx, route.target);
    const consequence = "the route tables it may belong to count as incomplete";
    keepUnattached(ctx, unattached, inst, owner, { noun: "route table", consequence, part: "routes", action: `add ${dest} to`, ...vpc ? { vpc } : {} });
  }
  return unattached;
}
function targetVpc(ctx, target) {
  if (!target.key) return void 0;
  const nat = ctx.inv.natGateways.get(target.key);
  if (nat) {
    const subnet = ownership(nat.subnet);
    return subnet.kind === "one" ? soleVpc(ctx.inv.subnets.get(subnet.key)?.vpc) : void 0;
  }
  return soleVpc(ctx.inv.internetGateways.get(target.key)?.vpc);
}
function attachAssociations(ctx) {
  const unattached = [];
  const subnetsOf = /* @__PURE__ */ new Map();
  for (const inst of instancesOf(ctx, "aws_route_table_association")) {
    if (field(inst, "gateway_id") !== void 0) continue;
    const subnets = ctx.resolver.link(inst, ["subnet_id"], ["subnet"]);
    const tables = ctx.resolver.link(inst, ["route_table_id"], ["route-table"]);
    const owner = ownershipIn(ctx, subnets, "subnet");
    if (owner.kind === "none") {
      ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: cannot tell which subnet it associates (no subnet_id)` });
    }
    const soleTable = ownership(tables);
    if (owner.kind === "unclear") {
      const name = soleTable.kind === "one" ? soleTable.key : "a route table";
      const vpc = soleTable.kind === "one" ? soleVpc(ctx.inv.routeTables.get(soleTable.key)?.vpc) : void 0;
      const consequence = "the subnets it may associate count as having an unknown route table";
      keepUnattached(ctx, unattached, inst, owner, { noun: "subnet", verb: "associates", consequence, part: "association", action: `associate ${name} with`, ...vpc ? { vpc } : {} });
    }
    if (owner.kind !== "one") continue;
    const table = soleTable.kind === "one" || soleTable.kind === "outside" ? tables : soleTable.kind === "unclear" ? { ...tables, unresolved: `${inst.address} names a route table that cannot be told (${soleTable.why})` } : { keys: [], external: [], unresolved: `${inst.address}: its route table reference does not resolve to a route table in the plan` };
    const subnet = ctx.inv.subnets.get(owner.key);
    if (!subnet) continue;
    subnet.routeTable = merge3(subnet.routeTable, table);
    subnet.associationRef = declRef(ctx, inst);
    for (const key of tables.keys) {
      const t = ctx.inv.routeTables.get(key);
      if (!t) continue;
      let known = subnetsOf.get(key);
      if (!known) subnetsOf.set(key, known = new Set(t.subnets));
      if (!known.has(owner.key)) {
        known.add(owner.key);
        t.subnets.push(owner.key);
      }
    }
  }
  return unattached;
}
function markUnattached2(ctx, routes, associations) {
  markSuspectedOwners(ctx, routes, ctx.inv.routeTables.values(), {
    kinds: ["route-table"],
    vpcOf: (table) => soleVpc(table.vpc),
    mark: (table, _part, suspects) => {
      table.routesIncomplete = also(table.routesIncomplete, suspectsText(suspects, table.ref));
    }
  });
  markSuspectedOwners(ctx, associations, ctx.inv.subnets.values(), {
    kinds: ["subnet"],
    vpcOf: (subnet) => soleVpc(subnet.vpc),
    // A subnet has one association at most: one with its own cannot take another.
    accepts: (subnet) => ownership(subnet.routeTable).kind === "none",
    mark: (subnet, _part, suspects) => {
      subnet.routeTable = merge3(subnet.routeTable, { keys: [], external: [], unresolved: suspectsText(suspects, subnet.ref) });
    }
  });
}

// src/collect/terraform/source-links.ts
function sourceLinkKey(address, attribute) {
  return `${address}\0${attribute}`;
}

// src/collect/terraform/link-from-source.ts
function linksTold(ctx, links, found) {
  const out = /* @__PURE__ */ new Map();
  links.forEach((l, i) => {
    const at = found[i];
    if (!at || readsOwnInstance(ctx, l, at)) return;
    const told = linkFromSource(ctx, l, at);
    const key = sourceLinkKey(l.inst.address, l.attribute);
    if ("link" in told) {
      if (!sameLink(told.link, l.planned)) out.set(key, told.link);
    } else if (!told.afterApply && l.planned.unresolved && namesNothing(l.planned)) {
      out.set(key, { ...l.planned, unresolved: `${l.planned.unresolved}; its source (${at.where}) cannot be evaluated: ${told.why}` });
    }
  });
  return out;
}
function linkFromSource(ctx, req, found) {
  let evaluated2;
  try {
    evaluated2 = evaluateSource(ctx, req.inst, found, ctx.resolver.expressionOf(req.inst, [req.attribute]));
  } catch (err) {
    if (err instanceof SourceNotEvaluable) return { why: err.message };
    throw err;
  }
  const { value, placeholders } = evaluated2;
  if (value === null) return { link: { keys: [], external: [] } };
  const values = req.attribute.endsWith("_ids") ? value : typeof value === "string" ? [value] : void 0;
  if (!Array.isArray(values)) {
    if (typeof value === "string" && Object.hasOwn(placeholders, value)) return { why: `${value} is known only after apply`, afterApply: true };
    return { why: `it gives ${Array.isArray(value) ? "a list" : "something that is not a list"}, which ${req.attribute} does not hold` };
  }
  const keys = /* @__PURE__ */ new Set();
  const external = /* @__PURE__ */ new Set();
  for (const v of values) {
    if (typeof v !== "string") return { why: "it gives something that is not an id" };
    const named = Object.hasOwn(placeholders, v) ? placeholders[v] : void 0;
    if (named) {
      if (named.length !== 1 || !ctx.inv.refByKey(named[0])) return { why: `it reads ${v.replace(/^<known after apply: (.*)>$/, "$1")}, known only after apply, which the plan cannot tie to one resource` };
      keys.add(named[0]);
      continue;
    }
    if (v === "") continue;
    if (Object.keys(placeholders).some((p) => v.includes(p))) return { why: `it builds ${JSON.stringify(v)} from a value known only after apply` };
    const ref = ctx.inv.refById(v);
    if (ref) keys.add(ref.key);
    else if (AWS_ID.test(v) || v.startsWith("arn:")) external.add(v);
    else return { why: `${JSON.stringify(v)} is no id the plan knows` };
  }
  return { link: { keys: [...keys].sort(), external: [...external].sort() } };
}
function readsOwnInstance(ctx, l, found) {
  if (!l.byOwnKey || l.attribute.endsWith("_ids") || l.planned.keys.length !== 1 || l.planned.external.length > 0) return false;
  const e = found.expr;
  let named;
  let after;
  let root;
  if (e.t === "traversal") {
    const index = e.steps[e.steps.length - 2];
    if (!index || !("index" in index) || !isOwnKey(index.index)) return false;
    [root, named, after] = [e.root, e.steps.slice(0, -2), e.steps.slice(-1)];
  } else if (e.t === "call" && e.name === "element" && e.args.length === 2 && e.args[0].t === "splat" && e.args[0].base.t === "traversal" && isOwnKey(e.args[1], "count")) {
    [root, named, after] = [e.args[0].base.root, e.args[0].base.steps, e.args[0].each];
  } else return false;
  const [step2] = after;
  if (after.length !== 1 || !("attr" in step2) || step2.attr !== "id" || !named.every((s) => "attr" in s)) return false;
  const name = [root, ...named.map((s) => s.attr)].join(".");
  if (!isResource({ t: "traversal", root, steps: [...named], text: name })) return false;
  const own = `${l.inst.moduleInstance}${l.inst.moduleInstance ? "." : ""}${name}${formatKey(l.inst.key)}`;
  if (l.planned.keys[0] !== own) return false;
  try {
    checkReferences(e, ctx.resolver.expressionOf(l.inst, [l.attribute]), found.where);
    return true;
  } catch (err) {
    if (err instanceof SourceNotEvaluable) return false;
    throw err;
  }
}
function isOwnKey(e, only) {
  if (typeof e !== "object" || e.t !== "traversal" || e.steps.length !== 1) return false;
  const [step2] = e.steps;
  return e.root === "count" && (only ?? "count") === "count" && "attr" in step2 && step2.attr === "index" || e.root === "each" && (only ?? "each") === "each" && "attr" in step2 && step2.attr === "key";
}
var AWS_ID = /^[a-z]+(-[a-z]+)*-([0-9a-f]{8}|[0-9a-f]{17})$/;
function sameLink(a, b) {
  return !a.unresolved && !b.unresolved && a.keys.join("\0") === b.keys.join("\0") && a.external.join("\0") === b.external.join("\0");
}

// src/collect/terraform/policy-from-source.ts
function policyFromSource(ctx, req, found) {
  try {
    const evaluator = new SourceEvaluator(ctx, req.inst, found, rebuiltDocumentText(ctx));
    const text = evaluator.document(found.expr);
    checkReferences(found.expr, req.expr, found.where);
    if (text === null) return { kind: "absent" };
    const held = placeholdersIn(text, evaluator.placeholders);
    const placeholders = Object.keys(held).length > 0 ? { placeholders: held } : {};
    const { holder, attribute } = req.unknown;
    return { kind: "document", text, holder, attribute, sensitive: isSensitive(req.inst, attribute) || evaluator.sensitive, ...placeholders };
  } catch (err) {
    if (!(err instanceof SourceNotEvaluable)) throw err;
    const from = req.unknown.builtFrom ? `built from ${req.unknown.builtFrom.join(", ")}, known only after apply` : "known only after apply";
    return { ...req.unknown, reason: `${from}, and its source (${found.where}) cannot be evaluated from the plan: ${err.message}` };
  }
}

// src/collect/terraform/region.ts
var RegionResolver = class {
  constructor(config, resolver) {
    this.config = config;
    this.resolver = resolver;
  }
  config;
  resolver;
  byProvider = /* @__PURE__ */ new Map();
  regionOf(inst) {
    const own = field(inst, "region");
    if (typeof own === "string" && isRegionName(own)) return own;
    const fromArn = arnPart(inst, 3);
    if (fromArn && isRegionName(fromArn)) return fromArn;
    return this.providerRegion(inst);
  }
  accountOf(inst) {
    const fromArn = arnPart(inst, 4);
    if (fromArn && /^\d{12}$/.test(fromArn)) return fromArn;
    const owner = field(inst, "owner_id");
    return typeof owner === "string" && /^\d{12}$/.test(owner) ? owner : void 0;
  }
  providerRegion(inst) {
    const key = this.resolver.configOf(inst)?.provider_config_key;
    const providerKey = typeof key === "string" ? key : "aws";
    if (this.byProvider.has(providerKey)) return this.byProvider.get(providerKey);
    const region = this.evaluate(providerKey);
    this.byProvider.set(providerKey, region);
    return region;
  }
  evaluate(providerKey) {
    const providers = this.config.providers;
    const candidates = [providerKey, providerKey.slice(providerKey.lastIndexOf(":") + 1), "aws"];
    for (const k of candidates) {
      const p = Object.hasOwn(providers, k) ? providers[k] : void 0;
      if (!isObject2(p)) continue;
      const expr = isObject2(p.expressions) ? p.expressions.region : void 0;
      if (!isObject2(expr)) return void 0;
      return this.evaluateRegion(expr, moduleNamesOf(p.module_address));
    }
    return void 0;
  }
  evaluateRegion(expr, moduleNames) {
    if (typeof expr.constant_value === "string") return isRegionName(expr.constant_value) ? expr.constant_value : void 0;
    const res = this.resolver.resolveInModule(moduleNames, expr);
    for (const c of res.constants) if (typeof c === "string" && isRegionName(c)) return c;
    for (const hit of res.hits) {
      for (const name of [hit.attribute, "region", "name", "id"]) {
        if (!name) continue;
        const v = attr(hit.instance, name);
        if (typeof v === "string" && !isUnknown(v) && isRegionName(v)) return v;
      }
    }
    return void 0;
  }
};
function arnPart(inst, index) {
  const arn = field(inst, "arn");
  if (typeof arn !== "string" || !arn.startsWith("arn:")) return void 0;
  let start = 0;
  for (let i = 0; i < index; i++) {
    const colon = arn.indexOf(":", start);
    if (colon < 0) return void 0;
    start = colon + 1;
  }
  const end = arn.indexOf(":", start);
  return arn.slice(start, end < 0 ? arn.length : end) || void 0;
}
function moduleNamesOf(address) {
  if (typeof address !== "string" || address === "") return [];
  return address.split(".").filter((_, i) => i % 2 === 1);
}

// src/collect/terraform/resolve.ts
var MAX_DEPTH2 = 40;
var Resolver = class {
  constructor(table, config, refById, fromSource = /* @__PURE__ */ new Map()) {
    this.table = table;
    this.config = config;
    this.refById = refById;
    this.fromSource = fromSource;
  }
  table;
  config;
  refById;
  fromSource;
  /** The links link() was asked for that the source may tell better, by sourceLinkKey. */
  checkable = /* @__PURE__ */ new Map();
  outputs = /* @__PURE__ */ new Map();
  configs = /* @__PURE__ */ new WeakMap();
  variables = /* @__PURE__ */ new Map();
  moduleRefs = /* @__PURE__ */ new Map();
  targets = /* @__PURE__ */ new Map();
  byReferences = /* @__PURE__ */ new Map();
  /** Drops what resolutions were memoized (they name instances): for after the build, see releaseBuild. */
  release() {
    this.outputs.clear();
    this.variables.clear();
    this.moduleRefs.clear();
    this.targets.clear();
    this.checkable.clear();
    this.byReferences.clear();
  }
  /** The instances of a child module called from a module instance (`here`), with their steps and addresses. */
  moduleTargets(here, modules, call) {
    const key = `${here}|${call}`;
    let targets = this.targets.get(key);
    if (!targets) {
      const instances = this.table.moduleInstances.get(key) ?? [];
      targets = instances.length > 0 ? instances.map((m) => ({ steps: [...modules, stepOf(m, call)], address: m })) : [{ steps: [...modules, { name: call }], address: `${here}${here ? "." : ""}module.${call}` }];
      this.targets.set(key, targets);
    }
    return targets;
  }
  scopeOf(inst) {
    const forEach = this.configOf(inst)?.for_each_expression;
    return { modules: inst.modules, here: inst.moduleInstance, ...inst.key !== void 0 ? { selfKey: inst.key } : {}, ...isObject2(forEach) ? { forEach } : {} };
  }
  /** Whether the module of a scope declares a resource (`aws_vpc.this`, `data.aws_vpc.x`), whatever instances the plan holds. */
  declares(scope, address) {
    return this.config.resource(scope.modules.map((m) => m.name).join("."), address) !== void 0;
  }
  configOf(inst) {
    if (this.configs.has(inst)) return this.configs.get(inst);
    const cfg = this.config.resource(inst.configModule, `${inst.mode === "data" ? "data." : ""}${inst.type}.${inst.name}`);
    this.configs.set(inst, cfg);
    return cfg;
  }
  /** Whether an input variable of a module is declared sensitive. */
  isSensitiveVariableIn(modules, name) {
    const decl = this.config.module(modules.map((m) => m.name).join("."))?.variables?.[name];
    return isObject2(decl) && decl.sensitive === true;
  }
  /**
   * The scope a module instance's call is written in (the module instance's own steps: not the root): the
   * calling module instance, with the call's instance key and for_each. The plan's expression of each argument
   * with it.
   */
  callerOf(modules) {
    const callPath = modules.map((m) => m.name).join(".");
    const call = this.config.call(callPath);
    const selfKey = modules[modules.length - 1].key;
    const forEach = call?.for_each_expression;
    const scope = { modules: modules.slice(0, -1), ...selfKey !== void 0 ? { selfKey } : {}, ...isObject2(forEach) ? { forEach } : {} };
    const argument = (name) => {
      const arg = isObject2(call?.expressions) && Object.hasOwn(call.expressions, name) ? call.expressions[name] : void 0;
      return isObject2(arg) ? arg : void 0;
    };
    return { scope, argument };
  }
  /**
   * The scope inside an instance of a module called from a scope (`module.<call>[key]`), and the plan's
   * expression of each of its outputs, with whether it is declared sensitive.
   */
  childOf(scope, call, key) {
    const modules = [...scope.modules, { name: call, ...key !== void 0 ? { key } : {} }];
    const callPath = modules.map((m) => m.name).join(".");
    const child = { modules, here: formatModules(modules) };
    const output = (name) => {
      const outputs = this.config.module(callPath)?.outputs;
      const decl = isObject2(outputs) && Object.hasOwn(outputs, name) ? outputs[name] : void 0;
      if (!isObject2(decl)) return void 0;
      return { expression: isObject2(decl.expression) ? decl.expression : void 0, sensitive: decl.sensitive === true };
    };
    return { scope: child, output };
  }
  /**
   * The keys of a module call's instances that the plan holds resources of, called from a scope: an instance
   * whose resources are all elsewhere (or that has none) is not among them.
   */
  moduleKeysOf(scope, call) {
    const here = scope.here ?? formatModules(scope.modules);
    return (this.table.moduleInstances.get(`${here}|${call}`) ?? []).map((m) => stepOf(m, call).key);
  }
  /** What an expression refers to in a scope (scopeOf, callerOf, childOf). */
  resolveIn(scope, expr) {
    return this.expression(expr, scope, 0);
  }
  /**
   * What a list of references refers to in a scope, through one expression per distinct list: the source
   * evaluator's traversals (a splat's, one per instance) are new objects each time, and the references of an
   * expression are parsed once per object.
   */
  resolveReferencesIn(scope, references) {
    const key = references.join("\0");
    let expr = this.byReferences.get(key);
    if (!expr) this.byReferences.set(key, expr = { references: [...references] });
    return this.resolveIn(scope, expr);
  }
  /** The expression that sets an attribute path of an instance, if the configuration has one. */
  expressionOf(inst, path) {
    return expressionAt(this.configOf(inst)?.expressions, path);
  }
  /** What an expression of an instance's configuration refers to. */
  resolveExpression(inst, expr) {
    return this.expression(expr, this.scopeOf(inst), 0);
  }
  /** What an expression declared in a module (a provider block, say) refers to, outside any resource. */
  resolveInModule(moduleNames, expr) {
    return this.expression(expr, { modules: moduleNames.map((name) => ({ name })) }, 0);
  }
  /** What an attribute of an instance refers to: its value when known, else its expression's references. */
  resolveAttribute(inst, path) {
    const value = attrAt(inst, path);
    if (value === void 0) return { hits: [], constants: [] };
    if (!isUnknown(value)) return { hits: [], constants: [value] };
    const expr = this.expressionOf(inst, path);
    if (!expr) return { hits: [], constants: [], unresolved: `${inst.address}.${path.join(".")} is computed by the provider` };
    return this.expression(expr, this.scopeOf(inst), 0);
  }
  /** Links an attribute holding ids (or a list of ids) to inventory nodes of the given kinds. */
  link(inst, path, kinds) {
    const attribute = path.length === 1 && typeof path[0] === "string" && inst.mode === "managed" ? path[0] : void 0;
    const told = attribute !== void 0 ? this.toldOf(inst, attribute) : void 0;
    const own = told && this.ofKinds(told, kinds);
    if (own) return own;
    const out = { keys: [], external: [] };
    const res = this.resolveAttribute(inst, path);
    this.collect(out, res, kinds, 0, void 0, () => `${inst.address}#${path.join(".")}`);
    const link = normalized(out);
    if (told?.unresolved) return link.unresolved && namesNothing(link) ? told : link;
    const checkable = link.unresolved !== void 0 || res.byOwnKey || link.keys.length + link.external.length > 1;
    if (attribute !== void 0 && !told && checkable && isUnknown(attrAt(inst, path))) {
      this.checkable.set(sourceLinkKey(inst.address, attribute), { inst, attribute, planned: link, ...res.byOwnKey && link.unresolved === void 0 ? { byOwnKey: true } : {} });
    }
    return link;
  }
  /** What the source told of an attribute of an instance, if anything. */
  toldOf(inst, attribute) {
    return this.fromSource.size > 0 && inst.mode === "managed" ? this.fromSource.get(sourceLinkKey(inst.address, attribute)) : void 0;
  }
  /** A link the source told, if what it names is of the kinds asked for (else the plan's references decide). */
  ofKinds(told, kinds) {
    if (told.unresolved) return void 0;
    for (const key of told.keys) {
      const ref = this.table.byAddress.get(key);
      const kind = ref ? kindOf(ref.mode, ref.type) : void 0;
      if (!kind || !kinds.includes(kind)) return void 0;
    }
    for (const id of told.external) {
      const ref = this.refById(id);
      if (ref ? !kinds.includes(ref.kind) : !looksLikeId(id, kinds)) return void 0;
    }
    return told;
  }
  /** Links an expression of the instance's configuration (not an attribute value). */
  linkExpression(inst, expr, kinds) {
    const out = { keys: [], external: [] };
    this.collect(out, this.expression(expr, this.scopeOf(inst), 0), kinds, 0, void 0);
    return normalized(out);
  }
  /**
   * What the input variables of a module instance name, all of them together:
   * besides its own resources and its child modules' outputs, the only things
   * a local value of the module can be built from.
   */
  linkModuleInputs(modules, kinds) {
    const out = { keys: [], external: [] };
    const variables = this.config.module(modules.map((m) => m.name).join("."))?.variables;
    const scope = { modules, here: formatModules(modules) };
    for (const name of isObject2(variables) ? Object.keys(variables) : []) {
      this.collect(out, this.reference({ kind: "var", name }, scope, false, 0), kinds, 0, void 0);
    }
    return normalized(out);
  }
  linkInto(out, inst, path, kinds, depth, seen) {
    const visit = `${inst.address}#${path.join(".")}`;
    if (seen.has(visit) || depth > MAX_DEPTH2) return;
    seen.add(visit);
    const told = path.length === 1 ? this.toldOf(inst, String(path[0])) : void 0;
    const own = told && this.ofKinds(told, kinds);
    if (own) {
      out.keys.push(...own.keys);
      out.external.push(...own.external);
      return;
    }
    this.collect(out, this.resolveAttribute(inst, path), kinds, depth, seen);
  }
  /**
   * Adds what a resolution names to the link, following references through other attributes.
   * `seen` holds the attributes visited on the way (undefined before any); `origin` names the
   * attribute the resolution came from, when it is not in `seen` yet.
   */
  collect(out, res, kinds, depth, seen, origin) {
    if (res.unresolved) out.unresolved ??= res.unresolved;
    const visited = () => {
      if (!seen) seen = new Set(origin ? [origin()] : []);
      return seen;
    };
    for (const choice of res.choices ?? []) {
      const found = choice.options.map((o) => {
        const tmp = { keys: [], external: [] };
        this.collect(tmp, o.res, kinds, depth + 1, new Set(visited()));
        return { output: o.output, link: tmp };
      });
      const named = found.filter((o) => !namesNothing(o.link));
      const unclear = found.filter((o) => o.link.unresolved);
      if (named.length === 1) {
        out.keys.push(...named[0].link.keys);
        out.external.push(...named[0].link.external);
      } else if (named.length > 1) {
        out.unresolved ??= `${choice.what} is referenced without an output name (a splat or computed index), and outputs ${named.map((f) => f.output).join(", ")} could be meant`;
      } else if (unclear.length > 0) {
        const outputs = unclear.length === 1 ? `its output ${unclear[0].output}` : `its outputs ${unclear.map((o) => o.output).join(", ")}`;
        out.unresolved ??= `${choice.what} is referenced without an output name (a splat or computed index), and ${outputs} cannot be followed (${unclear[0].link.unresolved})`;
      }
    }
    for (const c of res.constants) this.linkIds(out, c, kinds);
    for (const hit of res.hits) {
      const kind = kindOf(hit.instance.mode, hit.instance.type);
      if (kind && kinds.includes(kind) && (hit.attribute === void 0 || IDENTITY.has(hit.attribute))) {
        out.keys.push(hit.instance.address);
      } else if (hit.attribute && !IDENTITY.has(hit.attribute)) {
        this.linkInto(out, hit.instance, [hit.attribute], kinds, depth + 1, visited());
      } else if (!hit.attribute) {
        out.unresolved ??= `the value comes from ${hit.instance.address}, but the plan does not say which of its attributes (Terraform drops the attribute after a computed index such as [count.index], and in for expressions)`;
      }
    }
  }
  linkIds(out, value, kinds) {
    if (Array.isArray(value)) {
      for (const v of value) this.linkIds(out, v, kinds);
      return;
    }
    if (typeof value !== "string" || value === "") return;
    const ref = this.refById(value);
    if (ref && kinds.includes(ref.kind)) out.keys.push(ref.key);
    else if (!ref && looksLikeId(value, kinds)) out.external.push(value);
  }
  expression(expr, scope, depth) {
    if ("constant_value" in expr) return { hits: [], constants: [expr.constant_value] };
    const res = { hits: [], constants: [] };
    if (depth > MAX_DEPTH2) return { ...res, unresolved: "references nest too deep" };
    const { refs, iterates } = referencesOf(expr);
    for (const ref of refs) mergeInto(res, this.reference(ref, scope, iterates, depth));
    return res;
  }
  /**
   * `each.value` of `for_each = aws_subnet.x` (a resource's instances, or a
   * module's outputs) is the element with the caller's own key.
   */
  eachValue(attribute, scope, depth) {
    if (!scope.forEach || scope.selfKey === void 0) return { hits: [], constants: [] };
    const res = this.expression(scope.forEach, { modules: scope.modules }, depth + 1);
    const key = scope.selfKey;
    const constants3 = [];
    for (const c of res.constants) {
      if (isObject2(c) && typeof key === "string" && Object.hasOwn(c, key)) constants3.push(attribute && isObject2(c[key]) ? c[key][attribute] : c[key]);
      else if (Array.isArray(c) && c.includes(key)) constants3.push(key);
    }
    if (constants3.length > 0) return { hits: [], constants: constants3 };
    const hits = res.hits.filter((h) => h.instance.key === key && h.attribute === void 0);
    if (hits.length === 0) return { hits: [], constants: [], unresolved: "each.value comes from a for_each collection the plan does not record" };
    return { hits: hits.map((h) => ({ instance: h.instance, ...attribute ? { attribute } : {} })), constants: [] };
  }
  /** Resolves one output of one module instance, once: outputs are shared by many references, and may form cycles. */
  moduleOutput(target, output, depth) {
    const steps = target.steps;
    const key = `${target.address}|${output}`;
    const cached = this.outputs.get(key);
    if (cached === "pending") return { hits: [], constants: [], unresolved: `module outputs refer to each other in a cycle at ${key.replace("|", ".")}` };
    if (cached) return cached;
    this.outputs.set(key, "pending");
    const decl = this.config.module(steps.map((m) => m.name).join("."))?.outputs?.[output];
    const expr = isObject2(decl) ? decl.expression : void 0;
    const res = isObject2(expr) ? this.expression(expr, { modules: steps }, depth + 1) : { hits: [], constants: [], unresolved: `${target.address}.${output} has no output expression in the configuration` };
    this.outputs.set(key, res);
    return res;
  }
  reference(ref, scope, iterates, depth) {
    const here = scope.here ?? formatModules(scope.modules);
    switch (ref.kind) {
      case "resource": {
        const byKey = (key) => {
          const inst = this.table.byAddress.get(`${here}${here ? "." : ""}${ref.mode === "data" ? "data." : ""}${ref.type}.${ref.name}${formatKey(key)}`);
          return inst ? [inst] : [];
        };
        let chosen;
        if (ref.key !== void 0) chosen = byKey(ref.key);
        else {
          chosen = iterates && scope.selfKey !== void 0 ? byKey(scope.selfKey) : [];
          if (chosen.length === 1) return { hits: [{ instance: chosen[0], ...ref.attribute ? { attribute: ref.attribute } : {} }], constants: [], byOwnKey: true };
          chosen = this.table.byResource.get(resourceKey(here, ref.mode, ref.type, ref.name)) ?? [];
        }
        return { hits: chosen.map((instance) => ({ instance, ...ref.attribute ? { attribute: ref.attribute } : {} })), constants: [] };
      }
      case "module": {
        let targets = this.moduleTargets(here, scope.modules, ref.call);
        const last = (t) => t.steps[t.steps.length - 1].key;
        const selfKey = iterates && scope.selfKey !== void 0 && targets.some((t) => last(t) === scope.selfKey) ? scope.selfKey : void 0;
        if (ref.key !== void 0) targets = targets.filter((t) => last(t) === ref.key);
        else if (selfKey !== void 0) targets = targets.filter((t) => last(t) === selfKey);
        const memoKey = `${here}|${ref.call}|${ref.key ?? selfKey ?? ""}|${typeof (ref.key ?? selfKey)}|${ref.output ?? ""}`;
        const cached = this.moduleRefs.get(memoKey);
        if (cached) return cached;
        let resolved;
        if (ref.output) {
          resolved = { hits: [], constants: [] };
          for (const t of targets) mergeInto(resolved, this.moduleOutput(t, ref.output, depth));
        } else {
          const childPath = [...scope.modules.map((m) => m.name), ref.call].join(".");
          const outputs = Object.keys(this.config.module(childPath)?.outputs ?? {});
          const options = outputs.map((output) => {
            const sub = { hits: [], constants: [] };
            for (const t of targets) mergeInto(sub, this.moduleOutput(t, output, depth));
            return { output, res: sub };
          });
          resolved = { hits: [], constants: [], choices: [{ what: `module.${ref.call}`, options }] };
        }
        this.moduleRefs.set(memoKey, resolved);
        return resolved;
      }
      case "var": {
        const memoKey = `${here}|${ref.name}`;
        const cached = this.variables.get(memoKey);
        if (cached) return cached;
        const resolved = this.variable(ref.name, scope, depth);
        this.variables.set(memoKey, resolved);
        return resolved;
      }
      case "local":
        return { hits: [], constants: [], unresolved: `the value is built from local.${ref.name}, which the plan does not record` };
      case "iteration":
        return ref.name === "each.value" ? this.eachValue(ref.attribute, scope, depth) : { hits: [], constants: [] };
      case "other":
        return { hits: [], constants: [] };
    }
  }
  /** An input variable: the root's value from the plan, else the module call's argument in the parent, else its default. */
  variable(name, scope, depth) {
    if (scope.modules.length === 0) {
      const v = Object.hasOwn(this.config.rootVariables, name) ? this.config.rootVariables[name] : void 0;
      return isObject2(v) && "value" in v ? { hits: [], constants: [v.value] } : { hits: [], constants: [], unresolved: `var.${name} has no value in the plan` };
    }
    const caller = this.callerOf(scope.modules);
    const arg = caller.argument(name);
    if (!arg) {
      const callPath = scope.modules.map((m) => m.name).join(".");
      const variables = this.config.module(callPath)?.variables;
      const def = isObject2(variables) && Object.hasOwn(variables, name) ? variables[name] : void 0;
      return isObject2(def) && "default" in def ? { hits: [], constants: [def.default] } : { hits: [], constants: [], unresolved: `var.${name} of module ${callPath} is not set by its caller` };
    }
    return this.expression(arg, caller.scope, depth + 1);
  }
};
function normalized(link) {
  if (link.keys.length > 1) link.keys = [...new Set(link.keys)].sort();
  if (link.external.length > 1) link.external = [...new Set(link.external)].sort();
  return link;
}
function mergeInto(into, sub) {
  into.hits.push(...sub.hits);
  into.constants.push(...sub.constants);
  if (sub.unresolved) into.unresolved ??= sub.unresolved;
  if (sub.choices) (into.choices ??= []).push(...sub.choices);
  if (sub.byOwnKey) into.byOwnKey = true;
}
var IDENTITY = /* @__PURE__ */ new Set(["id", "arn", "bucket", "name", "prefix_list_id", "unique_id"]);
function stepOf(moduleInstance, call) {
  const i = moduleInstance.lastIndexOf(`module.${call}`);
  const rest = moduleInstance.slice(i + `module.${call}`.length);
  if (rest.startsWith("[")) {
    const inner = rest.slice(1, -1);
    return { name: call, key: inner.startsWith('"') ? JSON.parse(inner) : Number(inner) };
  }
  return { name: call };
}
function looksLikeId(value, kinds) {
  if (kinds.includes("bucket")) return true;
  return /^[a-z0-9]+-[0-9a-zA-Z]+$/.test(value) || value.startsWith("arn:");
}

// src/collect/terraform/prefix-lists.ts
var ENTRY = "aws_ec2_managed_prefix_list_entry";
function buildPrefixLists(ctx) {
  for (const inst of instancesOf(ctx, "aws_ec2_managed_prefix_list", "data.aws_prefix_list", "data.aws_ec2_managed_prefix_list")) {
    const ref = refOf(ctx, inst);
    const name = str(inst, "name");
    let cidrs;
    const direct = field(inst, "cidr_blocks");
    const entries = field(inst, "entries") ?? field(inst, "entry");
    if (Array.isArray(direct)) cidrs = direct.filter((c) => typeof c === "string");
    else if (Array.isArray(entries)) {
      cidrs = entries.map((e) => e?.cidr).filter((c) => typeof c === "string");
    }
    const unknownCidrs = isUnknown(direct) ? direct : isUnknown(entries) ? entries : void 0;
    ctx.inv.prefixLists.set(ref.key, { ref, prefixListName: name, cidrs: unknownCidrs ?? cidrs });
  }
  addSeparateEntries(ctx);
}
function addSeparateEntries(ctx) {
  const changes = /* @__PURE__ */ new Map();
  const changesOf = (key) => {
    let c = changes.get(key);
    if (!c) changes.set(key, c = { added: [], removed: [] });
    return c;
  };
  const unattached = [];
  for (const inst of instancesOf(ctx, ENTRY)) {
    const key = listOf(ctx, inst, unattached);
    if (key === void 0) continue;
    const cidr = str(inst, "cidr");
    changesOf(key).added.push(cidr === void 0 ? unknown(`${inst.address} has no cidr`) : isUnknown(cidr) ? unknown(`the cidr of ${inst.address} is known only after apply`) : cidr);
  }
  for (const inst of ctx.table.destroyed.values()) {
    if (inst.type !== ENTRY || inst.mode !== "managed") continue;
    const cidr = str(inst, "cidr");
    const key = listOf(ctx, inst, void 0);
    if (key !== void 0 && typeof cidr === "string") changesOf(key).removed.push(cidr);
  }
  for (const [key, c] of changes) {
    const list3 = ctx.inv.prefixLists.get(key);
    if (list3) list3.cidrs = withEntries(ctx, list3, c);
  }
  markSuspectedOwners(ctx, unattached, ctx.inv.prefixLists.values(), {
    kinds: ["prefix-list"],
    vpcOf: () => void 0,
    // AWS-managed lists take no entries.
    accepts: (list3) => list3.ref.type !== "data.aws_prefix_list",
    mark: (list3, _part, suspects) => {
      list3.cidrs = unknown(suspectsText(suspects, list3.ref));
    }
  });
}
function withEntries(ctx, list3, c) {
  const unknownEntry = c.added.find(isUnknown);
  if (unknownEntry) return unknownEntry;
  const added = [...c.added].sort();
  if (isUnknown(list3.cidrs)) {
    const created = ctx.table.byAddress.get(list3.ref.key)?.action;
    return created === "create" || created === "replace" ? [...new Set(added)] : list3.cidrs;
  }
  if (list3.cidrs === void 0) return void 0;
  const kept = list3.cidrs.filter((cidr) => !c.removed.includes(cidr) || added.includes(cidr));
  return [.../* @__PURE__ */ new Set([...kept, ...added])];
}
function listOf(ctx, inst, unattached) {
  const link = ctx.resolver.link(inst, ["prefix_list_id"], ["prefix-list"]);
  const owner = ownershipIn(ctx, link, "prefix list");
  if (owner.kind === "one") return owner.key;
  if (unattached && owner.kind === "unclear") {
    keepUnattached(ctx, unattached, inst, owner, { noun: "prefix list", subject: "the entry", consequence: "the lists it may belong to count as unknown", part: "entries", action: "add an entry to" });
  }
  return void 0;
}

// src/collect/terraform/sensitive.ts
var MIN_LENGTH = 4;
function collectSensitive(inv, inst) {
  const marks = inst.sensitive;
  if (marks === void 0 || marks === null || marks === false) return;
  const stack = [marks, inst.values];
  while (stack.length > 0) {
    const value = stack.pop();
    const mark = stack.pop();
    if (mark === true) {
      addLeaves(inv, value);
      continue;
    }
    if (mark === null || typeof mark !== "object" || value === null || typeof value !== "object") continue;
    for (const k in mark) {
      if (!Object.hasOwn(mark, k)) continue;
      const m = mark[k];
      if (m !== false && m !== void 0) stack.push(m, Object.hasOwn(value, k) ? value[k] : void 0);
    }
  }
}
var POLICY_GRAMMAR = /^(?:Allow|Deny|\d{4}-\d{2}-\d{2}|\*|true|false|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;
function addLeaves(inv, value) {
  const stack = [{ v: value, inDocument: false }];
  while (stack.length > 0) {
    const { v, inDocument } = stack.pop();
    if (typeof v === "string") {
      if (v.length >= MIN_LENGTH && !(inDocument && POLICY_GRAMMAR.test(v))) inv.sensitiveValues.add(v);
      const trimmed = v.trimStart();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        try {
          stack.push({ v: JSON.parse(v), inDocument: true });
        } catch {
        }
      }
    } else if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, inDocument });
    } else if (v !== null && typeof v === "object") {
      for (const x of Object.values(v)) stack.push({ v: x, inDocument });
    }
  }
}

// src/collect/terraform/iam.ts
var PRINCIPALS2 = [
  ["aws_iam_role", "iam-role"],
  ["aws_iam_user", "iam-user"],
  ["aws_iam_group", "iam-group"],
  ["data.aws_iam_role", "iam-role"],
  ["data.aws_iam_user", "iam-user"],
  ["data.aws_iam_group", "iam-group"]
];
var INLINE = [
  ["aws_iam_role_policy", "role", "iam-role"],
  ["aws_iam_user_policy", "user", "iam-user"],
  ["aws_iam_group_policy", "group", "iam-group"]
];
function buildIam(ctx) {
  for (const [type, kind] of PRINCIPALS2) {
    for (const inst of instancesOf(ctx, type)) {
      const ref = refOf(ctx, inst);
      const name = str(inst, "name");
      const tags = tagsOf(inst);
      ctx.inv.iamPrincipals.set(ref.key, { ref, ...tags ? { tags } : {}, principalKind: kind, name: name === void 0 ? unknown(`${inst.address}: the name is chosen at apply time`) : name });
    }
  }
  for (const inst of instancesOf(ctx, "aws_iam_policy", "data.aws_iam_policy")) {
    const ref = refOf(ctx, inst);
    ctx.inv.iamPolicies.set(ref.key, { ref, policy: policyOf(ctx, inst, "policy"), attachedTo: { keys: [], external: [] } });
  }
  for (const [type, field2, kind] of INLINE) {
    for (const inst of instancesOf(ctx, type)) {
      const ref = refOf(ctx, inst);
      ctx.inv.iamPolicies.set(ref.key, { ref, policy: policyOf(ctx, inst, "policy"), attachedTo: ctx.resolver.link(inst, [field2], [kind]) });
    }
  }
  for (const inst of instancesOf(ctx, "aws_iam_role")) inlinePolicyBlocks(ctx, inst);
  for (const inst of instancesOf(ctx, "data.aws_iam_policy_document")) {
    const ref = refOf(ctx, inst);
    ctx.inv.iamPolicies.set(ref.key, { ref, policy: documentPolicy(ctx, inst, ref), attachedTo: { keys: [], external: [] } });
  }
  attachments(ctx);
}
function documentPolicy(ctx, inst, ref) {
  const sensitive = isSensitive(inst, "json");
  const rebuilt = rebuildPolicyDocument(ctx, inst);
  if (rebuilt.kind === "unknown") return { kind: "unknown", reason: rebuilt.reason, holder: ref, attribute: "json" };
  const placeholders = Object.keys(rebuilt.placeholders).length > 0 ? { placeholders: rebuilt.placeholders } : {};
  return { kind: "document", text: rebuilt.text, holder: ref, attribute: "json", sensitive, ...placeholders };
}
function inlinePolicyBlocks(ctx, inst) {
  const blocks = field(inst, "inline_policy");
  if (!Array.isArray(blocks)) return;
  const role = refOf(ctx, inst);
  blocks.forEach((_, i) => {
    const name = attr(inst, "inline_policy", i, "name");
    const key = `${inst.address}#inline_policy[${typeof name === "string" ? JSON.stringify(name) : i}]`;
    const ref = { ...role, key, kind: "iam-policy", ...typeof name === "string" ? { name } : {} };
    delete ref.arn;
    delete ref.id;
    if (ctx.inv.refByKey(key)) return;
    ctx.inv.register(ref);
    const text = attr(inst, "inline_policy", i, "policy");
    const policy = typeof text === "string" ? { kind: "document", text, holder: role, attribute: "inline_policy", sensitive: isSensitive(inst, "inline_policy") } : text === void 0 ? { kind: "absent" } : { kind: "unknown", reason: `${inst.address}: inline_policy ${typeof name === "string" ? name : i} is known only after apply`, holder: role, attribute: "inline_policy" };
    ctx.inv.iamPolicies.set(key, { ref, policy, attachedTo: { keys: [role.key], external: [] } });
  });
}
function attachments(ctx) {
  const attach2 = (policyLink, principals) => {
    for (const key of policyLink.keys) {
      const p = ctx.inv.iamPolicies.get(key);
      if (p) p.attachedTo = merge3(p.attachedTo, principals);
    }
  };
  for (const [type, field2, kind] of [
    ["aws_iam_role_policy_attachment", "role", "iam-role"],
    ["aws_iam_user_policy_attachment", "user", "iam-user"],
    ["aws_iam_group_policy_attachment", "group", "iam-group"]
  ]) {
    for (const inst of instancesOf(ctx, type)) attach2(ctx.resolver.link(inst, ["policy_arn"], ["iam-policy"]), ctx.resolver.link(inst, [field2], [kind]));
  }
  for (const inst of instancesOf(ctx, "aws_iam_policy_attachment")) {
    const principals = [
      ctx.resolver.link(inst, ["roles"], ["iam-role"]),
      ctx.resolver.link(inst, ["users"], ["iam-user"]),
      ctx.resolver.link(inst, ["groups"], ["iam-group"])
    ].reduce(merge3);
    attach2(ctx.resolver.link(inst, ["policy_arn"], ["iam-policy"]), principals);
  }
  for (const inst of instancesOf(ctx, "aws_iam_role")) {
    const arns = field(inst, "managed_policy_arns");
    if (arns === void 0 || isUnknown(arns) && !ctx.resolver.expressionOf(inst, ["managed_policy_arns"])) continue;
    attach2(ctx.resolver.link(inst, ["managed_policy_arns"], ["iam-policy"]), { keys: [inst.address], external: [] });
  }
}

// src/collect/terraform/storage.ts
function buildBuckets(ctx) {
  for (const inst of instancesOf(ctx, "aws_s3_bucket", "data.aws_s3_bucket")) {
    const ref = refOf(ctx, inst);
    const name = str(inst, "bucket");
    const tags = tagsOf(inst);
    const bucket = {
      ref,
      ...tags ? { tags } : {},
      name: name === void 0 ? unknown(`${inst.address}: the bucket name is chosen by AWS at apply time`) : name,
      // A data source does not read the bucket policy: unknown, never "none".
      policy: inst.mode === "data" ? { kind: "unknown", reason: `${inst.address} is a data source; its bucket policy is not in the plan`, holder: ref, attribute: "policy" } : policyOf(ctx, inst, "policy")
    };
    ctx.inv.buckets.set(ref.key, bucket);
  }
  const unattached = [];
  for (const inst of instancesOf(ctx, "aws_s3_bucket_policy")) {
    const link = ctx.resolver.link(inst, ["bucket"], ["bucket"]);
    const owner = ownershipIn(ctx, link, "bucket");
    const bucket = owner.kind === "one" ? ctx.inv.buckets.get(owner.key) : void 0;
    if (bucket) {
      bucket.policy = policyOf(ctx, inst, "policy");
      continue;
    }
    if (owner.kind === "one") continue;
    if (owner.kind === "unclear") {
      const consequence = "the policies of the buckets it may belong to count as unknown, and this policy is judged on its own";
      keepUnattached(ctx, unattached, inst, owner, { noun: "bucket", consequence, part: "policy", action: "set the policy of" });
    } else {
      ctx.inv.diagnose({ level: "note", code: "unresolved-reference", subject: declRef(ctx, inst), message: `${inst.address}: its bucket is not in the plan (${link.external.join(", ") || "no bucket"}); the policy is judged on its own` });
    }
    externalBucket(ctx, inst);
  }
  markSuspectedOwners(ctx, unattached, [...ctx.inv.buckets.values()].filter((b) => !b.external && b.ref.type === "aws_s3_bucket"), {
    kinds: ["bucket"],
    vpcOf: () => void 0,
    mark: (b, _part, suspects) => {
      b.policy = { kind: "unknown", reason: suspectsText(suspects, b.ref), holder: declRef(ctx, suspects.first.inst), attribute: "policy" };
    }
  });
  for (const inst of instancesOf(ctx, "aws_s3_bucket_public_access_block")) {
    for (const key of ctx.resolver.link(inst, ["bucket"], ["bucket"]).keys) {
      const bucket = ctx.inv.buckets.get(key);
      if (!bucket) continue;
      bucket.publicAccessBlock = {
        blockPublicPolicy: bool(inst, "block_public_policy", false) ?? false,
        restrictPublicBuckets: bool(inst, "restrict_public_buckets", false) ?? false
      };
    }
  }
}
function externalBucket(ctx, inst) {
  const name = str(inst, "bucket");
  const ref = { ...declRef(ctx, inst), kind: "bucket", ...typeof name === "string" ? { id: name } : {} };
  if (ctx.inv.refByKey(ref.key)) return;
  ctx.inv.register(ref);
  const bucket = {
    ref,
    name: typeof name === "string" ? name : unknown(`${inst.address}: the bucket name is known only after apply`),
    policy: policyOf(ctx, inst, "policy"),
    external: true
  };
  ctx.inv.buckets.set(ref.key, bucket);
}

// src/collect/terraform/workloads.ts
var NONE2 = Object.freeze({ keys: [], external: [] });
function buildWorkloads(ctx) {
  const placements = templatePlacements(ctx);
  const unattached = [];
  const attached = attachedGroups(ctx, unattached);
  for (const inst of instancesOf(ctx, "aws_launch_template")) {
    const interfaces = blockCount(inst, "network_interfaces");
    let subnets = placements.get(inst.address) ?? NONE2;
    for (let i = 0; i < interfaces; i++) subnets = merge3(subnets, linkIfSet(ctx, inst, ["network_interfaces", i, "subnet_id"], "subnet"));
    if (isNone(subnets)) {
      subnets = { ...subnets, unresolved: `no Auto Scaling group or instance in the plan uses ${inst.address}, so where it runs is unknown` };
    }
    add3(ctx, inst, "launch-template", subnets, withDefault(ctx, templateGroups(ctx, inst), subnets));
  }
  for (const inst of instancesOf(ctx, "aws_instance")) {
    let subnets = set(ctx, inst, ["subnet_id"]) ? ctx.resolver.link(inst, ["subnet_id"], ["subnet"]) : NONE2;
    let groups = merge3(linkIfSet(ctx, inst, ["vpc_security_group_ids"], "group"), linkIfSet(ctx, inst, ["security_groups"], "group"));
    let extra = attached.get(inst.address) ?? NONE2;
    for (let i = 0; i < blockCount(inst, "network_interface"); i++) {
      for (const eni of hitsOf(ctx, inst, ["network_interface", i, "network_interface_id"], "aws_network_interface")) {
        subnets = merge3(subnets, ctx.resolver.link(eni, ["subnet_id"], ["subnet"]));
        groups = merge3(groups, linkIfSet(ctx, eni, ["security_groups"], "group"));
        extra = merge3(extra, attached.get(eni.address) ?? NONE2);
      }
    }
    const templates = hitsOf(ctx, inst, ["launch_template", 0, "id"], "aws_launch_template").concat(hitsOf(ctx, inst, ["launch_template", 0, "name"], "aws_launch_template"));
    if (isNone(groups)) for (const t of templates) groups = merge3(groups, templateGroups(ctx, t));
    if (isNone(subnets)) {
      subnets = { keys: [], external: [], unresolved: `${inst.address} names no subnet: it runs in a default subnet of the default VPC, which is not in the plan` };
    }
    add3(ctx, inst, "instance", subnets, merge3(withDefault(ctx, groups, subnets), extra));
  }
  markSuspectedOwners(ctx, unattached, [...ctx.inv.workloads.values()].filter((w) => w.workloadKind === "instance"), {
    kinds: ["instance"],
    vpcOf: () => void 0,
    mark: (w, _part, suspects) => {
      w.securityGroups = merge3(w.securityGroups, { keys: [], external: [], unresolved: suspectsText(suspects, w.ref) });
    }
  });
  for (const inst of instancesOf(ctx, "aws_lambda_function")) {
    if (!set(ctx, inst, ["vpc_config", 0, "subnet_ids"])) continue;
    const subnets = ctx.resolver.link(inst, ["vpc_config", 0, "subnet_ids"], ["subnet"]);
    add3(ctx, inst, "lambda", subnets, linkIfSet(ctx, inst, ["vpc_config", 0, "security_group_ids"], "group"));
  }
  for (const inst of instancesOf(ctx, "aws_ecs_service")) {
    if (blockCount(inst, "network_configuration") === 0) continue;
    const subnets = ctx.resolver.link(inst, ["network_configuration", 0, "subnets"], ["subnet"]);
    add3(ctx, inst, "ecs-service", subnets, withDefault(ctx, linkIfSet(ctx, inst, ["network_configuration", 0, "security_groups"], "group"), subnets));
  }
}
function attachedGroups(ctx, unattached) {
  const out = /* @__PURE__ */ new Map();
  const attachments2 = [...instancesOf(ctx, "aws_network_interface_sg_attachment")].sort((a, b) => naturalCompare(a.address, b.address));
  if (attachments2.length === 0) return out;
  const byEniId = /* @__PURE__ */ new Map();
  for (const inst of instancesOf(ctx, "aws_instance")) {
    const id = field(inst, "primary_network_interface_id");
    if (typeof id === "string") byEniId.set(id, inst.address);
  }
  for (const eni of instancesOf(ctx, "aws_network_interface")) {
    const id = field(eni, "id");
    if (typeof id === "string") byEniId.set(id, eni.address);
  }
  for (const att of attachments2) {
    const res = ctx.resolver.resolveAttribute(att, ["network_interface_id"]);
    const owners = /* @__PURE__ */ new Set();
    let other = res.unresolved !== void 0;
    for (const h of res.hits) {
      const primary = h.instance.type === "aws_instance" && h.attribute === "primary_network_interface_id";
      const eni = h.instance.type === "aws_network_interface" && (h.attribute === void 0 || h.attribute === "id");
      if (primary || eni) owners.add(h.instance.address);
      else other = true;
    }
    for (const c of res.constants) {
      const owner2 = typeof c === "string" ? byEniId.get(c) : void 0;
      if (owner2) owners.add(owner2);
    }
    if (other || owners.size > 1) {
      const named = [...owners].map((o) => instancesUsing(ctx, o)).flat();
      const why = res.unresolved ?? `the reference may mean any of ${[...owners].join(", ")}`;
      const consequence = "the instances it may attach to count as having partly unknown security groups";
      keepUnattached(ctx, unattached, att, { kind: "unclear", why, named, open: other }, { noun: "network interface", verb: "attaches to", consequence, part: "groups", action: "attach a security group to" });
      continue;
    }
    const [owner] = owners;
    if (owner !== void 0) out.set(owner, merge3(out.get(owner) ?? NONE2, linkGroups(ctx, att, ["security_group_id"])));
  }
  return out;
}
function instancesUsing(ctx, owner) {
  const inst = ctx.table.byAddress.get(owner);
  if (inst?.type !== "aws_network_interface") return [owner];
  return [...instancesOf(ctx, "aws_instance")].filter((i) => Array.from({ length: blockCount(i, "network_interface") }, (_, n) => hitsOf(ctx, i, ["network_interface", n, "network_interface_id"], "aws_network_interface")).flat().includes(inst)).map((i) => i.address);
}
function add3(ctx, inst, workloadKind, subnets, securityGroups) {
  const ref = refOf(ctx, inst);
  const tags = tagsOf(inst);
  const workload = { ref, ...tags ? { tags } : {}, workloadKind, subnets, securityGroups };
  ctx.inv.workloads.set(ref.key, workload);
}
function templateGroups(ctx, inst) {
  let groups = merge3(linkIfSet(ctx, inst, ["vpc_security_group_ids"], "group"), linkIfSet(ctx, inst, ["security_group_names"], "group"));
  for (let i = 0; i < blockCount(inst, "network_interfaces"); i++) groups = merge3(groups, linkIfSet(ctx, inst, ["network_interfaces", i, "security_groups"], "group"));
  return groups;
}
function templatePlacements(ctx) {
  const out = /* @__PURE__ */ new Map();
  const spec = ["mixed_instances_policy", 0, "launch_template", 0, "launch_template_specification", 0];
  for (const asg of instancesOf(ctx, "aws_autoscaling_group")) {
    const templates = [
      ...hitsOf(ctx, asg, ["launch_template", 0, "id"], "aws_launch_template"),
      ...hitsOf(ctx, asg, ["launch_template", 0, "name"], "aws_launch_template"),
      ...hitsOf(ctx, asg, [...spec, "launch_template_id"], "aws_launch_template"),
      ...hitsOf(ctx, asg, [...spec, "launch_template_name"], "aws_launch_template")
    ];
    const subnets = set(ctx, asg, ["vpc_zone_identifier"]) ? ctx.resolver.link(asg, ["vpc_zone_identifier"], ["subnet"]) : { keys: [], external: [], unresolved: `${asg.address} names no subnets (vpc_zone_identifier): it launches into the default VPC` };
    for (const t of templates) out.set(t.address, merge3(out.get(t.address) ?? NONE2, subnets));
  }
  return out;
}
function withDefault(ctx, groups, subnets) {
  if (!isNone(groups)) return groups;
  const vpcKeys = /* @__PURE__ */ new Set();
  let vpc = NONE2;
  for (const key of subnets.keys) {
    const subnet = ctx.inv.subnets.get(key);
    if (!subnet) continue;
    for (const v of subnet.vpc.keys) vpcKeys.add(v);
    vpc = merge3(vpc, subnet.vpc);
  }
  if (vpcKeys.size === 0 && subnets.unresolved) return { keys: [], external: [], unresolved: `no security group is named and the subnet is unknown (${subnets.unresolved})` };
  return defaultGroupOf(ctx, vpc);
}
function linkIfSet(ctx, inst, path, what) {
  if (!set(ctx, inst, path)) return NONE2;
  const link = what === "group" ? linkGroups(ctx, inst, path) : ctx.resolver.link(inst, path, ["subnet"]);
  return isNone(link) ? { ...link, unresolved: `${inst.address}.${path.join(".")} names ${what === "group" ? "security groups" : "subnets"} that are not in the plan` } : link;
}
function set(ctx, inst, path) {
  const v = attr(inst, ...path);
  if (isUnknown(v)) return ctx.resolver.expressionOf(inst, path) !== void 0;
  return Array.isArray(v) ? v.length > 0 : v !== void 0;
}
function blockCount(inst, name) {
  const v = field(inst, name);
  return Array.isArray(v) ? v.length : 0;
}
function hitsOf(ctx, inst, path, type) {
  const res = ctx.resolver.resolveAttribute(inst, path);
  const out = res.hits.filter((h) => h.instance.type === type).map((h) => h.instance);
  for (const c of res.constants) {
    const ref = typeof c === "string" ? ctx.inv.refById(c) : void 0;
    const found = ref ? ctx.table.byAddress.get(ref.key) : void 0;
    if (found?.type === type) out.push(found);
  }
  return [...new Set(out)];
}

// src/collect/terraform/index.ts
function collectPlanInStages(plan, file) {
  const table = buildInstances(plan, file);
  const config = new ConfigIndex(plan);
  const byType = indexByType(table);
  const stages = (told) => {
    const ctx = contextOf(plan, file, table, config, byType, told);
    buildNodes(ctx);
    return stagesOf(ctx, told === void 0, stages);
  };
  return stages();
}
function stagesOf(ctx, askLinks, again) {
  const requests = [...ctx.sourcePolicies];
  const documents = ctx.sourceDocuments.map((doc) => ({ doc, paths: rebuildPolicyDocument(ctx, doc).inexact ?? [] }));
  const links = askLinks ? [...ctx.resolver.checkable.values()] : [];
  const wanted = [
    ...requests.map((r) => ({ address: r.inst.address, path: [r.attribute] })),
    ...documents.flatMap(({ doc, paths }) => paths.map((path) => ({ address: doc.address, path }))),
    ...links.map((l) => ({ address: l.inst.address, path: [l.attribute] }))
  ];
  const linksAt = wanted.length - links.length;
  return {
    inv: ctx.inv,
    wanted,
    again(told) {
      ctx.resolver.release();
      return again(told);
    },
    linksTold: (found) => linksTold(ctx, links, found.slice(linksAt)),
    finish(found = []) {
      let next = requests.length;
      const lookups = /* @__PURE__ */ new Map();
      for (const { doc, paths } of documents) {
        const byPath = new Map(paths.map((p) => [p.join("\0"), found[next++]]));
        if ([...byPath.values()].some(Boolean)) lookups.set(doc, (path) => byPath.get(path.join("\0")));
      }
      const exact = /* @__PURE__ */ new Map();
      for (const [doc, again2] of rebuildWithSources(ctx, lookups)) exact.set(doc.address, again2.kind === "document" ? { ...again2, ref: declRef(ctx, doc), sensitive: isSensitive(doc, "json") } : again2);
      const rebuilt = /* @__PURE__ */ new Map();
      requests.forEach((r, i) => {
        const at = found[i];
        if (at) rebuilt.set(r.unknown, policyFromSource(ctx, r, at));
      });
      if (rebuilt.size > 0 || exact.size > 0) replacePolicies(ctx.inv, rebuilt, exact);
      releaseBuild(ctx);
      return ctx.inv;
    }
  };
}
function replacePolicies(inv, replaced, documents) {
  for (const holders of [inv.vpcEndpoints.values(), inv.buckets.values(), inv.iamPolicies.values()]) {
    for (const node of holders) {
      const p = replaced.get(node.policy) ?? node.policy;
      node.policy = p;
      if (p.kind === "absent") continue;
      const from = p.kind === "document" ? (p.origin ?? p.holder).key : p.builtFrom?.length === 1 ? p.builtFrom[0] : p.holder.key;
      const doc = documents.get(from);
      if (!doc || p.kind === "unknown" && p.builtFrom === void 0 && p.attribute !== "json") continue;
      if (doc.kind === "unknown") {
        if (p.kind === "unknown") node.policy = { ...p, reason: doc.reason };
        continue;
      }
      const placeholders = Object.keys(doc.placeholders).length > 0 ? { placeholders: doc.placeholders } : {};
      const origin = p.holder.key === doc.ref.key ? {} : { origin: doc.ref };
      const sensitive = p.kind === "document" && p.sensitive || doc.sensitive;
      node.policy = { kind: "document", text: doc.text, holder: p.holder, attribute: p.attribute, sensitive, ...placeholders, ...origin };
    }
  }
}
function contextOf(plan, file, table, config, byType, told) {
  const inv = new Inventory({
    kind: "plan",
    file,
    formatVersion: typeof plan.format_version === "string" ? plan.format_version : "unknown",
    ...typeof plan.terraform_version === "string" ? { terraformVersion: plan.terraform_version } : {}
  });
  if (plan.format_version === void 0) {
    inv.diagnose({ level: "note", code: "plan-format", file, jsonPath: "$.format_version", message: "the plan has no format_version; read as the oldest format (0.1)" });
  }
  diagnoseCompleteness(inv, plan, file);
  const resolver = new Resolver(table, config, (id) => inv.refById(id), told);
  const complete = plan.errored !== true && plan.complete !== false;
  return { inv, table, resolver, regions: new RegionResolver(config, resolver), file, complete, byType, sourcePolicies: [], sourceDocuments: [] };
}
function diagnoseCompleteness(inv, plan, file) {
  if (plan.errored === true) {
    inv.diagnose({
      level: "warning",
      code: "plan-errored",
      file,
      jsonPath: "$.errored",
      message: 'Terraform stopped this plan at an error ("errored": true, it cannot be applied): the resources it had not planned yet are missing, so this scan is incomplete. Fix the errors terraform plan reported and scan the new plan'
    });
  } else if (plan.complete === false) {
    inv.diagnose({
      level: "note",
      code: "plan-incomplete",
      file,
      jsonPath: "$.complete",
      message: 'Terraform planned only part of the configuration ("complete": false: -target, or changes deferred to a later plan), so the resources it left out are not in this scan'
    });
  }
}
function buildNodes(ctx) {
  for (const inst of ctx.table.byAddress.values()) {
    registerRef(ctx, inst);
    collectSensitive(ctx.inv, inst);
  }
  for (const inst of ctx.table.destroyed.values()) if (inst.type === "aws_vpc_endpoint") registerRef(ctx, inst);
  buildNetwork(ctx);
  buildPrefixLists(ctx);
  buildSecurityGroups(ctx);
  buildEndpoints(ctx);
  buildWorkloads(ctx);
  buildEndpointServices(ctx);
  buildBuckets(ctx);
  buildIam(ctx);
}
function registerRef(ctx, inst) {
  const kind = kindOf(inst.mode, inst.type);
  if (!kind) return;
  const ref = { key: inst.address, kind, type: inst.mode === "data" ? `data.${inst.type}` : inst.type, address: inst.address };
  const id = field(inst, "id");
  if (typeof id === "string" && !isUnknown(id)) ref.id = id;
  const arn = field(inst, "arn");
  if (typeof arn === "string") ref.arn = arn;
  const region = ctx.regions.regionOf(inst);
  if (region) ref.region = region;
  const account = ctx.regions.accountOf(inst);
  if (account) ref.account = account;
  const name = nameTag(inst);
  if (name) ref.name = name;
  ctx.inv.register(ref);
}
function nameTag(inst) {
  const tags = field(inst, "tags");
  if (tags && typeof tags === "object" && !isUnknown(tags) && !Array.isArray(tags)) {
    const name = tags.Name;
    if (typeof name === "string") return name;
  }
  return void 0;
}

// src/cli/plan-sources.ts
async function collectPlanWithSources(plan, file, sources) {
  const answers = /* @__PURE__ */ new Map();
  const ask = async (wanted) => {
    const missing2 = wanted.filter((w) => !answers.has(keyOf(w)));
    let found2 = [];
    try {
      if (missing2.length > 0) found2 = await sourceExpressions(sources, missing2);
    } catch {
    }
    missing2.forEach((w, i) => answers.set(keyOf(w), found2[i]));
    return wanted.map((w) => answers.get(keyOf(w)));
  };
  const first2 = collectPlanInStages(plan, file);
  const found = await ask(first2.wanted);
  const told = first2.linksTold(found);
  if (told.size === 0) return first2.finish(found);
  const again = first2.again(told);
  return again.finish(await ask(again.wanted));
}
function keyOf(w) {
  return `${w.address}\0${w.path.join("\0")}`;
}

// src/config/load.ts
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/config/config-validator.generated.ts
var validate = validate10;
var schema11 = { "type": "object", "additionalProperties": false, "properties": { "rules": { "type": "object", "description": "Per-rule severity override (error, warning, note, off) or { severity, options }.", "additionalProperties": { "oneOf": [{ "enum": ["error", "warning", "note", "off"] }, { "type": "object", "additionalProperties": false, "properties": { "severity": { "enum": ["error", "warning", "note", "off"] }, "options": { "type": "object" } } }] } }, "privateBuckets": { "type": "object", "description": "Buckets that must be reached only through the expected network, by name glob or tag.", "additionalProperties": false, "properties": { "names": { "type": "array", "items": { "type": "string", "minLength": 1 } }, "tags": { "type": "object", "additionalProperties": { "type": "string" } } } }, "ignore": { "type": "array", "description": "Findings to suppress, each with a reason.", "items": { "type": "object", "additionalProperties": false, "required": ["rule", "reason"], "properties": { "rule": { "type": "string", "minLength": 1 }, "address": { "type": "string", "minLength": 1 }, "id": { "type": "string", "minLength": 1 }, "reason": { "type": "string", "minLength": 1 }, "expires": { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" } } } } } };
var pattern0 = new RegExp("^\\d{4}-\\d{2}-\\d{2}$", "u");
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!(key0 === "rules" || key0 === "privateBuckets" || key0 === "ignore")) {
          validate10.errors = [{ instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties" }];
          return false;
          break;
        }
      }
      if (_errs1 === errors) {
        if (data.rules !== void 0) {
          let data0 = data.rules;
          const _errs2 = errors;
          if (errors === _errs2) {
            if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
              for (const key1 in data0) {
                let data1 = data0[key1];
                const _errs5 = errors;
                const _errs6 = errors;
                let valid2 = false;
                let passing0 = null;
                const _errs7 = errors;
                if (!(data1 === "error" || data1 === "warning" || data1 === "note" || data1 === "off")) {
                  const err0 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf/0/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.additionalProperties.oneOf[0].enum }, message: "must be equal to one of the allowed values" };
                  if (vErrors === null) {
                    vErrors = [err0];
                  } else {
                    vErrors.push(err0);
                  }
                  errors++;
                }
                var _valid0 = _errs7 === errors;
                if (_valid0) {
                  valid2 = true;
                  passing0 = 0;
                }
                const _errs8 = errors;
                if (errors === _errs8) {
                  if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
                    const _errs10 = errors;
                    for (const key2 in data1) {
                      if (!(key2 === "severity" || key2 === "options")) {
                        const err1 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties" };
                        if (vErrors === null) {
                          vErrors = [err1];
                        } else {
                          vErrors.push(err1);
                        }
                        errors++;
                        break;
                      }
                    }
                    if (_errs10 === errors) {
                      if (data1.severity !== void 0) {
                        let data2 = data1.severity;
                        const _errs11 = errors;
                        if (!(data2 === "error" || data2 === "warning" || data2 === "note" || data2 === "off")) {
                          const err2 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/severity", schemaPath: "#/properties/rules/additionalProperties/oneOf/1/properties/severity/enum", keyword: "enum", params: { allowedValues: schema11.properties.rules.additionalProperties.oneOf[1].properties.severity.enum }, message: "must be equal to one of the allowed values" };
                          if (vErrors === null) {
                            vErrors = [err2];
                          } else {
                            vErrors.push(err2);
                          }
                          errors++;
                        }
                        var valid3 = _errs11 === errors;
                      } else {
                        var valid3 = true;
                      }
                      if (valid3) {
                        if (data1.options !== void 0) {
                          let data3 = data1.options;
                          const _errs12 = errors;
                          if (!(data3 && typeof data3 == "object" && !Array.isArray(data3))) {
                            const err3 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/options", schemaPath: "#/properties/rules/additionalProperties/oneOf/1/properties/options/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            if (vErrors === null) {
                              vErrors = [err3];
                            } else {
                              vErrors.push(err3);
                            }
                            errors++;
                          }
                          var valid3 = _errs12 === errors;
                        } else {
                          var valid3 = true;
                        }
                      }
                    }
                  } else {
                    const err4 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    if (vErrors === null) {
                      vErrors = [err4];
                    } else {
                      vErrors.push(err4);
                    }
                    errors++;
                  }
                }
                var _valid0 = _errs8 === errors;
                if (_valid0 && valid2) {
                  valid2 = false;
                  passing0 = [passing0, 1];
                } else {
                  if (_valid0) {
                    valid2 = true;
                    passing0 = 1;
                  }
                }
                if (!valid2) {
                  const err5 = { instancePath: instancePath + "/rules/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/rules/additionalProperties/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf" };
                  if (vErrors === null) {
                    vErrors = [err5];
                  } else {
                    vErrors.push(err5);
                  }
                  errors++;
                  validate10.errors = vErrors;
                  return false;
                } else {
                  errors = _errs6;
                  if (vErrors !== null) {
                    if (_errs6) {
                      vErrors.length = _errs6;
                    } else {
                      vErrors = null;
                    }
                  }
                }
                var valid1 = _errs5 === errors;
                if (!valid1) {
                  break;
                }
              }
            } else {
              validate10.errors = [{ instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
              return false;
            }
          }
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.privateBuckets !== void 0) {
            let data4 = data.privateBuckets;
            const _errs14 = errors;
            if (errors === _errs14) {
              if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                const _errs16 = errors;
                for (const key3 in data4) {
                  if (!(key3 === "names" || key3 === "tags")) {
                    validate10.errors = [{ instancePath: instancePath + "/privateBuckets", schemaPath: "#/properties/privateBuckets/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties" }];
                    return false;
                    break;
                  }
                }
                if (_errs16 === errors) {
                  if (data4.names !== void 0) {
                    let data5 = data4.names;
                    const _errs17 = errors;
                    if (errors === _errs17) {
                      if (Array.isArray(data5)) {
                        var valid5 = true;
                        const len0 = data5.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data6 = data5[i0];
                          const _errs19 = errors;
                          if (errors === _errs19) {
                            if (typeof data6 === "string") {
                              if (data6.length < 1) {
                                validate10.errors = [{ instancePath: instancePath + "/privateBuckets/names/" + i0, schemaPath: "#/properties/privateBuckets/properties/names/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                return false;
                              }
                            } else {
                              validate10.errors = [{ instancePath: instancePath + "/privateBuckets/names/" + i0, schemaPath: "#/properties/privateBuckets/properties/names/items/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                          }
                          var valid5 = _errs19 === errors;
                          if (!valid5) {
                            break;
                          }
                        }
                      } else {
                        validate10.errors = [{ instancePath: instancePath + "/privateBuckets/names", schemaPath: "#/properties/privateBuckets/properties/names/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                        return false;
                      }
                    }
                    var valid4 = _errs17 === errors;
                  } else {
                    var valid4 = true;
                  }
                  if (valid4) {
                    if (data4.tags !== void 0) {
                      let data7 = data4.tags;
                      const _errs21 = errors;
                      if (errors === _errs21) {
                        if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
                          for (const key4 in data7) {
                            const _errs24 = errors;
                            if (typeof data7[key4] !== "string") {
                              validate10.errors = [{ instancePath: instancePath + "/privateBuckets/tags/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/privateBuckets/properties/tags/additionalProperties/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                              return false;
                            }
                            var valid6 = _errs24 === errors;
                            if (!valid6) {
                              break;
                            }
                          }
                        } else {
                          validate10.errors = [{ instancePath: instancePath + "/privateBuckets/tags", schemaPath: "#/properties/privateBuckets/properties/tags/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                          return false;
                        }
                      }
                      var valid4 = _errs21 === errors;
                    } else {
                      var valid4 = true;
                    }
                  }
                }
              } else {
                validate10.errors = [{ instancePath: instancePath + "/privateBuckets", schemaPath: "#/properties/privateBuckets/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                return false;
              }
            }
            var valid0 = _errs14 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.ignore !== void 0) {
              let data9 = data.ignore;
              const _errs26 = errors;
              if (errors === _errs26) {
                if (Array.isArray(data9)) {
                  var valid7 = true;
                  const len1 = data9.length;
                  for (let i1 = 0; i1 < len1; i1++) {
                    let data10 = data9[i1];
                    const _errs28 = errors;
                    if (errors === _errs28) {
                      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                        let missing0;
                        if (data10.rule === void 0 && (missing0 = "rule") || data10.reason === void 0 && (missing0 = "reason")) {
                          validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/properties/ignore/items/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
                          return false;
                        } else {
                          const _errs30 = errors;
                          for (const key5 in data10) {
                            if (!(key5 === "rule" || key5 === "address" || key5 === "id" || key5 === "reason" || key5 === "expires")) {
                              validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/properties/ignore/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties" }];
                              return false;
                              break;
                            }
                          }
                          if (_errs30 === errors) {
                            if (data10.rule !== void 0) {
                              let data11 = data10.rule;
                              const _errs31 = errors;
                              if (errors === _errs31) {
                                if (typeof data11 === "string") {
                                  if (data11.length < 1) {
                                    validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/rule", schemaPath: "#/properties/ignore/items/properties/rule/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                    return false;
                                  }
                                } else {
                                  validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/rule", schemaPath: "#/properties/ignore/items/properties/rule/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                  return false;
                                }
                              }
                              var valid8 = _errs31 === errors;
                            } else {
                              var valid8 = true;
                            }
                            if (valid8) {
                              if (data10.address !== void 0) {
                                let data12 = data10.address;
                                const _errs33 = errors;
                                if (errors === _errs33) {
                                  if (typeof data12 === "string") {
                                    if (data12.length < 1) {
                                      validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/address", schemaPath: "#/properties/ignore/items/properties/address/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                      return false;
                                    }
                                  } else {
                                    validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/address", schemaPath: "#/properties/ignore/items/properties/address/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                    return false;
                                  }
                                }
                                var valid8 = _errs33 === errors;
                              } else {
                                var valid8 = true;
                              }
                              if (valid8) {
                                if (data10.id !== void 0) {
                                  let data13 = data10.id;
                                  const _errs35 = errors;
                                  if (errors === _errs35) {
                                    if (typeof data13 === "string") {
                                      if (data13.length < 1) {
                                        validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/id", schemaPath: "#/properties/ignore/items/properties/id/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                        return false;
                                      }
                                    } else {
                                      validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/id", schemaPath: "#/properties/ignore/items/properties/id/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                      return false;
                                    }
                                  }
                                  var valid8 = _errs35 === errors;
                                } else {
                                  var valid8 = true;
                                }
                                if (valid8) {
                                  if (data10.reason !== void 0) {
                                    let data14 = data10.reason;
                                    const _errs37 = errors;
                                    if (errors === _errs37) {
                                      if (typeof data14 === "string") {
                                        if (data14.length < 1) {
                                          validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/reason", schemaPath: "#/properties/ignore/items/properties/reason/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" }];
                                          return false;
                                        }
                                      } else {
                                        validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/reason", schemaPath: "#/properties/ignore/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                        return false;
                                      }
                                    }
                                    var valid8 = _errs37 === errors;
                                  } else {
                                    var valid8 = true;
                                  }
                                  if (valid8) {
                                    if (data10.expires !== void 0) {
                                      let data15 = data10.expires;
                                      const _errs39 = errors;
                                      if (errors === _errs39) {
                                        if (typeof data15 === "string") {
                                          if (!pattern0.test(data15)) {
                                            validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/expires", schemaPath: "#/properties/ignore/items/properties/expires/pattern", keyword: "pattern", params: { pattern: "^\\d{4}-\\d{2}-\\d{2}$" }, message: 'must match pattern "^\\d{4}-\\d{2}-\\d{2}$"' }];
                                            return false;
                                          }
                                        } else {
                                          validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1 + "/expires", schemaPath: "#/properties/ignore/items/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                          return false;
                                        }
                                      }
                                      var valid8 = _errs39 === errors;
                                    } else {
                                      var valid8 = true;
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      } else {
                        validate10.errors = [{ instancePath: instancePath + "/ignore/" + i1, schemaPath: "#/properties/ignore/items/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                        return false;
                      }
                    }
                    var valid7 = _errs28 === errors;
                    if (!valid7) {
                      break;
                    }
                  }
                } else {
                  validate10.errors = [{ instancePath: instancePath + "/ignore", schemaPath: "#/properties/ignore/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                  return false;
                }
              }
              var valid0 = _errs26 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate10.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/config/load.ts
var DEFAULT_CONFIG_FILES = [".vpcelint.yml", ".vpcelint.yaml"];
function emptyConfig() {
  return { ruleSettings: {}, settings: { privateBuckets: { names: [], tags: {} } }, ignore: [] };
}
async function loadConfig(explicit, cwd, knownRules) {
  const file = explicit ?? DEFAULT_CONFIG_FILES.map((f) => join2(cwd, f)).find((f) => existsSync2(f));
  if (!file) return emptyConfig();
  let text;
  try {
    text = readFileSync2(file, "utf8");
  } catch (err) {
    throw new InputError(`${file}: cannot read config: ${err.code ?? err.message}`, file);
  }
  return parseConfig(text, file, knownRules);
}
var validateConfig = validate;
async function parseConfig(text, file, knownRules) {
  const yaml = await import("./dist-ELY7ELIH.js");
  const { parseDocument, LineCounter } = yaml.default ?? yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    throw new InputError(`${file}${pos ? `:${pos.line}:${pos.col}` : ""}: not valid YAML: ${e.message.split("\n")[0]}`, file);
  }
  const data = doc.toJS() ?? {};
  if (!validateConfig(data)) throw new InputError(`${file}: ${describeError(validateConfig.errors?.[0])}`, file);
  const raw = data;
  const ruleSettings = {};
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (!knownRules.includes(id)) throw new InputError(`${file}: unknown rule ${JSON.stringify(id)} at rules.${id} (run "vpcelint rules" for the list)`, file);
    ruleSettings[id] = typeof setting === "string" ? { severity: setting } : setting;
  }
  for (const [i, entry] of (raw.ignore ?? []).entries()) {
    if (!knownRules.includes(entry.rule)) throw new InputError(`${file}: unknown rule ${JSON.stringify(entry.rule)} at ignore[${i}].rule`, file);
    if (!entry.address && !entry.id) throw new InputError(`${file}: ignore[${i}] needs an address or an id pattern`, file);
  }
  return {
    file,
    ruleSettings,
    settings: { privateBuckets: { names: raw.privateBuckets?.names ?? [], tags: raw.privateBuckets?.tags ?? {} } },
    ignore: raw.ignore ?? []
  };
}
function describeError(e) {
  if (!e) return "invalid config";
  const where3 = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "(top level)";
  if (e.keyword === "additionalProperties") {
    return `unknown key ${JSON.stringify(e.params.additionalProperty)} at ${where3}`;
  }
  if (e.keyword === "enum") return `${where3} must be one of ${e.params.allowedValues.join(", ")}`;
  if (e.keyword === "required") return `${where3} is missing ${JSON.stringify(e.params.missingProperty)}`;
  return `${where3} ${e.message ?? "is invalid"}`;
}

// src/report/pieces.ts
var Pieces = class {
  constructor(render) {
    this.render = render;
  }
  render;
  [Symbol.iterator]() {
    return this.render()[Symbol.iterator]();
  }
  /** The whole text, for what needs it at once (redaction, tests, the API's string). */
  text() {
    const parts = [];
    for (const piece of this) parts.push(piece);
    return parts.join("");
  }
};
function textOf2(output) {
  return typeof output === "string" ? output : output.text();
}
var BATCH_CHARS = 1 << 16;
function* batches(output) {
  if (typeof output === "string") {
    yield* cut(output);
    return;
  }
  let parts = [];
  let length = 0;
  for (const piece of output) {
    parts.push(piece);
    length += piece.length;
    if (length >= BATCH_CHARS) {
      const text = parts.join("");
      const keep = isHighSurrogate(text.charCodeAt(text.length - 1)) ? 1 : 0;
      yield keep ? text.slice(0, -1) : text;
      parts = keep ? [text.slice(-1)] : [];
      length = keep;
    }
  }
  if (length > 0) yield parts.join("");
}
function* cut(text) {
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + BATCH_CHARS, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    yield text.slice(at, end);
    at = end;
  }
}
function isHighSurrogate(code2) {
  return code2 >= 55296 && code2 <= 56319;
}

// src/report/redact.ts
var REDACTED = "(sensitive value hidden)";
var MAX_PASSES = 3;
function redact(text, sensitive) {
  if (sensitive.size === 0) return text;
  const forms = /* @__PURE__ */ new Set();
  for (const v of sensitive) for (const form of writtenForms(v)) forms.add(form);
  const list3 = [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  let out = text.replace(alternation(list3), REDACTED);
  const again = list3.filter((f) => !REDACTED.includes(f));
  if (again.length === 0) return out;
  const pattern = alternation(again);
  for (let pass = 1; pass < MAX_PASSES && pattern.test(out); pass++) out = out.replace(pattern, REDACTED);
  return out;
}
function redactOutput(output, sensitive) {
  return sensitive.size === 0 ? output : redact(textOf2(output), sensitive);
}
function alternation(forms) {
  return new RegExp(forms.map(escapeRegExp).join("|"), "g");
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

// src/suppress/baseline.ts
import { readFileSync as readFileSync4 } from "node:fs";

// src/report/sarif.ts
import { randomUUID } from "node:crypto";
import { isAbsolute, relative as relative2, sep as sep2 } from "node:path";
import { pathToFileURL } from "node:url";

// src/version.ts
import { existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import { dirname as dirname2, join as join3 } from "node:path";
import { fileURLToPath } from "node:url";
var TOOL_NAME = "vpcelint";
var VERSION = readVersion();
var INFORMATION_URI = "https://github.com/vpcelint/vpcelint";
function readVersion() {
  let dir = dirname2(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const file = join3(dir, "package.json");
    if (existsSync3(file)) {
      const pkg = JSON.parse(readFileSync3(file, "utf8"));
      if (pkg.name === TOOL_NAME && pkg.version) return pkg.version;
    }
    dir = dirname2(dir);
  }
  return "0.0.0";
}

// src/report/rule-help.ts
var SECURITY_SEVERITY = { error: "7.5", warning: "5.0", note: "2.0" };
function ruleHelpUri(id) {
  return `${INFORMATION_URI}/blob/main/docs/rules/${id}.md`;
}
function renderRuleHelp(meta) {
  return `${helpSections(meta).join("\n").trimEnd()}
`;
}
function helpSections(meta) {
  return [
    "## What it flags and why",
    "",
    meta.description,
    "",
    "## How to fix",
    "",
    meta.fix,
    "",
    "## How to suppress",
    "",
    "Fix the finding if you can. When it is intended, say why where the next reader will look:",
    "",
    "- in the resource block (or on the comment lines right above it); the reason is required:",
    "",
    "  ```hcl",
    `  # vpcelint:ignore ${meta.id} <why this is intended>`,
    "  ```",
    "",
    "- or in `.vpcelint.yml`, by Terraform address or AWS id/ARN pattern (`*` matches anything), optionally until a date:",
    "",
    "  ```yaml",
    "  ignore:",
    `    - rule: ${meta.id}`,
    "      address: module.legacy.*",
    "      reason: <why this is intended>",
    "      expires: 2030-12-31",
    "  ```",
    "",
    "Suppressed findings still appear in SARIF (as `suppressions`) and are counted apart; they never fail the scan. To fail a pull request only on what it adds, compare with the last report: `vpcelint scan --plan plan.json --baseline main.sarif`.",
    "",
    "## References",
    "",
    ...meta.docs.map((d) => `- <${d}>`)
  ];
}

// src/report/scan-report.ts
import { createHash, hash } from "node:crypto";

// src/engine/rule.ts
function sharedValues() {
  const values = /* @__PURE__ */ new Map();
  return {
    get(key, compute) {
      if (!values.has(key)) values.set(key, compute());
      return values.get(key);
    }
  };
}
function isDiagnosticOutput(out) {
  return "diagnostic" in out;
}
var SEVERITY_RANK = { note: 1, warning: 2, error: 3 };

// src/engine/run.ts
var DEFAULT_SETTINGS = { privateBuckets: { names: [], tags: {} } };
function runRules(inv, options) {
  const topology = topologyOf(inv);
  const findings = [];
  const diagnostics = [];
  const runs = [];
  const shared = sharedValues();
  for (const rule22 of options.rules) {
    const setting = options.ruleSettings?.[rule22.meta.id];
    if (setting?.severity === "off") continue;
    const ruleSeverity = setting?.severity ?? rule22.meta.severity;
    const run = { meta: rule22.meta, severity: ruleSeverity };
    runs.push(run);
    const ctx = { topology, options: setting?.options ?? {}, settings: options.settings ?? DEFAULT_SETTINGS, shared };
    const start = performance.now();
    try {
      for (const out of rule22.check(inv, ctx)) {
        if (isDiagnosticOutput(out)) {
          diagnostics.push({ ...out.diagnostic, ruleId: rule22.meta.id });
          continue;
        }
        const severity = setting?.severity ?? out.severity ?? ruleSeverity;
        findings.push({ ...out, ruleId: rule22.meta.id, severity });
      }
    } catch (err) {
      diagnostics.push({
        level: "error",
        code: "rule-crashed",
        ruleId: rule22.meta.id,
        message: `rule ${rule22.meta.id} failed and its results are incomplete: ${err.message}`
      });
    }
    run.ms = performance.now() - start;
  }
  clearPolicyCache();
  findings.sort(compareFindings);
  return { findings, diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)), rules: runs };
}
function compareFindings(a, b) {
  return cmp(a.ruleId, b.ruleId) || cmp(a.primary.key, b.primary.key) || cmp(a.message, b.message);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sortDiagnostics(list3) {
  const key = (d) => `${d.ruleId ?? ""}\0${d.subject?.key ?? ""}\0${d.code}\0${d.message}`;
  return [...list3].sort((a, b) => cmp(key(a), key(b)));
}
function dedupeDiagnostics(list3) {
  const seen = /* @__PURE__ */ new Set();
  return list3.filter((d) => {
    const key = `${d.ruleId ?? ""}\0${d.code}\0${d.subject?.key ?? ""}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/report/scan-report.ts
function makeReport(source, result2, inventoryDiagnostics, inventory) {
  return {
    tool: { name: TOOL_NAME, version: VERSION },
    source,
    findings: result2.findings,
    diagnostics: [...sortDiagnostics(inventoryDiagnostics), ...result2.diagnostics],
    rules: result2.rules,
    inventory,
    suppressed: []
  };
}
function fingerprint(f) {
  const evidence = Object.keys(f.evidence).sort().map((k) => [k, f.evidence[k]]);
  const identity = f.primary.address ?? liveIdentity(f.primary);
  return sha256Hex(JSON.stringify([f.ruleId, identity, evidence])).slice(0, 32);
}
var sha256Hex = typeof hash === "function" ? (text) => hash("sha256", text, "hex") : (text) => createHash("sha256").update(text).digest("hex");
function liveIdentity(ref) {
  const name = ref.arn ?? ref.id ?? ref.key;
  return ref.account || ref.region ? `${ref.account ?? ""}/${ref.region ?? ""}/${name}` : name;
}
function countBySeverity(findings) {
  const out = { error: 0, warning: 0, note: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
function sourceLabel(source) {
  switch (source.kind) {
    case "plan":
      return source.file === "-" ? "<stdin>" : source.file;
    case "aws": {
      const accounts = source.organization !== void 0 ? `organization ${source.organization} (${source.accounts.length} account${source.accounts.length === 1 ? "" : "s"})` : source.accounts.join(",") || "(account unknown)";
      const regions = source.allRegions ? `all enabled regions (${nameList(source.regions)})` : source.regions.join(",");
      return `aws ${accounts} ${regions}`;
    }
    case "snapshot":
      return `snapshot ${source.file}`;
    case "test":
      return "test inventory";
  }
}

// src/report/sarif-limit.ts
var GITHUB_MAX_RESULTS = 25e3;
function selectResults(report, max) {
  const { findings, suppressed } = report;
  if (omittedCount(report, max) === 0) return { findings, suppressed, omitted: [], omittedSuppressed: 0 };
  const classOf = (f, isSuppressed) => (isSuppressed ? 3 : 0) + 3 - SEVERITY_RANK[f.severity];
  const sizes = [0, 0, 0, 0, 0, 0];
  for (const f of findings) sizes[classOf(f, false)]++;
  for (const f of suppressed) sizes[classOf(f, true)]++;
  let cut2 = 0;
  let room = max;
  while (room >= sizes[cut2]) room -= sizes[cut2++];
  const taken = [0, 0, 0, 0, 0, 0];
  const omitted = [[], [], [], [], [], []];
  const keep = (f, isSuppressed) => {
    const c = classOf(f, isSuppressed);
    if (c < cut2 || c === cut2 && taken[c] < room) return taken[c]++, true;
    omitted[c].push(f);
    return false;
  };
  return {
    findings: findings.filter((f) => keep(f, false)),
    suppressed: suppressed.filter((f) => keep(f, true)),
    omitted: omitted.flat(),
    omittedSuppressed: omitted[3].length + omitted[4].length + omitted[5].length
  };
}
function omittedCount(report, max) {
  const total = report.findings.length + report.suppressed.length;
  return max > 0 && total > max ? total - max : 0;
}
function omittedMessage(total, max, { omitted, omittedSuppressed }) {
  const bySeverity = { error: 0, warning: 0, note: 0 };
  for (const f of omitted) bySeverity[f.severity]++;
  const parts = ["error", "warning", "note"].filter((s) => bySeverity[s] > 0).map((s) => plural3(bySeverity[s], s));
  const suppressedPart = omittedSuppressed > 0 ? `, ${omittedSuppressed.toLocaleString("en-US")} of them suppressed` : "";
  return `${plural3(total, "result")}, more than the ${max.toLocaleString("en-US")} this SARIF run may hold${max === GITHUB_MAX_RESULTS ? " (GitHub code scanning rejects a whole upload above that)" : ""}: it keeps the most severe open findings and leaves out ${omitted.length.toLocaleString("en-US")} (${parts.join(", ")}${suppressedPart}). They count for the exit code as always, --format json and text list every one, and their fingerprints are in this run's properties (${OMITTED_FINGERPRINTS_KEY}), so --baseline knows them. --sarif-max-results 0 writes them all.`;
}
var OMITTED_FINGERPRINTS_KEY = "vpcelint/omittedFingerprints";
function plural3(n, word) {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

// src/report/sarif.ts
var FINGERPRINT_KEY = "vpcelint/v1";
var SRCROOT = "%SRCROOT%";
var MAX_TEXT = 1024;
var MAX_TAGS = 20;
var MAX_RELATED = 1e3;
var COMPACT_ABOVE = 100;
function sarifPieces(full, options = {}) {
  const max = options.maxResults ?? GITHUB_MAX_RESULTS;
  const selection = selectResults(full, max);
  const { findings, suppressed, omitted } = selection;
  const report = omitted.length > 0 ? { ...full, findings, suppressed } : full;
  const ruleIndex = new Map(report.rules.map((r, i) => [r.meta.id, i]));
  const ctx = { report, ruleIndex };
  const count = report.findings.length + report.suppressed.length;
  const compact = count > COMPACT_ABOVE;
  const sentinel = compact ? `vpcelint-results-${randomUUID()}` : void 0;
  const results = compact ? [] : [...resultsOf(ctx)];
  const run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: INFORMATION_URI,
        rules: report.rules.map(ruleDescriptor)
      }
    },
    automationDetails: { id: `vpcelint/${category(report)}/` },
    ...report.sourceRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.sourceRoot) } } } : {},
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [...report.diagnostics.map((d) => notification(ctx, d)), ...omittedNotification(full, max, selection)]
      }
    ],
    results: sentinel ? sentinel : results,
    columnKind: "utf16CodeUnits",
    ...omitted.length > 0 ? { properties: { [OMITTED_FINGERPRINTS_KEY]: omitted.map(fingerprint) } } : {}
  };
  const log = { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run] };
  if (!sentinel) return `${JSON.stringify(log, null, 2)}
`;
  const skeleton = JSON.stringify(log);
  const placeholder = `"results":"${sentinel}"`;
  const at = skeleton.indexOf(placeholder);
  return new Pieces(function* () {
    yield skeleton.slice(0, at);
    yield '"results":[';
    let first2 = true;
    for (const r of resultsOf(ctx)) {
      yield first2 ? JSON.stringify(r) : `,${JSON.stringify(r)}`;
      first2 = false;
    }
    yield "]";
    yield skeleton.slice(at + placeholder.length);
    yield "\n";
  });
}
function* resultsOf(ctx) {
  for (const f of ctx.report.findings) yield result(ctx, f, []);
  for (const f of ctx.report.suppressed) yield result(ctx, f, f.suppressions);
}
function omittedNotification(full, max, selection) {
  if (selection.omitted.length === 0) return [];
  const total = full.findings.length + full.suppressed.length;
  return [{ level: "warning", message: { text: omittedMessage(total, max, selection) }, descriptor: { id: "sarif-results-limited" } }];
}
function ruleDescriptor(run) {
  const { meta } = run;
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: clip2(meta.title) },
    fullDescription: { text: clip2(meta.description) },
    help: { text: `${meta.description}

${meta.fix}`, markdown: renderRuleHelp(meta) },
    helpUri: ruleHelpUri(meta.id),
    defaultConfiguration: { level: run.severity },
    properties: {
      tags: meta.tags.slice(0, MAX_TAGS),
      precision: meta.precision,
      "security-severity": SECURITY_SEVERITY[run.severity]
    }
  };
}
function result(ctx, f, suppressions) {
  const fp = fingerprint(f);
  const index = ctx.ruleIndex.get(f.ruleId);
  const related = f.related.slice(0, MAX_RELATED);
  return {
    ruleId: f.ruleId,
    ...index !== void 0 ? { ruleIndex: index } : {},
    level: f.severity,
    message: { text: f.message },
    locations: [location(ctx.report, f.primary, f.attribute)],
    ...related.length > 0 ? { relatedLocations: related.map((r, i) => ({ id: i + 1, ...location(ctx.report, r), message: { text: displayName(r) } })) } : {},
    // Line-free: the same finding keeps its alert when lines move. GitHub takes our primaryLocationLineHash instead of hashing the line.
    partialFingerprints: { [FINGERPRINT_KEY]: fp, primaryLocationLineHash: fp },
    ...suppressions.length > 0 ? { suppressions: suppressions.map(suppression) } : {},
    ...ctx.report.baseline ? { baselineState: suppressions.some((s) => s.via === "baseline") ? "unchanged" : "new" } : {}
  };
}
function location(report, ref, attribute) {
  const logical = logicalLocations(ref);
  if (ref.location) {
    const block = { startLine: ref.location.startLine, endLine: ref.location.endLine };
    const region = rangeFor(ref.location, attribute);
    const wider = region.startLine !== block.startLine || region.endLine !== block.endLine;
    return {
      physicalLocation: {
        artifactLocation: { uri: encodePath(ref.location.file), uriBaseId: SRCROOT },
        region: { startLine: region.startLine, endLine: region.endLine },
        ...wider ? { contextRegion: block } : {}
      },
      logicalLocations: logical
    };
  }
  return {
    physicalLocation: { artifactLocation: { uri: pseudoPath(report.source, ref) }, region: { startLine: 1 } },
    logicalLocations: logical
  };
}
function pseudoPath(source, ref) {
  if (ref.address && (source.kind === "plan" || !(ref.id || ref.arn))) return `terraform/${encodeURIComponent(ref.address)}`;
  const type = ref.type ?? ref.kind;
  const name = ref.id ?? ref.arn ?? ref.key;
  return ["aws", ref.account ?? "unknown-account", ref.region ?? "global", type, name].map(encodeURIComponent).join("/");
}
function logicalLocations(ref) {
  let properties;
  if (ref.account || ref.region) {
    properties = {};
    if (ref.account) properties.account = ref.account;
    if (ref.region) properties.region = ref.region;
  }
  const aws = ref.arn ?? ref.id;
  const named = (fullyQualifiedName, decoratedName) => {
    const l = { fullyQualifiedName, kind: "resource" };
    if (decoratedName) l.decoratedName = decoratedName;
    if (properties) l.properties = properties;
    return l;
  };
  if (!ref.address) return [named(aws ?? ref.key, ref.type)];
  return aws ? [named(ref.address, ref.type), named(aws, void 0)] : [named(ref.address, ref.type)];
}
function suppression(s) {
  return {
    kind: s.kind,
    status: "accepted",
    justification: s.justification,
    ...s.via === "inline" && s.location ? { location: { physicalLocation: { artifactLocation: { uri: encodePath(s.location.file), uriBaseId: SRCROOT }, region: { startLine: s.location.line ?? 1 } } } } : {},
    properties: { via: s.via, ...s.via !== "inline" && s.location ? { file: s.location.file } : {} }
  };
}
function notification(ctx, d) {
  const index = d.ruleId !== void 0 ? ctx.ruleIndex.get(d.ruleId) : void 0;
  return {
    level: d.level,
    message: { text: d.message },
    descriptor: { id: d.code },
    ...d.ruleId ? { associatedRule: { id: d.ruleId, ...index !== void 0 ? { index } : {} } } : {},
    ...d.subject ? { locations: [location(ctx.report, d.subject)] } : {}
  };
}
function category(report) {
  const source = report.source;
  switch (source.kind) {
    case "plan":
      return `plan:${source.file === "-" ? "stdin" : repoRelative(report, source.file)}`;
    case "aws": {
      const accounts = source.organization !== void 0 ? `org:${source.organization}` : source.accounts.join(",") || "unknown-account";
      const regions = source.allRegions || source.regions.length === 0 ? "all-regions" : source.regions.join(",");
      return `aws:${accounts}:${regions}`;
    }
    case "snapshot":
      return `snapshot:${repoRelative(report, source.file)}`;
    case "test":
      return "test";
  }
}
function repoRelative(report, file) {
  if (report.sourceRoot && isAbsolute(file)) {
    const rel = relative2(report.sourceRoot, file);
    if (!rel.startsWith("..") && !isAbsolute(rel)) return rel.split(sep2).join("/");
  }
  return file.split(sep2).join("/");
}
function encodePath(file) {
  return file.split("/").map(encodeURIComponent).join("/");
}
function directoryUri(dir) {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}
function clip2(text) {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 3)}...`;
}
function pascalCase(id) {
  return id.replace(/(^|[-_.])([a-z0-9])/g, (_, __, c) => c.toUpperCase());
}

// src/suppress/baseline.ts
function readBaseline(file) {
  let text;
  try {
    text = readFileSync4(file, "utf8");
  } catch (err) {
    throw new InputError(`--baseline ${file}: cannot read: ${err.code === "ENOENT" ? "no such file" : err.code ?? err.message}`, file);
  }
  let log;
  try {
    log = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new InputError(`--baseline ${file}: not valid JSON (${err.message})`, file);
  }
  const runs = isObject3(log) && log.version === "2.1.0" && Array.isArray(log.runs) ? log.runs : void 0;
  if (!runs) throw new InputError(`--baseline ${file}: not a SARIF 2.1.0 log (no "version": "2.1.0" and "runs")`, file);
  const ours = runs.filter((r) => isObject3(r) && isObject3(r.tool) && isObject3(r.tool.driver) && r.tool.driver.name === TOOL_NAME);
  if (ours.length === 0) throw new InputError(`--baseline ${file}: has no ${TOOL_NAME} run; give the SARIF a previous "vpcelint scan" wrote`, file);
  const out = /* @__PURE__ */ new Set();
  for (const [i, run] of ours.entries()) {
    const results = run.results ?? [];
    if (!Array.isArray(results)) throw new InputError(`--baseline ${file}: runs[${i}].results is not an array`, file);
    for (const r of results) {
      const fp = isObject3(r) && isObject3(r.partialFingerprints) ? r.partialFingerprints[FINGERPRINT_KEY] : void 0;
      if (typeof fp === "string") out.add(fp);
    }
    const properties = run.properties;
    const omitted = isObject3(properties) ? properties[OMITTED_FINGERPRINTS_KEY] : void 0;
    if (omitted === void 0) continue;
    if (!Array.isArray(omitted) || !omitted.every((fp) => typeof fp === "string")) {
      throw new InputError(`--baseline ${file}: runs[${i}].properties["${OMITTED_FINGERPRINTS_KEY}"] is not a list of fingerprints`, file);
    }
    for (const fp of omitted) out.add(fp);
  }
  return out;
}
function isObject3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// src/suppress/config-ignore.ts
function compileIgnores(entries, today, file) {
  return entries.map((entry, index) => {
    if (entry.expires !== void 0 && !isCalendarDate(entry.expires)) {
      throw new InputError(`${file}: ignore[${index}].expires ${JSON.stringify(entry.expires)} is not a calendar date (YYYY-MM-DD)`, file);
    }
    return {
      entry,
      index,
      expired: entry.expires !== void 0 && entry.expires < today,
      ...entry.address ? { address: globToRegExp(entry.address) } : {},
      ...entry.id ? { id: globToRegExp(entry.id) } : {}
    };
  });
}
function ignoreMatches(ignore, ruleId, ref) {
  if (ignore.entry.rule !== ruleId) return false;
  if (ignore.address && ref.address && ignore.address.test(ref.address)) return true;
  if (ignore.id && (ref.id && ignore.id.test(ref.id) || ref.arn && ignore.id.test(ref.arn))) return true;
  return false;
}
var IgnoreIndex = class {
  byRule = /* @__PURE__ */ new Map();
  constructor(ignores) {
    for (const ig of ignores) {
      if (ig.expired) continue;
      let slot = this.byRule.get(ig.entry.rule);
      if (!slot) this.byRule.set(ig.entry.rule, slot = { byAddress: /* @__PURE__ */ new Map(), byId: /* @__PURE__ */ new Map(), globs: [] });
      const { address, id } = ig.entry;
      if (address && isLiteral(address)) push2(slot.byAddress, address, ig);
      if (id && isLiteral(id)) push2(slot.byId, id, ig);
      if (address && !isLiteral(address) || id && !isLiteral(id)) slot.globs.push(ig);
    }
  }
  /** The entries that suppress a finding of this rule on this resource, in the config's order (what ignoreMatches accepts). */
  matching(ruleId, ref) {
    const slot = this.byRule.get(ruleId);
    if (!slot) return [];
    const found = /* @__PURE__ */ new Set();
    const add4 = (list3) => list3?.forEach((ig) => found.add(ig));
    if (ref.address) add4(slot.byAddress.get(ref.address));
    if (ref.id) add4(slot.byId.get(ref.id));
    if (ref.arn) add4(slot.byId.get(ref.arn));
    for (const ig of slot.globs) if (ignoreMatches(ig, ruleId, ref)) found.add(ig);
    return found.size > 1 ? [...found].sort((a, b) => a.index - b.index) : [...found];
  }
};
function isLiteral(glob) {
  return !glob.includes("*") && !glob.includes("?");
}
function push2(map, key, value) {
  const list3 = map.get(key);
  if (list3) list3.push(value);
  else map.set(key, [value]);
}
function globToRegExp(glob) {
  let out = "";
  for (const c of glob) out += c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${out}$`);
}
function utcDate(now) {
  return now.toISOString().slice(0, 10);
}
function isCalendarDate(text) {
  const d = /* @__PURE__ */ new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && utcDate(d) === text;
}

// src/suppress/inline.ts
var MARKER = /vpcelint:(\S*)/;
function parseDirective(directive, knownRules) {
  const body = stripCommentMarkers(directive.text);
  const m = MARKER.exec(body);
  const where3 = `${directive.file}:${directive.line}`;
  if (!m) return { problem: `${where3}: unreadable vpcelint comment` };
  if (m[1] !== "ignore") return { problem: `${where3}: unknown directive "vpcelint:${m[1]}" (the one directive is "vpcelint:ignore <rule-id> <reason>")` };
  const rest = body.slice(m.index + m[0].length).trim();
  const [ruleList = "", ...reasonWords] = rest.split(/\s+/);
  const rules = ruleList.split(",").filter((r) => r.length > 0);
  const reason = reasonWords.join(" ").trim();
  if (rules.length === 0) return { problem: `${where3}: "vpcelint:ignore" needs a rule id and a reason` };
  const unknown2 = rules.filter((r) => !knownRules.has(r));
  if (unknown2.length > 0) return { problem: `${where3}: "vpcelint:ignore" names unknown rule ${unknown2.map((r) => JSON.stringify(r)).join(", ")} (run "vpcelint rules" for the list)` };
  if (!reason) return { problem: `${where3}: "vpcelint:ignore ${ruleList}" has no reason, so it suppresses nothing: say why after the rule id` };
  return { ignore: { rules, reason, file: directive.file, line: directive.line } };
}
function stripCommentMarkers(text) {
  return text.replace(/^\s*(#|\/\/|\/\*)/, "").replace(/\*\/\s*$/, "");
}

// src/suppress/index.ts
function applySuppressions(report, options) {
  const known = new Set(options.knownRules);
  const diagnostics = [];
  const configFile = options.config?.file ?? ".vpcelint.yml";
  const ignores = compileIgnores(options.config?.ignore ?? [], utcDate(options.now ?? /* @__PURE__ */ new Date()), configFile);
  for (const ig of ignores.filter((i) => i.expired)) {
    const target = ig.entry.address ?? ig.entry.id;
    diagnostics.push({
      level: "warning",
      code: "suppression-expired",
      ruleId: ig.entry.rule,
      file: configFile,
      message: `${configFile}: ignore[${ig.index}] (${ig.entry.rule} on ${target}) expired on ${ig.entry.expires}, so its findings are reported again: fix them, or renew the entry with a new reason and date`
    });
  }
  const inline = /* @__PURE__ */ new Map();
  for (const d of options.sources?.directives ?? []) {
    const parsed = parseDirective(d, known);
    if ("problem" in parsed) diagnostics.push({ level: "warning", code: "suppression-invalid", file: d.file, message: parsed.problem });
    else if (d.orphan) {
      diagnostics.push({ level: "warning", code: "suppression-invalid", file: d.file, message: `${d.file}:${d.line}: "vpcelint:ignore" is neither inside a block nor on the comment lines right above one, so it suppresses nothing` });
    } else inline.set(`${d.file}:${d.line}`, parsed.ignore);
  }
  const inlineOf = (ref) => (options.sources?.directivesOf(ref) ?? []).flatMap((d) => inline.get(`${d.file}:${d.line}`) ?? []);
  const index = new IgnoreIndex(ignores);
  const findings = [];
  const suppressed = [...report.suppressed];
  for (const f of report.findings) {
    const reasons = [];
    for (const ig of inlineOf(f.primary)) {
      if (ig.rules.includes(f.ruleId)) reasons.push({ kind: "inSource", via: "inline", justification: ig.reason, location: { file: ig.file, line: ig.line } });
    }
    for (const ig of index.matching(f.ruleId, f.primary)) {
      reasons.push({ kind: "external", via: "config", justification: ig.entry.reason, location: { file: configFile } });
    }
    if (options.baseline?.fingerprints.has(fingerprint(f))) {
      reasons.push({ kind: "external", via: "baseline", justification: `already reported in the baseline ${options.baseline.file}`, location: { file: options.baseline.file } });
    }
    if (reasons.length > 0) suppressed.push({ ...f, suppressions: reasons });
    else findings.push(f);
  }
  return {
    ...report,
    findings,
    suppressed,
    diagnostics: [...report.diagnostics, ...diagnostics],
    ...options.baseline ? { baseline: { file: options.baseline.file } } : {}
  };
}

// src/cli/output.ts
import { closeSync as closeSync2, existsSync as existsSync4, fstatSync as fstatSync2, mkdirSync, openSync as openSync2, renameSync, rmSync, statSync as statSync2, writeSync } from "node:fs";
import { basename, dirname as dirname3, join as join4, resolve as resolve2 } from "node:path";
function writeAll(targets) {
  const files = [...new Map(targets.map(([path, content]) => [resolve2(path), [path, content]])).values()];
  const staged = [];
  const failed = (path, err) => {
    for (const [tmp] of staged) removeQuietly(tmp);
    return isSystemError(err) ? new InputError(`cannot write ${path}: ${err.code}`) : err;
  };
  for (const [path, content] of files) {
    if (isSpecialFile(path)) continue;
    const tmp = join4(dirname3(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      if (isDirectory(path)) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      mkdirSync(dirname3(path), { recursive: true });
      writeOutput(tmp, content);
    } catch (err) {
      removeQuietly(tmp);
      throw failed(path, err);
    }
    staged.push([tmp, path]);
  }
  for (const [tmp, path] of staged) {
    try {
      renameSync(tmp, path);
    } catch (err) {
      throw failed(path, err);
    }
  }
  for (const [path, content] of files) {
    if (!isSpecialFile(path)) continue;
    try {
      writeOutput(path, content);
    } catch (err) {
      throw failed(path, err);
    }
  }
}
var WRITE_BUFFER_BYTES = 256 * 1024;
var writeBuffer;
function writeOutput(path, content) {
  const fd = openSync2(path, "w");
  try {
    for (const text of batches(content)) writeText(fd, text);
  } finally {
    closeSync2(fd);
  }
}
function stdoutWriter() {
  let file = false;
  try {
    file = fstatSync2(1).isFile();
  } catch {
  }
  return file ? (text) => writeText(1, text) : (text) => void process.stdout.write(text);
}
function writeText(fd, text) {
  const buffer = writeBuffer ??= Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  const bytes2 = text.length * 3 <= buffer.length ? buffer.subarray(0, buffer.write(text, "utf8")) : Buffer.from(text, "utf8");
  for (let done = 0; done < bytes2.length; ) done += writeSync(fd, bytes2, done, bytes2.length - done);
}
function isSystemError(err) {
  return typeof err?.code === "string";
}
function checkTargets(targets) {
  for (const [flag, path] of targets) {
    if (path === void 0 || isSpecialFile(path)) continue;
    if (isDirectory(path)) throw new UsageError(`${flag} ${path}: is a directory`);
    let dir = dirname3(resolve2(path));
    while (!existsSync4(dir) && dirname3(dir) !== dir) dir = dirname3(dir);
    if (!isDirectory(dir)) throw new UsageError(`${flag} ${path}: ${dir} is not a directory`);
  }
}
function removeQuietly(path) {
  try {
    rmSync(path, { force: true });
  } catch {
  }
}
function isSpecialFile(path) {
  try {
    const st = statSync2(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

// src/cli/heap.ts
import { spawn } from "node:child_process";
import { constants as constants2, totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

// src/util/node-flags.ts
function startedWithFlag(flag, env = process.env, execArgv = process.execArgv) {
  return execArgv.some((a) => flag.test(a)) || flag.test(env.NODE_OPTIONS ?? "");
}

// src/cli/warn.ts
function warnUser(text, warn) {
  if (warn) warn(text);
  else process.stderr.write(`vpcelint: warning: ${text}
`);
}

// src/cli/heap.ts
var MiB = 1024 * 1024;
function heapNeeded(planBytes, lean = false) {
  return (lean || planBytes >= LEAN_FROM_BYTES ? 2 : 3) * planBytes + 64 * MiB;
}
function heapWanted(planBytes) {
  return 4 * planBytes + 256 * MiB;
}
var RESTARTED_ENV = "VPCELINT_HEAP_RESTARTED";
var MEMORY_SHARE = 0.75;
function heapAdvice(planBytes, facts, planLabel, canRestart = true) {
  if (heapNeeded(planBytes) <= facts.limit) return { kind: "here", lean: false };
  const needed = heapNeeded(planBytes, true);
  if (needed <= facts.limit) return { kind: "here", lean: true };
  const about = `${planLabel} is ${size(planBytes)}; a scan of it may need up to ${size(needed)} of JavaScript heap`;
  const warn = (why) => ({ kind: "here", lean: true, warning: `${about}, more than ${why}; the scan may run out of memory` });
  if (facts.restarted) return { kind: "here", lean: true };
  if (facts.userSet) return warn(`this process's limit of ${size(facts.limit)} (set by --max-old-space-size): raise it if it does`);
  if (!canRestart) return warn(`this process's limit of ${size(facts.limit)}`);
  const cap = Math.floor(facts.memory * MEMORY_SHARE);
  const wanted = Math.min(heapWanted(planBytes), cap);
  if (wanted < facts.limit * 1.1) return warn(`Node's limit of ${size(facts.limit)} here, and this machine has ${size(facts.memory)} of memory`);
  const note = wanted < needed ? `${about}, more than the ${size(cap)} that this machine's ${size(facts.memory)} of memory allow; the scan may run out of memory` : void 0;
  return { kind: "restart", mb: Math.ceil(wanted / MiB), ...note ? { note } : {} };
}
function processHeap(env = process.env, execArgv = process.execArgv) {
  const flag = /(^|\s)--max[-_](old[-_]space|heap)[-_]size\b/;
  const constrained = process.constrainedMemory?.() ?? 0;
  const total = totalmem();
  return {
    limit: getHeapStatistics().heap_size_limit,
    userSet: startedWithFlag(flag, env, execArgv),
    memory: constrained > 0 && constrained < total ? constrained : total,
    restarted: env[RESTARTED_ENV] === "1"
  };
}
function restartWithHeap(heapMb, script, args, env = process.env) {
  return new Promise((resolve3, reject) => {
    const child = spawn(process.execPath, [...restartFlags(process.execArgv, heapMb), script, ...args], {
      stdio: "inherit",
      env: { ...env, [RESTARTED_ENV]: "1" }
    });
    const forward = (signal) => child.kill(signal);
    const signals = ["SIGTERM", "SIGINT", "SIGHUP"];
    for (const s of signals) process.on(s, forward);
    child.once("error", reject);
    child.once("exit", (code2, signal) => {
      for (const s of signals) process.off(s, forward);
      resolve3(code2 ?? 128 + (signal ? constants2.signals[signal] ?? 0 : 0));
    });
  });
}
function restartFlags(execArgv, heapMb) {
  return [...execArgv.filter((a) => !/^--(inspect|debug)/.test(a)), `--max-old-space-size=${heapMb}`];
}
async function fitPlanToHeap(plan, heap, warn) {
  if (!heap) return { lean: false };
  const say = heap.info ?? ((line) => void process.stderr.write(`vpcelint: ${line}
`));
  const caution = (text) => warnUser(text, warn);
  const facts = heap.facts();
  const planLabel = label(plan);
  const planBytes = planFileSize(plan);
  if (planBytes === void 0) {
    return {
      lean: (bytes2) => {
        const advice3 = heapAdvice(bytes2, facts, planLabel, false);
        if (advice3.kind === "here" && advice3.warning) caution(advice3.warning);
        return advice3.kind === "here" && advice3.lean;
      }
    };
  }
  const advice2 = heapAdvice(planBytes, facts, planLabel, heap.restart !== void 0);
  if (advice2.kind === "here") {
    if (advice2.warning) caution(advice2.warning);
    return { lean: advice2.lean };
  }
  if (advice2.note) caution(advice2.note);
  say(`${planLabel} is ${size(planBytes)}, too large for Node's heap limit of ${size(facts.limit)} here: running again in a new process with --max-old-space-size=${advice2.mb}`);
  const exitCode2 = await heap.restart(advice2.mb);
  if (exitCode2 > 128) say(`the scan with a ${size(advice2.mb * MiB)} heap was stopped (exit code ${exitCode2}); if it ran out of memory, it needs more than this machine can give`);
  return { exitCode: exitCode2 };
}
function size(bytes2) {
  if (bytes2 < MiB) return `${Math.ceil(bytes2 / 1024)} KiB`;
  if (bytes2 < 10 * MiB) return `${(Math.ceil(bytes2 / MiB * 10) / 10).toFixed(1)} MiB`;
  return `${Math.ceil(bytes2 / MiB).toLocaleString("en-US")} MiB`;
}

// src/cli/plan-progress.ts
import { basename as basename2 } from "node:path";
var PROGRESS_MIN_BYTES = 10 * 1024 * 1024;
function phaseLine(write) {
  const line = terminalLine(write);
  return { show: (phase) => line.show(`${phase}\u2026`), end: () => line.end() };
}
function planProgress(plan, ctx) {
  if (ctx.quiet || ctx.env.CI || plan === "-") return void 0;
  const size2 = planFileSize(plan);
  if (size2 === void 0 || size2 < PROGRESS_MIN_BYTES) return void 0;
  const line = phaseLine(ctx.write);
  line.show(`reading ${basename2(plan)} (${Math.round(size2 / 1e6).toLocaleString("en-US")} MB)`);
  return line;
}

// src/util/release-memory.ts
import { getHeapStatistics as getHeapStatistics2, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
function releaseMemory(minHeapBytes = 16 * 1024 * 1024) {
  if (getHeapStatistics2().used_heap_size < minHeapBytes) return;
  fullGc()?.();
}
function holdYoungGeneration() {
  if (youngGenerationHeld || startedWithFlag(YOUNG_GENERATION_FLAG)) return;
  setFlagsFromString("--semi-space-growth-factor=1");
  youngGenerationHeld = true;
}
function heldWhileParsing(planBytes) {
  return planBytes !== void 0 && planBytes < HOLD_WHILE_PARSING_BELOW_BYTES;
}
var HOLD_WHILE_PARSING_BELOW_BYTES = 64 * 1024 * 1024;
function releaseYoungGeneration() {
  if (!youngGenerationHeld) return;
  setFlagsFromString("--semi-space-growth-factor=2");
  youngGenerationHeld = false;
}
var youngGenerationHeld = false;
var YOUNG_GENERATION_FLAG = /(^|\s)--(min[-_]|max[-_])?semi[-_]space[-_]/;
var gc = null;
function fullGc() {
  if (gc === null) {
    try {
      setFlagsFromString("--expose-gc");
      const fn = runInNewContext("gc");
      gc = typeof fn === "function" ? fn : void 0;
    } catch {
      gc = void 0;
    }
  }
  return gc;
}

// src/util/timings.ts
import { performance as performance2 } from "node:perf_hooks";
var Timings = class {
  phases = [];
  last = performance2.now();
  start = this.last;
  /** Closes the current phase under this name. */
  mark(name) {
    const now = performance2.now();
    this.phases.push([name, now - this.last]);
    this.last = now;
  }
  format() {
    const parts = this.phases.map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
    return `timings: ${parts.join(", ")}, total ${(performance2.now() - this.start).toFixed(0)} ms`;
  }
};
function formatPeakMemory(maxRssKb = process.resourceUsage().maxRSS) {
  return `memory: peak RSS ${(maxRssKb / 1024).toFixed(0)} MB`;
}

// src/report/json.ts
var JSON_REPORT_VERSION = "1.0";
function renderJson(report) {
  const counts = countBySeverity(report.findings);
  const doc = {
    reportVersion: JSON_REPORT_VERSION,
    tool: report.tool,
    input: report.source,
    summary: { findings: report.findings.length, ...counts, diagnostics: report.diagnostics.length, suppressed: report.suppressed.length, partial: report.diagnostics.some(isReadFailure) },
    findings: report.findings.map(findingJson),
    suppressed: report.suppressed.map((f) => ({ ...findingJson(f), suppressions: f.suppressions })),
    diagnostics: report.diagnostics.map(diagnosticJson),
    rules: report.rules.map((r) => ({ id: r.meta.id, severity: r.severity, title: r.meta.title })),
    inventory: report.inventory
  };
  return `${JSON.stringify(doc, null, 2)}
`;
}
function findingJson(f) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    primary: refJson(f.primary),
    related: f.related.map(refJson),
    ...f.attribute ? { attribute: f.attribute } : {},
    fingerprint: fingerprint(f),
    evidence: f.evidence
  };
}
function refJson(ref) {
  return {
    kind: ref.kind,
    ...ref.address ? { address: ref.address } : {},
    ...ref.type ? { type: ref.type } : {},
    ...ref.id ? { id: ref.id } : {},
    ...ref.arn ? { arn: ref.arn } : {},
    ...ref.account ? { account: ref.account } : {},
    ...ref.region ? { region: ref.region } : {},
    ...ref.name ? { name: ref.name } : {},
    ...ref.location ? { location: { file: ref.location.file, startLine: ref.location.startLine, endLine: ref.location.endLine } } : {}
  };
}
function diagnosticJson(d) {
  return {
    level: d.level,
    code: d.code,
    message: d.message,
    ...d.ruleId ? { ruleId: d.ruleId } : {},
    ...d.subject ? { subject: refJson(d.subject) } : {},
    ...d.file ? { file: d.file } : {},
    ...d.jsonPath ? { jsonPath: d.jsonPath } : {}
  };
}

// src/report/block-groups.ts
function groupByBlock(items, refOf2, kindOf2) {
  const groups = /* @__PURE__ */ new Map();
  for (const [i, item] of items.entries()) {
    const ref = refOf2(item);
    const block = ref ? blockOf(ref) : void 0;
    const id = block === void 0 ? `${i}` : `${kindOf2(item)}\0${block}`;
    let g = groups.get(id);
    if (!g) groups.set(id, g = { block: block ?? "", items: [] });
    g.items.push(item);
  }
  return [...groups.values()];
}
function blockOf(ref) {
  const address = ref.address;
  if (!address) return ref.key || void 0;
  const parsed = parseInstanceAddress(address);
  return parsed ? configSteps(parsed).join(".") : address;
}

// src/report/mermaid.ts
var TONE_STYLE = {
  bad: "fill:#ffe3e3,stroke:#c92a2a,color:#000",
  good: "fill:#e3fcec,stroke:#2b8a3e,color:#000",
  unknown: "fill:#f1f3f5,stroke:#868e96,stroke-dasharray:4 3,color:#000",
  service: "fill:#e7f5ff,stroke:#1971c2,color:#000"
};
var Flowchart = class {
  constructor(direction = "LR") {
    this.direction = direction;
  }
  direction;
  nodes = [];
  edges = [];
  subgraphs = [];
  byKey = /* @__PURE__ */ new Map();
  edgeKeys = /* @__PURE__ */ new Set();
  current;
  /**
   * Adds a node, or returns the id of the node already added under `key`
   * (so one subnet or route table drawn on several paths is one box).
   */
  node(key, label2, options = {}) {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const id = `n${this.nodes.length + 1}`;
    this.byKey.set(key, id);
    this.nodes.push({ id, label: label2, shape: options.shape ?? "box", tone: options.tone ?? "plain" });
    this.current?.members.push(id);
    return id;
  }
  /** Adds an edge; the same edge twice (two paths over one hop) is drawn once. */
  edge(from, to, options = {}) {
    const key = `${from}\0${to}\0${options.label ?? ""}\0${options.style ?? "solid"}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, style: options.style ?? "solid", ...options.label ? { label: options.label } : {} });
  }
  /** Nodes added inside `build` are drawn in a titled box. */
  group(title, build) {
    const sub = { id: `g${this.subgraphs.length + 1}`, title, members: [] };
    this.subgraphs.push(sub);
    const outer = this.current;
    this.current = sub;
    try {
      build();
    } finally {
      this.current = outer;
    }
  }
  get size() {
    return this.nodes.length;
  }
  render() {
    const lines = [`flowchart ${this.direction}`];
    const grouped = new Set(this.subgraphs.flatMap((s) => s.members));
    for (const sub of this.subgraphs) {
      lines.push(`  subgraph ${sub.id}["${escapeLabel(sub.title)}"]`);
      lines.push(`    direction ${this.direction === "TD" ? "TB" : this.direction}`);
      for (const n of this.nodes.filter((x) => sub.members.includes(x.id))) lines.push(`    ${nodeText(n)}`);
      lines.push("  end");
    }
    for (const n of this.nodes) if (!grouped.has(n.id)) lines.push(`  ${nodeText(n)}`);
    for (const e of this.edges) lines.push(`  ${edgeText(e)}`);
    const tones = /* @__PURE__ */ new Map();
    for (const n of this.nodes) if (n.tone !== "plain") tones.set(n.tone, [...tones.get(n.tone) ?? [], n.id]);
    for (const [tone, ids] of tones) {
      lines.push(`  classDef ${tone} ${TONE_STYLE[tone]}`);
      lines.push(`  class ${ids.join(",")} ${tone}`);
    }
    return lines.join("\n");
  }
};
var OPEN_CLOSE = {
  box: ["[", "]"],
  round: ["(", ")"],
  stadium: ["([", "])"],
  cylinder: ["[(", ")]"],
  hexagon: ["{{", "}}"],
  cloud: ["((", "))"]
};
function nodeText(n) {
  const [open, close] = OPEN_CLOSE[n.shape];
  return `${n.id}${open}"${escapeLabel(n.label)}"${close}`;
}
function edgeText(e) {
  const arrow = e.style === "dashed" ? "-.->" : e.style === "thick" ? "==>" : "-->";
  return e.label ? `${e.from} ${arrow}|"${escapeLabel(e.label)}"| ${e.to}` : `${e.from} ${arrow} ${e.to}`;
}
function escapeLabel(text) {
  return text.replace(/#/g, "#35;").replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;").replace(/`/g, "#96;").replace(/\r?\n/g, "<br/>");
}

// src/report/path-picture.ts
var MAX_SUBNETS_DRAWN = 3;
function pathPicture(f) {
  const service = typeof f.evidence.service === "string" && Object.hasOwn(GATEWAY_FAMILY_LABEL, f.evidence.service) ? GATEWAY_FAMILY_LABEL[f.evidence.service] : void 0;
  if (!service || f.primary.kind !== "route-table" || typeof f.evidence.nat !== "string") return void 0;
  const natKey = f.evidence.nat;
  const subnets = f.related.filter((r) => r.kind === "subnet");
  const nat = f.related.find((r) => r.key === natKey || r.id === natKey);
  const idle = f.related.filter((r) => r.kind === "vpc-endpoint");
  const natLabel = nat ? `${nat.kind === "nat-gateway" ? "NAT gateway" : "NAT instance"}
${displayName(nat)}` : `NAT
${natKey || "not in the inventory"}`;
  const chart = new Flowchart("TD");
  chart.group("Path that should be", () => {
    const table = drawSubnetsAndTable(chart, "fix", subnets, f.primary);
    const endpointLabel2 = idle.length > 0 ? `${service} gateway endpoint
${idle.map(displayName).join("\n")}
(associate this route table)` : `new ${service} gateway endpoint
(associate this route table)`;
    const endpoint = chart.node("fix:endpoint", endpointLabel2, { shape: "stadium", tone: "good" });
    const svc = chart.node("fix:service", service, { shape: "cylinder", tone: "service" });
    chart.edge(table, endpoint, { label: `${service} prefix list route` });
    chart.edge(endpoint, svc, { label: "private, no NAT charge" });
  });
  chart.group("Path found", () => {
    const table = drawSubnetsAndTable(chart, "found", subnets, f.primary);
    const natNode = chart.node("found:nat", natLabel, { shape: "hexagon", tone: "bad" });
    const internet = chart.node("found:internet", "Internet", { shape: "cloud", tone: "bad" });
    const svc = chart.node("found:service", service, { shape: "cylinder", tone: "service" });
    chart.edge(table, natNode, { label: "0.0.0.0/0" });
    chart.edge(natNode, internet, { label: "billed per GB" });
    chart.edge(internet, svc, { label: "public endpoint" });
  });
  return chart;
}
function drawSubnetsAndTable(chart, prefix, subnets, table) {
  const tableNode = chart.node(`${prefix}:table`, `route table
${displayName(table)}`, { tone: prefix === "found" ? "bad" : "good" });
  const shown = subnets.slice(0, subnets.length > MAX_SUBNETS_DRAWN + 1 ? MAX_SUBNETS_DRAWN : subnets.length);
  for (const s of shown) chart.edge(chart.node(`${prefix}:${s.key}`, `subnet
${displayName(s)}`, { shape: "round" }), tableNode);
  if (shown.length < subnets.length) {
    chart.edge(chart.node(`${prefix}:more`, `+${subnets.length - shown.length} more subnets`, { shape: "round" }), tableNode);
  }
  if (subnets.length === 0) chart.edge(chart.node(`${prefix}:none`, "its subnets", { shape: "round" }), tableNode);
  return tableNode;
}

// src/report/markdown.ts
var SUMMARY_BUDGET_BYTES = 1e6;
var MAX_PICTURES = 20;
var FULL_PER_BLOCK = 3;
var ICON = { error: "\u{1F534}", warning: "\u{1F7E0}", note: "\u{1F535}" };
function renderMarkdown(report, options = {}) {
  const budget = options.budgetBytes ?? SUMMARY_BUDGET_BYTES;
  const out = new Budgeted(budget);
  out.add(header(report));
  const groups = byRule(report);
  const total = report.findings.length;
  const diagnostics = diagnosticsSection(report.diagnostics);
  const reserve = 600 + Math.min(bytes(diagnostics), 4e3);
  let shown = 0;
  let pictures = 0;
  let undrawn = 0;
  const add4 = (chunk, findings) => {
    if (!out.fits(chunk, reserve)) return false;
    out.add(chunk);
    shown += findings;
    return true;
  };
  sections: for (const { run, findings } of groups) {
    if (!add4(ruleSection(run, findings.length), 0)) break;
    for (const { block, items: same } of groupByBlock(findings, (f) => f.primary, (f) => f.severity)) {
      const { full, rest } = inFull(same);
      for (const f of full) {
        const drawable = pathPicture(f);
        const picture = drawable && pictures < (options.maxPictures ?? MAX_PICTURES) ? drawable : void 0;
        if (!add4(findingSection(f, picture?.render(), options.sourceLinkBase), 1)) break sections;
        if (picture) pictures++;
        else if (drawable) undrawn++;
      }
      if (rest.length > 0 && !add4(moreInstances(block, rest), rest.length)) break sections;
    }
  }
  if (shown < total) {
    out.add(`> [!NOTE]
> ${total - shown} of ${total} findings are not shown: GitHub limits a step summary to 1 MiB. \`vpcelint scan --format json\` lists them all; the SARIF file holds up to 25,000 (GitHub code scanning's limit for one run).
`);
  }
  if (undrawn > 0 && shown === total) {
    out.add(`> [!NOTE]
> Path pictures are drawn for the first ${pictures} path findings only, to keep the page fast.
`);
  }
  if (out.fits(diagnostics, 0)) out.add(diagnostics);
  else out.add(diagnosticsSection(report.diagnostics, Math.max(0, budget - out.bytes - 400)));
  return out.text();
}
var Budgeted = class {
  constructor(budget) {
    this.budget = budget;
  }
  budget;
  parts = [];
  bytes = 0;
  fits(chunk, reserve) {
    return this.bytes + bytes(chunk) + reserve <= this.budget;
  }
  add(chunk) {
    this.parts.push(chunk);
    this.bytes += bytes(chunk) + 1;
  }
  text() {
    return `${this.parts.join("\n")}`;
  }
};
function bytes(s) {
  return Buffer.byteLength(s, "utf8");
}
function header(report) {
  const c = countBySeverity(report.findings);
  const total = report.findings.length;
  const lines = [`## vpcelint: ${escapeMd(sourceLabel(report.source))}`, ""];
  const suppressed = report.suppressed?.length ?? 0;
  const notEvaluated6 = (report.diagnostics.length > 0 ? ` \xB7 ${report.diagnostics.length} not evaluated (see the end)` : "") + (suppressed > 0 ? ` \xB7 ${suppressed} suppressed${report.baseline ? " (already in the baseline, or silenced)" : ""}, not shown` : "");
  if (total === 0) {
    lines.push(`\u2705 **No findings.**${notEvaluated6}`, "");
    return lines.join("\n");
  }
  lines.push(`**${plural4(total, "finding")}**: ${plural4(c.error, "error")}, ${plural4(c.warning, "warning")}, ${plural4(c.note, "note")}${notEvaluated6}`, "");
  lines.push("| Severity | Rule | Findings | What it flags |", "|---|---|---:|---|");
  const rows = [];
  for (const { run, findings } of byRule(report)) {
    const counts = countBySeverity(findings);
    for (const sev of ["error", "warning", "note"]) if (counts[sev] > 0) rows.push({ sev, run, n: counts[sev] });
  }
  rows.sort((a, b) => SEVERITY_RANK[b.sev] - SEVERITY_RANK[a.sev]);
  for (const { sev, run, n } of rows) lines.push(`| ${ICON[sev]} ${sev} | \`${run.meta.id}\` | ${n} | ${escapeMd(run.meta.title)} |`);
  lines.push("");
  return lines.join("\n");
}
function byRule(report) {
  const runs = new Map(report.rules.map((r) => [r.meta.id, r]));
  const groups = /* @__PURE__ */ new Map();
  for (const f of report.findings) {
    let g = groups.get(f.ruleId);
    if (!g) {
      const run = runs.get(f.ruleId) ?? unknownRun(f.ruleId, f.severity);
      g = { run, findings: [] };
      groups.set(f.ruleId, g);
    }
    g.findings.push(f);
  }
  const list3 = [...groups.values()];
  for (const g of list3) g.findings.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  return list3.sort((a, b) => SEVERITY_RANK[worst(b.findings)] - SEVERITY_RANK[worst(a.findings)] || (a.run.meta.id < b.run.meta.id ? -1 : 1));
}
function unknownRun(id, severity) {
  return { severity, meta: { id, severity, title: "", description: "", fix: "", docs: [], tags: [], precision: "medium" } };
}
function worst(findings) {
  return findings.reduce((w, f) => SEVERITY_RANK[f.severity] > SEVERITY_RANK[w] ? f.severity : w, "note");
}
function ruleSection(run, count) {
  const lines = [`### \`${run.meta.id}\`${run.meta.title ? `: ${escapeMd(run.meta.title)}` : ""} (${count})`, ""];
  if (run.meta.fix || run.meta.docs.length > 0) {
    lines.push("<details><summary>How to fix</summary>", "", run.meta.fix, "");
    if (run.meta.docs.length > 0) lines.push(`AWS documentation: ${run.meta.docs.map((d) => `<${d}>`).join(", ")}`, "");
    lines.push("</details>", "");
  }
  return lines.join("\n");
}
function findingSection(f, mermaid, linkBase) {
  const lines = [`#### ${ICON[f.severity]} ${f.severity}: ${code(displayName(f.primary))}`, ""];
  lines.push(`${where2(f.primary, linkBase)}`, "", escapeMd(f.message), "");
  if (mermaid) lines.push("```mermaid", mermaid, "```", "");
  return lines.join("\n");
}
function inFull(items) {
  const full = items.length <= FULL_PER_BLOCK + 1 ? items : items.slice(0, FULL_PER_BLOCK);
  return { full, rest: items.slice(full.length) };
}
function moreInstances(block, rest) {
  const names = [...new Set(rest.map((f) => code(displayName(f.primary))))];
  return `\u2026 and ${rest.length.toLocaleString("en-US")} more ${rest.length === 1 ? "finding" : "findings"} on ${code(block)}, on ${nameList(names)}.
`;
}
function where2(ref, linkBase) {
  const loc = ref.location;
  if (!loc) return ref.arn ? `ARN ${code(ref.arn)}` : "_no source location_";
  const text = `${loc.file}:${loc.startLine}`;
  if (!linkBase) return code(text);
  const anchor = loc.endLine > loc.startLine ? `#L${loc.startLine}-L${loc.endLine}` : `#L${loc.startLine}`;
  return `[${escapeMd(text)}](${linkBase}${loc.file.split("/").map(encodeURIComponent).join("/")}${anchor})`;
}
function diagnosticsSection(diagnostics, budget = Infinity) {
  if (diagnostics.length === 0) return "";
  const head2 = [`### Not evaluated (${diagnostics.length})`, "", "Unknown is not a pass: these could not be judged and need a look.", "", "<details><summary>Show</summary>", ""];
  const tail2 = ["", "</details>", ""];
  const lines = [...head2];
  let size2 = bytes([...head2, ...tail2].join("\n"));
  let listed = 0;
  const add4 = (line, count) => {
    if (size2 + bytes(line) + 120 > budget) return false;
    lines.push(line);
    size2 += bytes(line) + 1;
    listed += count;
    return true;
  };
  groups: for (const { block, items } of groupByBlock(diagnostics, (d) => d.subject, (d) => `${d.level}\0${d.code}\0${d.ruleId ?? ""}`)) {
    const { full, rest } = inFull(items);
    for (const d of full) if (!add4(`- ${d.level}${d.ruleId ? ` \`${d.ruleId}\`` : ""}: ${escapeMd(d.message)}`, 1)) break groups;
    if (rest.length > 0 && !add4(`- \u2026 and ${rest.length.toLocaleString("en-US")} more like ${full.length === 1 ? "it" : "these"} on ${code(block)}, on ${nameList([...new Set(rest.map((d) => code(displayName(d.subject))))])}`, rest.length)) break;
  }
  if (listed < diagnostics.length) lines.push(`- \u2026 and ${diagnostics.length - listed} more (cut to stay within GitHub's 1 MiB summary limit)`);
  return [...lines, ...tail2].join("\n");
}
function code(text) {
  if (!text.includes("`")) return `\`${text}\``;
  return `\`\` ${text} \`\``;
}
function escapeMd(text) {
  return text.replace(/[\\`*[\]<>|~&#]/g, (c) => `\\${c}`).replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_").replace(/\r?\n/g, " ");
}
function plural4(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// src/report/text.ts
import { styleText } from "node:util";
function renderText(report, options) {
  const paint = (style, text) => options.color ? styleText(style, text) : text;
  const sevStyle = { error: "red", warning: "yellow", note: "cyan" };
  const lines = [];
  lines.push(paint("bold", `vpcelint ${report.tool.version}: ${sourceLabel(report.source)}`));
  const byRule2 = /* @__PURE__ */ new Map();
  for (const f of report.findings) byRule2.set(f.ruleId, [...byRule2.get(f.ruleId) ?? [], f]);
  for (const [ruleId, findings] of byRule2) {
    const run = report.rules.find((r) => r.meta.id === ruleId);
    lines.push("");
    lines.push(`${paint("bold", ruleId)} ${paint("dim", `- ${run?.meta.title ?? ""}`)}`);
    for (const f of findings) {
      const where3 = f.primary.location ? ` ${paint("dim", `(${f.primary.location.file}:${rangeFor(f.primary.location, f.attribute).startLine})`)}` : "";
      lines.push(`  ${paint(sevStyle[f.severity], f.severity.padEnd(7))} ${paint("bold", displayName(f.primary))}${where3}`);
      lines.push(`          ${f.message}`);
    }
  }
  if (report.diagnostics.length > 0) {
    lines.push("");
    lines.push(paint("bold", `Not evaluated or incomplete (${report.diagnostics.length}):`));
    for (const d of report.diagnostics) {
      const who = d.ruleId ? `[${d.ruleId}] ` : "";
      lines.push(`  ${paint("dim", d.level.padEnd(7))} ${who}${d.message}`);
    }
  }
  const c = countBySeverity(report.findings);
  lines.push("");
  const total = report.findings.length;
  const summary = total === 0 ? paint("green", "No findings.") : `${total} finding${total === 1 ? "" : "s"}: ${paint("red", `${c.error} error${c.error === 1 ? "" : "s"}`)}, ${paint("yellow", `${c.warning} warning${c.warning === 1 ? "" : "s"}`)}, ${paint("cyan", `${c.note} note${c.note === 1 ? "" : "s"}`)}.`;
  lines.push(`${summary}${report.diagnostics.length > 0 ? ` ${report.diagnostics.length} diagnostic${report.diagnostics.length === 1 ? "" : "s"}.` : ""}${suppressedNote(report)}`);
  const unread = report.diagnostics.filter(isReadFailure).length;
  if (unread > 0) lines.push(paint("yellow", `Partial scan: ${unread} AWS read${unread === 1 ? "" : "s"} failed (listed above); what ${unread === 1 ? "it" : "they"} would have read was not evaluated.`));
  return `${lines.join("\n")}
`;
}
function suppressedNote(report) {
  if (report.suppressed.length === 0) return "";
  const by = /* @__PURE__ */ new Map();
  for (const f of report.suppressed) {
    const via = f.suppressions[0]?.via ?? "other";
    by.set(via, (by.get(via) ?? 0) + 1);
  }
  return ` ${report.suppressed.length} suppressed (${[...by].map(([via, n]) => `${n} ${via}`).join(", ")}).`;
}

// src/cli/scan.ts
var FORMATS = ["text", "json", "sarif", "markdown"];
var FAIL_ON = ["error", "warning", "note", "none"];
async function scanCommand(opts, io) {
  const format = parseFormat(opts.format);
  const failOn = parseFailOn(opts.failOn);
  const sarifMaxResults = parseSarifMaxResults(opts.sarifMaxResults);
  if (!opts.plan) throw new UsageError('scan needs an input: --plan <plan.json> (use "-" for standard input)');
  checkTargets([["--output", opts.output], ["--sarif", opts.sarif], ["--markdown", opts.markdown]]);
  const fit = await fitPlanToHeap(opts.plan, io.heap, io.warn);
  if ("exitCode" in fit) return fit.exitCode;
  let readLean = fit.lean === true;
  const choice = fit.lean;
  const lean = typeof choice === "function" ? (bytes2) => readLean = choice(bytes2) : choice;
  const timings = new Timings();
  const config = await loadConfig(opts.config, io.cwd, allRules.map((r) => r.meta.id));
  const baseline = opts.baseline ? { file: opts.baseline, fingerprints: readBaseline(opts.baseline) } : void 0;
  const progress = io.progressLine ? planProgress(opts.plan, { quiet: opts.quiet, env: io.env, write: io.progressLine }) : void 0;
  let done;
  try {
    try {
      done = await scanPlan(opts.plan, opts, io, { format, config, baseline, timings, progress, lean, sarifMaxResults });
    } finally {
      progress?.end();
    }
    deliver({ report: done.report, format, rendered: done.rendered, files: done.extra, sarifMaxResults }, opts, io);
  } finally {
    releaseYoungGeneration();
  }
  timings.mark("report");
  if (opts.timings) {
    const leanLine = readLean ? "plan: read lean, piece by piece (this heap is too small for it as one string)\n" : "";
    process.stderr.write(`${timings.format()}
${slowestRules(done.report.rules)}
${leanLine}${done.sourcesRead ? `${done.sourcesRead}
` : ""}${formatPeakMemory()}
`);
  }
  return exitCode(done.report, failOn, opts.softFail === true, opts.strict === true);
}
var SOURCES_WORKER_MIN_PLAN_BYTES = 1 << 20;
function sourcesInBackground(plan, size2) {
  return size2 === void 0 ? plan === "-" : size2 >= SOURCES_WORKER_MIN_PLAN_BYTES;
}
async function scanPlan(plan, opts, io, steps) {
  const { format, config, baseline, timings, progress, lean, sarifMaxResults } = steps;
  const sourceOptions = { planFile: plan, ...opts.sourceRoot !== void 0 ? { sourceRoot: opts.sourceRoot } : {}, cwd: io.cwd };
  const planBytes = planFileSize(plan);
  const prepared = prepareSources(sourceOptions, sourcesInBackground(plan, planBytes));
  const inv = await planInventory(plan, planBytes, timings, progress, lean, prepared);
  releaseMemory();
  timings.mark("inventory");
  progress?.show(`running ${allRules.length} rules`);
  const engineReport = scan(inv, config);
  timings.mark("rules");
  progress?.show(format === "sarif" ? "writing SARIF" : "writing the report");
  const sources = await attachSources(engineReport, sourceOptions, prepared);
  const report = applySuppressions(sources.report, { knownRules: allRules.map((r) => r.meta.id), sources, config, ...baseline ? { baseline } : {} });
  timings.mark("sources");
  const shared = { sourceLinkBase: githubBlobBase(io.env), sarifMaxResults };
  const rendered = redactOutput(renderOutput(report, format, { ...shared, color: !opts.output && io.isTTY && !io.env.NO_COLOR }), inv.sensitiveValues);
  const extra = extraReports(report, format, rendered, opts, inv.sensitiveValues, shared);
  const read2 = sources.read;
  return { report, rendered, extra, ...read2 ? { sourcesRead: `sources: ${read2.files} .tf file${read2.files === 1 ? "" : "s"} read ${read2.where === "worker" ? "in a worker thread" : "on the main thread"}` } : {} };
}
async function planInventory(path, planBytes, timings, progress, lean, sources) {
  if (heldWhileParsing(planBytes)) holdYoungGeneration();
  const plan = readPlanFile(path, { lean });
  timings.mark("parse");
  holdYoungGeneration();
  progress?.show(`building the inventory of ${(plan.resource_changes?.length ?? 0).toLocaleString("en-US")} resource changes`);
  return collectPlanWithSources(plan, path, sources);
}
function slowestRules(runs, count = 5) {
  const slowest = [...runs].sort((a, b) => (b.ms ?? 0) - (a.ms ?? 0)).slice(0, count);
  return `slowest rules: ${slowest.map((r) => `${r.meta.id} ${(r.ms ?? 0).toFixed(0)} ms`).join(", ")}`;
}
function scan(inv, config = emptyConfig()) {
  const result2 = runRules(inv, { rules: allRules, ruleSettings: config.ruleSettings, settings: config.settings });
  return makeReport(inv.source, result2, inv.diagnostics, inventoryCounts(inv));
}
function renderOutput(report, format, options) {
  switch (format) {
    case "markdown":
      return renderMarkdown(report, options.sourceLinkBase ? { sourceLinkBase: options.sourceLinkBase } : {});
    case "json":
      return renderJson(report);
    case "sarif":
      return sarifPieces(report, options.sarifMaxResults !== void 0 ? { maxResults: options.sarifMaxResults } : {});
    case "text":
      return renderText(report, options);
  }
}
function exitCode(report, failOn, softFail, strict = false) {
  if (softFail) return 0;
  if (strict && report.diagnostics.some((d) => !d.code.startsWith("source-"))) return 1;
  if (failOn === "none") return 0;
  const threshold = SEVERITY_RANK[failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
function extraReports(report, format, rendered, opts, sensitive, options) {
  const out = [];
  const as = (f) => f === format ? rendered : redactOutput(renderOutput(report, f, { ...options, color: false }), sensitive);
  if (opts.sarif) out.push([opts.sarif, as("sarif")]);
  if (opts.markdown) out.push([opts.markdown, as("markdown")]);
  return out;
}
function githubBlobBase(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  return server && repo && sha ? `${server}/${repo}/blob/${sha}/` : void 0;
}
function parseFormat(value) {
  const format = value ?? "text";
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}; got ${JSON.stringify(format)}`);
  return format;
}
function deliver(d, opts, io) {
  writeAll([...opts.output ? [[opts.output, d.rendered]] : [], ...d.files]);
  if (!opts.output) for (const text of batches(d.rendered)) io.stdout(text);
  warnSarifLimit(d, opts, io);
  io.onReport?.(d.report);
}
function warnSarifLimit({ report, format, sarifMaxResults: max }, opts, io) {
  if (format !== "sarif" && !opts.sarif || omittedCount(report, max) === 0) return;
  const total = report.findings.length + report.suppressed.length;
  const text = `the SARIF report holds ${max.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} results, the most severe${max === GITHUB_MAX_RESULTS ? " (GitHub code scanning's limit for one run)" : ""}; all of them count for the exit code, and --format json lists every one`;
  warnUser(text, io.warn);
}
function parseSarifMaxResults(value) {
  if (value === void 0) return GITHUB_MAX_RESULTS;
  if (!/^\d+$/.test(value)) throw new UsageError(`--sarif-max-results must be a whole number (0 for no limit); got ${JSON.stringify(value)}`);
  return Number(value);
}
function parseFailOn(value) {
  if (!FAIL_ON.includes(value)) throw new UsageError(`--fail-on must be one of ${FAIL_ON.join(", ")}; got ${JSON.stringify(value)}`);
  return value;
}
function inventoryCounts(inv) {
  return {
    vpcs: inv.vpcs.size,
    subnets: inv.subnets.size,
    routeTables: inv.routeTables.size,
    natGateways: inv.natGateways.size,
    internetGateways: inv.internetGateways.size,
    vpcEndpoints: inv.vpcEndpoints.size,
    endpointServices: inv.endpointServices.size,
    securityGroups: inv.securityGroups.size,
    prefixLists: inv.prefixLists.size,
    buckets: inv.buckets.size,
    workloads: inv.workloads.size,
    iamPolicies: inv.iamPolicies.size
  };
}

export {
  displayName,
  parsePolicyCached,
  evaluate,
  NotEvaluable,
  buildSpace,
  placeholderName,
  wholeValuePlaceholders,
  placeholderSubject,
  writtenResources,
  allRequests,
  directOverHttps,
  fullAccessGap,
  comparedId,
  single2 as single,
  defaultIpv4Route,
  topologyOf,
  GATEWAY_FAMILY_LABEL,
  isGatewayOf,
  nameList,
  naturalCompare,
  allRules,
  TOOL_NAME,
  VERSION,
  readPlanFile,
  readInput,
  label,
  parseJson,
  prepareSources,
  collectPlanWithSources,
  loadConfig,
  SEVERITY_RANK,
  countBySeverity,
  Flowchart,
  redact,
  redactOutput,
  readBaseline,
  applySuppressions,
  stdoutWriter,
  checkTargets,
  processHeap,
  restartWithHeap,
  fitPlanToHeap,
  planProgress,
  FORMATS,
  FAIL_ON,
  scanCommand,
  scan,
  renderOutput,
  exitCode,
  extraReports,
  githubBlobBase,
  deliver,
  parseSarifMaxResults
};
