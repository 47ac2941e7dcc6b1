/** Names of environment variables whose values are secrets. */
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|ACCESS_KEY)/i;

/**
 * The secret values in the bot's environment (Slack tokens, signing secret, cloud credentials),
 * for the redactor's known list. Values shorter than 6 characters are left out (too many false hits).
 */
export function collectKnownSecrets(env: NodeJS.ProcessEnv): string[] {
  const values = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value !== undefined && value.length >= 6)
    .map(([, value]) => value as string);
  return [...new Set(values)];
}
