import {
  paginateGetAccountAuthorizationDetails,
  type EntityType,
  type GetAccountAuthorizationDetailsCommandOutput,
  type GroupDetail,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { Read, Reader } from './reader.js';

export interface IamAccount {
  account: string;
  details: Read<{ users: UserDetail[]; groups: GroupDetail[]; roles: RoleDetail[]; policies: ManagedPolicyDetail[] }>;
}

/** AWS-managed policies are left out: there are over a thousand, the same in every account. */
const FILTER: EntityType[] = ['User', 'Role', 'Group', 'LocalManagedPolicy'];

/** Every role, user, group, customer-managed and inline policy of the account, in one paginated call (IAM is global). */
export async function readIam(client: IAMClient, reader: Reader, account: string): Promise<IamAccount> {
  const details = await reader.read({ action: 'iam:GetAccountAuthorizationDetails', account, what: 'the IAM roles, users, groups and policies' }, async () => {
    const out = { users: [] as UserDetail[], groups: [] as GroupDetail[], roles: [] as RoleDetail[], policies: [] as ManagedPolicyDetail[] };
    const pages: AsyncIterable<GetAccountAuthorizationDetailsCommandOutput> = paginateGetAccountAuthorizationDetails({ client, pageSize: 1000 }, { Filter: FILTER });
    for await (const page of pages) {
      out.users.push(...(page.UserDetailList ?? []));
      out.groups.push(...(page.GroupDetailList ?? []));
      out.roles.push(...(page.RoleDetailList ?? []));
      out.policies.push(...(page.Policies ?? []));
    }
    return out;
  });
  return { account, details };
}

/** IAM returns policy documents URL-encoded (RFC 3986); the SDK passes them on as they are. */
export function decodePolicyDocument(text: string): string {
  if (text.trimStart().startsWith('{')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
