import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/observability/mask-secrets.js';

const alnum = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 12,
  maxLength: 40,
});
/** Text around a secret: anything without the characters a secret is made of at its edges. */
const surrounding = fc.string({ maxLength: 30 }).map((s) => s.replace(/[A-Za-z0-9_-]/g, ' '));

describe('maskSecrets', () => {
  it.each([
    ['a Slack bot token', 'token xoxb-123-456-AbCdEf in text', 'token xox*-[REDACTED] in text'],
    ['a Slack app token', 'xapp-1-A01-99-abcdef', 'xapp-[REDACTED]'],
    ['an AccessKey id', 'key=LTAI5tQx8PzYw3mKj9Vb', 'key=LTAI[REDACTED]'],
    ['an STS token', 'STS.NUnMx3h5QVvb9KzTq7Zr', 'STS.[REDACTED]'],
    ['an Authorization header', 'Authorization: Bearer abc.def', 'Authorization: [REDACTED]'],
    [
      'an AccessToken in JSON',
      '{"AccessToken":"Zj==","x":1}',
      '{"AccessToken":"[REDACTED]","x":1}',
    ],
    [
      'an AccessToken in escaped JSON',
      '"{\\"AccessToken\\":\\"Zj==\\"}"',
      '"{\\"AccessToken\\":\\"[REDACTED]\\"}"',
    ],
  ])('masks %s', (_name, input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  it('leaves ordinary deployment text alone', () => {
    const text = 'Deploying `qwen_demo` to cn-hangzhou on ecs.gn7i-c16g1.4xlarge (2 replicas)';
    expect(maskSecrets(text)).toBe(text);
  });

  it('masks any Slack token wherever it sits in a line', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('b', 'a', 'p', 'o', 's', 'r'),
        alnum,
        surrounding,
        surrounding,
        (kind, body, before, after) => {
          const token = `xox${kind}-${body}`;
          expect(maskSecrets(`${before}${token}${after}`)).not.toContain(body);
        },
      ),
    );
  });

  it('masks any known secret value given to it', () => {
    fc.assert(
      fc.property(alnum, surrounding, surrounding, (secret, before, after) => {
        expect(maskSecrets(`${before}${secret}${after}`, [secret])).not.toContain(secret);
      }),
    );
  });
});
