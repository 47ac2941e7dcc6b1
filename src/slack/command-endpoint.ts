import { App, type CustomRoute, HTTPReceiver } from '@slack/bolt';

/** Where the slash command's own Bolt app listens; manifest.json points `/eas-deploy` here. */
export const COMMANDS_PATH = '/slack/commands';

export interface CommandEndpointOptions {
  readonly signingSecret: string;
  /** The main app's options (authorize, clientOptions, logLevel, convoStore), shared as they are. */
  readonly appOptions: Omit<ConstructorParameters<typeof App>[0] & object, 'receiver'>;
}

export interface CommandEndpoint {
  /** A Bolt app of its own: register only the slash command on it. */
  readonly app: App;
  /** Serves it on the main app's server (HTTPReceiver customRoutes). */
  readonly route: CustomRoute;
}

/**
 * The slash command's own endpoint: a second Bolt app, with its own HTTPReceiver (signature check,
 * body parsing, ack) and the command listener alone, served on the main app's HTTP server. Slack lets
 * each surface have its own request URL, and the command is the one with a person waiting on it.
 * Why: Bolt runs the middleware of every registered listener for every request it receives; with
 * the bot's fourteen listeners that doubled what acknowledging a command allocated and quadrupled
 * what outlived the young generation, and the longer scavenges are what the ack's p99 is made of
 * (docs/BENCHMARK.md, "Done in the fifth stop"). `/slack/events` still takes the command too.
 */
export function createCommandEndpoint(options: CommandEndpointOptions): CommandEndpoint {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: COMMANDS_PATH,
    ...(options.appOptions.logLevel ? { logLevel: options.appOptions.logLevel } : {}),
  });
  const app = new App({ ...options.appOptions, receiver });
  return {
    app,
    route: { path: COMMANDS_PATH, method: ['POST'], handler: receiver.requestListener },
  };
}
