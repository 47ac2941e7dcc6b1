import { SERVICE_ACTION } from './ids.js';
import type { SlackMessage } from './progress-message.js';
import { encodeServiceValue } from './service-buttons.js';
import { button, context, escapeMrkdwn, section, truncate } from './text.js';

/** How one lifecycle operation ended (the shape of LifecycleOutcome in src/lifecycle). */
export type OutcomeView =
  | { result: 'done'; changed: boolean; detail: string }
  | { result: 'refused' | 'blocked'; reason: string }
  | { result: 'failed'; reason: string; error?: string };

export interface OutcomeMessageInput {
  readonly verb: string;
  readonly doneWord: string;
  readonly service: string;
  readonly region: string;
  /** Who asked; undefined for the expiry schedule. */
  readonly userId?: string;
  readonly outcome: OutcomeView;
  /** "expires … (in 1d)" after a start or an extend. */
  readonly expiry?: string;
  /** A last line of the bot's own (why the expiry schedule acted, what to do next). */
  readonly note?: string;
  readonly opId: string;
}

const code = (s: string) => `\`${escapeMrkdwn(s)}\``;

function headline(i: OutcomeMessageInput): string {
  const name = `${code(i.service)} in ${i.region}`;
  switch (i.outcome.result) {
    case 'done':
      return i.outcome.changed
        ? `✓ ${name} ${i.doneWord}`
        : `✓ ${name} needed no change (${escapeMrkdwn(i.outcome.detail)})`;
    case 'refused':
      return `✗ Not allowed to ${i.verb} ${name}`;
    case 'blocked':
      return `✗ Did not ${i.verb} ${name}`;
    case 'failed':
      return `✗ Could not ${i.verb} ${name}`;
  }
}

/**
 * The answer in the service's thread (or, for a refusal, privately): what happened, why, by whom.
 * Reasons are the bot's own sentences (they mention people); the CLI's words are escaped.
 */
export function buildOutcomeMessage(i: OutcomeMessageInput): SlackMessage {
  const head = headline(i);
  const error =
    i.outcome.result === 'failed' && i.outcome.error
      ? `\n\`${escapeMrkdwn(truncate(i.outcome.error, 500))}\``
      : '';
  const why = 'reason' in i.outcome ? `${i.outcome.reason}${error}` : undefined;
  const by = i.userId ? `Asked by <@${i.userId}>` : 'By the expiry schedule';
  return {
    text: head.replace(/`/g, ''),
    blocks: [
      section(
        `*${head}*${why ? `\n${why}` : ''}${i.expiry ? `\nIt now ${i.expiry}.` : ''}${i.note ? `\n${i.note}` : ''}`,
      ),
      context(`${by} · operation ${i.opId}`),
    ],
  };
}

export interface ReminderInput {
  readonly service: string;
  readonly region: string;
  readonly owner: string;
  /** "expires 2026-05-02 10:00 UTC (in 1h)" or "expired 2m ago". */
  readonly expiry: string;
  readonly cost?: string;
  /** The lifetime Keep adds (the original ttl). */
  readonly ttl: string;
  /** The expires-at label the reminder is about: Keep extends from it, once. */
  readonly expiresAtLabel: string;
  readonly expired: boolean;
  /** What happens at expiry when nobody answers. */
  readonly atExpiry: 'stop' | 'remind';
}

/** Asked before (and, with EAS_TTL_ACTION=remind, after) expiry: Keep for the ttl again, or Stop now. */
export function buildReminderMessage(r: ReminderInput): SlackMessage {
  const name = code(r.service);
  const next = r.expired
    ? 'It is still running.'
    : r.atExpiry === 'stop'
      ? 'At expiry it will be stopped (not deleted).'
      : 'At expiry you will be asked again; nothing is stopped.';
  const line = `⏰ <@${r.owner}>, ${name} in ${r.region} ${escapeMrkdwn(r.expiry)}. ${next}`;
  const keep = encodeServiceValue(r.region, r.service, { ttl: r.ttl, from: r.expiresAtLabel });
  return {
    text: `${r.service} in ${r.region} ${r.expiry}: keep it or stop it?`,
    blocks: [
      section(line),
      ...(r.cost ? [context(`Cost: ${escapeMrkdwn(r.cost)}`)] : []),
      {
        type: 'actions',
        block_id: 'ttl_actions',
        elements: [
          { ...button(`Keep ${r.ttl} more`, SERVICE_ACTION.keep, keep), style: 'primary' },
          button('Stop now', SERVICE_ACTION.ttlStop, encodeServiceValue(r.region, r.service)),
        ],
      },
    ],
  };
}

/** The confirmation `delete` asks for, naming the service; nothing is queued until it is pressed. */
export function buildDeleteConfirmation(region: string, service: string): SlackMessage {
  const name = code(service);
  return {
    text: `Delete ${service} in ${region}? This cannot be undone.`,
    blocks: [
      section(
        `*Delete ${name} in ${region}?* The service, its endpoints and its versions are removed for good.`,
      ),
      {
        type: 'actions',
        block_id: 'delete_confirm',
        elements: [
          {
            ...button(
              `Yes, delete it`,
              SERVICE_ACTION.deleteConfirm,
              encodeServiceValue(region, service),
            ),
            style: 'danger',
          },
        ],
      },
      context(
        `Only ${name}'s owner or an eas-deploy admin may delete it; with approvers configured, one must approve too.`,
      ),
    ],
  };
}

/** The private acknowledgement of a lifecycle request: queued, and where the answer will be. */
export function buildQueuedNotice(verb: string, service: string): SlackMessage {
  const text = `Queued: ${verb} \`${escapeMrkdwn(service)}\`. The answer will be in its deployment thread.`;
  return { text, blocks: [section(text)] };
}
