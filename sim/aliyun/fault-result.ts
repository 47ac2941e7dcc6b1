import type { OpEntry } from './op-table.js';
import type { ParsedArgs } from './parse-args.js';
import { requestUrl } from './request-url.js';
import { type SimResult, serverError } from './sim-result.js';
import type { SimFault } from './world-schema.js';

/** Go's own texts for each network failure (net, net/http; aliyun-cli-facts.md fact 8). */
const NET_TEXTS: Record<NonNullable<SimFault['netError']>, (host: string) => string> = {
  'i/o timeout': () => 'dial tcp 47.110.23.1:443: i/o timeout',
  'connection reset by peer': () =>
    'read tcp 10.0.0.5:52044->47.110.23.1:443: read: connection reset by peer',
  'no such host': (host) => `dial tcp: lookup ${host} on 127.0.0.11:53: no such host`,
  'connection refused': () => 'dial tcp 47.110.23.1:443: connect: connection refused',
  'TLS handshake timeout': () => 'net/http: TLS handshake timeout',
  'context deadline exceeded': () =>
    'context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
};

/** The messages the cloud gives for the credential codes a fault may name. */
const CREDENTIAL_MESSAGES: Record<string, string> = {
  'InvalidAccessKeyId.NotFound': 'Specified access key is not found.',
  'InvalidAccessKeyId.Inactive': 'Specified access key is disabled.',
  SignatureDoesNotMatch:
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  'InvalidSecurityToken.Expired': 'Specified SecurityToken is expired.',
};

/** `eas create-service` → `eas:CreateService`, the RAM action a permission error names. */
function ramAction(args: ParsedArgs): string {
  const api = /[A-Z]/.test(args.operation)
    ? args.operation
    : args.operation.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
  return `${args.product}:${api}`;
}

/** The Go error of a network fault, naming the request as the Go HTTP client does. */
export function networkResult(
  fault: SimFault,
  args: ParsedArgs,
  entry: OpEntry,
  region: string,
): SimResult {
  const { method, url } = requestUrl(args.product, args.operation, entry, region, args.flags);
  const host = new URL(url).host;
  const kind =
    fault.netError ??
    (fault.mode.startsWith('timeout') ? 'context deadline exceeded' : 'i/o timeout');
  return { kind: 'network', text: `${method} "${url}": ${NET_TEXTS[kind](host)}` };
}

/** The answer of a fault that is an error class of its own (not the network, not a plugin). */
export function errorClassResult(fault: SimFault, args: ParsedArgs): SimResult | undefined {
  switch (fault.mode) {
    case 'credentials': {
      const code = fault.code ?? 'InvalidAccessKeyId.NotFound';
      return serverError(
        fault.status ?? 404,
        code,
        fault.message ?? CREDENTIAL_MESSAGES[code] ?? code,
      );
    }
    case 'permission':
      return {
        kind: 'server-error',
        status: fault.status ?? 403,
        code: fault.code ?? 'Forbidden.RAM',
        message:
          fault.message ??
          "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
        authAction: ramAction(args),
      };
    case 'quota':
      return serverError(
        fault.status ?? 400,
        fault.code ?? 'QuotaExceeded',
        fault.message ?? 'The quota of this resource in the region is exhausted.',
      );
    case 'throttle':
      return serverError(
        429,
        fault.code ?? 'Throttling.User',
        'Request was denied due to user flow control.',
      );
    case 'error':
      return serverError(
        fault.status ?? 500,
        fault.code ?? 'InternalError',
        fault.message ?? 'The request processing has failed due to some unknown error.',
      );
    case 'nlb-bug':
      return serverError(400, 'InvalidParameter', fault.message ?? 'vswitch can not be null');
    default:
      return undefined;
  }
}
