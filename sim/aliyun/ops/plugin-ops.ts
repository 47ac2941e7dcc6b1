import type { OpContext } from '../op-context.js';
import type { ParsedArgs } from '../parse-args.js';
import { type SimResult, usageError } from '../sim-result.js';

/** Columns as Go's tabwriter lays them out (minwidth 20, padding 3; aliyun-cli `cli/plugin/command.go`). */
function table(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] ?? []).map((_, i) =>
    Math.max(20, ...rows.map((r) => (r[i] ?? '').length + 3)),
  );
  return rows
    .map((r) =>
      r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join(''),
    )
    .join('\n');
}

/** aliyun plugin list: what the manifest lists (a plugin whose binary is gone is still listed). */
export function listPlugins(ctx: OpContext): SimResult {
  const rows = ctx.state.world.plugins
    .filter((p) => p.installed)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((p) => [p.name, p.version, p.description]);
  const header = [
    ['Name', 'Version', 'Description'],
    ['----', '-------', '-----------'],
  ];
  return { kind: 'text', text: `${table([...header, ...rows])}\n` };
}

const INSTALL_FLAGS = ['name', 'names', 'version', 'enable-pre', 'package', 'source-base'];

/**
 * aliyun plugin install --names a [b …] | --name a [--version v] [--enable-pre]. Any other flag is
 * refused as the host refuses it (`ERROR: invalid flag --force; …`, exit 2).
 */
export function installPlugins(ctx: OpContext, args: ParsedArgs): SimResult {
  const unknown = Object.keys(ctx.flags).find((f) => !INSTALL_FLAGS.includes(f));
  if (unknown) {
    const available = INSTALL_FLAGS.map((f) => `--${f}`).join(', ');
    return usageError(`invalid flag --${unknown}; available flags: ${available}`);
  }
  // --names is repeatable: the words after it are names too (`--names a b`).
  const names = [ctx.flags.name, ctx.flags.names, ...args.extra].filter(
    (n): n is string => n !== undefined && n !== 'true' && n !== '',
  );
  if (names.length === 0) return usageError('either --name/--names or --package is required');
  const lines: string[] = [];
  for (const name of names) {
    const plugin = ctx.state.world.plugins.find((p) => p.name === name);
    if (!plugin)
      return { kind: 'host-error', exit: 1, message: `plugin ${name} not found in index` };
    plugin.installed = true;
    plugin.binaryMissing = false;
    lines.push(`Plugin ${plugin.name} ${plugin.version} installed successfully.`);
  }
  return { kind: 'text', text: `${lines.join('\n')}\n` };
}

/** aliyun plugin update: everything installed is already the newest. */
export function updatePlugins(): SimResult {
  return { kind: 'text', text: 'All plugins are up to date.\n' };
}

/**
 * aliyun <product> --help: an installed plugin answers it, and the host says so after it
 * (aliyun-cli `openapi/commando.go`, the single-product branch of main); otherwise the built-in
 * product usage.
 */
export function showProductHelp(product: string, plugin: string | undefined): SimResult {
  if (plugin) {
    const help = `Usage:\n  aliyun ${product} [command]\n\nAvailable Commands:\n  …\n`;
    const note = `\nNote: The help information for product '${product}' is provided by the installed plugin '${plugin}'.\nTo view the legacy built-in help, set ALIBABA_CLOUD_ORIGINAL_PRODUCT_HELP=true\n`;
    return { kind: 'text', text: `${help}${note}` };
  }
  return {
    kind: 'text',
    text: `Alibaba Cloud CLI\n\nUsage:\n  aliyun ${product} <ApiName> --parameter1 value1 --parameter2 value2 ...\n`,
  };
}
