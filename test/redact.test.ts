import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  learnSecret,
  pinSecrets,
  REDACTED,
  redactArgv,
  redactKnownSecrets,
  redactSecrets,
  redactValue,
} from '../src/redact.js';

const token = 'NzQ5ZjE4MmY2YjQ5OTI5ZmE4ZjYxNjg2ZDE5YjM4ZjBm';

describe('redacting secrets by their shape', () => {
  it.each([
    ['a Slack bot token', 'token xoxb-123-456-AbCdEf in text', 'token xox*-[REDACTED] in text'],
    ['a Slack app token', 'xapp-1-A01-99-abcdef', 'xapp-[REDACTED]'],
    ['an AccessKey id', 'key=LTAI5tQx8PzYw3mKj9Vb', 'key=LTAI[REDACTED]'],
    ['an STS AccessKey id', 'STS.NUnMx3h5QVvb9KzTq7Zr', 'STS.[REDACTED]'],
    ['an STS security token', 'CAISabcdefghijklmnopqrstuvwxyz01', 'CAIS[REDACTED]'],
    [
      'an AccessKey secret',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET=abc123',
      'ALIBABA_CLOUD_ACCESS_KEY_SECRET=[REDACTED]',
    ],
    [
      'an Authorization header',
      'curl -H "Authorization: Bearer abc.def"',
      'curl -H "Authorization: [REDACTED]"',
    ],
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
    ['a token-looking run', `the token is ${token}.`, `the token is ${REDACTED}.`],
  ])('removes %s', (_name, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('keeps the <AccessToken> placeholder of curl examples and ordinary deployment text', () => {
    const curl = 'curl http://x/api/predict/q -H "Authorization: <AccessToken>"';
    expect(redactSecrets(curl)).toBe(curl);
    // As mrkdwn escapes it for Slack (the summary's code block).
    const escaped = '```curl -H "Authorization: &lt;AccessToken&gt;" http://x```';
    expect(redactSecrets(escaped)).toBe(escaped);
    expect(redactSecrets('Authorization: &lt;Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFi&gt;')).not.toContain(
      'Zm9v',
    );
    const text =
      'image dsw-registry-vpc.cn-hangzhou.cr.aliyuncs.com/pai-eas/vllm:0.8.5 oss://bucket/models/Qwen2-7B-Instruct/ ' +
      'hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 on ecs.gn7i-c16g1.4xlarge (2 replicas) ' +
      'thread https://example.slack.com/archives/C0DEPLOY/p1796176289000009 model oss://mybucket/models/DeepSeekR1Qwen7B/';
    expect(redactSecrets(text)).toBe(text);
  });

  it('keeps a thread permalink and a model path whole, but removes a token carried in a URL', () => {
    const link = 'https://example.slack.com/archives/C0DEPLOY/p1796176055000009';
    const path = 'oss://mybucket/models/DeepSeekR1DistillQwen7B/';
    const token = 'Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZkdISUo';
    const out = redactSecrets(`<${link}|thread> ${path} http://x/api/${token}/v1`);
    expect(out).toBe(`<${link}|thread> ${path} http://x/api/${REDACTED}/v1`);
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

describe('redacting the secrets the process knows', () => {
  it('removes a pinned environment secret and a learnt token, as is, URL-encoded and JSON-escaped', () => {
    pinSecrets(['signing-secret-value']);
    const learnt = 'ab+c/d="ef12345';
    learnSecret(learnt);
    const text = `x signing-secret-value ${learnt} ${encodeURIComponent(learnt)} ${JSON.stringify(learnt)}`;
    expect(redactSecrets(text)).toBe(`x ${REDACTED} ${REDACTED} ${REDACTED} "${REDACTED}"`);
  });

  it('never learns a value too short to be told apart from ordinary words', () => {
    learnSecret('short');
    expect(redactSecrets('a short word stays')).toBe('a short word stays');
  });

  it('keeps the shape of a value: only its strings change', () => {
    learnSecret('plainlowercasetokenvalue');
    expect(
      redactValue({
        text: 'got plainlowercasetokenvalue',
        n: 3,
        list: ['xoxb-1-2-abc'],
        none: null,
      }),
    ).toEqual({ text: `got ${REDACTED}`, n: 3, list: [`xox*-${REDACTED}`], none: null });
  });

  it('rewrites only known values in data the bot acts on, never a path or a command by its shape', () => {
    learnSecret('learnt-token-for-job-data');
    const data = {
      ossPath: 'oss://mybucketname/llmmodels/QwenModels2/',
      command: 'vllm serve /model_dir --max-num-token=4096',
      note: 'learnt-token-for-job-data',
    };
    expect(redactKnownSecrets(data)).toEqual({ ...data, note: REDACTED });
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
  it('removes a learnt token from any surrounding text', () => {
    fc.assert(
      fc.property(accessTokens, anyText, anyText, (secret, before, after) => {
        learnSecret(secret);
        expect(redactSecrets(`${before}${secret}${after}`)).not.toContain(secret);
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
