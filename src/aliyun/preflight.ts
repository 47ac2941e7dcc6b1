import type { CliRunner } from './cli-runner.js';
import { listPluginsArgs, pluginHelpArgs, REQUIRED_PLUGINS } from './commands.js';
import { installCommandFor } from './explain-cli-error.js';

/** What the preflight found: each problem says what is wrong and the command that fixes it. */
export interface PreflightAnswer {
  readonly ok: boolean;
  readonly problems: string[];
}

const PREFLIGHT = { caller: { purpose: 'preflight' } } as const;

/**
 * The note the host prints after a product's help when an installed plugin answered it
 * (aliyun-cli `openapi/commando.go`, the single-product branch of main).
 */
const PLUGIN_ANSWERED = (plugin: string) => `is provided by the installed plugin '${plugin}'`;

/** Whether `plugin list` (the manifest) names a plugin. */
const isListed = (table: string, plugin: string): boolean =>
  table.split('\n').some((row) => row.trim().split(/\s+/)[0] === plugin);

/**
 * Proves the CLI runs and that each plugin the calls need runs as this user: `aliyun <product>
 * --help` is answered by the plugin binary itself, so a plugin that `plugin list` names but whose
 * binary is gone (installed under another HOME) is caught. Never installs anything.
 */
export async function runPreflight(cli: CliRunner): Promise<PreflightAnswer> {
  const listed = await cli.run(listPluginsArgs(), PREFLIGHT);
  if (listed.spawnError || listed.exitCode !== 0) {
    const why =
      listed.spawnError ?? (listed.stderr.trim().split('\n')[0] || `exit ${listed.exitCode}`);
    return { ok: false, problems: [`The aliyun CLI does not run: ${why}`] };
  }
  const problems: string[] = [];
  for (const { product, plugin } of REQUIRED_PLUGINS) {
    const help = await cli.run(pluginHelpArgs(product), PREFLIGHT);
    if (help.exitCode === 0 && help.stdout.includes(PLUGIN_ANSWERED(plugin))) continue;
    const fix = `Install it as the user the worker runs as: ${installCommandFor(plugin)}`;
    const why = help.stderr.trim().split('\n').at(-1);
    problems.push(
      isListed(listed.stdout, plugin) || why
        ? `The CLI plugin ${plugin} does not run (${why || 'it did not answer'}). ${fix}`
        : `The CLI plugin ${plugin} is not installed. ${fix}`,
    );
  }
  return { ok: problems.length === 0, problems };
}
