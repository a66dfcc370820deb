import type { Ref } from './ref.js';
import type { Maybe } from './unknown.js';
import type { EndpointServiceName } from './service-name.js';

/**
 * A link from one node to others. `keys` are nodes in the inventory; `external`
 * are known AWS ids that the inventory does not hold (a plan is an open world);
 * `unresolved` says why part of the link could not be followed (a value known
 * only after apply behind a local, a function, ...). A link with `unresolved`
 * set may still have some keys: the ones we could follow.
 */
export interface Link {
  keys: string[];
  external: string[];
  unresolved?: string;
}

export const EMPTY_LINK: Link = Object.freeze({ keys: [], external: [] }) as Link;

interface NodeBase {
  ref: Ref;
  tags?: Record<string, string>;
}

export interface Vpc extends NodeBase {
  cidrBlocks: Maybe<string[]>;
  ipv6CidrBlocks: Maybe<string[]>;
  enableDnsSupport: Maybe<boolean>;
  enableDnsHostnames: Maybe<boolean>;
  /**
   * Key of the main route table. For a VPC created by the plan without any
   * main-table resource, the collector synthesizes the implicit default table.
   */
  mainRouteTable: Maybe<string | undefined>;
}

export interface Subnet extends NodeBase {
  vpc: Link;
  availabilityZone: Maybe<string>;
  cidrBlock: Maybe<string | undefined>;
  ipv6CidrBlock: Maybe<string | undefined>;
  /**
   * Explicit route table association, if any (else the VPC's main table applies).
   * `unresolved` also when an association whose subnet cannot be told may be this subnet's.
   */
  routeTable: Link;
  /** Where the explicit association is declared (aws_route_table_association), for reports. */
  associationRef?: Ref;
}

export type DestinationKind = 'ipv4' | 'ipv6' | 'prefix-list';
export interface Destination {
  kind: DestinationKind;
  value: Maybe<string>;
}

/** What a route sends traffic to. */
export type TargetKind =
  | 'local'
  | 'igw'
  | 'vgw'
  /** `gateway_id` naming something that is no internet, virtual private or NAT gateway nor an endpoint (a transit gateway resource, an id of no known prefix). */
  | 'gateway'
  | 'nat'
  | 'nat-instance'
  | 'vpce'
  | 'tgw'
  | 'pcx'
  | 'eigw'
  | 'carrier'
  | 'local-gateway'
  | 'core-network';

export interface RouteTarget {
  kind: TargetKind;
  /** Node key when the target is in the inventory. */
  key?: string;
  /** AWS id when known. */
  id?: string;
}

export interface Route {
  destination: Destination;
  target: Maybe<RouteTarget>;
  /** inline `route` block, separate aws_route, implied by a gateway endpoint, or read live. */
  origin: 'inline' | 'resource' | 'gateway-endpoint' | 'live';
  /** The resource that declares the route (aws_route, the endpoint, ...). */
  declaredBy?: Ref;
}

export interface RouteTable extends NodeBase {
  vpc: Link;
  routes: Route[];
  /**
   * Set when some routes could not be read: a route list unknown at plan time, or
   * an aws_route whose table cannot be told and may be this one (the text names it).
   */
  routesIncomplete?: string;
  /** Explicit subnet associations (keys of subnets). */
  subnets: string[];
}

export interface NatGateway extends NodeBase {
  subnet: Link;
  connectivityType: Maybe<'public' | 'private'>;
}

export interface InternetGateway extends NodeBase {
  vpc: Link;
  egressOnly: boolean;
}

export type EndpointType = 'Gateway' | 'Interface' | 'GatewayLoadBalancer' | 'Resource' | 'ServiceNetwork';

/** A policy document as found on a resource. */
export type PolicySource =
  /** No policy set: for an endpoint the AWS default (full access), for a bucket no bucket policy. */
  | { kind: 'absent' }
  | {
      kind: 'document';
      text: string;
      /** The resource whose attribute holds the text (endpoint, aws_vpc_endpoint_policy, aws_s3_bucket_policy, ...). */
      holder: Ref;
      attribute: string;
      /** Terraform marked the value sensitive: never print it. */
      sensitive: boolean;
      /**
       * Plans only: values in the text that stand for attributes known only after
       * apply, mapped to the node keys they reference (e.g. an endpoint id).
       */
      placeholders?: Record<string, string[]>;
      /**
       * Plans only: where the text is written when that is not the holder (a
       * `data.aws_iam_policy_document` the holder's attribute refers to), so that
       * a finding points at the block to fix, once for all holders sharing it.
       */
      origin?: Ref;
    }
  | {
      kind: 'unknown';
      reason: string;
      holder: Ref;
      attribute: string;
      /** Keys of the resources (policy documents among them) the value is built from, when the plan names them. */
      builtFrom?: string[];
    };

export interface VpcEndpoint extends NodeBase {
  vpc: Link;
  type: Maybe<EndpointType>;
  serviceName: Maybe<string>;
  /** Parsed service name; undefined when the name is unknown or not an AWS pattern. */
  service?: EndpointServiceName;
  policy: PolicySource;
  /** With `unresolved` also when an association whose endpoint cannot be told may be this endpoint's. */
  routeTables: Link;
  subnets: Link;
  securityGroups: Link;
  privateDnsEnabled: Maybe<boolean>;
  /** Plans: the resource that sets private DNS when it is not the endpoint (`aws_vpc_endpoint_private_dns`). */
  privateDnsDeclaredBy?: Ref;
  /**
   * S3 interface endpoints with private DNS on: private DNS answers only the inbound
   * resolver endpoint, so in-VPC clients take the S3 gateway endpoint. AWS's default
   * when the option is not sent is true. Undefined where the option does not apply.
   */
  privateDnsOnlyForInboundResolver: Maybe<boolean | undefined>;
  /** Live: `VpcEndpointPolicySupported` of the service; plans: from the bundled table. */
  policySupported?: boolean;
  /**
   * Live: whether DescribeVpcEndpointServices names a private DNS name for the
   * service; undefined when not read (rules then use the bundled table).
   */
  privateDnsSupported?: boolean;
  /** The plan destroys this endpoint (kept only so that references to it can be judged). */
  destroyed?: boolean;
}

export interface EndpointService extends NodeBase {
  acceptanceRequired: Maybe<boolean>;
  allowedPrincipals: Maybe<string[]>;
  /** Where each allowed principal is declared (attribute or separate resource). */
  principalRefs?: Record<string, Ref>;
  serviceName?: Maybe<string>;
}

export interface SecurityGroupRule {
  direction: 'ingress' | 'egress';
  /** '-1' for all protocols, else a name or number as AWS writes it. */
  protocol: Maybe<string>;
  fromPort: Maybe<number | undefined>;
  toPort: Maybe<number | undefined>;
  ipv4: Maybe<string[]>;
  ipv6: Maybe<string[]>;
  prefixLists: Link;
  groups: Link;
  self: boolean;
  description?: string;
  /** The resource that declares the rule: the group itself (inline) or a rule resource. */
  declaredBy: Ref;
}

export interface SecurityGroup extends NodeBase {
  vpc: Link;
  groupName?: Maybe<string>;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
  /**
   * Set when ingress (egress) rules may be missing, saying why: the rules could
   * not be read (a data source, inline rules known only after apply), or a rule
   * resource whose group cannot be told may belong to this one (the text names it).
   */
  ingressIncomplete?: string;
  egressIncomplete?: string;
}

export interface PrefixList extends NodeBase {
  /** e.g. com.amazonaws.us-east-1.s3 for AWS-managed lists. */
  prefixListName: Maybe<string | undefined>;
  cidrs: Maybe<string[] | undefined>;
}

export interface Bucket extends NodeBase {
  name: Maybe<string>;
  policy: PolicySource;
  /**
   * Plans only: the bucket is not in the plan; this node stands for it, built
   * from the `aws_s3_bucket_policy` that names it (its ref is that resource), so
   * that the policy is judged like any other bucket policy.
   */
  external?: boolean;
  publicAccessBlock?: {
    blockPublicPolicy: Maybe<boolean>;
    restrictPublicBuckets: Maybe<boolean>;
  };
}

export type WorkloadKind = 'instance' | 'launch-template' | 'lambda' | 'ecs-service';
/**
 * Something that sends traffic from subnets through security groups: an EC2
 * instance, a launch template (its subnets are those of the Auto Scaling groups
 * that use it), a Lambda function's VPC config, an ECS service in awsvpc mode.
 * Collectors give the effective groups: the VPC's default group when none is named.
 */
export interface Workload extends NodeBase {
  workloadKind: WorkloadKind;
  subnets: Link;
  securityGroups: Link;
}

export interface NetworkInterface extends NodeBase {
  subnet: Link;
  /** The instance the interface belongs to, if known. */
  instance?: Link;
}

export type IamPrincipalKind = 'iam-role' | 'iam-user' | 'iam-group';
export interface IamPrincipal extends NodeBase {
  principalKind: IamPrincipalKind;
  name: Maybe<string>;
}

/**
 * An identity policy (managed or inline), with the principals it is attached
 * to. Plans also give every `data.aws_iam_policy_document` as one (attached to
 * nothing): its text may serve as any kind of policy, and is judged once.
 */
export interface IamPolicy extends NodeBase {
  policy: PolicySource;
  attachedTo: Link;
}
