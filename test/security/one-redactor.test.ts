import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactSecrets as redactForEngine } from '../../src/aliyun/redact-secrets.js';
import { maskSecrets } from '../../src/observability/mask-secrets.js';
import { redactSecrets } from '../../src/security/redact.js';

const samples = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '{"AccessToken":"NzQ5ZjE4MmY2YjQ5OTI5ZmE4ZjYxNjg2ZDE5YjM4ZjBm"}',
    'Authorization: Bearer abc123def',
    'xoxb-1234-5678-AbCdEf LTAI5tAbCdEfGhIjKlMnOpQr',
    'ALIBABA_CLOUD_ACCESS_KEY_SECRET=abcDEF1234567890abcdef123456',
  ),
);

describe('the three redactor entry points share one implementation', () => {
  it('removes exactly the same text in the engine, the logger and the security module', () => {
    fc.assert(
      fc.property(samples, samples, (a, b) => {
        const text = `${a} ${b}`;
        const plain = redactSecrets(text, [], { marker: '[REDACTED]' });
        expect(redactForEngine(text)).toBe(plain);
        // The log style only adds a kind label and drops the Authorization scheme.
        const strip = (s: string) =>
          s.replace(/(xox\*-|xapp-|LTAI|STS\.|CAIS)\[REDACTED\]/g, '[REDACTED]');
        expect(strip(maskSecrets(text)).replace(/(Bearer|Basic|Token)\s+/gi, '')).toBe(
          plain.replace(/(Bearer|Basic|Token)\s+/gi, ''),
        );
      }),
    );
  });
});
