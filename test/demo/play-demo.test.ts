import { afterAll, describe, expect, it } from 'vitest';
import { playDemo } from '../../demo/play-demo.js';
import { connectRedis, REDIS_URL, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
afterAll(() => redis.quit());

/** Every key whose name starts with the prefix, whatever follows it (SCAN, never KEYS). */
async function keysStartingWith(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

/** Runs the demo with these commands; answers what it printed. */
async function play(commands: string[], prefix: string): Promise<string> {
  const lines: string[] = [];
  await playDemo({ commands, redisUrl: REDIS_URL, prefix, say: (line) => lines.push(line) });
  return lines.join('\n');
}

describe('npm run demo', () => {
  it('deploys a service of the person’s choosing, answers status about it, and leaves no key behind', async () => {
    const prefix = uniquePrefix('demo');
    const out = await play(
      [
        'region=cn-shanghai service_name=my_llm image=sglang instance_type=ecs.gn7i-c16g1.4xlarge',
        'status my_llm',
      ],
      prefix,
    );
    expect(out).toContain('› /eas-deploy region=cn-shanghai service_name=my_llm image=sglang');
    // cn-shanghai has two workspaces: the form asks, and the person takes the first.
    expect(out).toContain('You pick Workspace: research (91001)');
    expect(out).toContain('*✓ Deployed `my_llm` to cn-shanghai*');
    expect(out).toContain('    │ *Deployment summary — `my_llm`*');
    expect(out).toContain('/pai-eas/sglang:0.5.8-acclep1.2.1-gpu');
    expect(out).toContain(
      '› /eas-deploy status my_llm\n(only visible to you)\n`my_llm` in cn-shanghai: *',
    );
    expect(out).toMatch(/\d\/1 instances running/);
    // The demo's simulated services answer on loopback, so the serving check calls a real server.
    expect(out).toMatch(/• Internet: http:\/\/127\.0\.0\.1:\d+\/cn-shanghai\/api\/predict\/my_llm/);
    expect(out).toMatch(/Serving — \S+ answered in \d+ ms/);
    expect(out).toMatch(new RegExp(`Cleaned up: the [1-9]\\d* Redis keys under ${prefix}:`));
    expect(await keysStartingWith(prefix)).toEqual([]);
  });

  it('shows the values the form left out and the refusals under the fields, as Slack would', async () => {
    const prefix = uniquePrefix('demo');
    const out = await play(
      [
        'region=cn-beijing service_name=My-LLM image=vllm instance_type=ecs.gn7i-c16g1.4xlarge replicas=-3',
        'service_name=half_done',
      ],
      prefix,
    );
    expect(out).toContain(
      '  • `replicas=-3` — Replicas must be a whole number from 1 to 100, for example 1.',
    );
    expect(out).toContain(
      'The form stays open and says, under each field:\n  Service name: Service name must be 3–63 lowercase letters, digits or underscores (no hyphens), or a prefix ending in *, for example qwen_demo or qwen_*.',
    );
    expect(out).toContain('Slack keeps the form open: these fields are required.');
    expect(out).toContain(
      '  Instance type: add instance_type=ecs.gn7i-c16g1.4xlarge to the command.',
    );
    expect(out).not.toContain('Deployment summary');
    expect(await keysStartingWith(prefix)).toEqual([]);
  });
});
