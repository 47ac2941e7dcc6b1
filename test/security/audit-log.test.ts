import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { learnSecret } from '../../src/redact.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';
import { findSecretIn, scanRedisForSecret } from '../support/scan-secrets.js';

const redis = connectRedis();
const prefixes: string[] = [];

afterAll(async () => {
  for (const prefix of prefixes) await deleteKeys(redis, prefix);
  redis.disconnect();
});

/** An audit log on its own prefix, with the JSON log lines kept in memory. */
function makeAudit(maxEntries = 1_000) {
  const prefix = uniquePrefix('audit');
  prefixes.push(prefix);
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: { write: (line: string) => lines.push(line) },
  });
  let clock = 1_000;
  const audit = createAuditLog({
    redis,
    prefix,
    logger,
    maxEntries,
    now: () => clock++,
  });
  return { audit, lines, prefix };
}

const TOKEN = 'NzQ5ZjE4MmY2YjQ5OTI5ZmE4ZjYxNjg2ZDE5YjM4ZjBm';

describe('the audit log', () => {
  it('records each kind in the stream and the JSON log, newest first', async () => {
    const { audit, lines } = makeAudit();
    await audit.append({
      kind: 'request',
      deploymentId: 'd-1',
      userId: 'U1',
      channelId: 'C1',
      serviceName: 'qwen',
      region: 'cn-hangzhou',
    });
    await audit.append({
      kind: 'denial',
      userId: 'U2',
      channelId: 'C1',
      action: 'command',
      reason: 'not on the list',
    });
    await audit.append({ kind: 'approval', deploymentId: 'd-1', userId: 'U9', event: 'approve' });
    await audit.append({
      kind: 'cli-step',
      deploymentId: 'd-1',
      argv: ['eas', 'list-services', '--region', 'cn-hangzhou'],
      exitCode: 0,
      durationMs: 12,
    });
    await audit.append({ kind: 'result', deploymentId: 'd-1', result: 'deployed' });
    const recent = await audit.recentAudit(3);
    expect(recent.map((e) => e.kind)).toEqual(['result', 'cli-step', 'approval']);
    expect(recent[1]).toMatchObject({
      argv: ['eas', 'list-services', '--region', 'cn-hangzhou'],
      exitCode: 0,
      durationMs: 12,
      at: 1_003,
    });
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[1] ?? '{}')).toMatchObject({
      msg: 'audit denial',
      entry: { userId: 'U2', reason: 'not on the list' },
    });
  });

  it('keeps the stream capped near the configured size', async () => {
    const { audit, prefix } = makeAudit(100);
    for (let i = 0; i < 400; i += 1) {
      await audit.append({ kind: 'result', deploymentId: `d-${i}`, result: 'blocked' });
    }
    const length = await redis.xlen(`${prefix}:audit`);
    // MAXLEN ~ trims whole stream nodes (100 entries each), so it may keep up to one node more.
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThanOrEqual(200);
    expect((await audit.recentAudit(1))[0]).toMatchObject({ deploymentId: 'd-399' });
  });

  it('removes secrets from a CLI step before storing or logging it', async () => {
    const { audit, lines, prefix } = makeAudit();
    await audit.append({
      kind: 'cli-step',
      deploymentId: 'd-2',
      argv: [
        'eas',
        'describe-service-endpoints',
        '--access-key-secret',
        's3cretAccessKeyValue',
        '--note',
        `AccessToken=${TOKEN}`,
      ],
      exitCode: 0,
      durationMs: 40,
    });
    expect(await scanRedisForSecret(redis, prefix, TOKEN)).toEqual([]);
    expect(await scanRedisForSecret(redis, prefix, 's3cretAccessKeyValue')).toEqual([]);
    expect(findSecretIn(lines.join('\n'), TOKEN)).toEqual([]);
    expect((await audit.recentAudit(1))[0]).toMatchObject({
      argv: [
        'eas',
        'describe-service-endpoints',
        '--access-key-secret',
        '[REDACTED]',
        '--note',
        'AccessToken=[REDACTED]',
      ],
    });
  });

  it('shows only well-formed entries and refuses to record a malformed one', async () => {
    const { audit, prefix } = makeAudit();
    await redis.xadd(`${prefix}:audit`, '*', 'entry', '{not json');
    // @ts-expect-error: a caller bypassing the types must not get a broken entry stored
    expect(await audit.append({ kind: 'result' })).toBe(false);
    expect(await audit.recentAudit(5)).toEqual([]);
  });
});

describe('audit entries never contain a token (property)', () => {
  it('keeps a generated token out of the stream and the log, whatever field carries it', async () => {
    const { audit, lines, prefix } = makeAudit(10_000);
    const tokens = fc
      .uint8Array({ minLength: 24, maxLength: 40 })
      .map((b) => `Tk9${Buffer.from(b).toString('base64')}`);
    const text = fc.string({ maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(
        tokens,
        text,
        fc.integer({ min: 0, max: 3 }),
        async (token, noise, where) => {
          const carrier = `${noise}${token}${noise}`;
          const entries = [
            { kind: 'denial' as const, userId: 'U1', action: 'submission', reason: carrier },
            {
              kind: 'cli-step' as const,
              argv: ['eas', '--body', carrier],
              exitCode: 1,
              durationMs: 1,
            },
            { kind: 'result' as const, result: 'failed', detail: carrier },
            { kind: 'approval' as const, userId: 'U9', event: 'refused' as const, detail: carrier },
          ];
          const entry = entries[where];
          if (!entry) return;
          learnSecret(token);
          await audit.append(entry);
          expect(findSecretIn(lines.join('\n'), token)).toEqual([]);
          expect(await scanRedisForSecret(redis, prefix, token)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
