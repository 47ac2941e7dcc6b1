import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config.js';

const compose = readFileSync('docker-compose.yml', 'utf8');
const configNames = Object.keys(ConfigSchema.shape).sort();

/** The `KEY: value` lines of the YAML block that follows `header` (until indentation drops). */
function readBlock(header: string): Map<string, string> {
  const lines = compose.split('\n');
  const start = lines.findIndex((line) => line.trim() === header);
  const indent = (lines[start] ?? '').search(/\S/);
  const entries = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && line.search(/\S/) <= indent) break;
    const match = /^\s+([A-Z][A-Z0-9_]*):\s*(.*)$/.exec(line);
    if (match?.[1]) entries.set(match[1], match[2] ?? '');
  }
  return entries;
}

/** Resolves `${NAME:-default}` / `${NAME:?message}` as compose does when .env sets only `given`. */
function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (_all, name, kind, rest) => {
    const set = given[name];
    if (set !== undefined && set !== '') return set;
    if (kind === '?') throw new Error(`compose would stop: ${rest}`);
    return kind === '-' ? rest : '';
  });
}

/** The lines of one service's block. */
function serviceBlock(name: string): string {
  const match = new RegExp(`\\n  ${name}:\\n((?:    .*\\n|\\s*\\n)+)`).exec(compose);
  return match?.[1] ?? '';
}

describe('docker-compose.yml', () => {
  const environment = readBlock('environment: &app-env');

  it('passes exactly the variables of src/config.ts to the bot and the workers', () => {
    expect([...environment.keys()].sort()).toEqual(configNames);
  });

  it('gives defaults that src/config.ts accepts, with Redis pointing at the redis service', () => {
    const given = { SLACK_BOT_TOKEN: 'xoxb-1-2-test', SLACK_SIGNING_SECRET: 'test-secret' };
    const env = Object.fromEntries(
      [...environment].map(([name, value]) => [name, interpolate(value, given)]),
    );
    const parsed = ConfigSchema.safeParse(env);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      PORT: 3000,
      REDIS_URL: 'redis://redis:6379',
      QUEUE_PREFIX: 'eas-deploy',
      ALIYUN_CLI: 'aliyun',
      EAS_ALLOWED_USERS: [],
    });
  });

  it('refuses to start without a Slack bot token', () => {
    const token = environment.get('SLACK_BOT_TOKEN') ?? '';
    expect(() => interpolate(token, {})).toThrow('set SLACK_BOT_TOKEN in .env');
  });

  it('runs the bot and the workers from one image with different roles', () => {
    expect(compose).toContain('build: .');
    expect(serviceBlock('bot')).toContain('command: ["bot"]');
    expect(serviceBlock('worker')).toContain('command: ["worker"]');
  });

  it('publishes the HTTP port on the bot only, so workers scale without port clashes', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: compose interpolation, not a JS template
    expect(serviceBlock('bot')).toContain('"${PORT:-3000}:${PORT:-3000}"');
    expect(serviceBlock('worker')).not.toMatch(/^\s+ports:/m);
  });

  it('runs Redis 7 with AOF every second, noeviction and a volume', () => {
    const redis = serviceBlock('redis');
    expect(redis).toMatch(/image: redis:7/);
    const flags = redis.replace(/\s+-\s+/g, ' ').replace(/"/g, '');
    expect(flags).toContain('--appendonly yes');
    expect(flags).toContain('--appendfsync everysec');
    expect(flags).toContain('--maxmemory-policy noeviction');
    expect(redis).toContain('redis-data:/data');
  });
});
