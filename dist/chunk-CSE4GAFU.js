import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);

// src/errors.ts
var InputError = class extends Error {
  constructor(message, file, jsonPath) {
    super(message);
    this.file = file;
    this.jsonPath = jsonPath;
    this.name = "InputError";
  }
  file;
  jsonPath;
};
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
};

// src/model/inventory.ts
var Inventory = class {
  constructor(source) {
    this.source = source;
  }
  source;
  vpcs = /* @__PURE__ */ new Map();
  subnets = /* @__PURE__ */ new Map();
  routeTables = /* @__PURE__ */ new Map();
  natGateways = /* @__PURE__ */ new Map();
  internetGateways = /* @__PURE__ */ new Map();
  vpcEndpoints = /* @__PURE__ */ new Map();
  endpointServices = /* @__PURE__ */ new Map();
  securityGroups = /* @__PURE__ */ new Map();
  prefixLists = /* @__PURE__ */ new Map();
  buckets = /* @__PURE__ */ new Map();
  networkInterfaces = /* @__PURE__ */ new Map();
  workloads = /* @__PURE__ */ new Map();
  iamPrincipals = /* @__PURE__ */ new Map();
  iamPolicies = /* @__PURE__ */ new Map();
  diagnostics = [];
  /** Values the input marks sensitive (Terraform's sensitive_values / after_sensitive): never printed. */
  sensitiveValues = /* @__PURE__ */ new Set();
  /** Regions (per account, `account/region`, or `*\/region` when the account is unknown) scanned as a closed world. */
  closedWorld = /* @__PURE__ */ new Set();
  refsById = /* @__PURE__ */ new Map();
  refsByKey = /* @__PURE__ */ new Map();
  /** True when the inventory holds everything that exists in that account and region. */
  isClosedWorld(region, account) {
    if (!region) return false;
    return this.closedWorld.has(`${account ?? "*"}/${region}`) || this.closedWorld.has(`*/${region}`);
  }
  /** Registers a node's ref so it can be found by key and by AWS id. */
  register(ref) {
    if (this.refsByKey.has(ref.key)) throw new Error(`duplicate inventory key ${ref.key}`);
    this.refsByKey.set(ref.key, ref);
    if (ref.id && !this.refsById.has(ref.id)) this.refsById.set(ref.id, ref);
    if (ref.arn && !this.refsById.has(ref.arn)) this.refsById.set(ref.arn, ref);
  }
  /** Indexes an AWS id learned after the node was registered. */
  indexId(id, ref) {
    if (!this.refsById.has(id)) this.refsById.set(id, ref);
  }
  refByKey(key) {
    return this.refsByKey.get(key);
  }
  refById(id) {
    return this.refsById.get(id);
  }
  refs() {
    return this.refsByKey.values();
  }
  /** Every AWS id and ARN the inventory can look up, with the key of its node (for snapshots). */
  idEntries() {
    return this.refsById.entries();
  }
  diagnose(diagnostic) {
    this.diagnostics.push(diagnostic);
  }
};

// src/collect/aws/failures.ts
var ACCESS_DENIED = /* @__PURE__ */ new Set(["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "UnauthorizedAccess", "Forbidden"]);
var THROTTLED = /* @__PURE__ */ new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestThrottled",
  "RequestThrottledException",
  "RequestLimitExceeded",
  "SlowDown",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "TransactionInProgressException"
]);
var REGION_DISABLED = /* @__PURE__ */ new Set(["OptInRequired", "InvalidRegion"]);
var AUTH_FAILED = /* @__PURE__ */ new Set(["AuthFailure", "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException", "SignatureDoesNotMatch", "CredentialsProviderError"]);
var TIMEOUT = /* @__PURE__ */ new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException", "ETIMEDOUT", "ESOCKETTIMEDOUT"]);
function classify(err) {
  const e = err ?? {};
  const code = e.Code ?? (e.name && e.name !== "Error" ? e.name : void 0) ?? e.code ?? "Error";
  const message = oneLine(e.message ?? String(err));
  const status = e.$metadata?.httpStatusCode;
  let kind = "read-failed";
  if (ACCESS_DENIED.has(code)) kind = "access-denied";
  else if (THROTTLED.has(code) || status === 429) kind = "throttled";
  else if (REGION_DISABLED.has(code)) kind = "region-disabled";
  else if (AUTH_FAILED.has(code)) kind = "auth-failed";
  else if (TIMEOUT.has(code) || TIMEOUT.has(e.code ?? "")) kind = "timeout";
  else if (status === 403) kind = "access-denied";
  return { kind, code, message };
}
function oneLine(text) {
  return text.replace(/\s+/g, " ").trim().slice(0, 300);
}
var PREFIX = "aws-";
function failureCode(kind) {
  return `${PREFIX}${kind}`;
}
function isReadFailure(d) {
  return d.level === "error" && d.code.startsWith(PREFIX);
}
var HINTS = {
  "access-denied": "grant the action (see docs/iam-policy.json)",
  throttled: "still throttled after retries; run again later or lower --concurrency",
  "region-disabled": "the region is not enabled for this account",
  "auth-failed": "the credentials were refused here; the region may not be enabled for this account",
  timeout: "no answer in time"
};
function failureDiagnostic(spec, failure) {
  const where = spec.region ? `${spec.account}/${spec.region}` : spec.account;
  const hint = HINTS[failure.kind];
  return {
    level: "error",
    code: failureCode(failure.kind),
    message: `could not read ${spec.what} (${spec.action} in ${where}): ${failure.code}: ${failure.message}${hint ? ` (${hint})` : ""}. Not evaluated: whatever depends on it.`,
    ...spec.subject ? { subject: spec.subject } : {}
  };
}
function failureReason(spec, failure) {
  return `${spec.action} failed in ${spec.region ? `${spec.account}/${spec.region}` : spec.account}: ${failure.code}`;
}

// src/model/partition.ts
function partitionOfRegion(region) {
  const r = region.toLowerCase();
  if (r.startsWith("us-gov-")) return "aws-us-gov";
  if (r.startsWith("cn-")) return "aws-cn";
  if (r.startsWith("us-iso-")) return "aws-iso";
  if (r.startsWith("us-isob-")) return "aws-iso-b";
  if (r.startsWith("eu-isoe-")) return "aws-iso-e";
  if (r.startsWith("us-isof-")) return "aws-iso-f";
  if (r.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}
var A_REGION = {
  aws: "us-east-1",
  "aws-us-gov": "us-gov-west-1",
  "aws-cn": "cn-north-1",
  "aws-iso": "us-iso-east-1",
  "aws-iso-b": "us-isob-east-1",
  "aws-iso-e": "eu-isoe-west-1",
  "aws-iso-f": "us-isof-south-1",
  "aws-eusc": "eusc-de-east-1"
};
function aRegionOf(partition) {
  return A_REGION[partition] ?? "us-east-1";
}
function partitionOfArn(arn) {
  const m = /^arn:([^:*?$]+):/.exec(arn);
  return m?.[1];
}
function partitionOfRef(ref) {
  return (ref.arn !== void 0 ? partitionOfArn(ref.arn) : void 0) ?? (ref.region !== void 0 ? partitionOfRegion(ref.region) : void 0);
}
function writtenPartition(values) {
  let found;
  for (const v of values) {
    const p = partitionOfArn(v);
    if (p === void 0) continue;
    if (found !== void 0 && found !== p) return void 0;
    found = p;
  }
  return found;
}
function partitionFor(ref, written) {
  return partitionOfRef(ref) ?? writtenPartition(written) ?? "aws";
}
function s3Arn(partition, name, key) {
  return `arn:${partition}:s3:::${name}${key !== void 0 ? `/${key}` : ""}`;
}

// src/model/unknown.ts
var Unknown = class {
  constructor(reason) {
    this.reason = reason;
    Object.freeze(this);
  }
  reason;
  unknown = true;
  toJSON() {
    return { $unknown: this.reason };
  }
};
var KNOWN_AFTER_APPLY = new Unknown("known only after apply");
function unknown(reason) {
  return reason === void 0 ? KNOWN_AFTER_APPLY : new Unknown(reason);
}
function isUnknown(value) {
  return value instanceof Unknown;
}

// src/model/service-name.ts
var REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?|-isob)?-[a-z]+-\d+$/;
function isRegionName(value) {
  return REGION.test(value);
}
function parseServiceName(name) {
  const parts = name.split(".");
  let rest;
  if (parts[0] === "cn" && parts[1] === "com" && parts[2] === "amazonaws") rest = parts.slice(3);
  else if (parts[0] === "com" && parts[1] === "amazonaws") rest = parts.slice(2);
  else if (parts[0] === "aws" && parts.length >= 3 && isRegionName(parts[2])) {
    return { name, owner: "aws", region: parts[2], service: [parts[1], ...parts.slice(3)].join(".") };
  } else return void 0;
  if (rest[0] === "vpce" && rest.length >= 3) {
    return { name, owner: "vpce", region: rest[1], service: rest.slice(2).join(".") };
  }
  if (rest.length >= 2 && isRegionName(rest[0])) {
    const service = rest.slice(1).join(".");
    return { name, owner: "aws", region: rest[0], service, family: familyOf(service) };
  }
  return rest.length >= 1 ? { name, owner: "aws", service: rest.join(".") } : void 0;
}
function familyOf(service) {
  if (service === "s3" || service === "s3-fips") return "s3";
  if (service === "dynamodb" || service === "dynamodb-fips") return "dynamodb";
  return void 0;
}

// src/util/terminal-line.ts
function terminalLine(write) {
  let shown = false;
  return {
    show(text) {
      write(`\r\x1B[2Kvpcelint: ${text}`);
      shown = true;
    },
    end() {
      if (shown) write("\r\x1B[2K");
      shown = false;
    }
  };
}

export {
  partitionOfRegion,
  aRegionOf,
  partitionOfArn,
  partitionOfRef,
  writtenPartition,
  partitionFor,
  s3Arn,
  Unknown,
  unknown,
  isUnknown,
  isRegionName,
  parseServiceName,
  InputError,
  UsageError,
  Inventory,
  classify,
  isReadFailure,
  failureDiagnostic,
  failureReason,
  terminalLine
};
