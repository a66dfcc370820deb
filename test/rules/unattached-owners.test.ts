import { describe, expect, it } from 'vitest';
import egressBlocks from '../../rules/egress-blocks-gateway-endpoint.js';
import openGroup from '../../rules/interface-endpoint-open-security-group.js';
import s3ViaNat from '../../rules/s3-via-nat.js';
import dynamodbViaNat from '../../rules/dynamodb-via-nat.js';
import type { Rule } from '../../src/engine/rule.js';
import type { Inventory } from '../../src/model/inventory.js';
import { InventoryBuilder, defaultRoute, link } from '../helpers/inventory-builder.js';
import { runRule } from '../helpers/rule-tester.js';
import { withRule, workload } from '../helpers/security-group-builders.js';

/**
 * Owners that a rule, route or association may belong to without the plan
 * saying so (its owner reference goes through a local value) are incomplete:
 * the rules say "not evaluated", naming that resource, instead of judging them
 * as if they were complete. Incompleteness of one direction of a security
 * group does not stop a rule that reads the other.
 */
const RULE = 'aws_security_group_rule.via_local may add an egress rule to aws_security_group.app: which security group it belongs to cannot be told (the value is built from local.app_sg, which the plan does not record)';
const INGRESS = 'aws_vpc_security_group_ingress_rule.via_local may add an ingress rule to aws_security_group.endpoints: which security group it belongs to cannot be told (the value is built from local.ep_sg, which the plan does not record)';
const ROUTE = 'aws_route.via_local may add its 0.0.0.0/0 route to aws_route_table.private: which route table it belongs to cannot be told (the value is built from local.private_rt, which the plan does not record)';
const ASSOCIATION = 'aws_route_table_association.via_local may associate aws_route_table.served with aws_subnet.b: which subnet it associates cannot be told (the value is built from local.b_subnet, which the plan does not record)';

function outcome(rule: Rule, inv: Inventory) {
  const result = runRule(rule, inv);
  return {
    findings: result.findings.map((f) => f.primary.key),
    notEvaluated: result.diagnostics.filter((d) => d.code === 'not-evaluated').map((d) => ({ subject: d.subject?.key, message: d.message })),
  };
}

/** An instance in a subnet routed to S3 through a gateway endpoint, behind a group without egress. */
function appBehindGroup(props: { egressIncomplete?: string; ingressIncomplete?: string }) {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const subnet = b.subnet(vpc, { name: 'app' });
  const table = b.routeTable(vpc, { name: 'served', subnets: [subnet] });
  b.endpoint(vpc, 's3', { name: 's3', routeTables: [table] });
  const sg = b.securityGroup(vpc, { name: 'app', ...props });
  workload(b, 'instance', [subnet], [sg], 'app');
  return b.inv;
}

/** An interface endpoint whose group has no open ingress rule of its own. */
function endpointBehindGroup(props: { egressIncomplete?: string; ingressIncomplete?: string }) {
  const b = new InventoryBuilder();
  const vpc = b.vpc('main');
  const subnet = b.subnet(vpc, { name: 'a' });
  const sg = withRule(b.securityGroup(vpc, { name: 'endpoints', ...props }), 'ingress', { ipv4: ['10.0.0.0/16'] });
  b.endpoint(vpc, 'ssm', { name: 'ssm', subnets: [subnet], securityGroups: [sg] });
  return b.inv;
}

describe('egress-blocks-gateway-endpoint: a group an egress rule resource may belong to', () => {
  it('is not judged: the workload is not evaluated, naming the rule resource', () => {
    expect(outcome(egressBlocks, appBehindGroup({ egressIncomplete: RULE }))).toEqual({
      findings: [],
      notEvaluated: [{ subject: 'aws_instance.app', message: expect.stringContaining(`whether its security groups let HTTPS out to S3 is unknown (${RULE})`) }],
    });
  });

  it('is judged when only its ingress may be missing a rule', () => {
    expect(outcome(egressBlocks, appBehindGroup({ ingressIncomplete: INGRESS }))).toEqual({ findings: ['aws_security_group.app'], notEvaluated: [] });
  });
});

describe('interface-endpoint-open-security-group: a group an ingress rule resource may belong to', () => {
  it('is not judged: the endpoint is not evaluated, naming the rule resource', () => {
    expect(outcome(openGroup, endpointBehindGroup({ ingressIncomplete: INGRESS }))).toEqual({
      findings: [],
      notEvaluated: [{ subject: 'aws_vpc_endpoint.ssm', message: expect.stringContaining(`are not fully known (${INGRESS})`) }],
    });
  });

  it('is judged when only its egress may be missing a rule', () => {
    expect(outcome(openGroup, endpointBehindGroup({ egressIncomplete: RULE }))).toEqual({ findings: [], notEvaluated: [] });
  });
});

describe('s3-via-nat and dynamodb-via-nat: routes and associations that may belong to a table or subnet', () => {
  /** A private table with no default route of its own, a NAT table with the endpoints, and the main table through a NAT, for subnet b. */
  function network(props: { routesIncomplete?: string; association?: string }) {
    const b = new InventoryBuilder();
    const vpc = b.vpc('main');
    const pub = b.subnet(vpc, { name: 'public' });
    b.routeTable(vpc, { name: 'public', subnets: [pub], routes: [defaultRoute(b.igw(vpc), 'igw')] });
    const nat = b.nat(pub, 'main');
    const a = b.subnet(vpc, { name: 'a' });
    b.routeTable(vpc, { name: 'private', subnets: [a], ...(props.routesIncomplete ? { routesIncomplete: props.routesIncomplete } : {}) });
    const served = b.routeTable(vpc, { name: 'served', routes: [defaultRoute(nat)] });
    b.endpoint(vpc, 's3', { name: 's3', routeTables: [served] });
    b.endpoint(vpc, 'dynamodb', { name: 'dynamodb', routeTables: [served] });
    b.routeTable(vpc, { name: 'main', main: true, routes: [defaultRoute(nat)] });
    b.subnet(vpc, { name: 'b', ...(props.association ? { routeTable: { ...link(), unresolved: props.association } } : {}) });
    return b.inv;
  }

  for (const rule of [s3ViaNat, dynamodbViaNat]) {
    it(`${rule.meta.id}: a table without a default route that a route resource may belong to is not evaluated, naming it`, () => {
      const got = outcome(rule, network({ routesIncomplete: ROUTE }));
      expect(got.findings).toEqual(['aws_route_table.main']); // for subnet b
      expect(got.notEvaluated).toEqual([{ subject: 'aws_route_table.private', message: expect.stringContaining(`are not fully known (${ROUTE})`) }]);
    });

    it(`${rule.meta.id}: a subnet an association may be for does not fall back to the main table`, () => {
      const got = outcome(rule, network({ association: ASSOCIATION }));
      expect(got.findings).toEqual([]);
      expect(got.notEvaluated).toEqual([{ subject: 'aws_subnet.b', message: expect.stringContaining(`is unknown (${ASSOCIATION})`) }]);
    });
  }
});
