/**
 * THE redactor of eas-deploy: removes secrets from text before it is logged, stored or posted:
 * the values we know (the service's AccessToken, credentials from the environment) and anything
 * shaped like a secret. `src/aliyun/redact-secrets.ts` and `src/observability/mask-secrets.ts`
 * call it with their marker style, so the three can never drift apart.
 */
export const REDACTED = '[redacted]';

/** How a removed secret is written: the marker, and whether shaped tokens keep their kind. */
export interface RedactStyle {
  readonly marker?: string;
  /** `xox*-[REDACTED]`, `LTAI[REDACTED]`: log readers see what kind of secret was there. */
  readonly labelShapes?: boolean;
  /** Drops the `Bearer`/`Basic` scheme of an Authorization value along with the credential. */
  readonly dropScheme?: boolean;
}

/** Shapes that are secrets wherever they appear, with the label kept in the labelled style. */
const SHAPED: ReadonlyArray<readonly [RegExp, string]> = [
  [/xox[abposr]-[A-Za-z0-9-]+/g, 'xox*-'], // Slack bot/user/app-level tokens
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-'], // Slack app tokens
  [/LTAI[A-Za-z0-9]{8,30}/g, 'LTAI'], // Alibaba Cloud AccessKey ids
  [/STS\.[A-Za-z0-9_.+/=-]{10,}/g, 'STS.'], // STS AccessKey ids
  [/CAIS[A-Za-z0-9+/=]{20,}/g, 'CAIS'], // STS security tokens
];

// No open-ended prefix: `[a-z]*access…` would make the search quadratic on long words.
const SECRET_KEY =
  '(?:access[_-]?key[_-]?(?:secret|id)|secret[_-]?access[_-]?key|security[_-]?token|sts[_-]?token|access[_-]?token|signing[_-]?secret|client[_-]?secret|password|(?:bot|app|user)?[_-]?token)';
// A value ends at whitespace, quotes, a backslash (escaped JSON) or punctuation.
const VALUE = `([^\\s"'\\\\,;}&)\\[\\]]+)`;
/** A quote, possibly escaped (`\\"` inside JSON held in a JSON string). */
const QUOTE = `(?:\\\\?["'])?`;

/** `key: value`, `key=value`, `"key":"value"` where the key names a secret. */
const SECRET_FIELD = new RegExp(
  `(${QUOTE}${SECRET_KEY}${QUOTE}\\s*[:=]\\s*${QUOTE})${VALUE}`,
  'gi',
);

/** `--key value` flags that carry a secret. */
const SECRET_FLAG = new RegExp(`(--${SECRET_KEY}\\s+["']?)${VALUE}`, 'gi');

/** `Authorization: …` headers: the credential after an optional scheme. */
const AUTHORIZATION =
  /(authorization\\?["']?\s*[:=]\s*\\?["']?)((?:(?:bearer|basic|token)\s+)?)([^\s"'\\,;}[\]]+)/gi;

/** A long base64-like run with upper, lower and digits (EAS AccessTokens and AK secrets look so). */
const TOKEN_LIKE = /[A-Za-z0-9+/]{28,}={0,2}/g;

const REDACTED_DEFAULT = REDACTED;

const isPlaceholder = (value: string): boolean => /^<[^<>]+>$/.test(value);

// Mixed case plus digits: hex hashes, ids and lowercase service names never qualify.
const looksLikeToken = (run: string): boolean =>
  /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);

/** Every form in which a known secret might be written: as is, URL-encoded, JSON-escaped. */
function formsOf(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return [...forms];
}

/** Replaces known secrets (≥ 6 characters) and secret-shaped values with the marker (`[redacted]`). */
export function redactSecrets(
  text: string,
  known: readonly string[] = [],
  style: RedactStyle = {},
): string {
  const REDACTED = style.marker ?? REDACTED_DEFAULT;
  let out = text;
  const secrets = known.filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    for (const form of formsOf(secret)) {
      // Repeat until stable: a replacement must not leave a freshly joined copy behind.
      for (let guard = 0; guard < 10 && out.includes(form); guard += 1) {
        out = out.split(form).join(REDACTED);
      }
    }
  }
  for (const [shape, label] of SHAPED) {
    out = out.replace(shape, style.labelShapes ? `${label}${REDACTED}` : REDACTED);
  }
  out = out.replace(AUTHORIZATION, (whole: string, head: string, scheme: string, value: string) =>
    isPlaceholder(value) || value.endsWith(REDACTED)
      ? whole
      : `${head}${style.dropScheme ? '' : scheme}${REDACTED}`,
  );
  for (const field of [SECRET_FIELD, SECRET_FLAG]) {
    out = out.replace(field, (whole: string, head: string, value: string) =>
      isPlaceholder(value) || value.endsWith(REDACTED) ? whole : `${head}${REDACTED}`,
    );
  }
  return out.replace(TOKEN_LIKE, (run) => (looksLikeToken(run) ? REDACTED : run));
}

/** Redacts a CLI argument array: secret flags lose their value, every argument is redacted. */
export function redactArgv(argv: readonly string[], known: readonly string[] = []): string[] {
  return argv.map((arg, index) => {
    const previous = argv[index - 1] ?? '';
    if (/^--(access-key-(id|secret)|sts-token|security-token|token)$/i.test(previous)) {
      return REDACTED;
    }
    return redactSecrets(arg, known);
  });
}
