import { LRUCache } from 'lru-cache';

/**
 * THE redactor of eas-deploy, on the ground floor so logs, the CLI seam, audit, job data and Slack
 * messages all use it. It removes the secret values the process knows (the environment's, pinned at
 * start; every AccessToken the bot has read, learnt as it reads them) and anything shaped like a
 * secret (Slack tokens, AccessKey ids, STS tokens, `password=…`, Authorization values).
 */
export const REDACTED = '[REDACTED]';

/** Values shorter than this are never matched by value (too many false hits). */
const MIN_SECRET_LENGTH = 6;

const pinned = new Set<string>();
/** Learnt at run time; the oldest are forgotten first, and are still caught by their shape. */
const learnt = new LRUCache<string, true>({ max: 1_000 });

/** The written forms of every known secret, longest first; rebuilt when a secret is added. */
let knownForms: readonly string[] | undefined;

/** Makes every later redaction remove `secret` (an AccessToken as it is read, say). */
export function learnSecret(secret: string | null | undefined): void {
  if (!secret || secret.length < MIN_SECRET_LENGTH || pinned.has(secret)) return;
  if (!learnt.has(secret)) knownForms = undefined;
  learnt.set(secret, true);
}

/** The secret values of the environment (Slack tokens, signing secret, cloud credentials), never forgotten. */
export function pinSecrets(secrets: Iterable<string>): void {
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH && !pinned.has(secret)) {
      pinned.add(secret);
      knownForms = undefined;
    }
  }
}

/** Shapes that are secrets wherever they appear; the label says what kind of secret was there. */
const SHAPED: ReadonlyArray<readonly [RegExp, string]> = [
  [/xox[abposr]-[A-Za-z0-9-]+/g, 'xox*-'], // Slack bot/user tokens
  [/xapp-[A-Za-z0-9-]+/g, 'xapp-'], // Slack app-level tokens
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
/** `Authorization: …` headers: the credential and its scheme (`Bearer`, `Basic`). */
const AUTHORIZATION =
  /(authorization\\?["']?\s*[:=]\s*\\?["']?)(?:(?:bearer|basic|token)\s+)?(&lt;[^\s&]+&gt;|[^\s"'\\,;}[\]]+)/gi;
/** A long base64-like run with upper, lower and digits (EAS AccessTokens and AK secrets look so). */
const TOKEN_LIKE = /[A-Za-z0-9+/]{28,}={0,2}/g;

// `<AccessToken>` as written, or as mrkdwn escapes it for Slack: words, never a token's digits.
const isPlaceholder = (value: string): boolean =>
  /^(<|&lt;)[A-Za-z][A-Za-z _-]{0,40}(>|&gt;)$/.test(value);
const keep = (value: string): boolean => isPlaceholder(value) || value.endsWith(REDACTED);
// Mixed case plus digits: hex hashes, ids and lowercase service names never qualify.
const looksLikeToken = (run: string): boolean =>
  /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run);

/** A URL (`https://…`, `oss://…`): its parts are judged one by one, never as one long run. */
const URL_PATTERN = /[a-z][a-z0-9+.-]*:\/\/[^\s|>"'`]+/gi;

/** Token-shaped runs go; inside a URL only a part that is one (a permalink's path is not). */
function removeTokenRuns(text: string): string {
  const runs = (piece: string) =>
    piece.replace(TOKEN_LIKE, (run) => (looksLikeToken(run) ? REDACTED : run));
  const urls = text.match(URL_PATTERN) ?? [];
  return text
    .split(URL_PATTERN)
    .map((piece, i) => {
      const url = urls[i] ?? '';
      return (
        runs(piece) +
        url
          .split(/([/?&=#])/)
          .map(runs)
          .join('')
      );
    })
    .join('');
}

/** Every form in which a known secret might be written: as is, URL-encoded, JSON-escaped. */
const formsOf = (secret: string): string[] => [
  ...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]),
];

/** The forms of these secrets, longest first, so a secret inside a longer one cannot split it. */
const formsOfAll = (secrets: readonly string[]): string[] =>
  secrets.flatMap(formsOf).sort((a, b) => b.length - a.length);

/** Replaces every known secret value (pinned and learnt) in any of its written forms. */
function removeKnown(text: string): string {
  knownForms ??= formsOfAll([...pinned, ...learnt.keys()]);
  let out = text;
  for (const form of knownForms) {
    // Repeat until stable: a replacement must not leave a freshly joined copy behind.
    for (let guard = 0; guard < 10 && out.includes(form); guard += 1) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

/** Text meant to be read (a log line, a message, an audit entry, an error): known values and secret shapes go. */
export function redactSecrets(text: string): string {
  let out = removeKnown(text);
  for (const [shape, label] of SHAPED) out = out.replace(shape, `${label}${REDACTED}`);
  out = out.replace(AUTHORIZATION, (whole: string, head: string, value: string) =>
    keep(value) ? whole : `${head}${REDACTED}`,
  );
  for (const field of [SECRET_FIELD, SECRET_FLAG]) {
    out = out.replace(field, (whole: string, head: string, value: string) =>
      keep(value) ? whole : `${head}${REDACTED}`,
    );
  }
  return removeTokenRuns(out);
}

/** Applies `redact` to every string of a value, keeping its shape (objects, arrays, numbers). */
function mapStrings<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [k, mapStrings(v, redact)]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}

/** A value meant to be read (a Slack message, an audit entry): every string redacted, the shape kept. */
export function redactValue<T>(value: T): T {
  return mapStrings(value, redactSecrets);
}

/**
 * Data the bot acts on later (BullMQ job data): only known secret values go. Guessing by shape
 * here would rewrite a person's model path or start command and break their deployment.
 */
export function redactKnownSecrets<T>(value: T): T {
  return mapStrings(value, removeKnown);
}

/** A CLI argument array: secret flags lose their value, every argument is redacted. */
export function redactArgv(argv: readonly string[]): string[] {
  return argv.map((arg, index) => {
    const previous = argv[index - 1] ?? '';
    if (
      /^--(access-key-(id|secret)|sts-token|security-token|access-token|token|password|secret)$/i.test(
        previous,
      )
    ) {
      return REDACTED;
    }
    return redactSecrets(arg);
  });
}
