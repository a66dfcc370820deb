import { EC2Client, type EC2ClientConfig } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';

export interface ClientSettings {
  /** Attempts per call, first one included (the SDK's retry strategy, adaptive mode). */
  maxAttempts: number;
  /** Milliseconds to wait for a response (socket inactivity) before the attempt counts as timed out. */
  requestTimeoutMs: number;
}

/** Static credentials or a provider, as every SDK client takes them. */
export type Credentials = NonNullable<EC2ClientConfig['credentials']>;

type Client = EC2Client | S3Client | IAMClient | STSClient | OrganizationsClient;

/**
 * SDK clients for one set of credentials, one per service and region, reused
 * for every call. The endpoint is the SDK's own choice, so `AWS_ENDPOINT_URL`
 * and `AWS_ENDPOINT_URL_<SERVICE>` (and their config-file forms) apply.
 */
export class Clients {
  private readonly cache = new Map<string, Client>();

  constructor(
    private readonly credentials: Credentials,
    private readonly settings: ClientSettings,
  ) {}

  ec2(region: string): EC2Client {
    return this.get(`ec2/${region}`, () => new EC2Client(this.config(region)));
  }

  /** S3 client whose requests are signed for, and sent to, the bucket's region. */
  s3(region: string): S3Client {
    return this.get(`s3/${region}`, () => new S3Client({ ...this.config(region), followRegionRedirects: false }));
  }

  iam(homeRegion: string): IAMClient {
    return this.get('iam', () => new IAMClient(this.config(homeRegion)));
  }

  sts(region: string): STSClient {
    return this.get(`sts/${region}`, () => new STSClient(this.config(region)));
  }

  organizations(homeRegion: string): OrganizationsClient {
    return this.get('organizations', () => new OrganizationsClient(this.config(homeRegion)));
  }

  /** Closes every client's sockets so the process can exit. */
  destroy(): void {
    for (const client of this.cache.values()) client.destroy();
    this.cache.clear();
  }

  private get<T extends Client>(key: string, make: () => T): T {
    let client = this.cache.get(key) as T | undefined;
    if (!client) {
      client = make();
      this.cache.set(key, client);
    }
    return client;
  }

  private config(region: string) {
    return {
      region,
      credentials: this.credentials,
      retryMode: 'adaptive',
      maxAttempts: this.settings.maxAttempts,
      // Without throwOnRequestTimeout the handler only logs a slow answer and keeps waiting.
      requestHandler: { requestTimeout: this.settings.requestTimeoutMs, connectionTimeout: Math.min(this.settings.requestTimeoutMs, 10_000), throwOnRequestTimeout: true },
    };
  }
}
