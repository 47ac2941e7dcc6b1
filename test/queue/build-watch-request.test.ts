import { describe, expect, it } from 'vitest';
import { emptyJournal } from '../../src/deploy/journal.js';
import type { DeploymentResult } from '../../src/deploy/outcome.js';
import { buildWatchRequest } from '../../src/queue/build-watch-request.js';
import { DeployJobData } from '../../src/queue/job-data.js';
import { aDeployedOutcome, aSpec } from '../support/deploy-fixtures.js';

const data = DeployJobData.parse({
  deploymentId: 'd-abc123',
  spec: aSpec({ ossPath: 'oss://models/qwen2.5-7b/' }),
  requester: { userId: 'U1' },
  channelId: 'C1',
  parentTs: '1.2',
  submittedAt: 1,
});

describe('which deployments get a serving watch', () => {
  it('watches a created service from the summary on, without its token', () => {
    const request = buildWatchRequest(data, aDeployedOutcome(), 1_000);
    expect(request).toMatchObject({
      kind: 'watch',
      serviceName: 'qwen_demo',
      startedAt: 1_000,
      lastStatus: 'Creating',
      modelPath: 'oss://models/qwen2.5-7b/',
      parentTs: '1.2',
    });
    expect(JSON.stringify(request)).not.toContain('TOKEN-abc123');
  });

  it('diagnoses a deployment that failed once create-service had been tried', () => {
    const request = buildWatchRequest(
      data,
      {
        result: { result: 'failed', step: 'create', reason: 'create-service timed out' },
        journal: { ...emptyJournal(), createAttempted: true },
      },
      1_000,
    );
    expect(request).toMatchObject({
      kind: 'diagnose',
      failedStep: { step: 'create', reason: 'create-service timed out' },
    });
  });

  it('leaves alone what never reached create: a stop at a gate, a failure before create, a dry run', () => {
    const journal = emptyJournal();
    const results: DeploymentResult[] = [
      { result: 'blocked', step: 'name', reason: 'taken' },
      { result: 'failed', step: 'create', reason: 'bad JSON' },
      { result: 'dry-run', serviceName: 'x', region: 'cn-hangzhou', serviceJson: '{}', notes: [] },
    ];
    for (const result of results) {
      expect(buildWatchRequest(data, { result, journal }, 1_000)).toBeUndefined();
    }
  });
});
