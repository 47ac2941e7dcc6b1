import { setPriority } from 'node:os';
import querystring from 'node:querystring';
import { parentPort, workerData } from 'node:worker_threads';
import { LogLevel, webApi } from '@slack/bolt';
import { buildDeployModal } from '../../../blocks/deploy-modal.js';
import { openView } from '../send-view.js';
import { createSlackFetch } from '../slack-fetch.js';
import { type OpenReply, OpenRequest, ViewsThreadSettings } from './messages.js';

/**
 * The views thread: makes the slash command's views.open with a Web API client of its own (the
 * SDK's queue, retries and 429 handling, the bot's transport), below the priority of the thread
 * that acknowledges commands. On Linux a nice value is a thread's own (setpriority(2), "Bugs"), so
 * this lowers only this thread; elsewhere it would lower the whole process, so it is skipped.
 */
if (process.platform === 'linux') setPriority(19);
/*
 * The Web API client form-encodes every call with querystring.stringify, whose percent-encoder is
 * JavaScript that builds the encoded view a few characters at a time: about two fifths of what
 * this thread allocated per views.open. V8's encodeURIComponent escapes exactly the same
 * characters, natively; Node documents querystring.escape as the hook for a replacement. This
 * thread's module instance only.
 */
querystring.escape = encodeURIComponent;
const settings = ViewsThreadSettings.parse(workerData);
const client = new webApi.WebClient(settings.token, {
  fetch: createSlackFetch(),
  logLevel: LogLevel.WARN, // as the Bolt app's own client
  ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
  ...(settings.retryConfig ? { retryConfig: settings.retryConfig } : {}),
});
const port = parentPort;
port?.on('message', (message: unknown) => {
  const request = OpenRequest.parse(message);
  const reply = (answer: OpenReply) => port.postMessage(answer);
  openView(client, request.triggerId, buildDeployModal(request.modal)).then(
    (view) => reply({ seq: request.seq, ok: true, view }),
    (error: unknown) =>
      reply({
        seq: request.seq,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
