import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildHealthRoutes, type HealthDeps } from './health-routes.js';

/**
 * `/healthz` and `/metrics` on their own HTTP server, for Socket Mode: no HTTPReceiver listens
 * there, yet the image's HEALTHCHECK and Prometheus still ask on PORT. Same routes as HTTP mode.
 */
export async function serveHealth(
  deps: HealthDeps,
  port: number,
): Promise<{ server: Server; port: number }> {
  const routes = buildHealthRoutes(deps);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((r) => r.path === path && r.method.includes(req.method ?? ''));
    if (route) return route.handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
