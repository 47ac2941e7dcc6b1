/**
 * Secret-shaped text, masked wherever it appears in a log line. Key-based redaction (pino's
 * `redact`) cannot see a token that sits inside a message, a CLI's stderr or an escaped JSON
 * string; these shapes can. The separator allows `\"` so JSON embedded in a JSON string is caught.
 */
const SEPARATOR = String.raw`(?:\\?["'])?\s*[:=]\s*(?:\\?["'])?`;
/** A value ends at whitespace, a quote, a backslash or JSON punctuation; `<placeholder>` is kept. */
const VALUE = String.raw`(?!<)[^\s"'\\,;}\]]+`;

const SECRET_SHAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bxox[abposr]-[A-Za-z0-9-]+/g, 'xox*-[REDACTED]'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-[REDACTED]'],
  [/\bLTAI[A-Za-z0-9]{8,}/g, 'LTAI[REDACTED]'],
  [/\bSTS\.[A-Za-z0-9_.+/=-]{16,}/g, 'STS.[REDACTED]'],
  [
    new RegExp(String.raw`(authorization${SEPARATOR})(?:(?:Bearer|Basic)\s+)?${VALUE}`, 'gi'),
    '$1[REDACTED]',
  ],
  [
    new RegExp(
      `((?:access_?token|access_?key_?secret|security_?token|signing_?secret|client_?secret)${SEPARATOR})${VALUE}`,
      'gi',
    ),
    '$1[REDACTED]',
  ],
];

/** One cheap scan first: most log lines hold none of these words and skip the replacements. */
const MAYBE_SECRET = /xox|xapp-|LTAI|STS\.|authorization|token|secret/i;

/** Known secret values shorter than this are not masked literally (they would mask ordinary words). */
const MIN_LITERAL_LENGTH = 6;

/** Masks secret-shaped substrings (Slack tokens, AccessKey ids, STS tokens, Authorization values) and the given known secrets. */
export function maskSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let masked = text;
  for (const secret of knownSecrets) {
    if (secret.length >= MIN_LITERAL_LENGTH) masked = masked.split(secret).join('[REDACTED]');
  }
  if (!MAYBE_SECRET.test(masked)) return masked;
  for (const [shape, replacement] of SECRET_SHAPES) {
    masked = masked.replace(shape, replacement);
  }
  return masked;
}
