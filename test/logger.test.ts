import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { pinSecrets } from '../src/redact.js';

const SLACK_BOT = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const SLACK_APP = 'xapp-1-A0123456789-1234567890123-abcdef0123456789';
const AK_ID = 'LTAI5tQx8PzYw3mKj9VbR2nF';
const AK_SECRET = 'hQ3vT8pZ2mXyW9kL4nR7bC1dF6gJ0s';
const EAS_TOKEN = 'ZjY3ZmFlNzYxNjQ4ZTM0ZDc5NTc1ZDM1YzE0NmJkYTI5NjQ3ZDQxMw==';
const STS = 'STS.NUnMx3h5QVvb9KzTq7ZrYw2s8EPdLc';
const ALL_SECRETS = [SLACK_BOT, SLACK_APP, AK_ID, AK_SECRET, EAS_TOKEN, STS];

/** A logger writing to memory (after `secrets` are pinned, as main.ts pins the environment's). */
function recordLogs(secrets: readonly string[] = []) {
  pinSecrets(secrets);
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    name: 'test',
    destination: { write: (line: string) => void lines.push(line) },
  });
  return { logger, lines, text: () => lines.join('') };
}

function expectNoSecret(text: string): void {
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, name, time and message', () => {
    const { logger, lines } = recordLogs();
    logger.info({ deploymentId: 'dep-1', step: 'create' }, 'create-service started');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '');
    expect(entry).toMatchObject({
      level: 'info',
      name: 'test',
      deploymentId: 'dep-1',
      step: 'create',
      msg: 'create-service started',
    });
    expect(typeof entry.time).toBe('string');
  });

  it('redacts secret keys at the top level and one level down', () => {
    const { logger, text } = recordLogs();
    logger.info({
      AccessToken: EAS_TOKEN,
      token: SLACK_BOT,
      config: { SLACK_BOT_TOKEN: SLACK_BOT, signingSecret: 'abcdef0123456789abcdef' },
      credentials: { ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK_SECRET, accessToken: EAS_TOKEN },
      headers: { authorization: `Bearer ${SLACK_BOT}` },
    });
    expectNoSecret(text());
    expect(text()).not.toContain('abcdef0123456789abcdef');
    expect(JSON.parse(text()).config.SLACK_BOT_TOKEN).toBe('[REDACTED]');
  });

  it('masks secret-shaped strings inside messages and interpolated arguments', () => {
    const { logger, text } = recordLogs();
    logger.warn(`posting with ${SLACK_BOT} via socket ${SLACK_APP}`);
    logger.error('cli failed for key %s with %s', AK_ID, STS);
    logger.info('curl http://x/api/predict/s -H "Authorization: %s"', EAS_TOKEN);
    expectNoSecret(text());
    expect(text()).toContain('xox*-[REDACTED]');
  });

  it('masks a token inside CLI output logged as a string, even as escaped JSON', () => {
    const { logger, text } = recordLogs();
    const stdout = JSON.stringify({ ServiceName: 'qwen_demo', AccessToken: EAS_TOKEN });
    logger.debug({ stdout, stderr: `SDKError: Authorization: ${EAS_TOKEN}` }, 'describe-service');
    expectNoSecret(text());
    expect(text()).toContain('qwen_demo');
  });

  it('masks secrets in error stacks and child-logger bindings', () => {
    const { logger, text } = recordLogs([AK_SECRET]);
    const child = logger.child({ requester: `token ${SLACK_BOT}` });
    child.error({ err: new Error(`aliyun exited: key ${AK_ID} secret ${AK_SECRET}`) }, 'boom');
    expectNoSecret(text());
    expect(JSON.parse(text()).err.message).toContain('[REDACTED]');
  });

  it('masks the secret values of the environment wherever they appear', () => {
    const { logger, text } = recordLogs([AK_SECRET, 'short']);
    logger.info({ note: `the secret is ${AK_SECRET}` }, `again ${AK_SECRET}`);
    logger.info('a short word stays');
    expectNoSecret(text());
    expect(text()).toContain('a short word stays');
  });

  it('keeps the <AccessToken> placeholder of curl examples readable', () => {
    const { logger, text } = recordLogs();
    logger.info('curl http://x/api/predict/s -H "Authorization: <AccessToken>"');
    expect(text()).toContain('Authorization: <AccessToken>');
  });

  it('writes nothing below the configured level', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'warn',
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});

describe('createLogger defaults', () => {
  it('names its lines eas-deploy unless told otherwise', () => {
    const lines: string[] = [];
    createLogger({ level: 'info', destination: { write: (l: string) => void lines.push(l) } }).info(
      'up',
    );
    expect(JSON.parse(lines[0] ?? '').name).toBe('eas-deploy');
  });
});
