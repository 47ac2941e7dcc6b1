import { redactSecrets as redactWith } from '../security/redact.js';

/**
 * Removes secrets (tokens, AK ids, secrets, Slack tokens and any known values) before text is
 * logged or shown. A caller of the one redactor (`src/security/redact.ts`), in the engine's style.
 */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  return redactWith(text, known, { marker: '[REDACTED]' });
}
