import { createRequire as __vpcelintCreateRequire } from 'node:module';
const require = __vpcelintCreateRequire(import.meta.url);
import {
  readAws,
  readSnapshot
} from "./chunk-BWMB5A4F.js";
import {
  EXPLAIN_FORMATS
} from "./chunk-7TF7OET4.js";
import {
  Flowchart,
  GATEWAY_FAMILY_LABEL,
  NotEvaluable,
  allRequests,
  buildSpace,
  collectPlanWithSources,
  comparedId,
  defaultIpv4Route,
  directOverHttps,
  displayName,
  evaluate,
  fitPlanToHeap,
  fullAccessGap,
  isGatewayOf,
  nameList,
  naturalCompare,
  parsePolicyCached,
  placeholderName,
  placeholderSubject,
  planProgress,
  prepareSources,
  readPlanFile,
  redact,
  single,
  topologyOf,
  wholeValuePlaceholders,
  writtenResources
} from "./chunk-5I6CS4GX.js";
import "./chunk-234V7QFA.js";
import "./chunk-74UFNRK3.js";
import "./chunk-Q5ZJQ2ZL.js";
import {
  UsageError,
  isUnknown,
  partitionFor,
  partitionOfArn,
  partitionOfRef,
  s3Arn
} from "./chunk-CSE4GAFU.js";
import "./chunk-PSCUI55Q.js";

// src/explain/policy-step.ts
var NO_EVALUATOR = {
  evaluate: () => ({ decision: "not-evaluated", because: "policy not evaluated: this build of vpcelint has no policy evaluator" })
};
function judge(evaluator, role, owner, source, request) {
  const step = { role, owner, source: source.kind };
  if (source.kind !== "absent" && source.holder.key !== owner.key) step.holder = source.holder;
  if (source.kind === "absent") {
    step.verdict = role === "endpoint" ? { decision: "allow", because: "no endpoint policy: the AWS default policy allows every request" } : { decision: "no-match", because: "no bucket policy: the identity policies of the caller decide" };
    return step;
  }
  if (source.kind === "unknown") {
    step.verdict = { decision: "not-evaluated", because: `the ${role} policy of ${displayName(owner)} is unknown (${source.reason})` };
    return step;
  }
  if (request) step.verdict = safely(() => evaluator.evaluate(source, role, request));
  else if (role === "endpoint" && evaluator.describeEndpointPolicy) {
    const describe = evaluator.describeEndpointPolicy.bind(evaluator);
    const v = safely(() => ({ decision: "not-evaluated", because: describe(source, owner) }));
    step.description = v.because;
  }
  return step;
}
function safely(run) {
  try {
    return run();
  } catch (err) {
    return { decision: "not-evaluated", because: `policy not evaluated: the evaluator failed (${err.message})` };
  }
}
function describeVerdict(v) {
  if (!v) return "applies (no request to evaluate on this path)";
  if (v.decision === "not-evaluated" || v.decision === "depends" || !v.statement) return v.because;
  const word = { allow: "allows", deny: "denies", "no-match": "has no statement for" }[v.decision];
  return `${word} the request (statement ${v.statement}): ${v.because}`;
}

// src/explain/trace.ts
var MAX_NAT_DEPTH = 3;
var PathTracer = class {
  constructor(inv, options = {}) {
    this.inv = inv;
    this.options = options;
    this.topo = topologyOf(inv);
    this.evaluator = options.evaluator ?? NO_EVALUATOR;
  }
  inv;
  options;
  topo;
  evaluator;
  familyPaths = /* @__PURE__ */ new Map();
  /** The subnet's hop and its effective route table, or the unknown hop that stops the trace. */
  subnetStart(subnet) {
    const hops = [{ kind: "subnet", label: `subnet ${displayName(subnet.ref)}`, ref: subnet.ref }];
    const eff = this.topo.effectiveRouteTable(subnet);
    if (isUnknown(eff) || !eff) {
      const reason = isUnknown(eff) ? eff.reason : "no route table applies";
      hops.push({ kind: "unknown", label: `route table unknown (${reason})` });
      return isUnknown(eff) ? { hops, unknown: eff } : { hops };
    }
    hops.push(this.tableHop(eff.table, eff.explicit ? "explicit association" : "main route table of the VPC"));
    return { hops, table: eff.table };
  }
  tableHop(table, how) {
    return { kind: "route-table", label: `route table ${displayName(table.ref)}${how ? ` (${how})` : ""}`, ref: table.ref };
  }
  /** Every service path from a route table: S3, DynamoDB, then each interface endpoint service of its VPC. */
  servicePaths(table) {
    const out = [this.familyPath(table, "s3"), this.familyPath(table, "dynamodb")];
    const seen = /* @__PURE__ */ new Set();
    for (const ep of this.vpcEndpoints(table)) {
      if (ep.type !== "Interface" || isUnknown(ep.serviceName) || ep.service?.family) continue;
      if (seen.has(ep.serviceName)) continue;
      seen.add(ep.serviceName);
      out.push(this.interfacePath(table, ep, ep.serviceName));
    }
    const unknownTypes = this.vpcEndpoints(table).filter((ep) => isUnknown(ep.type) || isUnknown(ep.serviceName));
    for (const ep of unknownTypes) {
      out.push({
        service: isUnknown(ep.serviceName) ? `the service of ${displayName(ep.ref)}` : ep.serviceName,
        class: "unknown",
        summary: `endpoint ${displayName(ep.ref)} has a type or service known only after apply`,
        hops: [{ kind: "unknown", label: `endpoint ${displayName(ep.ref)}: ${unknownReason(ep)}`, ref: ep.ref }]
      });
    }
    return out;
  }
  /**
   * S3 or DynamoDB: an interface endpoint that answers the service's name, else a gateway endpoint, else the default route.
   * Worked out once per table: `explain --bucket` asks for every subnet, and thousands of subnets can share a table of
   * thousands of routes. Paths are never changed once made, so the subnets of one table share one.
   */
  familyPath(table, family) {
    const known = this.familyPaths.get(table);
    const hit = known?.[family];
    if (hit) return hit;
    const path = this.traceFamily(table, family);
    this.familyPaths.set(table, { ...known, [family]: path });
    return path;
  }
  traceFamily(table, family) {
    const service = GATEWAY_FAMILY_LABEL[family];
    const viaDns = this.interfaceByDns(table, family);
    if (viaDns && "unknown" in viaDns) {
      return { service, class: "unknown", summary: viaDns.unknown, hops: [{ kind: "unknown", label: viaDns.unknown }] };
    }
    if (viaDns) return { ...this.interfacePath(table, viaDns.endpoint, service), service };
    const gateway = this.gatewayEndpoint(table, family);
    if (gateway.endpoint) {
      const ep = gateway.endpoint;
      return {
        service,
        class: "private",
        summary: `through gateway endpoint ${displayName(ep.ref)}`,
        hops: [
          { kind: "gateway-endpoint", label: `gateway endpoint ${displayName(ep.ref)}`, ref: ep.ref, via: `${service} prefix list`, policy: this.endpointPolicy(ep) },
          { kind: "service", label: `${service} (private, on the AWS network)` }
        ]
      };
    }
    if (gateway.unknown) return { service, class: "unknown", summary: gateway.unknown, hops: [{ kind: "unknown", label: gateway.unknown }] };
    const path = this.defaultRoute(table, service, 0);
    if (gateway.notes.length > 0) path.hops[0] = { ...path.hops[0], notes: [...path.hops[0].notes ?? [], ...gateway.notes] };
    return path;
  }
  /** An interface endpoint: reached over the VPC's local route; without private DNS, the public name takes the default route. */
  interfacePath(table, ep, service) {
    const notes = [];
    const subnets = ep.subnets.keys.map((k) => this.inv.refByKey(k)).filter((r) => r !== void 0);
    if (subnets.length > 0) notes.push(`network interfaces in ${subnets.map(displayName).join(", ")}`);
    else if (ep.subnets.unresolved) notes.push(`its subnets are unknown (${ep.subnets.unresolved})`);
    const groups = ep.securityGroups.keys.map((k) => this.inv.refByKey(k)).filter((r) => r !== void 0);
    if (groups.length > 0) notes.push(`security groups ${groups.map(displayName).join(", ")} must admit the client on the service port`);
    const dns = ep.privateDnsEnabled;
    if (isUnknown(dns)) notes.push(`private DNS: unknown (${dns.reason})`);
    else notes.push(dns ? "private DNS on: the service name resolves to the endpoint in this VPC" : "private DNS off: only the endpoint-specific DNS names reach it");
    const path = {
      service,
      class: "private",
      summary: `through interface endpoint ${displayName(ep.ref)}`,
      hops: [
        { kind: "interface-endpoint", label: `interface endpoint ${displayName(ep.ref)}`, ref: ep.ref, via: "local route (VPC CIDR)", notes, policy: this.endpointPolicy(ep) },
        { kind: "service", label: `${service} (private, through PrivateLink)` }
      ]
    };
    if (dns !== true) {
      const open = this.defaultRoute(table, service, 0);
      path.publicName = { ...open, summary: `clients that use the public name: ${open.summary}` };
    }
    return path;
  }
  /** Where 0.0.0.0/0 takes traffic from this table: NAT (and on through the NAT's own subnet), internet gateway, another network, nowhere. */
  defaultRoute(table, service, depth) {
    const end = (cls, summary, hops) => ({ service, class: cls, summary, hops });
    const route = defaultIpv4Route(table);
    if (!route) {
      const unclear = table.routesIncomplete ?? (table.routes.some((r) => isUnknown(r.destination.value)) ? "a route destination is known only after apply" : void 0);
      if (unclear) return end("unknown", `the routes of ${displayName(table.ref)} are not fully known`, [{ kind: "unknown", label: `routes not fully known (${unclear})` }]);
      return end("no-route", "no route for 0.0.0.0/0: requests are dropped", [{ kind: "dropped", label: `no 0.0.0.0/0 route in ${displayName(table.ref)}: ${service} is unreachable from here` }]);
    }
    const target = route.target;
    if (isUnknown(target)) return end("unknown", "the 0.0.0.0/0 target is known only after apply", [{ kind: "unknown", label: `0.0.0.0/0 target unknown (${target.reason})`, via: "0.0.0.0/0" }]);
    const ref = target.key && this.inv.refByKey(target.key) || void 0;
    const name = ref ? displayName(ref) : target.id ?? "not in the inventory";
    switch (target.kind) {
      case "igw":
        return end("internet", `through internet gateway ${name}: public`, [
          { kind: "internet-gateway", label: `internet gateway ${name}`, ...ref ? { ref } : {}, via: "0.0.0.0/0" },
          { kind: "internet", label: "internet" },
          { kind: "service", label: `${service} (public endpoint)` }
        ]);
      case "nat":
      case "nat-instance":
        return this.natPath(route, ref, name, service, depth);
      default: {
        const what = OTHER_TARGET[target.kind] ?? target.kind;
        return end("other-network", `through ${what} ${name}: leaves the scanned network`, [
          { kind: "other-gateway", label: `${what} ${name}`, ...ref ? { ref } : {}, via: "0.0.0.0/0" },
          { kind: "unknown", label: `beyond ${what}: not in the scanned network` }
        ]);
      }
    }
  }
  natPath(route, ref, name, service, depth) {
    const target = route.target;
    const kind = target.kind === "nat" ? "nat-gateway" : "nat-instance";
    const hop = { kind, label: `${kind === "nat-gateway" ? "NAT gateway" : "NAT instance"} ${name}`, ...ref ? { ref } : {}, via: "0.0.0.0/0", notes: ["NAT data processing is billed per GB"] };
    const natSubnet = this.subnetOfNat(target.key);
    if (isUnknown(natSubnet) || !natSubnet || depth >= MAX_NAT_DEPTH) {
      const why = isUnknown(natSubnet) ? natSubnet.reason : depth >= MAX_NAT_DEPTH ? "NATs chained too deep to follow" : "the NAT is not in the inventory";
      return { service, class: "nat", summary: `through ${hop.label}`, hops: [hop, { kind: "unknown", label: `beyond the NAT: not traced (${why})` }] };
    }
    const eff = this.topo.effectiveRouteTable(natSubnet);
    if (isUnknown(eff) || !eff) {
      const why = isUnknown(eff) ? eff.reason : "no route table applies";
      return { service, class: "nat", summary: `through ${hop.label}`, hops: [hop, { kind: "unknown", label: `route table of the NAT's subnet ${displayName(natSubnet.ref)} unknown (${why})` }] };
    }
    const onward = this.defaultRoute(eff.table, service, depth + 1);
    hop.notes.push(`in subnet ${displayName(natSubnet.ref)}`);
    return {
      service,
      class: "nat",
      summary: `through ${hop.label}, then ${onward.summary}`,
      hops: [hop, this.tableHop(eff.table, `of the NAT's subnet ${displayName(natSubnet.ref)}`), ...onward.hops]
    };
  }
  subnetOfNat(key) {
    if (!key) return void 0;
    const nat = this.inv.natGateways.get(key);
    if (nat) return single(nat.subnet, this.inv.subnets);
    const eni = this.inv.networkInterfaces.get(key);
    if (eni) return single(eni.subnet, this.inv.subnets);
    const instance = this.inv.workloads.get(key);
    if (instance) return single(instance.subnets, this.inv.subnets);
    return void 0;
  }
  /** Endpoints of the table's VPC that the plan keeps. */
  vpcEndpoints(table) {
    return [...new Set(table.vpc.keys)].flatMap((k) => [...this.topo.endpointsInVpc(k)]).sort((a, b) => a.ref.key < b.ref.key ? -1 : 1);
  }
  /** An interface endpoint of the family whose private DNS answers in-VPC clients (S3: unless only for the inbound resolver). */
  interfaceByDns(table, family) {
    for (const ep of this.vpcEndpoints(table)) {
      if (ep.type !== "Interface" || ep.service?.family !== family) continue;
      const dns = ep.privateDnsEnabled;
      const inboundOnly = ep.privateDnsOnlyForInboundResolver;
      if (isUnknown(dns)) return { unknown: `whether ${displayName(ep.ref)} answers the ${GATEWAY_FAMILY_LABEL[family]} name is known only after apply (private DNS: ${dns.reason})` };
      if (!dns) continue;
      if (isUnknown(inboundOnly)) return { unknown: `whether ${displayName(ep.ref)} answers in-VPC clients is known only after apply (private DNS only for inbound resolver: ${inboundOnly.reason})` };
      if (family === "s3" && inboundOnly !== false) continue;
      return { endpoint: ep };
    }
    return void 0;
  }
  /** The gateway endpoint of the family associated with the table, in its region, as the NAT path rules judge it. */
  gatewayEndpoint(table, family) {
    const notes = [];
    let unknownReason2;
    for (const ep of this.topo.endpointsRouting(table).sort((a, b) => a.ref.key < b.ref.key ? -1 : 1)) {
      if (isUnknown(ep.serviceName) || isUnknown(ep.type)) {
        unknownReason2 ??= `endpoint ${displayName(ep.ref)} on this route table has a service or type known only after apply`;
        continue;
      }
      if (ep.service?.family !== family || ep.type !== "Gateway") continue;
      const region = table.ref.region ?? ep.ref.region;
      if (ep.service.region && region && ep.service.region !== region) {
        notes.push(`gateway endpoint ${displayName(ep.ref)} names region ${ep.service.region}, not ${region}: it carries nothing`);
        continue;
      }
      if (family === "s3" && this.options.bucketRegion && ep.service.region && this.options.bucketRegion !== ep.service.region) {
        notes.push(`gateway endpoint ${displayName(ep.ref)} serves ${ep.service.region} only; the bucket is in ${this.options.bucketRegion}`);
        continue;
      }
      return { endpoint: ep, notes };
    }
    for (const ep of unknownReason2 ? [] : this.topo.endpointsPerhapsOn(table)) {
      if (isGatewayOf(ep, family) !== false) {
        unknownReason2 = `endpoint ${displayName(ep.ref)} may be on this route table: which route tables it is on cannot be told (${ep.routeTables.unresolved})`;
        break;
      }
    }
    return unknownReason2 ? { unknown: unknownReason2, notes } : { notes };
  }
  endpointPolicy(ep) {
    if (ep.policySupported === false) return void 0;
    return judge(this.evaluator, "endpoint", ep.ref, ep.policy, this.options.requestFor?.(ep));
  }
};
var OTHER_TARGET = {
  tgw: "transit gateway",
  pcx: "VPC peering connection",
  vgw: "virtual private gateway",
  gateway: "gateway (internet or virtual private, known only after apply)",
  vpce: "Gateway Load Balancer endpoint",
  "local-gateway": "local gateway",
  carrier: "carrier gateway",
  "core-network": "Cloud WAN core network",
  eigw: "egress-only internet gateway",
  local: "local route"
};
function unknownReason(ep) {
  if (isUnknown(ep.serviceName)) return `service name unknown (${ep.serviceName.reason})`;
  if (isUnknown(ep.type)) return `type unknown (${ep.type.reason})`;
  return "unknown";
}

// src/explain/bucket.ts
var BUCKET_ACTIONS = ["s3:GetObject", "s3:PutObject", "s3:ListBucket"];
function explainBucket(inv, name, evaluator = NO_EVALUATOR) {
  const bucket = findBucket(inv, name);
  const bucketName = bucket ? isUnknown(bucket.name) ? placeholderName(bucket.ref.key, "bucket") : bucket.name : name;
  const bucketRef = bucket?.ref ?? { key: `bucket:${name}`, kind: "bucket", id: name };
  const policy = bucket?.policy ?? {
    kind: "unknown",
    reason: `bucket ${name} is not in the scanned inventory`,
    holder: bucketRef,
    attribute: "policy"
  };
  const tracer = new PathTracer(inv, bucket?.ref.region ? { bucketRegion: bucket.ref.region } : {});
  const groups = /* @__PURE__ */ new Map();
  for (const subnet of [...inv.subnets.values()].sort((a, b) => naturalCompare(a.ref.key, b.ref.key))) {
    const start = tracer.subnetStart(subnet);
    const path = start.table ? tracer.familyPath(start.table, "s3") : { service: "S3", class: "unknown", summary: "route table unknown", hops: start.hops.slice(1) };
    const key = `${path.class}\0${path.hops.map((h) => [h.label, ...h.notes ?? []].join("")).join("\0")}`;
    let group = groups.get(key);
    if (!group) {
      const endpoint = path.hops.find((h) => h.kind === "gateway-endpoint" || h.kind === "interface-endpoint")?.ref;
      const ep = endpoint && inv.vpcEndpoints.get(endpoint.key);
      group = {
        path,
        subnets: [],
        routeTables: [],
        ...endpoint ? { endpoint } : {},
        checks: path.class === "no-route" || path.class === "unknown" ? [] : checks(inv, evaluator, bucketName, bucketRef, policy, ep)
      };
      groups.set(key, group);
    }
    group.subnets.push(subnet.ref);
    group.routeTables.push(start.table?.ref);
  }
  const all = [...groups.values()];
  const of = (...classes) => all.filter((g) => classes.includes(g.path.class));
  return {
    name: bucketName,
    ...bucket ? { bucket: bucket.ref } : {},
    privatePaths: of("private"),
    publicPaths: of("nat", "internet", "other-network"),
    otherPaths: of("no-route", "unknown")
  };
}
function findBucket(inv, name) {
  for (const b of inv.buckets.values()) if (!isUnknown(b.name) && b.name === name) return b;
  const ref = inv.refByKey(name);
  return ref ? inv.buckets.get(ref.key) : void 0;
}
function checks(inv, evaluator, name, bucketRef, policy, ep) {
  const vpc = ep ? single(ep.vpc, inv.vpcs) : void 0;
  const partition = partitionOfBucket(bucketRef, policy, ep);
  return BUCKET_ACTIONS.map((action) => {
    const request = {
      action,
      resource: action === "s3:ListBucket" ? s3Arn(partition, name) : s3Arn(partition, name, "*"),
      ...ep ? { endpoint: ep.ref } : {},
      ...vpc && !isUnknown(vpc) ? { vpc: vpc.ref } : {},
      ...bucketRef.account ? { account: bucketRef.account } : {},
      ...bucketRef.kind === "bucket" && inv.buckets.has(bucketRef.key) ? { bucket: bucketRef } : {}
    };
    const endpoint = ep && ep.policySupported !== false ? judge(evaluator, "endpoint", ep.ref, ep.policy, request) : void 0;
    const bucket = judge(evaluator, "bucket", bucketRef, policy, request);
    return { action, ...endpoint ? { endpoint } : {}, bucket, ...outcome(endpoint, bucket) };
  });
}
function partitionOfBucket(bucketRef, policy, ep) {
  const own = partitionOfRef(bucketRef) ?? (ep ? partitionOfRef(ep.ref) : void 0);
  if (own !== void 0) return own;
  const parsed2 = policy.kind === "document" ? parsePolicyCached(policy.text) : void 0;
  return partitionFor({}, parsed2?.ok ? writtenResources(parsed2.policy) : []);
}
function outcome(endpoint, bucket) {
  const ev = endpoint?.verdict;
  const bv = bucket.verdict;
  const by = (step, statement) => statement ? { decidedBy: `${step.role} policy of ${displayName(step.owner)}, statement ${statement}` } : {};
  if (ev && (ev.decision === "deny" || ev.decision === "no-match")) return { outcome: "blocked-by-endpoint", ...by(endpoint, ev.statement) };
  if (bv && bv.decision === "deny") return { outcome: "denied-by-bucket", ...by(bucket, bv.statement) };
  if (!bv || bv.decision === "not-evaluated" || ev && ev.decision === "not-evaluated") return { outcome: "not-evaluated" };
  if (bv.decision === "depends" || ev && ev.decision === "depends") return { outcome: "depends" };
  if (bv.decision === "allow") return { outcome: "allowed", ...by(bucket, bv.statement) };
  return { outcome: "identity-policies-decide" };
}

// src/explain/evaluator.ts
var MAX_REQUESTS = 2e4;
function policyEvaluator(inv) {
  return {
    evaluate: (doc, role, request) => withNotes(evaluateOnPath(inv, doc, role, request)),
    describeEndpointPolicy: (doc, endpoint) => describeEndpointPolicy(inv, doc, endpoint)
  };
}
function parsed(doc) {
  const result = parsePolicyCached(doc.text);
  if (result.ok) return result.policy;
  const first = result.problems[0];
  return `the policy of ${displayName(doc.holder)} does not parse${first ? ` (${first.message} at ${first.path})` : ""}`;
}
function evaluateOnPath(inv, doc, role, req) {
  const policy = parsed(doc);
  if (typeof policy === "string") return { decision: "not-evaluated", because: policy };
  const whole = req.bucket ? wholeValuePlaceholders(writtenResources(policy), doc.placeholders ?? {}, req.bucket.key) : [];
  if (whole.length > 0) {
    return { decision: "not-evaluated", because: `the plan records only that a Resource of the ${role} policy is built from ${whole.map(placeholderSubject).join(" and ")}, known only after apply, not whether it names the bucket or its objects; the .tf files beside the plan say which` };
  }
  const endpoint = req.endpoint ? comparedId(inv, policy, doc.placeholders ?? {}, req.endpoint, "aws:sourcevpce") : void 0;
  const vpc = req.vpc ? comparedId(inv, policy, doc.placeholders ?? {}, req.vpc, "aws:sourcevpc") : void 0;
  if (req.endpoint && !endpoint && mentions(policy, "aws:sourcevpce")) {
    return { decision: "not-evaluated", because: `the id of ${displayName(req.endpoint)} is known only after apply and the policy does not reference it, so whether its aws:SourceVpce conditions match is unknown` };
  }
  if (req.vpc && !vpc && mentions(policy, "aws:sourcevpc")) {
    return { decision: "not-evaluated", because: `the id of ${displayName(req.vpc)} is known only after apply and the policy does not reference it, so whether its aws:SourceVpc conditions match is unknown` };
  }
  const endpointId = endpoint?.id;
  const vpcId = vpc?.id;
  const notes = [endpoint?.note, vpc?.note].filter((n2) => n2 !== void 0);
  const account = req.account;
  const action = req.action.toLowerCase();
  const partition = partitionOfArn(req.resource);
  let space;
  try {
    space = buildSpace(policy, {
      actions: [req.action],
      resources: [req.resource],
      services: [req.action.split(":")[0]],
      ...endpointId ? { endpoints: [endpointId] } : {},
      ...vpcId ? { vpcs: [vpcId] } : {},
      ...account ? { accounts: [account] } : {},
      ...partition ? { partition } : {}
    });
  } catch (err) {
    if (err instanceof NotEvaluable) return { decision: "not-evaluated", because: `policy not evaluated: ${err.message}` };
    throw err;
  }
  const requests = allRequests(space, {
    action: (v) => v.action === void 0 || v.action.toLowerCase() === action,
    resource: (v) => v.resource === void 0 || v.resource === req.resource,
    // A request signed by an IAM principal (of the bucket's account, when known): the caller explain asks about.
    principal: (v) => v.principal === void 0 || v.principal.kind === "aws" && (!account || v.principal.account === account),
    // Through the endpoint, or not. Ids matter only where the policy compares them (then the space holds ours).
    network: req.endpoint ? (v) => {
      const vpce = v.context.get("aws:sourcevpce")?.[0];
      if (vpce === void 0) return false;
      if (endpointId && mentions(policy, "aws:sourcevpce") && vpce !== endpointId) return false;
      return !(vpcId && mentions(policy, "aws:sourcevpc") && v.context.get("aws:sourcevpc")?.[0] !== vpcId);
    } : (v) => !v.context.has("aws:sourcevpce"),
    any: directOverHttps
  });
  const outcomes = /* @__PURE__ */ new Map();
  let n = 0;
  for (const r of requests) {
    if (++n > MAX_REQUESTS) return { decision: "not-evaluated", because: "policy not evaluated: too many combinations of unknown values" };
    const e = evaluate(policy, r);
    const deciding = e.decision === "implicit-deny" ? void 0 : policy.statements.find((s) => e.matched.includes(s.index) && s.effect === (e.decision === "allow" ? "Allow" : "Deny"));
    const key = `${e.decision}\0${deciding?.index ?? ""}`;
    if (!outcomes.has(key)) outcomes.set(key, { request: r, ...deciding ? { statement: deciding } : {} });
  }
  if (outcomes.size === 0) return { decision: "not-evaluated", because: "policy not evaluated: no request of this kind fits the policy's terms" };
  const decisions = new Set([...outcomes.keys()].map((k) => k.split("\0")[0]));
  const [first] = outcomes.values();
  if (decisions.size === 1) {
    const decision = [...decisions][0];
    const label = first.statement ? statementLabel(first.statement) : void 0;
    const who = role === "endpoint" ? "endpoint policy" : "bucket policy";
    if (decision === "explicit-deny") return { decision: "deny", statement: label, because: `a Deny in the ${who} matches`, notes };
    if (decision === "allow") return { decision: "allow", statement: label, because: `an Allow in the ${who} matches`, notes };
    return { decision: "no-match", because: `no statement of the ${who} allows it`, notes };
  }
  return { decision: "depends", because: dependsOn([...outcomes.values()]), notes };
}
function withNotes(v) {
  const { notes, ...verdict } = v;
  return notes && notes.length > 0 ? { ...verdict, because: `${verdict.because} (${notes.join("; ")})` } : verdict;
}
function mentions(policy, keyLower) {
  return policy.statements.some((s) => s.conditions.some((c) => c.keyLower === keyLower));
}
function statementLabel(s) {
  return s.sid ? `"${s.sid}"` : `#${s.index + 1}`;
}
function dependsOn(outcomes) {
  const callers = new Set(outcomes.map((o) => o.request.principal.kind === "aws" ? o.request.principal.arn : o.request.principal.kind));
  const keys = /* @__PURE__ */ new Set();
  const [a, ...rest] = outcomes;
  for (const b of rest) {
    for (const k of /* @__PURE__ */ new Set([...a.request.context.keys(), ...b.request.context.keys()])) {
      if (k.startsWith("aws:principal")) continue;
      if (JSON.stringify(a.request.context.get(k)) !== JSON.stringify(b.request.context.get(k))) keys.add(k);
    }
  }
  const parts = [];
  if (callers.size > 1) parts.push("who the caller is");
  if (keys.size > 0) parts.push(`the request's ${[...keys].sort().join(", ")}`);
  const examples = outcomes.slice(0, 3).map((o) => `${o.request.principal.kind === "aws" ? o.request.principal.arn : o.request.principal.kind}: ${o.statement ? `statement ${statementLabel(o.statement)} (${o.statement.effect})` : "no statement"}`);
  return `depends on ${parts.join(" and ") || "values not known here"}; e.g. ${examples.join("; ")}`;
}
function describeEndpointPolicy(inv, doc, endpoint) {
  const policy = parsed(doc);
  if (typeof policy === "string") return policy;
  const ep = inv.vpcEndpoints.get(endpoint.key);
  const service = ep?.service?.family ?? ep?.service?.service.split(".")[0];
  try {
    const partition = partitionOfRef(endpoint);
    const gap = fullAccessGap(policy, {
      ...service ? { service } : {},
      ...endpoint.account ? { ownerAccounts: [endpoint.account] } : {},
      ...endpoint.id ? { endpointId: endpoint.id } : {},
      ...partition ? { partition } : {}
    });
    if (!gap) return "allows every principal every action on every resource (full access)";
    const allows = policy.statements.filter((st) => st.effect === "Allow").map(statementSummary);
    const denies = policy.statements.filter((st) => st.effect === "Deny").length;
    return `limits access: it lets through only ${allows.length > 0 ? allows.join("; ") : "nothing (no Allow statement)"}${denies > 0 ? `, less what its ${denies} Deny statement${denies === 1 ? "" : "s"} take away` : ""}`;
  } catch (err) {
    if (err instanceof NotEvaluable) return `policy not evaluated: ${err.message}`;
    throw err;
  }
}
function statementSummary(st) {
  const few = (list) => list.length > 3 ? `${list.slice(0, 3).join(", ")}, ...` : list.join(", ");
  const actions = st.action ? few(st.action) : st.notAction ? `every action but ${few(st.notAction)}` : "no action";
  const resources = st.resource ? few(st.resource) : st.notResource ? `every resource but ${few(st.notResource)}` : "no resource";
  return `${statementLabel(st)} (${actions} on ${resources}${st.conditions.length > 0 ? ", with conditions" : ""})`;
}

// src/explain/render-mermaid.ts
var SHAPE = {
  subnet: "round",
  "gateway-endpoint": "stadium",
  "interface-endpoint": "stadium",
  "nat-gateway": "hexagon",
  "nat-instance": "hexagon",
  internet: "cloud",
  service: "cylinder"
};
function toneOf(cls, hop) {
  if (hop.kind === "service") return "service";
  if (hop.kind === "unknown" || hop.kind === "dropped") return "unknown";
  if (hop.kind === "subnet" || hop.kind === "route-table") return "plain";
  if (cls === "private") return "good";
  if (cls === "nat" || cls === "internet") return "bad";
  return "unknown";
}
function hopNode(chart, hop, scope, cls) {
  const key = hop.ref ? `ref:${hop.ref.key}` : hop.kind === "internet" ? "internet" : `${scope}:${hop.kind}:${hop.label}`;
  const label = hop.ref ? hopTitle(hop) : hop.kind === "unknown" ? `? ${hop.label}` : hop.label;
  return chart.node(key, label, { shape: SHAPE[hop.kind] ?? "box", tone: toneOf(cls, hop) });
}
function hopTitle(hop) {
  const name = displayName(hop.ref);
  const kind = hop.label.endsWith(name) ? hop.label.slice(0, hop.label.length - name.length).trim() : hop.label.split(` ${name}`)[0];
  return kind ? `${kind}
${name}` : name;
}
function drawPath(chart, from, path, scope, style = "solid", firstLabel) {
  let prev = from;
  path.hops.forEach((hop, i) => {
    const node = hopNode(chart, hop, scope, path.class);
    const label = i === 0 && firstLabel ? `${firstLabel}${hop.via ? `: ${hop.via}` : ""}` : hop.via;
    chart.edge(prev, node, { style, ...label ? { label } : {} });
    prev = node;
  });
}
function routeFlowchart(e) {
  const chart = new Flowchart("TD");
  let prev;
  for (const hop of e.start) {
    const node = hopNode(chart, hop, "start", "private");
    if (prev) chart.edge(prev, node, hop.via ? { label: hop.via } : {});
    prev = node;
  }
  for (const path of e.paths) {
    drawPath(chart, prev, path, path.service);
    if (path.publicName) drawPath(chart, prev, path.publicName, `${path.service}:public`, "dashed", "public name");
  }
  return chart;
}
var SUBNETS_DRAWN = 3;
function bucketFlowchart(e) {
  const chart = new Flowchart("TD");
  const bucket = chart.node("bucket", `bucket
${e.name}`, { shape: "cylinder", tone: "service" });
  [...e.privatePaths, ...e.publicPaths, ...e.otherPaths].forEach((p, i) => drawBucketPath(chart, p, `p${i}`, bucket));
  return chart;
}
function drawBucketPath(chart, p, scope, bucket) {
  const names = p.subnets.map(displayName);
  const label = names.length <= SUBNETS_DRAWN ? names.join("\n") : `${names.slice(0, SUBNETS_DRAWN).join("\n")}
+${names.length - SUBNETS_DRAWN} more`;
  const subnets = chart.node(`${scope}:subnets`, `${names.length === 1 ? "subnet" : `${names.length} subnets`}
${label}`, { shape: "round" });
  const tables = [...new Map(p.routeTables.filter((t) => t !== void 0).map((t) => [t.key, t])).values()];
  let heads = tables.slice(0, SUBNETS_DRAWN).map((t) => chart.node(`ref:${t.key}`, `route table
${displayName(t)}`));
  if (tables.length > SUBNETS_DRAWN) heads.push(chart.node(`${scope}:tables`, `+${tables.length - SUBNETS_DRAWN} more route tables`));
  if (heads.length === 0) heads = [subnets];
  else for (const h of heads) chart.edge(subnets, h);
  for (const hop of p.path.hops.filter((h) => h.kind !== "service")) {
    const node = hopNode(chart, hop, scope, p.path.class);
    for (const h of heads) chart.edge(h, node, hop.via ? { label: hop.via } : {});
    heads = [node];
  }
  if (p.path.class === "no-route" || p.path.class === "unknown") return;
  for (const h of heads) chart.edge(h, bucket, { label: checkSummary(p), style: p.path.class === "private" ? "thick" : "solid" });
}
function checkSummary(p) {
  const outcomes = new Set(p.checks.map((c) => c.outcome));
  if (outcomes.size === 1) {
    const [only] = outcomes;
    return { allowed: "policies allow", "identity-policies-decide": "policies let through", "blocked-by-endpoint": "endpoint policy blocks", "denied-by-bucket": "bucket policy denies", depends: "depends on the caller", "not-evaluated": "policies not evaluated" }[only];
  }
  return p.checks.map((c) => `${c.action.replace("s3:", "")}: ${c.outcome.replace(/-/g, " ")}`).join("\n");
}

// src/explain/render-text.ts
var CLASS_WORD = {
  private: "private",
  nat: "through a NAT, not private",
  internet: "over the internet, not private",
  "other-network": "into another network, not traced",
  "no-route": "no route",
  unknown: "unknown"
};
function renderRouteText(e) {
  const lines = [`How traffic from ${e.subject.kind === "subnet" ? "subnet" : "the subnets of route table"} ${displayName(e.subject)} reaches AWS services`, ""];
  for (const hop of e.start) lines.push(...hopLines(hop, "  "));
  if (e.paths.length === 0) {
    lines.push("", "The route table is unknown, so no path can be traced from here.");
    return `${lines.join("\n")}
`;
  }
  for (const path of e.paths) {
    lines.push("", ...pathLines(path, ""));
  }
  lines.push("", "Bucket policies apply at S3 on every path: `vpcelint explain --bucket NAME` evaluates them for one bucket.");
  return `${lines.join("\n")}
`;
}
function pathLines(path, indent) {
  const lines = [`${indent}${path.service}: ${path.summary} [${CLASS_WORD[path.class]}]`];
  path.hops.forEach((hop, i) => lines.push(...hopLines(hop, `${indent}  ${i + 1}. `, `${indent}     `)));
  const policies = path.hops.map((h) => h.policy).filter((p) => p !== void 0);
  if (policies.length > 0) {
    lines.push(`${indent}  policies on the way:`);
    for (const p of policies) lines.push(`${indent}    - ${policyLine(p)}`);
  } else if (path.class !== "unknown" && path.class !== "no-route") {
    lines.push(`${indent}  policies on the way: no endpoint policy on this path`);
  }
  if (path.publicName) lines.push(...pathLines(path.publicName, `${indent}  `));
  return lines;
}
function hopLines(hop, first, rest = first.replace(/\S/g, " ")) {
  const mark = hop.kind === "unknown" ? "? " : hop.kind === "dropped" ? "x " : "";
  const lines = [`${first}${hop.via ? `--${hop.via}--> ` : ""}${mark}${hop.label}${hop.ref?.location ? ` (${hop.ref.location.file}:${hop.ref.location.startLine})` : ""}`];
  for (const n of hop.notes ?? []) lines.push(`${rest}  ${n}`);
  return lines;
}
function policyLine(p) {
  const where = p.holder ? ` (declared in ${displayName(p.holder)})` : "";
  const v = p.verdict;
  if (v) return `${p.role} policy of ${displayName(p.owner)}${where}: ${describeVerdict(v)}`;
  const state = p.source === "absent" ? "none (the AWS default allows everything)" : p.source === "unknown" ? "unknown" : p.description ?? "policy not evaluated (no request on this path to judge it against; use --bucket)";
  return `${p.role} policy of ${displayName(p.owner)}${where}: ${state}`;
}
function renderBucketText(e) {
  const lines = [`Which subnets reach bucket ${e.name}${e.bucket ? ` (${displayName(e.bucket)})` : " (not in the scanned inventory: its policy is unknown)"}`];
  const section = (title, paths, none) => {
    lines.push("", `${title}:`);
    if (paths.length === 0) lines.push(`  ${none}`);
    for (const p of paths) lines.push(...bucketPathLines(p));
  };
  section("Privately, through an endpoint", e.privatePaths, "none: no subnet reaches this bucket through a VPC endpoint");
  section("Through a NAT, the internet or another network", e.publicPaths, "none");
  if (e.otherPaths.length > 0) section("No route, or not known", e.otherPaths, "none");
  return `${lines.join("\n")}
`;
}
function bucketPathLines(p) {
  const lines = [`  ${p.path.summary} [${CLASS_WORD[p.path.class]}]`, `    from ${p.subnets.length} subnet${p.subnets.length === 1 ? "" : "s"}:`];
  p.subnets.forEach((s, i) => {
    const table = p.routeTables[i];
    lines.push(`      ${displayName(s)}${table ? ` (route table ${displayName(table)})` : ""}`);
  });
  p.path.hops.forEach((hop, i) => lines.push(...hopLines(hop, `    ${i + 1}. `)));
  const byText = /* @__PURE__ */ new Map();
  for (const c of p.checks) {
    const text = checkLines(c).join("\n");
    byText.set(text, [...byText.get(text) ?? [], c.action]);
  }
  for (const [text, actions] of byText) lines.push(`    ${actions.join(", ")}${text}`);
  return lines;
}
var OUTCOME = {
  allowed: "gets through (the bucket policy allows it)",
  "identity-policies-decide": "gets through the policies on the path; the caller's identity policies decide",
  "blocked-by-endpoint": "blocked by the endpoint policy",
  "denied-by-bucket": "denied by the bucket policy",
  depends: "depends on the caller or on values not known here",
  "not-evaluated": "not evaluated"
};
function checkLines(c) {
  const lines = [`: ${OUTCOME[c.outcome]}${c.decidedBy ? ` (${c.decidedBy})` : ""}`];
  if (c.endpoint) lines.push(`      ${policyLine(c.endpoint)}`);
  lines.push(`      ${policyLine(c.bucket)}`);
  return lines;
}

// src/explain/subject.ts
function explainRoutes(inv, name, options = {}) {
  const ref = inv.refByKey(name) ?? inv.refById(name);
  const tracer = new PathTracer(inv, options);
  const subnet = ref && inv.subnets.get(ref.key);
  if (subnet) {
    const { hops, table: table2 } = tracer.subnetStart(subnet);
    return { subject: subnet.ref, start: hops, paths: table2 ? tracer.servicePaths(table2) : [] };
  }
  const table = ref && inv.routeTables.get(ref.key);
  if (table) {
    const users = topologyOf(inv).subnetsUsing(table).map((s) => s.ref);
    const hop = tracer.tableHop(table);
    hop.notes = [users.length > 0 ? `used by ${nameList(users.map(displayName))}` : "no subnet in the inventory uses this table"];
    return { subject: table.ref, start: [hop], paths: tracer.servicePaths(table) };
  }
  throw new UsageError(notFound(inv, name, ref));
}
function notFound(inv, name, ref) {
  if (ref) return `${name} is a ${ref.kind}, not a subnet or route table`;
  const examples = [...inv.subnets.values()].slice(0, 3).map((s) => displayName(s.ref));
  return `no subnet or route table ${JSON.stringify(name)} in the input${examples.length > 0 ? ` (subnets there include ${examples.join(", ")})` : " (it has no subnets)"}`;
}

// src/explain/command.ts
async function explainCommand(target, opts, io) {
  const format = opts.format ?? "text";
  if (!EXPLAIN_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPLAIN_FORMATS.join(", ")}; got ${JSON.stringify(opts.format)}`);
  if (opts.bucket !== void 0 && target !== void 0) throw new UsageError("explain takes a subnet or route table, or --bucket NAME, not both");
  if (opts.bucket === void 0 && target === void 0) throw new UsageError("explain needs a subnet or route table (Terraform address or id), or --bucket NAME");
  const fit = opts.plan !== void 0 ? await fitPlanToHeap(opts.plan, io.heap, io.warn) : { lean: false };
  if ("exitCode" in fit) return fit.exitCode;
  const progress = opts.plan !== void 0 && io.progressLine ? planProgress(opts.plan, { env: io.env, write: io.progressLine }) : void 0;
  let inv;
  try {
    inv = await loadInventory(opts, io, fit.lean);
  } finally {
    progress?.end();
  }
  const evaluator = policyEvaluator(inv);
  let out;
  if (opts.bucket !== void 0) {
    const e = explainBucket(inv, opts.bucket, evaluator);
    out = format === "mermaid" ? `${bucketFlowchart(e).render()}
` : renderBucketText(e);
  } else {
    const e = explainRoutes(inv, target, { evaluator });
    out = format === "mermaid" ? `${routeFlowchart(e).render()}
` : renderRouteText(e);
  }
  io.stdout(redact(out, inv.sensitiveValues));
  return 0;
}
async function loadInventory(opts, io, lean) {
  const inputs = [opts.plan !== void 0 && "--plan", opts.snapshot !== void 0 && "--snapshot", opts.aws && "--aws"].filter(Boolean);
  if (inputs.length === 0) throw new UsageError('explain needs an input: --plan <plan.json> (use "-" for standard input), --snapshot <file>, or --aws');
  if (inputs.length > 1) throw new UsageError(`explain reads one input: ${inputs.join(" and ")} cannot be combined`);
  if (!opts.aws && (opts.region || opts.profile || opts.roleArn)) throw new UsageError("--region, --profile and --role-arn apply to --aws");
  if (opts.sourceRoot !== void 0 && opts.plan === void 0) throw new UsageError("--source-root applies to --plan");
  if (opts.plan !== void 0) {
    const sources = prepareSources({ planFile: opts.plan, cwd: io.cwd, ...opts.sourceRoot !== void 0 ? { sourceRoot: opts.sourceRoot } : {} });
    return collectPlanWithSources(readPlanFile(opts.plan, { lean }), opts.plan, sources);
  }
  if (opts.snapshot !== void 0) return readSnapshot(opts.snapshot);
  return readAws({ aws: true, failOn: "none", quiet: true, ...opts.region ? { region: [opts.region] } : {}, ...opts.profile ? { profile: opts.profile } : {}, ...opts.roleArn ? { roleArn: opts.roleArn } : {} }, io);
}
export {
  explainCommand
};
