import type { BlockAction, ButtonAction } from '@slack/bolt';

/** The bits of a button click on a message that the handlers use. */
export interface MessageClick {
  readonly deploymentId: string;
  readonly userId: string;
  readonly channelId?: string;
  readonly threadTs?: string;
}

/** Reads who clicked which deployment's button, and where. */
export function readMessageAction(
  body: BlockAction<ButtonAction>,
  action: ButtonAction,
): MessageClick {
  const threadTs = body.message?.thread_ts ?? body.message?.ts;
  return {
    deploymentId: action.value ?? '',
    userId: body.user.id,
    ...(body.channel?.id ? { channelId: body.channel.id } : {}),
    ...(typeof threadTs === 'string' ? { threadTs } : {}),
  };
}
