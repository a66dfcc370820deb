import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectAws, type AwsScanOptions } from '../../src/collect/aws/index.js';
import type { Inventory } from '../../src/model/inventory.js';
import { FIXTURES } from '../helpers/fixtures.js';
import type { FakeAccount } from './fake-aws/account.js';
import { DEFAULT_ACCESS_KEY, type FakeAws } from './fake-aws/server.js';

/** A fake account recorded under fixtures/live-<name>/account.json (a fresh copy each time). */
export function loadAccount(name: string): FakeAccount {
  return JSON.parse(readFileSync(join(FIXTURES, `live-${name}`, 'account.json'), 'utf8')) as FakeAccount;
}

/**
 * The environment a user would set to point vpcelint at another endpoint:
 * AWS_ENDPOINT_URL and keys in the environment, nothing from ~/.aws.
 */
export function fakeEnv(fake: FakeAws, accessKey = DEFAULT_ACCESS_KEY): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: fake.url,
    AWS_ACCESS_KEY_ID: accessKey,
    AWS_SECRET_ACCESS_KEY: 'fake-secret-key',
    AWS_REGION: 'eu-west-1',
    AWS_CONFIG_FILE: '/nonexistent/vpcelint-test-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/vpcelint-test-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** Sets the fake's environment for this test process (vitest runs each file in its own process). */
export function useFakeEnv(fake: FakeAws): void {
  for (const k of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI']) delete process.env[k];
  Object.assign(process.env, fakeEnv(fake));
}

/** Scans the fake with real SDK clients over HTTP; few, fast retries so failure paths stay quick. */
export function scanFake(fake: FakeAws, opts: AwsScanOptions = {}): Promise<Inventory> {
  useFakeEnv(fake);
  return collectAws({ regions: ['eu-west-1'], maxAttempts: 3, requestTimeoutMs: 5_000, ...opts });
}
