import type { CliRunner } from './cli-runner.js';
import { installPluginArgs, listPluginsArgs } from './commands.js';

const REQUIRED_PLUGINS = ['aliyun-cli-eas', 'aliyun-cli-aiworkspace'] as const;

/** Checks that the CLI runs and that its eas and aiworkspace plugins are installed, installing missing ones. */
export async function runPreflight(cli: CliRunner): Promise<{ ok: boolean; problems: string[] }> {
  const listed = await cli.run(listPluginsArgs());
  if (listed.spawnError || listed.exitCode !== 0) {
    const why =
      listed.spawnError ?? (listed.stderr.trim().split('\n')[0] || `exit ${listed.exitCode}`);
    return { ok: false, problems: [`The aliyun CLI does not run: ${why}`] };
  }
  const problems: string[] = [];
  for (const plugin of REQUIRED_PLUGINS) {
    if (new RegExp(`^\\s*${plugin}\\s`, 'm').test(listed.stdout)) continue;
    const installed = await cli.run(installPluginArgs(plugin));
    if (installed.exitCode !== 0) {
      problems.push(`The CLI plugin ${plugin} is missing and could not be installed.`);
    }
  }
  return { ok: problems.length === 0, problems };
}
