import { z } from 'zod';
import { ShownView } from '../send-view.js';

/** What the views thread is started with (workerData): the bot's Web API client settings. */
export const ViewsThreadSettings = z.object({
  token: z.string().min(1),
  slackApiUrl: z.string().optional(),
  /** The Web API client's retry policy (the `retry` package's options). */
  retryConfig: z
    .object({
      retries: z.number().optional(),
      factor: z.number().optional(),
      minTimeout: z.number().optional(),
      maxTimeout: z.number().optional(),
      randomize: z.boolean().optional(),
      forever: z.boolean().optional(),
      unref: z.boolean().optional(),
      maxRetryTime: z.number().optional(),
    })
    .optional(),
});
export type ViewsThreadSettings = z.infer<typeof ViewsThreadSettings>;

/** What the deploy modal is built from (blocks/deploy-modal.ts), as the slash command fills it. */
export const ModalInput = z.object({
  prefill: z.record(z.string(), z.string()),
  channelId: z.string(),
  regions: z.array(z.string()).readonly(),
  workspaces: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .readonly()
    .optional(),
});

/** One views.open to make: the thread builds the modal itself, so the view never exists on the acknowledging thread. */
export const OpenRequest = z.object({
  seq: z.number().int(),
  triggerId: z.string(),
  modal: ModalInput,
});
export type OpenRequest = z.infer<typeof OpenRequest>;

/** The thread's answer: the opened view's ids, or why Slack (or the HTTP exchange) refused. */
export const OpenReply = z.discriminatedUnion('ok', [
  z.object({
    seq: z.number().int(),
    ok: z.literal(true),
    view: ShownView,
  }),
  z.object({ seq: z.number().int(), ok: z.literal(false), message: z.string() }),
]);
export type OpenReply = z.infer<typeof OpenReply>;
