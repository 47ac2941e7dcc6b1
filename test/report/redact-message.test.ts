import { describe, expect, it } from 'vitest';
import { redactMessage } from '../../src/report/redact-message.js';

describe('redacting an outgoing message', () => {
  it('removes a token from the text and from every block, by value and by shape', () => {
    const message = {
      text: 'failed: xoxb-1234-5678-abcdefgh',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'key KNOWN-SECRET-VALUE leaked' } },
      ],
    };
    const out = redactMessage(message, ['KNOWN-SECRET-VALUE']);
    expect(JSON.stringify(out)).not.toContain('xoxb-1234');
    expect(JSON.stringify(out)).not.toContain('KNOWN-SECRET-VALUE');
    expect(out.blocks[0]?.type).toBe('section');
  });

  it('keeps a thread permalink whole but removes a token carried in a URL', () => {
    const link = 'https://example.slack.com/archives/C0DEPLOY/p1796176055000009';
    const token = 'Zm9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZkdISUo=';
    const out = redactMessage({ text: `<${link}|thread> and http://x/api?token=${token}` });
    expect(out.text).toContain(link);
    expect(out.text).not.toContain(token);
  });
});
