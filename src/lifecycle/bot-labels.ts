import {
  CHANNEL_LABEL,
  EXPIRES_AT_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  OWNER_LABEL,
  REQUEST_ID_LABEL,
} from '../aliyun/commands.js';
import { type ExpiresAt, readExpiresAt } from './expiry.js';

/** What the cloud's labels say about a service the bot made: the truth about ownership and expiry. */
export interface BotLabels {
  readonly requestId: string;
  readonly owner: string;
  readonly channel?: string;
  /** The raw label value (`never`, an instant, or something unreadable). */
  readonly expiresAtLabel?: string;
  readonly expiresAt?: ExpiresAt;
}

/** The labels a new service carries: the contract's four, and the constant one the list filters on. */
export function buildServiceLabels(input: {
  deploymentId: string;
  owner: string;
  channel?: string;
  expiresAt: string;
}): Record<string, string> {
  return {
    [REQUEST_ID_LABEL]: input.deploymentId,
    [OWNER_LABEL]: input.owner,
    [EXPIRES_AT_LABEL]: input.expiresAt,
    ...(input.channel ? { [CHANNEL_LABEL]: input.channel } : {}),
    [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
  };
}

/**
 * Every label of the bot with a new expiry: UpdateServiceLabel is sent all of them, because
 * whether it keeps the labels it is not given is unverified (aliyun-cli-facts.md, "Labels").
 */
export function relabelExpiry(labels: BotLabels, expiresAt: string): Record<string, string> {
  return buildServiceLabels({
    deploymentId: labels.requestId,
    owner: labels.owner,
    ...(labels.channel ? { channel: labels.channel } : {}),
    expiresAt,
  });
}

/** The ListServices Label filter that finds the bot's services (optionally one owner's). */
export function botLabelFilter(owner?: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, ...(owner ? { [OWNER_LABEL]: owner } : {}) };
}

/**
 * Reads the bot's labels from a service's `Labels: [{LabelKey, LabelValue}]`; undefined when the
 * service lacks the request id or the owner: the bot did not make it and will not touch it.
 */
export function readBotLabels(
  labels: readonly { LabelKey: string; LabelValue: string }[] | null | undefined,
): BotLabels | undefined {
  const map = new Map((labels ?? []).map((l) => [l.LabelKey, l.LabelValue]));
  const requestId = map.get(REQUEST_ID_LABEL);
  const owner = map.get(OWNER_LABEL);
  if (!requestId || !owner) return undefined;
  const channel = map.get(CHANNEL_LABEL);
  const expiresAtLabel = map.get(EXPIRES_AT_LABEL);
  const expiresAt = readExpiresAt(expiresAtLabel);
  return {
    requestId,
    owner,
    ...(channel ? { channel } : {}),
    ...(expiresAtLabel !== undefined ? { expiresAtLabel } : {}),
    ...(expiresAt ? { expiresAt } : {}),
  };
}
