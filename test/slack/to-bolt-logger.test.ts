import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { learnSecret } from '../../src/redact.js';
import { toBoltLogger } from '../../src/slack/to-bolt-logger.js';

describe("Bolt's lines", () => {
  it('go out as JSON through the redactor, an error as its own field, below the level not at all', () => {
    const lines: string[] = [];
    const bolt = toBoltLogger(
      createLogger({ level: 'debug', destination: { write: (l) => lines.push(l) } }),
      LogLevel.WARN,
    );
    learnSecret('a-token-bolt-must-not-print');
    bolt.info('quiet');
    bolt.warn('views.open failed', new Error('refused a-token-bolt-must-not-print'));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ level: 'warn', source: 'bolt', msg: 'views.open failed' });
    expect(line.err.message).toBe('refused [REDACTED]');
  });
});
