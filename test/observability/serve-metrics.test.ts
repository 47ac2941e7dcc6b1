import { afterAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.js';
import { serveMetrics } from '../../src/observability/serve-metrics.js';

const metrics = createMetrics();
const server = await serveMetrics(metrics, { port: 0, host: '127.0.0.1' });
afterAll(() => server.close());

describe('serveMetrics', () => {
  it('answers GET /metrics in the Prometheus text format', async () => {
    metrics.countCliError('timeout');
    const response = await fetch(`http://127.0.0.1:${server.port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await response.text()).toContain('eas_deploy_cli_errors_total{code="timeout"} 1');
  });

  it('answers 404 for any other path', async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/slack/events`);
    expect(response.status).toBe(404);
    await response.text();
  });
});
