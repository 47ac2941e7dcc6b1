import { describe, expect, it } from 'vitest';
import { buildAuditAnswer } from '../../blocks/audit-answer.js';
import type { AuditEntry } from '../../src/security/audit-entry.js';
import { sendThroughSlack } from '../support/through-slack.js';

const longStep = (i: number): AuditEntry => ({
  at: 1_795_000_000_000 + i,
  deploymentId: `d-audit${i}xx`,
  kind: 'cli-step',
  argv: ['eas', 'create-service', '--region', 'cn-hangzhou', '--body', 'x'.repeat(2000)],
  exitCode: 0,
  durationMs: 1234,
});

describe('the /eas-deploy audit answer', () => {
  it('fits 100 of the longest entries into one message within Slack limits, newest first', async () => {
    const entries = Array.from({ length: 100 }, (_, i) => longStep(100 - i));
    const answer = buildAuditAnswer(entries, 100);
    expect(await sendThroughSlack(answer, 'message')).toMatchObject({ ok: true });
    const text = JSON.stringify(answer.blocks);
    expect(text.indexOf('d-audit100xx')).toBeLessThan(text.indexOf('d-audit99xx'));
    expect(text).toContain('d-audit1xx');
  });

  it('says so when the log is empty', () => {
    expect(JSON.stringify(buildAuditAnswer([], 20))).toContain('The audit log is empty.');
  });
});
