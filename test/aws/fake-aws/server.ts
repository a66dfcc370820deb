import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeAccount } from './account.js';
import { ec2Answer } from './ec2-api.js';
import { iamAnswer, organizationsAnswer, stsAnswer } from './identity-api.js';
import { ApiError, deniedError, errorAnswer, throttleError, type Answer, type Service } from './protocol.js';
import { s3Action, s3Answer } from './s3-api.js';

/** Something to go wrong, for the calls it matches (every field given must match). */
export interface Fault {
  kind: 'throttle' | 'deny' | 'hang';
  service?: Service;
  /** API operation, e.g. DescribeRouteTables, GetBucketPolicy. */
  action?: string;
  region?: string;
  account?: string;
  bucket?: string;
  /** How many matching calls it hits; then it is spent. Default: all. */
  times?: number;
  /** For `hang`: how long to wait before answering. */
  ms?: number;
}

export interface CallRecord {
  service: Service;
  action: string;
  /** The IAM action that authorizes the call (Service Authorization Reference). */
  iamAction: string;
  account: string;
  region: string;
  bucket?: string;
  status: number;
}

export interface FakeAwsOptions {
  /** The first account owns the default keys (AKIAFAKEEXAMPLE). Every account also answers to AKIA<account id>. */
  accounts: FakeAccount[];
  /** Added to every call, before it is answered. */
  latencyMs?: number;
  faults?: Fault[];
  /** Forced page sizes per action, smaller than what the caller asks. */
  pageSize?: Record<string, number>;
  /** Answer ListBuckets as older S3-compatible endpoints do, without BucketRegion. */
  omitBucketRegion?: boolean;
}

export interface FakeAws {
  url: string;
  calls: CallRecord[];
  faults: Fault[];
  /** The most requests answered at once, and the most client connections open at once: the load a scan puts on AWS and on its own sockets. */
  peak: { requests: number; connections: number };
  close(): Promise<void>;
}

export const DEFAULT_ACCESS_KEY = 'AKIAFAKEEXAMPLE';

/** S3 operations whose IAM action has another name. */
const S3_IAM: Record<string, string> = { ListBuckets: 's3:ListAllMyBuckets', GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock' };

/**
 * A local stand-in for AWS on 127.0.0.1: the EC2 query protocol, S3 REST
 * (path style), IAM and STS query protocols and Organizations JSON, answering
 * from fake accounts, recording every call, and injecting faults on demand.
 * Requests are routed by the SigV4 credential scope (service and region) and
 * the access key (account), as real endpoints would see them.
 */
export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const accounts = new Map(options.accounts.map((a) => [a.accountId, a]));
  const keys = new Map<string, { account: string; arn: string }>();
  const first = options.accounts[0]!;
  keys.set(DEFAULT_ACCESS_KEY, { account: first.accountId, arn: first.callerArn ?? `arn:aws:iam::${first.accountId}:user/auditor` });
  for (const a of options.accounts) keys.set(`AKIA${a.accountId}`, { account: a.accountId, arn: a.callerArn ?? `arn:aws:iam::${a.accountId}:user/auditor` });
  let issued = 0;
  let requests = 0;
  const calls: CallRecord[] = [];
  const faults = [...(options.faults ?? [])];

  const peak = { requests: 0, connections: 0 };
  let requestsNow = 0;
  let connectionsNow = 0;
  const server = createServer((req, res) => {
    peak.requests = Math.max(peak.requests, ++requestsNow);
    res.on('close', () => requestsNow--);
    void handle(req, res).catch((err) => {
      res.statusCode = 500;
      res.end(String(err));
    });
  });
  server.on('connection', (socket) => {
    peak.connections = Math.max(peak.connections, ++connectionsNow);
    socket.on('close', () => connectionsNow--);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const requestId = `fake-${(++requests).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''));
    if (!scope) return send(res, errorAnswer('sts', new ApiError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token'), requestId));
    const [, accessKey, region, signingService] = scope as unknown as [string, string, string, string];
    const service = (signingService === 'organizations' ? 'organizations' : signingService) as Service;
    const who = keys.get(accessKey);
    if (!who) return send(res, errorAnswer(service, new ApiError(403, service === 'ec2' ? 'AuthFailure' : 'InvalidClientTokenId', 'The security token included in the request is invalid.'), requestId));
    const account = accounts.get(who.account)!;
    const params = new URLSearchParams(body);
    const s3 = service === 's3' ? s3Action(req.method ?? 'GET', url) : undefined;
    const action = s3?.action ?? (service === 'organizations' ? String(req.headers['x-amz-target'] ?? '').split('.').pop()! : params.get('Action') ?? '');
    const iamAction = service === 's3' ? S3_IAM[action] ?? `s3:${action}` : `${service}:${action}`;
    const record: CallRecord = { service, action, iamAction, account: who.account, region, ...(s3?.bucket ? { bucket: s3.bucket } : {}), status: 0 };
    calls.push(record);

    if (options.latencyMs) await sleep(options.latencyMs);
    let answer: Answer;
    try {
      const fault = takeFault(record);
      if (fault?.kind === 'hang') await sleep(fault.ms ?? 60_000);
      if (fault?.kind === 'throttle') throw throttleError(service);
      if (fault?.kind === 'deny') throw deniedError(service, action, who.arn, s3?.bucket ? `arn:aws:s3:::${s3.bucket}` : '*');
      answer = answerFor(service, account, region, action, params, url, body, requestId, who, s3?.bucket, String(req.headers['x-amz-target'] ?? ''));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      answer = errorAnswer(service, err, requestId);
    }
    record.status = answer.status;
    send(res, answer);
  }

  function answerFor(service: Service, account: FakeAccount, region: string, action: string, params: URLSearchParams, url: URL, body: string, requestId: string, who: { arn: string }, bucket: string | undefined, target: string): Answer {
    switch (service) {
      case 'ec2':
        return ec2Answer(account, region, params, requestId, { ...(options.pageSize ? { pageSize: options.pageSize } : {}) });
      case 's3':
        return s3Answer(account, region, action, bucket, url, requestId, { ...(options.pageSize ? { pageSize: options.pageSize } : {}), ...(options.omitBucketRegion ? { omitBucketRegion: true } : {}) });
      case 'iam':
        return iamAnswer(account, params, requestId, options.pageSize?.GetAccountAuthorizationDetails);
      case 'sts':
        return stsAnswer(account, params, requestId, {
          accounts,
          callerArn: who.arn,
          issueKey: (target, roleArn) => {
            const key = `ASIA${String(++issued).padStart(4, '0')}${target}`;
            keys.set(key, { account: target, arn: roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + '/vpcelint' });
            return key;
          },
        });
      case 'organizations':
        return organizationsAnswer(account, target, body, requestId, options.pageSize?.ListAccounts);
      default:
        throw new ApiError(400, 'UnknownService', `the fake endpoint does not serve ${String(service)}`);
    }
  }

  function takeFault(call: CallRecord): Fault | undefined {
    const i = faults.findIndex((f) =>
      (f.service === undefined || f.service === call.service) && (f.action === undefined || f.action === call.action) && (f.region === undefined || f.region === call.region) &&
      (f.account === undefined || f.account === call.account) && (f.bucket === undefined || f.bucket === call.bucket) && (f.times === undefined || f.times > 0));
    if (i < 0) return undefined;
    const fault = faults[i]!;
    if (fault.times !== undefined) fault.times--;
    return fault;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    faults,
    peak,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  res.writeHead(answer.status, { 'content-type': 'text/xml;charset=UTF-8', ...(answer.headers ?? {}) });
  res.end(answer.body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
