import type { AuditEntry } from '../src/security/audit-entry.js';
import { formatAuditEntries } from '../src/security/format-audit-entries.js';
import type { SlackMessage } from './progress-message.js';
import { context, section, truncate } from './text.js';

/** Entries per section: each line is at most ~350 characters, a section holds 3000. */
const LINES_PER_SECTION = 8;

/** `/eas-deploy audit [n]`: the newest entries, one line each, for an approver's eyes only. */
export function buildAuditAnswer(entries: readonly AuditEntry[], asked: number): SlackMessage {
  const lines = formatAuditEntries(entries).split('\n');
  const sections = [];
  for (let at = 0; at < lines.length && sections.length < 45; at += LINES_PER_SECTION) {
    sections.push(section(truncate(lines.slice(at, at + LINES_PER_SECTION).join('\n'), 3000)));
  }
  return {
    text: `The last ${entries.length} audit entries (asked for ${asked}).`,
    blocks: [
      context(`The last ${entries.length} audit entries, newest first (asked for ${asked}).`),
      ...sections,
    ],
  };
}
