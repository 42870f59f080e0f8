import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayRequestAuthorizerEvent, Context } from 'aws-lambda';

/** The pieces of an HTTP request the gateway turns into Lambda events. */
export interface IncomingRequest {
  method: string;
  path: string;
  resource: string;
  headers: Record<string, string>;
  query: URLSearchParams;
  pathParameters: Record<string, string> | null;
  body: string | null;
  sourceIp: string;
  requestId: string;
}

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_API_ID = 'local';
export const LOCAL_STAGE = 'local';
const REGION = 'local';

/** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}`: what an authorizer policy names. */
export function methodArn(method: string, path: string): string {
  return `arn:aws:execute-api:${REGION}:${LOCAL_ACCOUNT}:${LOCAL_API_ID}/${LOCAL_STAGE}/${method}${path}`;
}

function queryMaps(query: URLSearchParams) {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [key, value] of query) {
    single[key] = value; // API Gateway keeps the last value in the single-value map
    multi[key] = [...(multi[key] ?? []), value];
  }
  return Object.keys(single).length ? { single, multi } : { single: null, multi: null };
}

function multiHeaders(headers: Record<string, string>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, [value]]));
}

export function authorizerEvent(request: IncomingRequest): APIGatewayRequestAuthorizerEvent {
  const { single, multi } = queryMaps(request.query);
  return {
    type: 'REQUEST',
    methodArn: methodArn(request.method, request.path),
    resource: request.resource,
    path: request.path,
    httpMethod: request.method,
    headers: request.headers,
    multiValueHeaders: multiHeaders(request.headers),
    pathParameters: request.pathParameters,
    queryStringParameters: single,
    multiValueQueryStringParameters: multi,
    stageVariables: null,
    requestContext: requestContext(
      request,
      null,
    ) as unknown as APIGatewayRequestAuthorizerEvent['requestContext'],
  };
}

export function proxyEvent(
  request: IncomingRequest,
  authorizer: Record<string, unknown> | null,
): APIGatewayProxyEvent {
  const { single, multi } = queryMaps(request.query);
  return {
    resource: request.resource,
    path: request.path,
    httpMethod: request.method,
    headers: request.headers,
    multiValueHeaders: multiHeaders(request.headers),
    queryStringParameters: single,
    multiValueQueryStringParameters: multi,
    pathParameters: request.pathParameters,
    stageVariables: null,
    body: request.body,
    isBase64Encoded: false,
    requestContext: requestContext(request, authorizer),
  };
}

function requestContext(request: IncomingRequest, authorizer: Record<string, unknown> | null) {
  return {
    accountId: LOCAL_ACCOUNT,
    apiId: LOCAL_API_ID,
    authorizer,
    protocol: 'HTTP/1.1',
    httpMethod: request.method,
    path: `/${LOCAL_STAGE}${request.path}`,
    stage: LOCAL_STAGE,
    requestId: request.requestId,
    requestTimeEpoch: Date.now(),
    resourceId: request.resource,
    resourcePath: request.resource,
    identity: {
      sourceIp: request.sourceIp,
      userAgent: request.headers['user-agent'] ?? null,
      accessKey: null,
      accountId: null,
      apiKey: null,
      apiKeyId: null,
      caller: null,
      clientCert: null,
      cognitoAuthenticationProvider: null,
      cognitoAuthenticationType: null,
      cognitoIdentityId: null,
      cognitoIdentityPoolId: null,
      principalOrgId: null,
      user: null,
      userArn: null,
    },
  };
}

/** The Lambda context a handler receives; enough for Powertools and middy's timeout logic. */
export function lambdaContext(functionName: string, timeoutMs = 29_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${REGION}:${LOCAL_ACCOUNT}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
