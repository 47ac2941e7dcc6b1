import type { AuditEntry } from './audit-entry.js';

const MAX_AUDIT_COUNT = 100;

/** Reads n from `/eas-deploy audit [n]`: default 20, at most 100; anything else is an error value. */
export function parseAuditCount(
  text: string,
): { ok: true; n: number } | { ok: false; message: string } {
  const arg = text.trim().split(/\s+/)[1];
  if (arg === undefined || arg === '') return { ok: true, n: 20 };
  if (!/^\d{1,4}$/.test(arg) || Number(arg) < 1) {
    return {
      ok: false,
      message: `Use \`/eas-deploy audit [n]\` with n from 1 to ${MAX_AUDIT_COUNT}.`,
    };
  }
  return { ok: true, n: Math.min(Number(arg), MAX_AUDIT_COUNT) };
}

/** One line per entry in Slack mrkdwn, newest first; entries are already redacted when stored. */
export function formatAuditEntries(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'The audit log is empty.';
  return entries.map(formatAuditEntry).join('\n');
}

function describe(entry: AuditEntry): string {
  switch (entry.kind) {
    case 'request':
      return `<@${entry.userId}> asked for ${entry.serviceName} in ${entry.region} from <#${entry.channelId}>`;
    case 'denial':
      return `refused ${entry.action} for <@${entry.userId}>: ${entry.reason}`;
    case 'approval':
      return `${entry.event} by <@${entry.userId}>${entry.detail ? `: ${entry.detail}` : ''}`;
    case 'cli-step':
      return `\`aliyun ${entry.argv.join(' ')}\` exit ${entry.exitCode ?? (entry.timedOut ? 'timeout' : 'none')} in ${entry.durationMs} ms`;
    case 'result':
      return `result ${entry.result}${entry.detail ? `: ${entry.detail}` : ''}`;
  }
}

/** One audit entry as a line: UTC time, kind, deployment id, what happened. */
export function formatAuditEntry(entry: AuditEntry): string {
  const when = new Date(entry.at).toISOString().replace('T', ' ').slice(0, 19);
  const text = describe(entry);
  const clipped = text.length > 300 ? `${text.slice(0, 297)}…` : text;
  return `${when} UTC · ${entry.kind}${entry.deploymentId ? ` · ${entry.deploymentId}` : ''} · ${clipped}`;
}
