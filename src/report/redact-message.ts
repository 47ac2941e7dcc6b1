import { redactSecrets } from '../security/redact.js';

const URL = /https?:\/\/[^\s|>"]+/g;

/**
 * Every string of an outgoing Slack message (text, block texts, button values) passed through THE
 * redactor, the one import of it on Slack's way out. A URL is redacted part by part (between `/`,
 * `?`, `&`, `=`, `#`): a path such as `archives/C0DEPLOY/p1700000000000100` is not one token-shaped
 * run, yet a token inside a URL still is one.
 */
export function redactMessage<T>(message: T, knownSecrets: readonly string[] = []): T {
  const redact = (text: string) => redactSecrets(text, knownSecrets);
  const redactUrl = (url: string) =>
    url
      .split(/([/?&=#])/)
      .map((part) => (/^[/?&=#]$/.test(part) ? part : redact(part)))
      .join('');
  const redactText = (text: string) =>
    text
      .split(URL)
      .map(redact)
      .reduce((out, piece, i) => out + piece + redactUrl(text.match(URL)?.[i] ?? ''), '');
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redactText(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return walk(message) as T;
}
