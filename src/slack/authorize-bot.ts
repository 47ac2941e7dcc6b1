import type { Authorize, webApi } from '@slack/bolt';

/**
 * Bolt's authorization for a single bot token. Bolt's own version calls auth.test once when the
 * app is built and keeps a failure forever: a bot started while Slack (or the test stand-in) was
 * unreachable would answer 401 to every request after. This one asks auth.test on first use,
 * keeps only a success, and lets a request through with the token alone meanwhile — the bot's own
 * ids only serve Bolt's "ignore self" check on events.
 */
export function authorizeBot(
  client: webApi.WebClient,
  token: string,
  known?: { botId: string; botUserId: string },
): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined = known
    ? Promise.resolve(known)
    : undefined;
  return async () => {
    identity ??= client.auth.test().then(
      (answer) => ({
        ...(answer.bot_id ? { botId: answer.bot_id } : {}),
        ...(answer.user_id ? { botUserId: answer.user_id } : {}),
      }),
      () => {
        identity = undefined;
        return {};
      },
    );
    return { botToken: token, ...(await identity) };
  };
}
