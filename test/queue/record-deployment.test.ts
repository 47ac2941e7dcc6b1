import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../src/deploy/outcome.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { recordDeployment, recordQueueWait } from '../../src/queue/record-deployment.js';

const step = (overrides: Partial<StepRecord> = {}): StepRecord => ({
  id: 'list-services',
  title: 'Check the name is free',
  status: 'passed',
  detail: '',
  startedAt: 1_000,
  finishedAt: 1_250,
  ...overrides,
});

describe('recordDeployment', () => {
  it('counts the result and observes each finished step in seconds', async () => {
    const metrics = createMetrics();
    recordDeployment(metrics, { result: 'blocked', step: 'list-services', reason: 'taken' }, [
      step({ status: 'blocked' }),
      step({ id: 'create-service', status: 'running', finishedAt: undefined }),
    ]);
    const { body } = await metrics.render();
    expect(body).toContain('eas_deploy_deployments_total{result="blocked"} 1');
    expect(body).toContain(
      'eas_deploy_step_duration_seconds_sum{step="list-services",status="blocked"} 0.25',
    );
    expect(body).not.toContain('step="create-service"');
  });
});

describe('recordQueueWait', () => {
  it('observes the time from enqueue to start, and nothing for a job not yet started', async () => {
    const metrics = createMetrics();
    recordQueueWait(metrics, { timestamp: 10_000, processedOn: 12_500 });
    recordQueueWait(metrics, { timestamp: 10_000 });
    const { body } = await metrics.render();
    expect(body).toContain('eas_deploy_queue_wait_seconds_count 1');
    expect(body).toContain('eas_deploy_queue_wait_seconds_sum 2.5');
  });
});
