import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/observability/metrics.js';
import { createQueueDepthSource } from '../../src/observability/queue-depth-source.js';

/** The sample lines of one metric, e.g. `eas_deploy_deployments_total{result="deployed"} 2`. */
function samplesOf(body: string, name: string): string[] {
  return body
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}

describe('createMetrics', () => {
  it('renders in the Prometheus text format with its content type', async () => {
    const metrics = createMetrics();
    const { contentType, body } = await metrics.render();
    expect(contentType).toContain('text/plain');
    expect(contentType).toContain('version=0.0.4');
    expect(body).toContain('# HELP eas_deploy_deployments_total ');
    expect(body).toContain('# TYPE eas_deploy_deployments_total counter');
    expect(body).toContain('# TYPE eas_deploy_step_duration_seconds histogram');
    expect(body).toContain('# TYPE eas_deploy_queue_depth gauge');
  });

  it('counts deployments by result', async () => {
    const metrics = createMetrics();
    metrics.countDeployment('deployed');
    metrics.countDeployment('deployed');
    metrics.countDeployment('blocked');
    const { body } = await metrics.render();
    expect(samplesOf(body, 'eas_deploy_deployments_total')).toEqual([
      'eas_deploy_deployments_total{result="deployed"} 2',
      'eas_deploy_deployments_total{result="blocked"} 1',
    ]);
  });

  it('records step durations by step and status in histogram buckets', async () => {
    const metrics = createMetrics();
    metrics.observeStep('create-service', 'passed', 1.5);
    metrics.observeStep('list-services', 'blocked', 0.2);
    const { body } = await metrics.render();
    expect(body).toContain(
      'eas_deploy_step_duration_seconds_bucket{le="2.5",step="create-service",status="passed"} 1',
    );
    expect(body).toContain(
      'eas_deploy_step_duration_seconds_bucket{le="1",step="create-service",status="passed"} 0',
    );
    expect(body).toContain(
      'eas_deploy_step_duration_seconds_count{step="list-services",status="blocked"} 1',
    );
    expect(body).toContain(
      'eas_deploy_step_duration_seconds_sum{step="create-service",status="passed"} 1.5',
    );
  });

  it('counts CLI errors by code', async () => {
    const metrics = createMetrics();
    metrics.countCliError('Throttling.User');
    metrics.countCliError('ServiceAlreadyExists');
    metrics.countCliError('Throttling.User');
    const { body } = await metrics.render();
    expect(samplesOf(body, 'eas_deploy_cli_errors_total')).toEqual([
      'eas_deploy_cli_errors_total{code="Throttling.User"} 2',
      'eas_deploy_cli_errors_total{code="ServiceAlreadyExists"} 1',
    ]);
  });

  it('observes queue wait time, never negative', async () => {
    const metrics = createMetrics();
    metrics.observeQueueWait(0.3);
    metrics.observeQueueWait(-1);
    const { body } = await metrics.render();
    expect(body).toContain('eas_deploy_queue_wait_seconds_count 2');
    expect(body).toContain('eas_deploy_queue_wait_seconds_sum 0.3');
    expect(body).toContain('eas_deploy_queue_wait_seconds_bucket{le="0.01"} 1');
  });

  it('reads queue depth from the injected source at each scrape', async () => {
    const metrics = createMetrics();
    let waiting = 3;
    metrics.setQueueDepthSource(async () => ({ waiting, active: 1 }));
    expect(samplesOf((await metrics.render()).body, 'eas_deploy_queue_depth')).toEqual([
      'eas_deploy_queue_depth{state="waiting"} 3',
      'eas_deploy_queue_depth{state="active"} 1',
    ]);
    waiting = 0;
    expect(samplesOf((await metrics.render()).body, 'eas_deploy_queue_depth')).toContain(
      'eas_deploy_queue_depth{state="waiting"} 0',
    );
  });

  it('still renders when the queue depth source fails', async () => {
    const metrics = createMetrics();
    metrics.setQueueDepthSource(async () => {
      throw new Error('Connection is closed.');
    });
    const { body } = await metrics.render();
    expect(samplesOf(body, 'eas_deploy_queue_depth')).toEqual([]);
    expect(body).toContain('eas_deploy_deployments_total');
  });

  it('includes default process metrics under the same prefix', async () => {
    const { body } = await createMetrics().render();
    expect(body).toContain('# TYPE eas_deploy_process_resident_memory_bytes gauge');
    expect(body).toContain('eas_deploy_nodejs_eventloop_lag_seconds');
  });

  it('keeps its metrics off the global registry so two instances do not collide', async () => {
    const first = createMetrics();
    const second = createMetrics();
    first.countDeployment('failed');
    expect(samplesOf((await second.render()).body, 'eas_deploy_deployments_total')).toEqual([]);
    expect(await globalRegistry.getSingleMetric('eas_deploy_deployments_total')).toBeUndefined();
  });
});

describe('createQueueDepthSource', () => {
  it('asks the queue for the counts of the states an operator watches', async () => {
    const asked: string[][] = [];
    const source = createQueueDepthSource({
      getJobCounts: async (...states: string[]) => {
        asked.push(states);
        return { waiting: 2, active: 1 };
      },
    });
    expect(await source()).toEqual({ waiting: 2, active: 1 });
    expect(asked).toEqual([['waiting', 'active', 'delayed', 'prioritized', 'failed', 'paused']]);
  });
});
