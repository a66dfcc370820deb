import type { FakeAccount, FakeRegion, XmlObject } from './account.js';
import { ApiError, type Answer } from './protocol.js';
import { children, XML_DECL } from './xml.js';

const NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

/** A paginated Describe action: where its items are, the result element, its MaxResults range and supported filters. */
interface ListAction {
  items: (r: FakeRegion, params: URLSearchParams) => XmlObject[];
  element: string;
  max: [number, number];
  filters?: Record<string, (item: XmlObject) => unknown[]>;
}

const LIST: Record<string, ListAction> = {
  DescribeVpcs: { items: (r) => r.vpcs ?? [], element: 'vpcSet', max: [5, 1000] },
  DescribeSubnets: { items: (r) => r.subnets ?? [], element: 'subnetSet', max: [5, 1000] },
  DescribeRouteTables: { items: (r) => r.routeTables ?? [], element: 'routeTableSet', max: [5, 100] },
  DescribeNatGateways: { items: (r) => r.natGateways ?? [], element: 'natGatewaySet', max: [5, 1000] },
  DescribeInternetGateways: { items: (r) => r.internetGateways ?? [], element: 'internetGatewaySet', max: [5, 1000] },
  DescribeVpcEndpoints: { items: (r) => r.vpcEndpoints ?? [], element: 'vpcEndpointSet', max: [1, 1000] },
  DescribeVpcEndpointServices: {
    items: (r) => r.endpointServices ?? [],
    element: 'serviceDetailSet',
    max: [5, 1000],
    filters: { 'service-name': (s) => [s.serviceName] },
  },
  DescribeVpcEndpointServiceConfigurations: { items: (r) => r.serviceConfigurations ?? [], element: 'serviceConfigurationSet', max: [5, 1000] },
  DescribeVpcEndpointServicePermissions: {
    items: (r, p) => {
      const id = p.get('ServiceId') ?? '';
      const perms = r.servicePermissions?.[id];
      if (!perms) throw new ApiError(400, 'InvalidVpcEndpointServiceId.NotFound', `The Vpc Endpoint Service Id '${id}' does not exist`);
      return perms;
    },
    element: 'allowedPrincipals',
    max: [5, 1000],
  },
  DescribeSecurityGroups: { items: (r) => r.securityGroups ?? [], element: 'securityGroupInfo', max: [5, 1000] },
  DescribePrefixLists: { items: (r) => r.prefixLists ?? [], element: 'prefixListSet', max: [5, 1000] },
  DescribeManagedPrefixLists: { items: (r) => r.managedPrefixLists ?? [], element: 'prefixListSet', max: [1, 100] },
  GetManagedPrefixListEntries: {
    items: (r, p) => {
      const id = p.get('PrefixListId') ?? '';
      const entries = r.prefixListEntries?.[id];
      if (!entries) throw new ApiError(400, 'InvalidPrefixListID.NotFound', `The prefix list ID '${id}' does not exist`);
      return entries;
    },
    element: 'entrySet',
    max: [1, 100],
  },
  DescribeInstances: {
    items: (r) => r.reservations ?? [],
    element: 'reservationSet',
    max: [5, 1000],
    filters: { 'instance-state-name': (res) => ((res.instancesSet as XmlObject[] | undefined) ?? []).map((i) => (i.instanceState as XmlObject | undefined)?.name) },
  },
};

/** Filter.N.Name / Filter.N.Value.M, as the EC2 query protocol sends them. */
function filtersOf(params: URLSearchParams): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of params) {
    const m = /^Filter\.(\d+)\.Name$/.exec(k);
    if (!m) continue;
    const values: string[] = [];
    for (let i = 1; params.has(`Filter.${m[1]}.Value.${i}`); i++) values.push(params.get(`Filter.${m[1]}.Value.${i}`)!);
    out.set(v, values);
  }
  return out;
}

export interface PageOptions {
  /** Forced page size per action (smaller than the caller's MaxResults), to exercise pagination. */
  pageSize?: Record<string, number>;
}

export function ec2Answer(account: FakeAccount, region: string, params: URLSearchParams, requestId: string, opts: PageOptions): Answer {
  const action = params.get('Action') ?? '';
  if (action !== 'DescribeRegions' && !account.enabledRegions.includes(region)) {
    throw new ApiError(401, 'OptInRequired', 'You are not subscribed to this service. Please go to http://aws.amazon.com to subscribe.');
  }
  const r = account.regions[region] ?? {};
  const body = (inner: string) => `${XML_DECL}<${action}Response xmlns="${NS}"><requestId>${requestId}</requestId>${inner}</${action}Response>`;
  if (action === 'DescribeRegions') {
    const regions = account.enabledRegions.map((name) => ({ regionName: name, regionEndpoint: `ec2.${name}.amazonaws.com`, optInStatus: 'opt-in-not-required' }));
    return { status: 200, body: body(children({ regionInfo: regions }, 'item')) };
  }
  if (action === 'DescribeVpcAttribute') {
    const vpcId = params.get('VpcId') ?? '';
    if (!(r.vpcs ?? []).some((v) => v.vpcId === vpcId)) throw new ApiError(400, 'InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
    const attribute = params.get('Attribute') ?? '';
    const attrs = r.vpcAttributes?.[vpcId] ?? { enableDnsSupport: true, enableDnsHostnames: false };
    if (attribute !== 'enableDnsSupport' && attribute !== 'enableDnsHostnames') throw new ApiError(400, 'InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid.`);
    return { status: 200, body: body(children({ vpcId, [attribute]: { value: attrs[attribute] } }, 'item')) };
  }
  const list = LIST[action];
  if (!list) throw new ApiError(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
  let items = list.items(r, params);
  for (const [name, values] of filtersOf(params)) {
    const get = list.filters?.[name];
    if (!get) throw new ApiError(400, 'InvalidParameterValue', `The filter '${name}' is invalid`);
    items = items.filter((item) => get(item).some((v) => values.includes(String(v))));
  }
  const max = params.get('MaxResults');
  if (max !== null && (Number(max) < list.max[0] || Number(max) > list.max[1])) {
    throw new ApiError(400, 'InvalidParameterValue', `Value ( ${max} ) for parameter maxResults is invalid. Parameter must be between ${list.max[0]} and ${list.max[1]}.`);
  }
  const { page, next } = paginate(items, action, params.get('NextToken'), max === null ? undefined : Number(max), opts.pageSize?.[action]);
  return { status: 200, body: body(children({ [list.element]: page, nextToken: next }, 'item')) };
}

/** Pages by offset; the token is opaque to the caller and bound to the action, as AWS's are. */
export function paginate<T>(items: T[], action: string, token: string | null, max: number | undefined, forced: number | undefined): { page: T[]; next: string | undefined } {
  let offset = 0;
  if (token) {
    const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { a: string; o: number };
    if (decoded.a !== action) throw new ApiError(400, 'InvalidPaginationToken', 'The pagination token is invalid.');
    offset = decoded.o;
  }
  const size = Math.min(max ?? Infinity, forced ?? Infinity);
  const page = items.slice(offset, offset + size);
  const end = offset + page.length;
  return { page, next: end < items.length ? Buffer.from(JSON.stringify({ a: action, o: end })).toString('base64') : undefined };
}
