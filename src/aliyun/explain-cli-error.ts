import type { CliError } from './cli-error.js';
import { installPluginArgs } from './commands.js';

const codeOf = (e: CliError): string => (e.code ? ` (${e.code})` : '');

/** The exact install command for a plugin, as an operator types it. */
export function installCommandFor(plugin: string): string {
  return ['aliyun', ...installPluginArgs(plugin)].join(' ');
}

/** One sentence per error class that tells the person what happened and what to do next. */
export function describeCliError(error: CliError): string {
  switch (error.kind) {
    case 'credentials':
      return `Alibaba Cloud did not accept the bot's credentials${codeOf(error)}: ${error.message}. The AccessKey is wrong, disabled or expired, or none is set; an operator must fix ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for an STS token) where the worker runs.`;
    case 'permission':
      return `The bot's RAM identity is not allowed to call ${error.action ?? 'this action'}${codeOf(error)}. An operator must add ${error.action ?? 'the action'} to its RAM policy (docs/SECURITY.md lists every action the bot needs).`;
    case 'quota':
      return `Alibaba Cloud has no stock or quota left for this request${codeOf(error)}: ${error.message}. Pick another instance type or region, or ask for a higher quota.`;
    case 'throttled':
      return `Alibaba Cloud is throttling the bot's calls${codeOf(error)}, and the retries ran out. Try again in a minute.`;
    case 'plugin-missing': {
      const plugin = error.plugin ?? 'the aliyun CLI plugin';
      return `The aliyun CLI plugin ${plugin} cannot run where the worker runs. An operator installs it with: ${installCommandFor(plugin)}`;
    }
    case 'network':
      return `The bot could not reach Alibaba Cloud (${error.message}). This is usually brief: try again; if it lasts, check the worker's network and DNS.`;
    case 'usage':
      return `The aliyun CLI refused the call as written (${error.message}). This is a bug in eas-deploy: please report it.`;
    case 'spawn':
      return `${error.message} Install the aliyun CLI where the worker runs, or set ALIYUN_CLI to its path.`;
    case 'too-many':
    case 'bad-output':
      return error.message;
    default: {
      const head = [error.statusCode, error.code].filter((x) => x !== undefined).join(' ');
      return head ? `${head}: ${error.message}` : error.message;
    }
  }
}
