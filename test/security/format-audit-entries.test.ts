import { describe, expect, it } from 'vitest';
import { formatAuditEntries, parseAuditCount } from '../../src/security/format-audit-entries.js';

describe('the audit command', () => {
  it('reads n, with a default and a ceiling, and refuses anything else', () => {
    expect(parseAuditCount('audit')).toEqual({ ok: true, n: 20 });
    expect(parseAuditCount('audit 5')).toEqual({ ok: true, n: 5 });
    expect(parseAuditCount('audit 5000')).toEqual({ ok: true, n: 100 });
    expect(parseAuditCount('audit 0')).toMatchObject({ ok: false });
    expect(parseAuditCount('audit ;rm')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/audit \[n\]/),
    });
  });

  it('shows one line per entry with the time, kind and deployment', () => {
    const at = Date.UTC(2026, 10, 24, 23, 5, 0);
    expect(
      formatAuditEntries([
        {
          kind: 'cli-step',
          at,
          deploymentId: 'd-1',
          argv: ['eas', 'list-services', '--region', 'cn-hangzhou'],
          exitCode: 0,
          durationMs: 12,
        },
        { kind: 'denial', at, userId: 'U2', action: 'command', reason: 'not on the list' },
      ]),
    ).toBe(
      [
        '2026-11-24 23:05:00 UTC · cli-step · d-1 · `aliyun eas list-services --region cn-hangzhou` exit 0 in 12 ms',
        '2026-11-24 23:05:00 UTC · denial · refused command for <@U2>: not on the list',
      ].join('\n'),
    );
    expect(formatAuditEntries([])).toBe('The audit log is empty.');
  });
});
