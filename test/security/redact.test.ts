import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redactArgv, redactSecrets } from '../../src/security/redact.js';

const token = 'NzQ5ZjE4MmY2YjQ5OTI5ZmE4ZjYxNjg2ZDE5YjM4ZjBm';

describe('redacting secrets', () => {
  it('removes a known AccessToken wherever it appears, also URL-encoded', () => {
    const known = 'ab+c/d=ef12345';
    expect(redactSecrets(`x ${known} y ${encodeURIComponent(known)}`, [known])).toBe(
      `x ${REDACTED} y ${REDACTED}`,
    );
  });

  it('removes the AccessToken field of describe-service-endpoints without knowing it', () => {
    const stdout = `{"RequestId":"7399-…","AccessToken":"${token}","Endpoints":[]}`;
    expect(redactSecrets(stdout)).toBe(
      `{"RequestId":"7399-…","AccessToken":"${REDACTED}","Endpoints":[]}`,
    );
  });

  it('removes Slack tokens, AccessKey ids and secrets, and STS tokens', () => {
    const text = [
      'xoxb-1234-5678-AbCdEf',
      'xapp-1-A0123-456-abc',
      'LTAI5tAbCdEfGhIjKlMnOpQr',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET=abcDEF1234567890abcdef123456',
      'STS.NUabcdef1234567890',
      'CAISabcdefghijklmnopqrstuvwxyz0123456789',
    ].join(' ');
    expect(redactSecrets(text)).toBe(
      [
        REDACTED,
        REDACTED,
        REDACTED,
        `ALIBABA_CLOUD_ACCESS_KEY_SECRET=${REDACTED}`,
        REDACTED,
        REDACTED,
      ].join(' '),
    );
  });

  it('removes Authorization credentials but keeps the <AccessToken> placeholder of examples', () => {
    expect(redactSecrets('curl -H "Authorization: Bearer abc123def" http://x')).toBe(
      `curl -H "Authorization: Bearer ${REDACTED}" http://x`,
    );
    const example = 'curl http://x/api/predict/q -H "Authorization: <AccessToken>"';
    expect(redactSecrets(example)).toBe(example);
  });

  it('leaves ordinary deployment text alone', () => {
    const text =
      'image dsw-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.8.5 oss://bucket/models/Qwen2-7B-Instruct/ ' +
      'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 the token is sent privately';
    expect(redactSecrets(text)).toBe(text);
  });

  it('empties the value of secret flags in a CLI argument array', () => {
    expect(
      redactArgv([
        'eas',
        'list-services',
        '--access-key-secret',
        'short',
        '--region',
        'cn-hangzhou',
      ]),
    ).toEqual(['eas', 'list-services', '--access-key-secret', REDACTED, '--region', 'cn-hangzhou']);
  });
});

/** Tokens shaped like the real ones: base64 of random bytes with upper, lower and digits. */
const accessTokens = fc
  .uint8Array({ minLength: 24, maxLength: 48 })
  .map((bytes) => `Aa0${Buffer.from(bytes).toString('base64')}`);
const akIds = fc.stringMatching(/^LTAI[A-Za-z0-9]{16,20}$/);
const slackTokens = fc.stringMatching(/^xox[abposr]-[0-9]{4,12}-[A-Za-z0-9]{8,24}$/);
const anyText = fc.string({ maxLength: 60 });

describe('redaction never leaks a token (properties)', () => {
  it('removes a known token from any surrounding text', () => {
    fc.assert(
      fc.property(accessTokens, anyText, anyText, (secret, before, after) => {
        expect(redactSecrets(`${before}${secret}${after}`, [secret])).not.toContain(secret);
      }),
    );
  });

  it('removes token-shaped values it was not told about', () => {
    const separated = fc.stringMatching(/^[ a-z:=,.-]{0,30}$/);
    fc.assert(
      fc.property(
        fc.oneof(accessTokens, akIds, slackTokens),
        separated,
        separated,
        (secret, before, after) => {
          expect(redactSecrets(`${before} ${secret} ${after}`)).not.toContain(secret);
        },
      ),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, accessTokens, (text, secret) => {
        const once = redactSecrets(`${text} AccessToken: ${secret}`);
        expect(redactSecrets(once)).toBe(once);
      }),
    );
  });
});
