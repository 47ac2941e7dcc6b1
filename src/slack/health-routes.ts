import type { ServerResponse } from 'node:http';

/** What the health and metrics routes read. */
export interface HealthDeps {
  /** ok when Redis answers (and the CLI preflight passed); problems say what is wrong and how to fix it. */
  health(): Promise<boolean | { ok: boolean; problems: readonly string[] }>;
  /** Prometheus text. */
  metrics(): Promise<string> | string;
}

const send = (res: ServerResponse, status: number, type: string, body: string): void => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

/** `GET /healthz` (200 when deps.health() is ok, else 503, with each problem on a line) and `GET /metrics`. */
export function buildHealthRoutes(deps: HealthDeps) {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req: unknown, res: ServerResponse): void => {
        deps.health().then(
          (answer) => {
            const { ok, problems } =
              typeof answer === 'boolean' ? { ok: answer, problems: [] } : answer;
            const lines = [ok ? 'ok' : 'unavailable', ...problems];
            send(res, ok ? 200 : 503, 'text/plain', `${lines.join('\n')}\n`);
          },
          () => send(res, 503, 'text/plain', 'unavailable\n'),
        );
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req: unknown, res: ServerResponse): void => {
        Promise.resolve()
          .then(() => deps.metrics())
          .then(
            (text) => send(res, 200, 'text/plain; version=0.0.4; charset=utf-8', text),
            () => send(res, 500, 'text/plain', 'metrics unavailable\n'),
          );
      },
    },
  ];
}
