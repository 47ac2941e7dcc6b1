import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallHolds, type HeldCall } from './call-holds.js';
import { createRateLimiter } from './rate-limits.js';
import { parseBody, readRaw } from './read-form-body.js';
import {
  type CallArgs,
  METHODS,
  type MethodAnswer,
  type StandInState,
  type StoredView,
} from './slack-api-methods.js';
import { attachSocketMode, type SocketModeStandIn } from './socket-mode-standin.js';
import type { InjectedFailure, RecordedCall, SlackStandInOptions } from './standin-options.js';
import { TRIGGER_TTL_MS } from './triggers.js';
import { waitForCall } from './wait-for-call.js';

export type { HeldCall } from './call-holds.js';
export type {
  InjectedFailure,
  RecordedCall,
  SlackRules,
  SlackStandInOptions,
} from './standin-options.js';

export interface SlackStandIn {
  /** Base URL for WebClient's `slackApiUrl`; ends with `/api/`. */
  readonly apiUrl: string;
  /** Base URL for `response_url` values; posts there are recorded as method `response_url`. */
  readonly responseUrl: string;
  readonly calls: RecordedCall[];
  /** Every call answered HTTP 429 for its rate limit (injected ones included). */
  readonly rateLimited: readonly RecordedCall[];
  /** Slack's Socket Mode end: apps.connections.open (with an `xapp-` token) answers its URL. */
  readonly socket: SocketModeStandIn;
  /**
   * The view as Slack holds it now (with its current hash), or undefined: payloads that Slack
   * would send for it carry this hash.
   */
  currentView(id: string): StoredView | undefined;
  /** The person's App Home view as last published, or undefined. */
  homeView(userId: string): StoredView | undefined;
  failNext(method: string, failure: InjectedFailure): void;
  /**
   * Withholds the answer to the next call of `method` that matches (it has taken effect and is
   * recorded) until `release()`: a test can act while the caller waits for Slack. With
   * `beforeEffect` the call is held before it takes effect, and `drop()` makes it never happen.
   */
  holdNext(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    options?: { beforeEffect?: boolean },
  ): HeldCall;
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: MethodAnswer, headers = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

/** Starts a loopback Slack Web API stand-in that records every call and answers like Slack. */
export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const rules = options.rules ?? {};
  const state: StandInState = {
    teamId: 'T0001',
    appId: 'A0EASDEPLOY',
    botId: 'BBOT0001',
    triggerTtlMs: rules.triggerTtlMs ?? TRIGGER_TTL_MS,
    nextTs: 0,
    messages: new Map(),
    views: new Map(),
    homeViews: new Map(),
    usedTriggers: new Set(),
    notInChannel: new Set(options.notInChannel ?? []),
    unknownChannels: new Set(options.unknownChannels ?? []),
    usergroups: options.usergroups ?? {},
  };
  const limits =
    rules.rateLimits === false
      ? undefined
      : createRateLimiter(rules.rateLimits === true ? {} : rules.rateLimits);
  const calls: RecordedCall[] = [];
  const rateLimited: RecordedCall[] = [];
  const failures = new Map<string, InjectedFailure[]>();
  const waiters = new Set<(call: RecordedCall) => void>();
  const holds = createCallHolds();

  const record = (method: string, args: CallArgs, response?: MethodAnswer, status?: 429) => {
    const call: RecordedCall = {
      method,
      args,
      time: Date.now(),
      ...(response ? { response } : {}),
    };
    const recorded = status ? { ...call, status } : call;
    calls.push(recorded);
    if (status) rateLimited.push(recorded);
    for (const notify of [...waiters]) notify(recorded);
    return recorded;
  };

  const tokenOf = (req: IncomingMessage, args: CallArgs): string => {
    const header = req.headers.authorization ?? '';
    return header.startsWith('Bearer ') ? header.slice(7) : String(args.token ?? '');
  };
  const authorized = (method: string, token: string): boolean => {
    // apps.connections.open takes the app-level token; every other method the bot's.
    if (method === 'apps.connections.open') return token.startsWith('xapp-');
    return options.token ? token === options.token : /^xox[bp]-/.test(token);
  };

  const answerMethod = (method: string, req: IncomingMessage, args: CallArgs): MethodAnswer => {
    if (method === 'apps.connections.open') {
      return authorized(method, tokenOf(req, args))
        ? { ok: true, url: socket.url }
        : { ok: false, error: 'invalid_auth' };
    }
    const handler = METHODS[method];
    if (!handler) return { ok: false, error: 'unknown_method' };
    if (!authorized(method, tokenOf(req, args))) return { ok: false, error: 'invalid_auth' };
    return handler(state, args);
  };

  const server = createServer(async (req, res) => {
    const raw = await readRaw(req);
    const args = parseBody(raw, req.headers['content-type'] ?? '');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/respond/')) {
      record('response_url', { ...args, path: url.pathname });
      return json(res, 200, { ok: true });
    }
    const method = url.pathname.startsWith('/api/') ? url.pathname.slice(5) : '';
    const failure = failures.get(method)?.shift();
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    const limit = failure ? undefined : limits?.check(state.teamId, method, channel);
    const retryAfter =
      failure && 'status' in failure
        ? failure.retryAfterSeconds
        : limit && 'retryAfter' in limit
          ? limit.retryAfter
          : undefined;
    if (retryAfter !== undefined) {
      const limited = { ok: false, error: 'ratelimited' };
      record(method, args, limited, 429);
      return json(res, 429, limited, { 'retry-after': String(retryAfter) });
    }
    const pending: RecordedCall = { method, args, time: Date.now() };
    if ((await holds.heldUntil(pending, true)) === 'drop') {
      res.destroy();
      return;
    }
    const body =
      failure && 'error' in failure
        ? { ok: false, error: failure.error }
        : answerMethod(method, req, args);
    const call = record(method, args, body);
    await holds.heldUntil(call, false);
    return json(res, 200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const socket = attachSocketMode(server, state.appId);

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/respond/`,
    calls,
    rateLimited,
    socket,
    // Copies: a test cannot change what the stand-in holds.
    currentView: (id) => structuredClone(state.views.get(id)),
    homeView: (userId) => structuredClone(state.views.get(state.homeViews.get(userId) ?? '')),
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    holdNext: (method, predicate = () => true, o = {}) =>
      holds.add(method, predicate, o.beforeEffect ?? false),
    waitFor: (predicate, timeoutMs) => waitForCall(calls, waiters, predicate, timeoutMs),
    close: async () => {
      await socket.close();
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
