import type { Config } from './config.js';

/** Environment variables the CLI child may see; everything else (Slack tokens above all) stays out. */
const PASSED_ENV = /^(PATH|HOME|LANG|LC_ALL|TZ|TMPDIR|ALIBABA_CLOUD_[A-Z_]+|ALIYUN_SIM_[A-Z_]+)$/;

/**
 * The aliyun CLI child's environment: credentials, region and simulator settings, never Slack
 * tokens. Whether the CLI installs a missing plugin by itself is the config's explicit choice.
 */
export function readCliEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  config: Pick<Config, 'EAS_CLI_PLUGIN_AUTO_INSTALL'> = { EAS_CLI_PLUGIN_AUTO_INSTALL: false },
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && PASSED_ENV.test(key)) picked[key] = value;
  }
  picked.ALIBABA_CLOUD_CLI_PLUGIN_AUTO_INSTALL = String(config.EAS_CLI_PLUGIN_AUTO_INSTALL);
  return picked;
}

/** Names of environment variables whose values are secrets. */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|ACCESS_KEY)/i;

/** The secret values of the environment (Slack tokens, signing secret, cloud credentials), for the redactor. */
export function readSecretValues(env: NodeJS.ProcessEnv = process.env): string[] {
  const values = Object.entries(env).flatMap(([name, value]) =>
    SECRET_NAME.test(name) && value ? [value] : [],
  );
  return [...new Set(values)];
}
