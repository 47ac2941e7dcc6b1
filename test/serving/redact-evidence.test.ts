import { describe, expect, it } from 'vitest';
import { redactEvidence } from '../../src/serving/redact-evidence.js';

const TOKEN = 'MNMu6rhPrCkvPJ0QT7MSzL62Eb29EUEgMKOoNazQ';

describe('the evidence shown in a public thread', () => {
  it('removes the service token from log lines, events and the status message', () => {
    const out = redactEvidence(
      {
        events: [{ Type: 'Warning', Reason: 'Failed', Message: `pull with token ${TOKEN}` }],
        logLines: [`EAS_TOKEN=${TOKEN}`, `curl -H "Authorization: ${TOKEN}"`],
        statusMessage: `bad token ${TOKEN}`,
      },
      [TOKEN],
    );
    expect(JSON.stringify(out)).not.toContain(TOKEN);
    expect(out.logTail[0]).toBe('EAS_TOKEN=[REDACTED]');
  });

  it('keeps the last 20 non-empty lines, oldest first', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const out = redactEvidence({ events: [], logLines: ['', ...lines, '  '] }, []);
    expect(out.logTail).toHaveLength(20);
    expect(out.logTail[0]).toBe('line 10');
    expect(out.logTail.at(-1)).toBe('line 29');
  });

  it('cuts a very long line so the thread stays readable', () => {
    const out = redactEvidence({ events: [], logLines: ['x'.repeat(1000)] }, []);
    expect(out.logTail[0]?.length).toBe(300);
  });
});
