import { BUILTIN_OPS, BUILTIN_PRODUCTS } from './builtin-op-table.js';
import { HOST_FLAGS, type OpEntry, PLUGIN_GLOBAL_FLAGS, PLUGIN_OPS } from './op-table.js';
import type { ParsedArgs } from './parse-args.js';
import { type CallEnv, pluginNotRunnable } from './plugin-gate.js';
import type { Route } from './render-result.js';
import { type SimResult, usageError } from './sim-result.js';
import type { SimState } from './sim-state.js';

export type { CallEnv } from './plugin-gate.js';

/** A call that reached an operation, or the answer the CLI gives before any API is called. */
export type Routed =
  | { ready: false; route: Route; result: SimResult }
  | { ready: true; route: 'plugin' | 'builtin'; entry: OpEntry; region: string; before: string };

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** Lowercase and not an HTTP method: the host hands it to a plugin (aliyun-cli `openapi/commando.go`). */
export const isPluginCommand = (op: string): boolean =>
  op === op.toLowerCase() && !HTTP_METHODS.has(op.toUpperCase());

const stop = (route: Route, result: SimResult): Routed => ({ ready: false, route, result });

const NO_REGION: SimResult = {
  kind: 'host-error',
  message: "region can't be empty",
  exit: 3,
  tip: 'Configuration failed, use `aliyun configure` to configure it.',
};

/** A plugin command: the plugin must be installed and runnable, and must know the command and flags. */
function routePlugin(state: SimState, args: ParsedArgs, env: CallEnv): Routed {
  const { product, operation, flags } = args;
  const gate = pluginNotRunnable(state.world, product, operation, env);
  if (gate.result) return stop('host', gate.result);
  const entry = PLUGIN_OPS[`${product} ${operation}`];
  const fail = (message: string) => stop('plugin', { kind: 'plugin-error', message, exit: 1 });
  if (!entry) return fail(`unknown command "${operation}" for "${product}"`);
  const unknown = Object.keys(flags).find(
    (f) => !entry.flags.includes(f) && !PLUGIN_GLOBAL_FLAGS.includes(f),
  );
  if (unknown) return fail(`unknown flag: --${unknown}`);
  const missing = entry.required.filter((f) => flags[f] === undefined);
  if (missing.length > 0) return fail(`required flag(s) "${missing.join('", "')}" not set`);
  const region = flags['cluster-id'] ?? flags.region ?? env.defaultRegion;
  if (!region) return stop('host', NO_REGION);
  return { ready: true, route: 'plugin', entry, region, before: gate.before };
}

/** A built-in PascalCase API: a product and API the host knows, with parameters it knows. */
function routeBuiltin(args: ParsedArgs, env: CallEnv): Routed {
  const { product, operation, flags } = args;
  if (!BUILTIN_PRODUCTS[product]) {
    return stop(
      'host',
      usageError(`'${product}' is not a valid command or product. See \`aliyun help\`.`),
    );
  }
  const entry = BUILTIN_OPS[`${product} ${operation}`];
  if (!entry) {
    return stop(
      'host',
      usageError(`'${operation}' is not a valid api. See \`aliyun help ${product}\`.`),
    );
  }
  const unknown = Object.keys(flags).find(
    (f) => !entry.flags.includes(f) && !HOST_FLAGS.includes(f),
  );
  if (unknown) {
    return stop(
      'host',
      usageError(
        `'--${unknown}' is not a valid parameter or flag. See \`aliyun help ${product} ${operation}\`.`,
      ),
    );
  }
  const region = flags.RegionId ?? flags.region ?? env.defaultRegion;
  if (!region) return stop('host', NO_REGION);
  if (entry.required.some((f) => flags[f] === undefined)) {
    const missing = entry.required.find((f) => flags[f] === undefined);
    return stop('builtin', {
      kind: 'server-error',
      status: 400,
      code: `Missing${missing}`,
      message: `${missing} is mandatory for this action.`,
    });
  }
  return { ready: true, route: 'builtin', entry, region, before: '' };
}

/** Decides who answers a call, as the real CLI routes it; the plugin commands go through plugin-gate. */
export function routeCall(state: SimState, args: ParsedArgs, env: CallEnv): Routed {
  if (isPluginCommand(args.operation)) return routePlugin(state, args, env);
  return routeBuiltin(args, env);
}
