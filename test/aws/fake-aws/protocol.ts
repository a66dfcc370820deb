import { escapeXml, XML_DECL } from './xml.js';

export interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** An error AWS would answer with: HTTP status, error code, message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type Service = 'ec2' | 's3' | 'iam' | 'sts' | 'organizations';

/** The error body each protocol uses. */
export function errorAnswer(service: Service, err: ApiError, requestId: string): Answer {
  const msg = escapeXml(err.message);
  switch (service) {
    case 'ec2':
      return { status: err.status, body: `${XML_DECL}<Response><Errors><Error><Code>${err.code}</Code><Message>${msg}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>` };
    case 's3': {
      const extra = Object.entries(err.extra).map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('');
      return { status: err.status, body: `${XML_DECL}<Error><Code>${err.code}</Code><Message>${msg}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${Buffer.from(requestId).toString('base64')}</HostId></Error>` };
    }
    case 'iam':
    case 'sts': {
      const ns = service === 'iam' ? 'https://iam.amazonaws.com/doc/2010-05-08/' : 'https://sts.amazonaws.com/doc/2011-06-15/';
      return { status: err.status, body: `<ErrorResponse xmlns="${ns}"><Error><Type>Sender</Type><Code>${err.code}</Code><Message>${msg}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>` };
    }
    case 'organizations':
      return { status: err.status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': err.code }, body: JSON.stringify({ __type: err.code, Message: err.message }) };
  }
}

/** The error each service answers when throttling, with the status it uses. */
export function throttleError(service: Service): ApiError {
  switch (service) {
    case 'ec2':
      return new ApiError(503, 'RequestLimitExceeded', 'Request limit exceeded.');
    case 's3':
      return new ApiError(503, 'SlowDown', 'Please reduce your request rate.');
    case 'organizations':
      return new ApiError(400, 'TooManyRequestsException', 'AWS Organizations can\'t complete your request because another request is already in progress. Try again later.');
    default:
      return new ApiError(400, 'Throttling', 'Rate exceeded');
  }
}

export function deniedError(service: Service, action: string, who: string, resource: string): ApiError {
  switch (service) {
    case 'ec2':
      return new ApiError(403, 'UnauthorizedOperation', 'You are not authorized to perform this operation. User: ' + who + ' is not authorized to perform: ec2:' + action + ' because no identity-based policy allows the ec2:' + action + ' action');
    case 's3':
      return new ApiError(403, 'AccessDenied', 'Access Denied');
    case 'organizations':
      return new ApiError(400, 'AccessDeniedException', `You don't have permissions to access this resource.`);
    default:
      return new ApiError(403, 'AccessDenied', `User: ${who} is not authorized to perform: ${service}:${action} on resource: ${resource} because no identity-based policy allows the ${service}:${action} action`);
  }
}
