import type { OpContext } from '../op-context.js';
import { type SimResult, usageError } from '../sim-result.js';

const HEADER = `${'Name'.padEnd(26)}${'Version'.padEnd(10)}Description`;

/** aliyun plugin list: the installed plugins as the CLI's text table. */
export function listPlugins(ctx: OpContext): SimResult {
  const rows = ctx.state.world.plugins
    .filter((p) => p.installed)
    .map((p) => `${p.name.padEnd(26)}${p.version.padEnd(10)}${p.description}`);
  return {
    kind: 'text',
    text: `${[HEADER, ...rows].join('\n')}\n`,
  };
}

/** aliyun plugin install --names a,b [--force] */
export function installPlugins(ctx: OpContext): SimResult {
  const names = (ctx.flags.names ?? '').split(',').filter((n) => n.length > 0);
  if (names.length === 0) return usageError('missing required flag --names');
  const lines: string[] = [];
  for (const name of names) {
    const plugin = ctx.state.world.plugins.find((p) => p.name === name);
    if (!plugin) return usageError(`plugin ${name} not found in the plugin index`);
    plugin.installed = true;
    lines.push(`Plugin ${plugin.name} ${plugin.version} installed successfully.`);
  }
  return { kind: 'text', text: `${lines.join('\n')}\n` };
}

/** aliyun plugin update: everything installed is already the newest. */
export function updatePlugins(_ctx: OpContext): SimResult {
  return { kind: 'text', text: 'All plugins are up to date.\n' };
}
