import type { OpContext } from './op-context.js';
import { OPS } from './op-table.js';
import { installPlugins, listPlugins, updatePlugins } from './ops/plugin-ops.js';
import type { ParsedArgs } from './parse-args.js';
import { type KeyedFault, pickFault } from './pick-fault.js';
import { requestUrl } from './request-url.js';
import { exitCodeOf, type SimResult, serverError, usageError } from './sim-result.js';
import type { SimState } from './sim-state.js';

export interface CallOptions {
  faults: readonly KeyedFault[];
  /** Added to every call (ALIYUN_SIM_LATENCY_MS). */
  latencyMs: number;
  defaultRegion: string | undefined;
  now: number;
}

/** The outcome of one call, and how long to wait before printing it (the lock is released by then). */
export interface PlannedCall {
  result: SimResult;
  delayMs: number;
}

const PLUGIN_OPS: Record<string, (ctx: OpContext) => SimResult> = {
  list: listPlugins,
  install: installPlugins,
  update: updatePlugins,
};

/** Decides one call against the state (changing it when the call changes the cloud). */
export function runCall(state: SimState, args: ParsedArgs, options: CallOptions): PlannedCall {
  const plain = (result: SimResult): PlannedCall => ({ result, delayMs: options.latencyMs });
  const { product, operation, flags } = args;
  const region =
    flags['biz-region-id'] ?? flags['cluster-id'] ?? flags.region ?? options.defaultRegion;
  if (product === 'plugin') {
    const op = PLUGIN_OPS[operation];
    if (!op) return plain(usageError(`'${operation}' is not a valid command of 'plugin'`));
    return plain(op({ state, region: region ?? '', flags, now: options.now }));
  }
  const entry = OPS[`${product} ${operation}`];
  if (!entry)
    return plain(usageError(`'${product} ${operation}' is not a valid command or product`));
  const missing = entry.required.find(
    (flag) => flags[flag] === undefined || flags[flag] === 'true',
  );
  if (missing)
    return plain(usageError(`missing required flag --${missing} for '${product} ${operation}'`));
  if (!region) return plain(usageError('region is required: pass --region <RegionId>'));
  const plugin = state.world.plugins.find((p) => p.name === entry.plugin);
  if (entry.plugin && !plugin?.installed) {
    return plain({ kind: 'plugin-missing', product, plugin: entry.plugin });
  }
  const fault = pickFault(state, options.faults, args, region);
  const delayMs = options.latencyMs + (fault?.latencyMs ?? 0);
  const run = () => entry.handler({ state, region, flags, now: options.now });
  const timeout: SimResult = {
    kind: 'timeout',
    ...requestUrl(product, operation, entry, region, flags),
  };
  switch (fault?.mode) {
    case 'timeout':
      return { result: timeout, delayMs };
    case 'timeout-but-succeeds': {
      const result = run();
      return { result: exitCodeOf(result) === 0 ? timeout : result, delayMs };
    }
    case 'error':
      return {
        result: serverError(
          fault.status ?? 500,
          fault.code ?? 'InternalError',
          fault.message ?? 'The request processing has failed due to some unknown error.',
        ),
        delayMs,
      };
    case 'throttle':
      return {
        result: serverError(429, 'Throttling.User', 'Request was denied due to user flow control.'),
        delayMs,
      };
    case 'nlb-bug':
      return {
        result: serverError(400, 'InvalidParameter', fault.message ?? 'vswitch can not be null'),
        delayMs,
      };
    case 'plugin-missing':
      return {
        result: {
          kind: 'plugin-missing',
          product,
          plugin: entry.plugin ?? `aliyun-cli-${product}`,
        },
        delayMs,
      };
    case 'plugin-broken':
      return { result: { kind: 'plugin-broken' }, delayMs };
    default:
      return { result: run(), delayMs };
  }
}
