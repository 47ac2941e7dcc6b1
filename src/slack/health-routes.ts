import type { ServerResponse } from 'node:http';

/** What the health and metrics routes read. */
export interface HealthDeps {
  /** Resolves true when Redis answers. */
  health(): Promise<boolean>;
  /** Prometheus text. */
  metrics(): Promise<string> | string;
}

const send = (res: ServerResponse, status: number, type: string, body: string): void => {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
};

/** `GET /healthz` (200 when deps.health() is true, else 503) and `GET /metrics`, for Bolt's customRoutes. */
export function buildHealthRoutes(deps: HealthDeps) {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req: unknown, res: ServerResponse): void => {
        deps.health().then(
          (ok) => send(res, ok ? 200 : 503, 'text/plain', ok ? 'ok\n' : 'unavailable\n'),
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
