import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

/**
 * The floor: a bare Bolt 5 app over HTTP whose slash-command handler only acks. Same receiver,
 * same signing check and log level as the bot; env PORT, SLACK_SIGNING_SECRET, SLACK_API_URL.
 */
const port = Number(process.env.PORT ?? 0);
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? 'xoxb-bare-bolt',
  clientOptions: process.env.SLACK_API_URL ? { slackApiUrl: process.env.SLACK_API_URL } : {},
  logLevel: LogLevel.WARN,
  receiver: new HTTPReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    endpoints: '/slack/events',
    logLevel: LogLevel.WARN,
  }),
});
app.command('/eas-deploy', async ({ ack }) => {
  await ack();
});
await app.start(port);
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
