import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { buildAccessPolicy } from '../security/access-policy.js';
import type { AuditLog } from '../security/audit-log.js';
import { registerActions } from './actions/index.js';
import { authorizeBot } from './authorize-bot.js';
import { createSlackUsergroupMembers } from './check-access.js';
import { createCommandEndpoint } from './command-endpoint.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { buildHealthRoutes, type HealthDeps } from './health-routes.js';
import { registerHome } from './home/index.js';
import { type ApprovalListenerDeps, DEFAULT_REGIONS, type ListenerDeps } from './listener-deps.js';
import { registerOptions } from './options/index.js';
import type { SlackPorts } from './ports.js';
import { createSlackFetch } from './slack-fetch.js';
import { registerViews } from './views/index.js';
import { createViewsThread } from './views-thread/views-thread.js';

export interface SlackAppDeps extends HealthDeps {
  readonly config: Pick<
    Config,
    | 'SLACK_BOT_TOKEN'
    | 'SLACK_SIGNING_SECRET'
    | 'SLACK_APP_TOKEN'
    | 'SLACK_API_URL'
    | 'EAS_ALLOWED_USERS'
    | 'EAS_ALLOWED_CHANNELS'
  > &
    Partial<Pick<Config, 'EAS_ALLOWED_USERGROUPS' | 'EAS_APPROVERS'>>;
  readonly ports: SlackPorts;
  /** Requests, denials and approval clicks are recorded here. */
  readonly audit?: AuditLog;
  /** The Approve/Reject buttons; without them approval clicks are not handled. */
  readonly approvals?: ApprovalListenerDeps;
  readonly regions?: readonly string[];
  /** WebClient retries; tests pass `{ retries: 0 }`. */
  readonly retryConfig?: webApi.RetryOptions;
  /** Known bot identity: skips auth.test on the first request. */
  readonly botUserId?: string;
  readonly botId?: string;
  readonly logLevel?: LogLevel;
  readonly submitBudgetMs?: number;
}

export interface SlackApp {
  readonly app: App;
  start(port: number): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app: HTTP mode on POST /slack/events (Socket Mode with an app token), all listeners
 * wired; in HTTP mode the slash command is served on POST /slack/commands as well, by a Bolt app of its own.
 */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config } = deps;
  const clientOptions = {
    fetch: createSlackFetch(),
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(deps.retryConfig ? { retryConfig: deps.retryConfig } : {}),
  };
  const logLevel = deps.logLevel ?? LogLevel.WARN;
  const socketMode = Boolean(config.SLACK_APP_TOKEN);
  // A client of the bot's own for auth.test and user groups; no retries on auth.test so the first
  // request never waits out a retry policy.
  const botClient = new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...clientOptions,
    retryConfig: deps.retryConfig ?? { retries: 0 },
    timeout: 2_000,
  });
  const authorize = authorizeBot(
    botClient,
    config.SLACK_BOT_TOKEN,
    deps.botId && deps.botUserId ? { botId: deps.botId, botUserId: deps.botUserId } : undefined,
  );
  // The bot keeps no conversation state; Bolt's default store costs time on every request.
  const appOptions = { authorize, clientOptions, logLevel, convoStore: false } as const;
  const signingSecret = config.SLACK_SIGNING_SECRET ?? '';
  // HTTP mode: the slash command also has an endpoint of its own (command-endpoint.ts).
  const commands = socketMode ? undefined : createCommandEndpoint({ signingSecret, appOptions });
  const app = socketMode
    ? new App({ ...appOptions, appToken: config.SLACK_APP_TOKEN, socketMode: true })
    : new App({
        ...appOptions,
        receiver: new HTTPReceiver({
          signingSecret,
          endpoints: '/slack/events',
          customRoutes: [...(commands ? [commands.route] : []), ...buildHealthRoutes(deps)],
          logLevel,
        }),
      });
  const access = buildAccessPolicy(config);
  // The slash command's views.open runs here, off the thread that acknowledges (views-thread.ts).
  const viewsThread = createViewsThread({
    token: config.SLACK_BOT_TOKEN,
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(deps.retryConfig ? { retryConfig: { ...deps.retryConfig } } : {}),
  });
  const listenerDeps: ListenerDeps = {
    ports: deps.ports,
    regions: deps.regions ?? DEFAULT_REGIONS,
    access,
    // Membership is asked of Slack through the app's own client (usergroups:read), cached.
    members: createSlackUsergroupMembers(botClient),
    ...(deps.audit ? { audit: deps.audit } : {}),
    ...(deps.approvals ? { approvals: deps.approvals } : {}),
    submitBudgetMs: deps.submitBudgetMs ?? 2500,
    openModal: viewsThread.open,
  };
  registerCommands(app, listenerDeps);
  if (commands) registerCommands(commands.app, listenerDeps);
  registerViews(app, listenerDeps);
  registerOptions(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerHome(app, listenerDeps);
  registerEvents(app, listenerDeps);
  return {
    app,
    start: async (port) => {
      const started: unknown = await app.start(port);
      if (socketMode) return { port: 0 };
      const address = (started as Server).address() as AddressInfo | null;
      return { port: address?.port ?? port };
    },
    stop: async () => {
      await app.stop();
      await viewsThread.close();
    },
  };
}
