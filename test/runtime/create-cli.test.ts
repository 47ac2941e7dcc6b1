import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSimExecutable, prepareSimEnv } from '../../sim/aliyun/sim-env.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createCli } from '../../src/runtime/create-cli.js';
import { createAuditLog } from '../../src/security/audit-log.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../support/redis.js';

const redis = connectRedis();
const prefix = uniquePrefix('clirec');
const audit = createAuditLog({
  redis,
  prefix,
  logger: createLogger({ level: 'silent' }),
  maxEntries: 100,
});
const metrics = createMetrics();
let dir: string;
let cli: ReturnType<typeof createCli>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clirec-'));
  const env = { PATH: process.env.PATH ?? '', ...(await prepareSimEnv({ dir })) };
  cli = createCli({ config: { ALIYUN_CLI: findSimExecutable() }, env, audit, metrics });
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
});

describe('the one CLI runner of a process', () => {
  it("audits the bot's own calls and a deployment's calls alike: argv redacted, exit code, who", async () => {
    await cli.run(['eas', 'describe-machine-spec', '--region', 'cn-hangzhou'], {
      caller: { purpose: 'catalog' },
    });
    await cli.run(
      ['eas', 'list-services', '--region', 'cn-hangzhou', '--access-key-secret', 'TopSecretValue1'],
      { caller: { deploymentId: 'd-rec1' } },
    );
    const [failed, catalog] = await audit.recentAudit(2);
    expect(catalog).toMatchObject({ kind: 'cli-step', purpose: 'catalog', exitCode: 0 });
    expect(failed).toMatchObject({ kind: 'cli-step', deploymentId: 'd-rec1', exitCode: 1 });
    expect(JSON.stringify(failed)).not.toContain('TopSecretValue1');
  });

  it('counts a failed call on /metrics under its class', async () => {
    await cli.run(['vpc', 'describe-vpcs', '--region', 'cn-hangzhou'], {
      caller: { purpose: 'status' },
    });
    const { body } = await metrics.render();
    expect(body).toMatch(/code="plugin-missing"\} [1-9]/);
  });
});
