import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody, readRaw } from './read-form-body.js';
import {
  type CallArgs,
  METHODS,
  type MethodAnswer,
  type StandInState,
  type StoredView,
} from './slack-api-methods.js';
import { waitForCall } from './wait-for-call.js';

/** One request the stand-in received: a Web API method, or `response_url` for a respond() post. */
export interface RecordedCall {
  readonly method: string;
  readonly args: CallArgs;
  readonly time: number;
  /** What the stand-in answered (ts of a posted message, view id, or the error). */
  readonly response?: MethodAnswer;
}

/** A call whose answer the stand-in withholds: `arrived` resolves when it came in. */
export interface HeldCall {
  readonly arrived: Promise<RecordedCall>;
  release(): void;
}

interface Hold {
  readonly method: string;
  readonly matches: (call: RecordedCall) => boolean;
  readonly arrive: (call: RecordedCall) => void;
  readonly released: Promise<void>;
}

/** A failure to answer the next call of a method with. */
export type InjectedFailure = { error: string } | { status: 429; retryAfterSeconds: number };

export interface SlackStandInOptions {
  /** The only bot token accepted; default: any `xoxb-`/`xoxp-` token. */
  readonly token?: string;
  /** Channels where the bot is not a member (answers `not_in_channel`). */
  readonly notInChannel?: readonly string[];
  /** Channels that do not exist (answers `channel_not_found`). */
  readonly unknownChannels?: readonly string[];
  readonly usergroups?: Readonly<Record<string, readonly string[]>>;
}

export interface SlackStandIn {
  /** Base URL for WebClient's `slackApiUrl`; ends with `/api/`. */
  readonly apiUrl: string;
  /** Base URL for `response_url` values; posts there are recorded as method `response_url`. */
  readonly responseUrl: string;
  readonly calls: RecordedCall[];
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
   * recorded) until `release()`: a test can act while the caller waits for Slack.
   */
  holdNext(method: string, predicate?: (call: RecordedCall) => boolean): HeldCall;
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs: number): Promise<RecordedCall>;
  close(): Promise<void>;
}

/** Starts a loopback Slack Web API stand-in that records every call and answers like Slack. */
export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const state: StandInState = {
    nextTs: 0,
    messages: new Map(),
    views: new Map(),
    homeViews: new Map(),
    usedTriggers: new Set(),
    notInChannel: new Set(options.notInChannel ?? []),
    unknownChannels: new Set(options.unknownChannels ?? []),
    usergroups: options.usergroups ?? {},
  };
  const calls: RecordedCall[] = [];
  const failures = new Map<string, InjectedFailure[]>();
  const waiters = new Set<(call: RecordedCall) => void>();
  const holds: Hold[] = [];

  const record = (method: string, args: CallArgs, response?: MethodAnswer): RecordedCall => {
    const call = { method, args, time: Date.now(), ...(response ? { response } : {}) };
    calls.push(call);
    for (const notify of [...waiters]) notify(call);
    return call;
  };

  /** Resolves when the answer to this call may go out (at once unless a hold matches it). */
  const heldUntil = (call: RecordedCall): Promise<void> | undefined => {
    const index = holds.findIndex((h) => h.method === call.method && h.matches(call));
    const hold = holds[index];
    if (!hold) return undefined;
    holds.splice(index, 1);
    hold.arrive(call);
    return hold.released;
  };

  const authorized = (req: IncomingMessage, args: CallArgs): boolean => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : String(args.token ?? '');
    return options.token ? token === options.token : /^xox[bp]-/.test(token);
  };

  const answer = (res: ServerResponse, status: number, body: MethodAnswer, headers = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const raw = await readRaw(req);
    const args = parseBody(raw, req.headers['content-type'] ?? '');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname.startsWith('/respond/')) {
      record('response_url', { ...args, path: url.pathname });
      return answer(res, 200, { ok: true });
    }
    const method = url.pathname.startsWith('/api/') ? url.pathname.slice(5) : '';
    const failure = failures.get(method)?.shift();
    if (failure && 'status' in failure) {
      const limited = { ok: false, error: 'ratelimited' };
      record(method, args, limited);
      return answer(res, 429, limited, { 'retry-after': String(failure.retryAfterSeconds) });
    }
    const handler = METHODS[method];
    const body: MethodAnswer = failure
      ? { ok: false, error: failure.error }
      : !handler
        ? { ok: false, error: 'unknown_method' }
        : !authorized(req, args)
          ? { ok: false, error: 'invalid_auth' }
          : handler(state, args);
    const call = record(method, args, body);
    await heldUntil(call);
    return answer(res, 200, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/respond/`,
    calls,
    // Copies: a test cannot change what the stand-in holds.
    currentView: (id) => structuredClone(state.views.get(id)),
    homeView: (userId) => structuredClone(state.views.get(state.homeViews.get(userId) ?? '')),
    failNext: (method, failure) => failures.set(method, [...(failures.get(method) ?? []), failure]),
    holdNext: (method, predicate = () => true) => {
      let arrive: (call: RecordedCall) => void = () => {};
      let release: () => void = () => {};
      const arrived = new Promise<RecordedCall>((resolve) => {
        arrive = resolve;
      });
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.push({ method, matches: predicate, arrive, released });
      return { arrived, release };
    },
    waitFor: (predicate, timeoutMs) => waitForCall(calls, waiters, predicate, timeoutMs),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
