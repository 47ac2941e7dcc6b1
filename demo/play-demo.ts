import { randomUUID } from 'node:crypto';
import type { DemoSession } from './demo-session.js';
import { buildLocalWorld } from './demo-world.js';
import { ensureRedis } from './ensure-redis.js';
import { type LocalStack, startLocalStack } from './local-stack.js';
import { removeDemoKeys } from './remove-demo-keys.js';
import { createSlackUser } from './slack-user.js';
import { typeCommand } from './type-command.js';

export interface DemoOptions {
  /** What the person types after `/eas-deploy`, one command after another. */
  readonly commands: readonly string[];
  /** REDIS_URL when set; else the local Redis (or a private one). */
  readonly redisUrl?: string;
  /** The key prefix of this run (default: a fresh one); every key under it is removed at the end. */
  readonly prefix?: string;
  readonly say?: (line: string) => void;
}

const CHANNEL = 'C0DEPLOY';
const NOTIFY = 'C0NOTIFY';

/**
 * Runs the bot, its worker, the Slack stand-in and the aliyun simulator on this machine, types the
 * commands as a person in #deploys, prints what that person reads, then removes everything it
 * wrote (Redis keys, the simulator's files).
 */
export async function playDemo(options: DemoOptions): Promise<void> {
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const redis = await ensureRedis(options.redisUrl);
  const prefix = options.prefix ?? `eas-demo-${randomUUID().slice(0, 8)}`;
  const world = buildLocalWorld();
  let stack: LocalStack | undefined;
  try {
    stack = await startLocalStack({
      redisUrl: redis.url,
      prefix,
      sim: { world },
      env: { EAS_NOTIFY_CHANNEL: NOTIFY },
      // The simulated services answer on loopback, so the serving check has a real endpoint to call.
      serve: true,
    });
    say('eas-deploy on this machine: the bot and its worker, a Slack stand-in and a simulated');
    say(
      `Alibaba Cloud account in ${Object.keys(world.regions).length} regions. Nothing leaves this machine.`,
    );
    say(`You are <@U0REQUEST> in #deploys (${CHANNEL}).`);
    const person = createSlackUser({ eventsUrl: stack.eventsUrl, channelId: CHANNEL });
    const session: DemoSession = {
      stack,
      world,
      person,
      channelId: CHANNEL,
      notifyChannelId: NOTIFY,
      say,
    };
    for (const text of options.commands) await typeCommand(session, text);
  } finally {
    await stack?.stop();
    const removed = await removeDemoKeys(redis.url, prefix);
    await redis.stop();
    say(`\nCleaned up: the ${removed} Redis keys under ${prefix}: and the simulator's files.`);
  }
}
