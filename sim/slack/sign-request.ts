import { createHmac } from 'node:crypto';

/** Slack's v0 signature of a raw body: `v0=` + hex HMAC-SHA256 of `v0:<ts>:<body>`. */
export function signSlackRequest(secret: string, timestamp: number, rawBody: string): string {
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`);
  return `v0=${hmac.digest('hex')}`;
}

export interface SignedPostOptions {
  /** Unix seconds; defaults to now. A value older than 5 minutes is what Bolt rejects. */
  readonly timestamp?: number;
  /** Overrides the computed signature (to test a bad one). */
  readonly signature?: string;
}

export interface SignedPostAnswer {
  readonly status: number;
  readonly text: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  readonly json: unknown;
}

/** POSTs a raw body signed as Slack signs it; answers the status and body. */
export async function postSigned(
  url: string,
  rawBody: string,
  contentType: string,
  secret: string,
  options: SignedPostOptions = {},
): Promise<SignedPostAnswer> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? signSlackRequest(secret, timestamp, rawBody),
    },
    body: rawBody,
  });
  const text = await response.text();
  return { status: response.status, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // Bolt answers plain text (or nothing) for some acks.
  }
}
