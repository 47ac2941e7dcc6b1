import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createRedactingDestination } from '../../src/security/redacting-destination.js';
import { findSecretIn } from '../../src/security/scan-secrets.js';

/** A logger whose lines are kept in memory after redaction. */
function capture(known: string[] = []) {
  const lines: string[] = [];
  const destination = createRedactingDestination(
    { write: (line: string) => lines.push(line) },
    known,
  );
  const logger = createLogger({ level: 'debug', destination });
  return { lines, destination, logger };
}

describe('the redacting log destination', () => {
  it('keeps environment secrets out of messages, fields and error stacks', () => {
    const { lines, logger } = capture(['xoxb-1234-5678-abcdefgh', 'signing-secret-value']);
    logger.info(
      { env: { SLACK_SIGNING_SECRET: 'signing-secret-value' } },
      'started with xoxb-1234-5678-abcdefgh',
    );
    logger.error({ err: new Error('failed: signing-secret-value') }, 'boom');
    const text = lines.join('');
    expect(findSecretIn(text, 'xoxb-1234-5678-abcdefgh')).toEqual([]);
    expect(findSecretIn(text, 'signing-secret-value')).toEqual([]);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('keeps a token learnt at run time out of later lines', () => {
    const { lines, destination, logger } = capture();
    const token = 'plainlowercasetokenvalue';
    destination.remember(token);
    logger.info({ stdout: `{"Token":"${token}"}`, note: token }, `endpoint ready ${token}`);
    expect(findSecretIn(lines.join(''), token)).toEqual([]);
  });

  it('never lets a generated token through, and every line stays JSON (property)', () => {
    const { lines, destination, logger } = capture();
    fc.assert(
      fc.property(
        fc
          .uint8Array({ minLength: 20, maxLength: 40 })
          .map((b) => Buffer.from(b).toString('base64')),
        fc.string({ maxLength: 40 }),
        (token, noise) => {
          destination.remember(token);
          logger.warn({ detail: `${noise}${token}`, list: [token] }, `${noise} ${token}`);
          const line = lines.at(-1) ?? '';
          expect(findSecretIn(line, token)).toEqual([]);
          expect(() => JSON.parse(line)).not.toThrow();
        },
      ),
    );
  });
});
