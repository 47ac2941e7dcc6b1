import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { formatMoney, type PriceTable } from '../lifecycle/price-table.js';
import type { Logger } from '../logger.js';
import { createProcessOutbox } from '../report/create-process-outbox.js';
import type { SlackOutbox } from '../report/slack-outbox.js';
import { buildAccessPolicy } from '../security/access-policy.js';
import type { AuditLog } from '../security/audit-log.js';
import type { UsergroupMembers } from '../security/usergroup-members.js';
import { authorizeBot } from './authorize-bot.js';
import { guardAccess } from './guard-access.js';
import { buildHealthRoutes, type HealthDeps } from './health-routes.js';
import { serveHealth } from './health-server.js';
import { type ApprovalListenerDeps, DEFAULT_REGIONS, type ListenerDeps } from './listener-deps.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerHome } from './listeners/home/index.js';
import { registerOptions } from './listeners/options/index.js';
import { registerViews } from './listeners/views/index.js';
import type { SlackPorts } from './ports.js';
import { createSlackUsergroupMembers } from './slack-usergroup-members.js';
import { toBoltLogger } from './to-bolt-logger.js';
import { ACK_BUDGET_MS } from './within-budget.js';

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
    Partial<
      Pick<
        Config,
        | 'EAS_ALLOWED_USERGROUPS'
        | 'EAS_APPROVERS'
        | 'QUEUE_PREFIX'
        | 'EAS_ADMIN_USERS'
        | 'EAS_DEFAULT_TTL'
      >
    >;
  readonly ports: SlackPorts;
  /** EAS_PRICE_TABLE, read at start: the modal's instance types show their hourly price. */
  readonly priceTable?: PriceTable;
  /** How the listeners' messages leave (budgeted, redacted); default: one on this process's own budget. */
  readonly outbox?: SlackOutbox;
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
  /** Where Bolt's and the listeners' lines go (JSON, redacted); Bolt's console when absent. */
  readonly logger?: Logger;
  /** What the bot may spend of Slack's 3 s before it answers without its work; tests shorten it. */
  readonly ackBudgetMs?: number;
  /** Wraps the membership cache so a user-group change one bot hears reaches every bot process. */
  readonly shareMembers?: (local: UsergroupMembers) => UsergroupMembers;
}

export interface SlackApp {
  readonly app: App;
  start(port: number): Promise<{ port: number }>;
  stop(): Promise<void>;
}

/** Builds the Bolt app: HTTP mode on POST /slack/events (Socket Mode with an app token), all listeners wired. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config } = deps;
  const clientOptions = {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    ...(deps.retryConfig ? { retryConfig: deps.retryConfig } : {}),
    // A 429 fails that call alone: Bolt's one client per token is never paused for everyone.
    rejectRateLimitedCalls: true,
  };
  const logLevel = deps.logLevel ?? LogLevel.WARN;
  const logger = deps.logger ? { logger: toBoltLogger(deps.logger, logLevel) } : {};
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
  const appOptions = { authorize, clientOptions, logLevel, ...logger, convoStore: false } as const;
  const signingSecret = config.SLACK_SIGNING_SECRET ?? '';
  const app = socketMode
    ? new App({
        ...appOptions,
        appToken: config.SLACK_APP_TOKEN,
        socketMode: true,
        // The socket client asks apps.connections.open where SLACK_API_URL points, too.
        installerOptions: { clientOptions },
      })
    : new App({
        ...appOptions,
        receiver: new HTTPReceiver({
          signingSecret,
          endpoints: '/slack/events',
          customRoutes: buildHealthRoutes(deps),
          logLevel,
          ...logger,
        }),
      });
  const outbox =
    deps.outbox ??
    createProcessOutbox({
      config: { ...config, QUEUE_PREFIX: config.QUEUE_PREFIX ?? 'eas-deploy' },
      ...(deps.retryConfig ? { retryConfig: deps.retryConfig } : {}),
    });
  // Membership is asked of Slack through the app's own client (usergroups:read), cached.
  const members = (deps.shareMembers ?? ((local) => local))(createSlackUsergroupMembers(botClient));
  // One access decision in front of every surface, before any listener.
  app.use(guardAccess({ access: buildAccessPolicy(config), members, outbox, audit: deps.audit }));
  const listenerDeps: ListenerDeps = {
    ports: deps.ports,
    outbox,
    regions: deps.regions ?? DEFAULT_REGIONS,
    members,
    ...(deps.audit ? { audit: deps.audit } : {}),
    ...(deps.approvals ? { approvals: deps.approvals } : {}),
    ackBudgetMs: deps.ackBudgetMs ?? ACK_BUDGET_MS,
    ...(config.EAS_DEFAULT_TTL ? { defaultTtl: config.EAS_DEFAULT_TTL } : {}),
    ...(deps.priceTable ? { priceOf: priceOfType(deps.priceTable) } : {}),
  };
  registerCommands(app, listenerDeps);
  registerViews(app, listenerDeps);
  registerOptions(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerHome(app, listenerDeps);
  registerEvents(app, listenerDeps);
  let health: Server | undefined;
  return {
    app,
    start: async (port) => {
      if (socketMode) {
        // Health first: the HEALTHCHECK answers (503) while the socket connects.
        const served = await serveHealth(deps, port);
        health = served.server;
        await app.start();
        return { port: served.port };
      }
      const started: unknown = await app.start(port);
      const address = (started as Server).address() as AddressInfo | null;
      return { port: address?.port ?? port };
    },
    stop: async () => {
      outbox.close();
      await app.stop();
      await new Promise<void>((resolve) => (health ? health.close(() => resolve()) : resolve()));
    },
  };
}

/** "USD 1.20/h" for one instance of a type the table prices. */
function priceOfType(table: PriceTable) {
  return (instanceType: string): string | undefined => {
    const price = table.hourly[instanceType];
    return price === undefined ? undefined : `${formatMoney(price, table.currency)}/h`;
  };
}
