import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
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
  /** The connections every client of the scan shares (`connectionPool`). */
  connections: Connections;
}

export interface Connections {
  httpAgent: HttpAgent;
  httpsAgent: HttpsAgent;
}

/** A connection left idle this long is closed: an S3 bucket is its own host, and thousands of idle sockets would outlast their use. */
const IDLE_SOCKET_MS = 2_000;

/**
 * One pool of keep-alive connections for every SDK client of a scan. Each
 * client would otherwise keep its own: an organization's scan makes one per
 * service, region and account, and held thousands of sockets open at once,
 * past a file-descriptor limit of 1,024. Connections carry no credentials
 * (every request is signed), so accounts share them.
 */
export function connectionPool(maxSocketsPerHost: number): Connections {
  const options = { keepAlive: true, maxSockets: maxSocketsPerHost, timeout: IDLE_SOCKET_MS };
  return { httpAgent: new HttpAgent(options), httpsAgent: new HttpsAgent(options) };
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
      requestHandler: requestHandler(this.settings),
    };
  }
}

/** Timeouts and the shared connections, for every client the scan makes, the credential providers' own STS clients included. */
export function requestHandler(settings: ClientSettings) {
  return {
    ...settings.connections,
    requestTimeout: settings.requestTimeoutMs,
    connectionTimeout: Math.min(settings.requestTimeoutMs, 10_000),
    // Without it the handler only logs a slow answer and keeps waiting.
    throwOnRequestTimeout: true,
  };
}
