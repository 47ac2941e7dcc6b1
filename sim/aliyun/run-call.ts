import { BUILTIN_PRODUCTS } from './builtin-op-table.js';
import { errorClassResult, networkResult } from './fault-result.js';
import type { OpContext } from './op-context.js';
import { installPlugins, listPlugins, showProductHelp, updatePlugins } from './ops/plugin-ops.js';
import type { ParsedArgs } from './parse-args.js';
import { type KeyedFault, pickFault } from './pick-fault.js';
import { findPlugin, pluginNotRunnable } from './plugin-gate.js';
import type { Route } from './render-result.js';
import { type CallEnv, routeCall } from './route-call.js';
import { exitCodeOf, type SimResult, usageError } from './sim-result.js';
import type { SimState } from './sim-state.js';

export interface CallOptions extends CallEnv {
  faults: readonly KeyedFault[];
  /** Added to every call (ALIYUN_SIM_LATENCY_MS). */
  latencyMs: number;
  now: number;
}

/** The outcome of one call, who answers it, and how long to wait before printing it (the lock is released by then). */
export interface PlannedCall {
  result: SimResult;
  route: Route;
  /** Printed to stderr before the result (the host's notes, e.g. an auto-install). */
  before: string;
  delayMs: number;
}

const PLUGIN_OPS: Record<string, (ctx: OpContext, args: ParsedArgs) => SimResult> = {
  list: listPlugins,
  install: installPlugins,
  update: updatePlugins,
};

/** `aliyun plugin …` and `aliyun <product> --help`: answered by the host itself. */
function runHostCommand(state: SimState, args: ParsedArgs, options: CallOptions): SimResult {
  const ctx: OpContext = { state, region: '', flags: args.flags, now: options.now };
  if (args.product === 'plugin') {
    const op = PLUGIN_OPS[args.operation];
    return op ? op(ctx, args) : usageError(`'${args.operation}' is not a valid command`);
  }
  const plugin = findPlugin(state.world, args.product);
  if (plugin?.installed) {
    const gate = pluginNotRunnable(state.world, args.product, '', options);
    if (gate.result) return gate.result;
  }
  if (!plugin?.installed && !BUILTIN_PRODUCTS[args.product]) {
    return usageError(`'${args.product}' is not a valid command or product. See \`aliyun help\`.`);
  }
  return showProductHelp(args.product, plugin?.installed ? plugin.name : undefined);
}

/** Decides one call against the state (changing it when the call changes the cloud). */
export function runCall(state: SimState, args: ParsedArgs, options: CallOptions): PlannedCall {
  if (args.product === 'plugin' || args.operation === '') {
    const result = runHostCommand(state, args, options);
    return { result, route: 'host', before: '', delayMs: options.latencyMs };
  }
  const routed = routeCall(state, args, options);
  if (!routed.ready) return { ...routed, before: '', delayMs: options.latencyMs };
  const { entry, region, route, before } = routed;
  const fault = pickFault(state, options.faults, args, region);
  const delayMs = options.latencyMs + (fault?.latencyMs ?? 0);
  const planned = (result: SimResult): PlannedCall => ({ result, route, before, delayMs });
  const run = () => entry.handler({ state, region, flags: args.flags, now: options.now });
  if (!fault || fault.mode === 'latency') return planned(run());
  switch (fault.mode) {
    case 'timeout':
    case 'network':
      return planned(networkResult(fault, args, entry, region));
    case 'timeout-but-succeeds':
    case 'network-but-succeeds': {
      const result = run();
      return planned(exitCodeOf(result) === 0 ? networkResult(fault, args, entry, region) : result);
    }
    case 'plugin-missing': {
      // As if the plugin were not installed, for this call only.
      const plugins = state.world.plugins.map((p) =>
        p === findPlugin(state.world, args.product) ? { ...p, installed: false } : p,
      );
      const world = { ...state.world, plugins };
      const gate = pluginNotRunnable(world, args.product, args.operation, {
        ...options,
        autoInstall: false,
      });
      return { ...planned(gate.result ?? run()), route: 'host' };
    }
    case 'plugin-broken':
      return planned({ kind: 'plugin-broken' });
    default:
      return planned(errorClassResult(fault, args) ?? run());
  }
}
