import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/aliyun/redact-secrets.js';

describe('redactSecrets', () => {
  it('masks AccessToken values in JSON and text', () => {
    expect(redactSecrets('{"AccessToken":"Nzc5N2FhABC==","Status":"Running"}')).toBe(
      '{"AccessToken":"[REDACTED]","Status":"Running"}',
    );
    expect(redactSecrets('AccessToken: Nzc5N2FhABC==')).toBe('AccessToken: [REDACTED]');
  });

  it('masks AK ids, secrets, STS tokens, Slack tokens and Authorization headers', () => {
    const text = [
      'AccessKeyId LTAI5tAbCdEfGhIjKlMn',
      '"AccessKeySecret": "s3cr3tValue123"',
      'token STS.NUgYrLnoC37mZZCNnAbCdEfGhIjK',
      'xoxb-1234-5678-abcdef and xapp-1-A0-123-abc',
      'curl -H "Authorization: Nzc5N2FhABC=="',
    ].join('\n');
    const out = redactSecrets(text);
    for (const secret of [
      'LTAI5t',
      's3cr3t',
      'NUgYrLnoC',
      'xoxb-1234',
      'xapp-1-A0',
      'Nzc5N2FhABC',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('Authorization: [REDACTED]');
  });

  it('keeps the <AccessToken> placeholder of curl examples and plain text as they are', () => {
    const curl = 'curl http://x/api/predict/a -H "Authorization: <AccessToken>"';
    expect(redactSecrets(curl)).toBe(curl);
    expect(redactSecrets('nothing secret here')).toBe('nothing secret here');
  });

  it('masks known values wherever they appear', () => {
    expect(redactSecrets('the token is abcdef123456!', ['abcdef123456'])).toBe(
      'the token is [REDACTED]!',
    );
  });
});
