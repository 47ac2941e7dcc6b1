import { learnSecret, redactSecrets } from '../redact.js';
import type { ServiceEvent } from './diagnose-service.js';

/** The service log lines the thread shows: the newest, oldest first. */
export const LOG_TAIL_LINES = 20;
const MAX_LINE = 300;

const cut = (line: string): string =>
  line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 1)}…` : line;

export interface RawEvidence {
  readonly events: readonly ServiceEvent[];
  readonly logLines: readonly string[];
  readonly statusMessage?: string;
}

/**
 * What the cloud said about a failing service, made safe for a public thread: known secrets (the
 * service's own AccessToken) and secret-shaped text removed from every event, the status message
 * and every log line; the log cut to its last 20 lines.
 */
export function redactEvidence(raw: RawEvidence, known: readonly string[]) {
  // The one redactor remembers them: any later line that quotes them is masked too.
  for (const secret of known) learnSecret(secret);
  const clean = (text: string | null | undefined): string | null =>
    text === null || text === undefined ? null : redactSecrets(text);
  const statusMessage = clean(raw.statusMessage);
  return {
    events: raw.events.map(
      (e): ServiceEvent => ({
        Type: e.Type ?? null,
        Reason: clean(e.Reason),
        Message: clean(e.Message),
        Time: e.Time ?? null,
      }),
    ),
    logTail: raw.logLines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.trim().length > 0)
      .slice(-LOG_TAIL_LINES)
      .map((l) => cut(redactSecrets(l))),
    ...(statusMessage ? { statusMessage } : {}),
  };
}
