import type { SimResult } from './sim-result.js';
import type { SimPlugin, SimWorld } from './world-schema.js';

/** What the calling process looks like to the CLI. */
export interface CallEnv {
  /** stdin is a character device (a terminal, or /dev/null): a missing plugin prompts. */
  readonly stdinIsCharDevice: boolean;
  /** ALIBABA_CLOUD_CLI_PLUGIN_AUTO_INSTALL=true */
  readonly autoInstall: boolean;
  readonly defaultRegion: string | undefined;
}

/** Where the manifest says a plugin lives (the HOME it was installed under). */
export const PLUGIN_ROOT = '/root/.aliyun/plugins';

/** The plugin that serves a product's lowercase commands, as the plugin index names it. */
export function findPlugin(world: SimWorld, product: string): SimPlugin | undefined {
  return world.plugins.find((p) => (p.product ?? p.name.replace(/^aliyun-cli-/, '')) === product);
}

/**
 * What the host prints when a plugin command's plugin cannot run (aliyun-cli v3.4.10
 * `openapi/commando.go` findAndInstallPlugin, interactiveInstallPlugin,
 * promptInstallInNonInteractiveMode; `cli/plugin/execution.go` resolvePluginBinaryPath). An
 * auto-install installs it (and says so first); otherwise `result` is the failure.
 */
export function pluginNotRunnable(
  world: SimWorld,
  product: string,
  operation: string,
  env: CallEnv,
): { result?: SimResult; before: string } {
  const plugin = findPlugin(world, product);
  if (!plugin) {
    return {
      result: {
        kind: 'host-error',
        exit: 2,
        message: `'${product}' is not a valid product. See \`aliyun help\`.`,
      },
      before: '',
    };
  }
  const name = plugin.name;
  if (plugin.installed && plugin.binaryMissing) {
    const path = `${PLUGIN_ROOT}/${name}/${name}`;
    const message = `failed to resolve plugin binary path: plugin binary not found at ${path}: stat ${path}: no such file or directory`;
    return { result: { kind: 'host-error', exit: 1, message }, before: '' };
  }
  if (plugin.installed) return { before: '' };
  const required = `Plugin '${name}' is required for command '${product} ${operation}' but not installed.\n`;
  if (env.autoInstall) {
    plugin.installed = true;
    return { before: `${required}Auto-installing plugin '${name}'...\n` };
  }
  if (env.stdinIsCharDevice) {
    const before = `${required}Tip: Run 'aliyun configure set --auto-plugin-install true' to skip this prompt.\nDo you want to install it? [Y/n]: `;
    return {
      result: { kind: 'host-error', exit: 1, message: 'failed to read user input: EOF', before },
      before: '',
    };
  }
  const before = `${required}Install it with: aliyun plugin install --names ${name}\nNote: If the above fails (no stable version available), try with pre-release versions:\n  aliyun plugin install --names ${name} --enable-pre\n`;
  const message = `'${product}' is not a valid built-in product.\nA plugin '${name}' is available which supports this product.\nRun 'aliyun plugin install --names ${name}' to install it.`;
  return { result: { kind: 'host-error', exit: 1, message, before }, before: '' };
}
