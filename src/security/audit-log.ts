import type { Cluster, Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { redactArgv, redactValue } from '../redact.js';
import { AuditEntry, type AuditInput } from './audit-entry.js';

export interface AuditLogOptions {
  readonly redis: Redis | Cluster;
  /** The install's key prefix (QUEUE_PREFIX); the stream is `<prefix>:audit`. */
  readonly prefix: string;
  readonly logger: Logger;
  /** EAS_AUDIT_MAX_ENTRIES: the stream is trimmed to about this many entries. */
  readonly maxEntries: number;
  readonly now?: () => number;
}

export interface AuditLog {
  /** Redacts and appends an entry to the JSON log and the capped stream; false when Redis refused. */
  append(entry: AuditInput): Promise<boolean>;
  /** The last n entries, newest first (for `/eas-deploy audit [n]`, approvers only). */
  recentAudit(n?: number): Promise<Array<AuditEntry & { id: string }>>;
}

/** Parses stored JSON; a corrupt record is skipped, not thrown. */
function parseStored(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Creates the audit log: capped Redis stream plus the JSON log, both after redaction. */
export function createAuditLog(options: AuditLogOptions): AuditLog {
  const key = `${options.prefix}:audit`;
  const now = options.now ?? Date.now;
  const log = options.logger.child({ audit: true });
  return {
    async append(input) {
      const parsed = AuditEntry.safeParse({ at: now(), ...input });
      if (!parsed.success) {
        log.error({ kind: input.kind }, 'audit entry malformed; not recorded');
        return false;
      }
      // Every string redacted; a CLI step's argv also loses the values of secret flags.
      const entry = redactValue(parsed.data);
      if (entry.kind === 'cli-step') entry.argv = redactArgv(entry.argv);
      log.info({ entry }, `audit ${entry.kind}`);
      try {
        await options.redis.xadd(
          key,
          'MAXLEN',
          '~',
          options.maxEntries,
          '*',
          'entry',
          JSON.stringify(entry),
        );
        return true;
      } catch (error) {
        log.error(
          { err: error instanceof Error ? error.message : String(error) },
          'audit stream write failed',
        );
        return false;
      }
    },
    async recentAudit(n = 20) {
      const count = Math.min(Math.max(Math.trunc(n), 1), 200);
      const rows = await options.redis.xrevrange(key, '+', '-', 'COUNT', count);
      const entries: Array<AuditEntry & { id: string }> = [];
      for (const [id, fields] of rows) {
        const text = fields[fields.indexOf('entry') + 1];
        const parsed = AuditEntry.safeParse(parseStored(text));
        if (parsed.success) entries.push({ ...parsed.data, id });
      }
      return entries;
    },
  };
}
