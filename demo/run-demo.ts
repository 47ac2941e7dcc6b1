import { randomUUID } from 'node:crypto';
import { buildDemoWorld } from '../sim/aliyun/demo-world.js';
import { answeredViewId } from '../sim/slack/answered-view.js';
import { fromStoredView } from '../sim/slack/payloads.js';
import { renderConversation } from '../sim/slack/render-conversation.js';
import { ensureRedis } from './ensure-redis.js';
import { startLocalStack } from './local-stack.js';
import { createSlackUser } from './slack-user.js';

/**
 * `npm run demo`: the whole flow on this machine with nothing but Node and a Redis server. The bot
 * runs against the Slack stand-in and the aliyun simulator; a scripted person deploys qwen_demo,
 * and the channel and its thread are printed as that person would read them.
 */
const CHANNEL = 'C0DEPLOY';
const VLLM = 'eas-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.14.0-gpu';

async function runDemo(): Promise<void> {
  const redis = await ensureRedis();
  const prefix = `eas-demo-${randomUUID().slice(0, 8)}`;
  const stack = await startLocalStack({
    redisUrl: redis.url,
    prefix,
    sim: {
      world: {
        ...buildDemoWorld(),
        lifecycle: { creatingMs: 1_000, waitingMs: 2_000, invisibleMs: 0 },
      },
    },
    env: { EAS_NOTIFY_CHANNEL: 'C0NOTIFY' },
    // The simulated service answers on loopback, so the serving check has a real endpoint to call.
    serve: true,
  });
  try {
    const person = createSlackUser({ eventsUrl: stack.eventsUrl, channelId: CHANNEL });
    say('1. /eas-deploy  → the modal opens');
    await person.command('');
    const opened = await stack.slack.waitFor((c) => c.method === 'views.open', 5_000);
    const blocks = (opened.args.view as { blocks: Array<{ block_id?: string }> }).blocks;
    say(
      `   fields: ${blocks
        .map((b) => b.block_id)
        .filter(Boolean)
        .join(', ')}`,
    );
    say(
      '2. Deploy pressed: qwen_demo, vLLM 0.14 on ecs.gn7i-c16g1.4xlarge in cn-hangzhou, shared gateway',
    );
    const ack = await person.submitForm(
      {
        service_name: 'qwen_demo',
        replicas: '1',
        port: '8000',
        oss_path: 'oss://demo-models/qwen2.5-7b/',
      },
      {
        region: 'cn-hangzhou',
        image: VLLM,
        instance_type: 'ecs.gn7i-c16g1.4xlarge',
        network: 'shared',
      },
      // The form the command opened, as Slack would send it back (its id and current hash).
      fromStoredView(stack.slack.currentView(answeredViewId(opened))),
    );
    say(`   acknowledged with HTTP ${ack.status}`);
    await stack.slack.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0NOTIFY',
      60_000,
    );
    say('   the bot watches the new service until it runs, then calls its endpoint once');
    await stack.slack.waitFor(
      (c) => c.method === 'chat.postMessage' && /^(Not )?[Ss]erving — /.test(String(c.args.text)),
      60_000,
    );
    say('3. What the channel shows (parent message, its thread, private messages marked):\n');
    say(renderConversation(stack.slack.calls, CHANNEL));
    say('\n4. What the requester got in a direct message:\n');
    say(renderConversation(stack.slack.calls, 'D0REQUEST'));
    say('\n5. The notify channel:\n');
    say(renderConversation(stack.slack.calls, 'C0NOTIFY'));
  } finally {
    await stack.stop();
    await redis.stop();
  }
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

runDemo().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
