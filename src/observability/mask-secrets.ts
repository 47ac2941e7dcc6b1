import { redactSecrets } from '../security/redact.js';

/**
 * Masks secret-shaped substrings (Slack tokens, AccessKey ids, STS tokens, Authorization values)
 * and the given known secrets in a log line. A caller of the one redactor
 * (`src/security/redact.ts`) in the log style: `xox*-[REDACTED]` keeps the kind of secret visible.
 */
export function maskSecrets(text: string, knownSecrets: readonly string[] = []): string {
  return redactSecrets(text, knownSecrets, {
    marker: '[REDACTED]',
    labelShapes: true,
    dropScheme: true,
  });
}
