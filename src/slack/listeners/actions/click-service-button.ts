import { z } from 'zod';
import { buildCommandProblem } from '../../../../blocks/answers.js';
import { SERVICE_ACTION } from '../../../../blocks/ids.js';
import {
  buildDeleteConfirmation,
  buildQueuedNotice,
} from '../../../../blocks/lifecycle-messages.js';
import {
  ACTION_WORDS,
  type LifecycleAction,
  type LifecycleRequest,
} from '../../../lifecycle/lifecycle-request.js';
import { tellPrivately } from '../../../report/tell-privately.js';
import type { ListenerDeps } from '../../listener-deps.js';
import type { ButtonArgs } from './action-args.js';

/** A service button's value (untrusted: it comes back from the client). */
const ServiceValue = z.object({
  region: z.string().max(40),
  service: z.string().max(64),
  ttl: z.string().max(16).optional(),
  from: z.string().max(40).optional(),
});

const ACTION_OF: Readonly<Record<string, LifecycleAction>> = {
  [SERVICE_ACTION.stop]: 'stop',
  [SERVICE_ACTION.start]: 'start',
  [SERVICE_ACTION.restart]: 'restart',
  [SERVICE_ACTION.extend]: 'extend',
  [SERVICE_ACTION.deleteConfirm]: 'delete',
  [SERVICE_ACTION.keep]: 'extend',
  [SERVICE_ACTION.ttlStop]: 'stop',
};

function readValue(text: string | undefined) {
  try {
    const parsed = ServiceValue.safeParse(JSON.parse(text ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** What a click asks for: Keep extends by the lifetime it names, from the expiry it was about. */
function requestOf(action: LifecycleAction, value: z.infer<typeof ServiceValue>, extendBy: string) {
  const request: LifecycleRequest = {
    action,
    service: value.service,
    ...(value.region ? { region: value.region } : {}),
    ...(action === 'extend' ? { duration: value.ttl ?? extendBy } : {}),
    ...(action === 'extend' && value.from ? { from: value.from } : {}),
  };
  return request;
}

/**
 * The buttons on a summary, a reminder and App Home (svc_stop, svc_restart, svc_extend,
 * svc_start, ttl_keep, ttl_stop, and the delete confirmation): one lifecycle job per click;
 * svc_delete only asks for the confirmation. Who may is decided by the job, from the labels.
 */
export function clickServiceButton(deps: ListenerDeps, extendBy: string) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const channelId = body.channel?.id;
    const threadTs = body.message?.thread_ts ?? body.message?.ts;
    const where = {
      userId: body.user.id,
      ...(channelId ? { channelId } : {}),
      ...(typeof threadTs === 'string' ? { threadTs } : {}),
    };
    const value = readValue(action.value);
    const port = deps.ports.lifecycle;
    if (!value || !port) {
      return tellPrivately(deps.outbox, where, buildCommandProblem('This button no longer works.'));
    }
    if (action.action_id === SERVICE_ACTION.delete) {
      return tellPrivately(
        deps.outbox,
        where,
        buildDeleteConfirmation(value.region, value.service),
      );
    }
    const lifecycleAction = ACTION_OF[action.action_id];
    if (!lifecycleAction) return;
    // Who may use the bot here was decided by the access middleware; who may touch this
    // service, the job decides from its labels. A DM or App Home is no channel to answer in.
    const inChannel = channelId && !channelId.startsWith('D');
    const answer = await port.submit(
      requestOf(lifecycleAction, value, extendBy),
      { userId: body.user.id, channelId: inChannel ? channelId : '' },
      ['click', body.team?.id ?? '', body.trigger_id ?? action.action_ts],
    );
    const message = answer.ok
      ? buildQueuedNotice(ACTION_WORDS[lifecycleAction].verb, value.service)
      : buildCommandProblem(answer.message);
    await tellPrivately(deps.outbox, where, message);
  };
}
