/** Patterns of secrets that may show up in CLI output, errors or service JSON. */
const SECRET_PATTERNS: readonly RegExp[] = [
  /("?AccessToken"?\s*[:=]\s*"?)[^",\s}]+/gi,
  /("?(?:AccessKeySecret|access_key_secret|SecurityToken|security_token|Password|password)"?\s*[:=]\s*"?)[^",\s}]+/g,
  // The literal `<AccessToken>` placeholder of the curl examples stays readable.
  /(Authorization:\s*)(?!<AccessToken>)(?:Bearer\s+)?[^\s"'\\]+/gi,
  /\bLTAI[A-Za-z0-9]{8,30}\b/g,
  /\bSTS\.[A-Za-z0-9._-]{16,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
];

const MASK = '[REDACTED]';

/** Removes secrets (tokens, AK ids, secrets, Slack tokens and any known values) before text is logged or shown. */
export function redactSecrets(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const value of known) {
    // Very short values would mask ordinary words; real secrets are long.
    if (value.length >= 6) out = out.split(value).join(MASK);
  }
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${MASK}` : MASK,
    );
  }
  return out;
}
