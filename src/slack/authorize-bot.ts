import type { Authorize, webApi } from '@slack/bolt';

/** How soon a failed auth.test is asked again. */
const RETRY_AFTER_MS = 30_000;

/**
 * Bolt's authorization for a single bot token. Bolt's own version calls auth.test once when the
 * app is built and keeps a failure forever: a bot started while Slack (or the test stand-in) was
 * unreachable would answer 401 to every request after. Here auth.test runs in the background (at
 * start, and again at most every 30 s until it succeeds) and no request ever waits for it: the
 * token alone authorizes, and the bot's own ids, which only serve Bolt's "ignore self" check on
 * events, are added once known.
 */
export function authorizeBot(
  client: webApi.WebClient,
  token: string,
  known?: { botId: string; botUserId: string },
  now: () => number = Date.now,
): Authorize<boolean> {
  let identity: { botId?: string; botUserId?: string } = known ?? {};
  let asking = false;
  let askedAt = Number.NEGATIVE_INFINITY;
  const ask = () => {
    if (known || identity.botUserId || asking || now() - askedAt < RETRY_AFTER_MS) return;
    asking = true;
    askedAt = now();
    client.auth.test().then(
      (answer) => {
        identity = {
          ...(answer.bot_id ? { botId: answer.bot_id } : {}),
          ...(answer.user_id ? { botUserId: answer.user_id } : {}),
        };
        asking = false;
      },
      () => {
        asking = false;
      },
    );
  };
  ask();
  return async () => {
    ask();
    return { botToken: token, ...identity };
  };
}
