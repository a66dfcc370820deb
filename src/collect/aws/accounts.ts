import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { paginateListAccounts, type Account } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { InputError } from '../../errors.js';
import { classify } from './failures.js';
import { requestHandler, type Clients, type ClientSettings, type Credentials } from './clients.js';
import { allPages, type Read, type Reader } from './reader.js';
import { partitionOfArn } from '../../model/partition.js';

export interface CredentialOptions {
  profile?: string;
  roleArn?: string;
  externalId?: string;
  /** Given credentials instead of the SDK's default chain (tests, embedding). */
  credentials?: Credentials;
}

const SESSION = 'vpcelint';

/** The SDK's default chain (env, SSO, profile, web identity, container or instance role), then the role to assume, if any. */
export function baseCredentials(opts: CredentialOptions, homeRegion: string, settings: ClientSettings): Credentials {
  const chain = opts.credentials ?? fromNodeProviderChain(opts.profile ? { profile: opts.profile } : {});
  if (!opts.roleArn) return chain;
  return fromTemporaryCredentials({
    masterCredentials: chain,
    params: { RoleArn: opts.roleArn, RoleSessionName: SESSION, ...(opts.externalId ? { ExternalId: opts.externalId } : {}) },
    clientConfig: { region: homeRegion, requestHandler: requestHandler(settings) },
  });
}

/** The region the SDK would use by default (AWS_REGION, the profile's region), if any. */
export async function defaultRegion(profile: string | undefined): Promise<string | undefined> {
  const client = new STSClient(profile ? { profile } : {});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}

export interface Identity {
  account: string;
  arn: string;
  partition: string;
}

/** Who the credentials are. Without an answer nothing can be scanned: a setup error. */
export async function whoAmI(clients: Clients, homeRegion: string): Promise<Identity> {
  try {
    const r = await clients.sts(homeRegion).send(new GetCallerIdentityCommand({}));
    return { account: r.Account!, arn: r.Arn!, partition: partitionOfArn(r.Arn!) ?? 'aws' };
  } catch (err) {
    const f = classify(err);
    throw new InputError(`cannot use the AWS credentials (sts:GetCallerIdentity in ${homeRegion}): ${f.code}: ${f.message}`);
  }
}

export interface Organization {
  /** The organization's id (o-…) from its accounts' ARNs, or the account that listed them when no ARN names it. */
  id: string;
  /** Its active accounts. */
  accounts: Account[];
}

/** The organization's active accounts, read from the management (or delegated administrator) account. */
export async function organizationAccounts(clients: Clients, homeRegion: string, caller: string): Promise<Organization> {
  try {
    const accounts = await allPages(paginateListAccounts({ client: clients.organizations(homeRegion) }, {}), (p) => p.Accounts);
    return { id: organizationId(accounts) ?? caller, accounts: accounts.filter((a) => (a.State ?? a.Status) === 'ACTIVE') };
  } catch (err) {
    const f = classify(err);
    throw new InputError(`cannot list the organization's accounts (organizations:ListAccounts): ${f.code}: ${f.message}`);
  }
}

/** An account's ARN is arn:<partition>:organizations::<management account>:account/<organization id>/<account id>. */
export function organizationId(accounts: readonly Account[]): string | undefined {
  for (const a of accounts) {
    const id = /:account\/(o-[a-z0-9]+)\//.exec(a.Arn ?? '')?.[1];
    if (id) return id;
  }
  return undefined;
}

/** Credentials in a member account, through the role every member account has for the audit. */
export function memberCredentials(master: Credentials, partition: string, account: string, roleName: string, externalId: string | undefined, homeRegion: string, settings: ClientSettings): Credentials {
  return fromTemporaryCredentials({
    masterCredentials: master,
    params: { RoleArn: `arn:${partition}:iam::${account}:role/${roleName}`, RoleSessionName: SESSION, ...(externalId ? { ExternalId: externalId } : {}) },
    clientConfig: { region: homeRegion, requestHandler: requestHandler(settings) },
  });
}

/** A member account's identity; a refused role is a diagnostic and the account is skipped. */
export async function memberIdentity(clients: Clients, reader: Reader, account: string, roleName: string, homeRegion: string): Promise<Read<Identity>> {
  return reader.read({ action: 'sts:AssumeRole', account, region: homeRegion, what: `account ${account} through role ${roleName}` }, async () => {
    const r = await clients.sts(homeRegion).send(new GetCallerIdentityCommand({}));
    return { account: r.Account!, arn: r.Arn!, partition: partitionOfArn(r.Arn!) ?? 'aws' };
  });
}

/** The regions enabled for the account (opted in, or not needing it). */
export async function enabledRegions(clients: Clients, reader: Reader, account: string, homeRegion: string): Promise<Read<string[]>> {
  return reader.read({ action: 'ec2:DescribeRegions', account, region: homeRegion, what: 'the enabled regions' }, async () => {
    const r = await clients.ec2(homeRegion).send(new DescribeRegionsCommand({ AllRegions: false }));
    return (r.Regions ?? []).map((x) => x.RegionName!).filter(Boolean).sort();
  });
}
