import { z } from 'zod';
import { REGION_PATTERN, SERVICE_NAME_PATTERN } from '../deploy/deploy-spec.js';

export const LIFECYCLE_ACTIONS = [
  'stop',
  'start',
  'restart',
  'scale',
  'extend',
  'rollback',
  'delete',
] as const;
export const LifecycleAction = z.enum(LIFECYCLE_ACTIONS);
export type LifecycleAction = z.infer<typeof LifecycleAction>;

/** What a person (or the expiry schedule) asked to do to one service the bot made. No secrets. */
export const LifecycleRequest = z.object({
  action: LifecycleAction,
  service: z.string().regex(SERVICE_NAME_PATTERN),
  /** Absent: the region of the service's deployment, or the first region that has the name. */
  region: z.string().regex(REGION_PATTERN).optional(),
  /** scale: the instance count wanted. */
  replicas: z.number().int().min(0).max(100).optional(),
  /** rollback: the version wanted; absent means the one before the current. */
  version: z.number().int().positive().optional(),
  /** extend: by how long (`<n>s|m|h|d`). */
  duration: z.string().optional(),
  /** extend from the Keep button: the expiry the reminder was about, so two clicks extend once. */
  from: z.string().optional(),
});
export type LifecycleRequest = z.infer<typeof LifecycleRequest>;

/** Who asked: a person in a channel, or the expiry schedule (EAS_TTL_ACTION=stop). */
export const LifecycleActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), userId: z.string(), channelId: z.string() }),
  z.object({ kind: z.literal('expiry') }),
]);
export type LifecycleActor = z.infer<typeof LifecycleActor>;

/** How each action reads in a message. */
export const ACTION_WORDS: Readonly<
  Record<LifecycleAction, { readonly verb: string; readonly done: string }>
> = {
  stop: { verb: 'stop', done: 'stopped' },
  start: { verb: 'start', done: 'started' },
  restart: { verb: 'restart', done: 'restarted' },
  scale: { verb: 'scale', done: 'scaled' },
  extend: { verb: 'extend', done: 'extended' },
  rollback: { verb: 'roll back', done: 'rolled back' },
  delete: { verb: 'delete', done: 'deleted' },
};
