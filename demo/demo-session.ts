import type { SimWorldInput } from '../sim/aliyun/world-schema.js';
import type { LocalStack } from './local-stack.js';
import type { SlackUser } from './slack-user.js';

/** What one demo run shares between the commands a person types. */
export interface DemoSession {
  readonly stack: LocalStack;
  readonly world: SimWorldInput;
  readonly person: SlackUser;
  readonly channelId: string;
  readonly notifyChannelId: string;
  say(text: string): void;
}

/** How long the demo waits for the bot's next move: generous, a loaded machine is slow. */
export const WAIT_MS = 120_000;
