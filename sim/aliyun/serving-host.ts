import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { computePhase } from './service-lifecycle.js';
import { answerModelServer } from './serving-routes.js';
import type { SimServingRule } from './serving-schema.js';
import type { SimService, SimState } from './sim-state.js';

/**
 * The simulator's serving side: one loopback HTTP server (started by the test harness or the demo,
 * in its own process, closed with it) that answers for every Running service of one state file at
 * `<url>/<region>[/vpc]/api/predict/<name>`, the address the simulated cloud gives as the endpoint. The
 * simulator itself is a process per call, so the host, not the call, owns the sockets: nothing is
 * left behind when the harness closes it.
 */
export interface ServingHost {
  readonly url: string;
  close(): Promise<void>;
}

const PATH = /^\/([a-z0-9-]+)(?:\/vpc)?\/api\/predict\/([a-z0-9_]+)(\/.*)?$/;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readState(statePath: string): Promise<SimState | undefined> {
  const text = await readFile(statePath, 'utf8').catch(() => undefined);
  // Written only by the simulator's saveState (atomically), so its shape is trusted.
  return text === undefined ? undefined : (JSON.parse(text) as SimState);
}

function ruleFor(state: SimState, s: SimService): SimServingRule | undefined {
  return state.world.serving?.services.find(
    (r) =>
      (r.service === undefined || r.service === s.name) &&
      (r.image === undefined || s.image.includes(r.image)),
  );
}

/** EAS's gateway passes the raw token (`Authorization: <token>`); `Bearer <token>` is accepted too. */
const authorized = (req: IncomingMessage, s: SimService): boolean =>
  (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '') === s.accessToken;

async function answer(statePath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, region, name, rest] = PATH.exec(url.pathname) ?? [];
  const state = await readState(statePath);
  const s = state?.services.find((x) => x.region === region && x.name === name);
  if (!state || !s) return send(res, 404, { code: 404, message: `service ${name} not found` });
  if (computePhase(s, state.world, Date.now()).status !== 'Running') {
    return send(res, 503, 'no healthy upstream');
  }
  if (!authorized(req, s)) return send(res, 401, 'Unauthorized');
  const rule = ruleFor(state, s);
  if (rule?.mode === 'absent') {
    req.socket.destroy();
    return;
  }
  if (rule?.mode === 'slow') await sleep(rule.delayMs);
  if (rule?.mode === 'error')
    return send(res, rule.status, { code: rule.status, message: 'upstream error' });
  const routed = await answerModelServer(s, rule, req.method ?? 'GET', rest ?? '/', req);
  send(res, routed.status, routed.body);
}

/** Starts the host on a loopback port; the world's `serving.url` must be its `url`. */
export async function startServingHost(options: { statePath: string }): Promise<ServingHost> {
  const server = createServer((req, res) => {
    answer(options.statePath, req, res).catch((error: unknown) =>
      send(res, 500, `serving host: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
