import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueKeys } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ConfigSchema } from '../../src/config.js';
import { DEPLOY_QUEUE } from '../../src/queue/deploy-queue.js';

const DIR = 'deploy/k8s';

interface Manifest {
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a manifest is whatever YAML the file holds; each test reads the fields it checks
  readonly body: any;
}

/** Every document of every YAML file under deploy/k8s, parsed strictly (a syntax error fails). */
function readManifests(): Manifest[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(readFileSync(join(DIR, file), 'utf8')).map((doc) => {
        if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
        const body = doc.toJS();
        return { file, kind: body.kind, name: body.metadata?.name, body };
      }),
    );
}

const manifests = readManifests();
const find = (kind: string, name: string) => {
  const found = manifests.find((m) => m.kind === kind && m.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in ${DIR}`);
  return found.body;
};
const configMap = find('ConfigMap', 'eas-deploy');
const podOf = (deployment: string) => find('Deployment', deployment).spec.template;

describe('the Kubernetes manifests', () => {
  it('are YAML documents with a kind and a name, all listed in the kustomization', () => {
    const kustomization = manifests.find((m) => m.kind === 'Kustomization')?.body;
    for (const m of manifests.filter((x) => x.kind !== 'Kustomization')) {
      expect(m.body.apiVersion, m.file).toMatch(/\S/);
      expect(m.name, m.file).toMatch(/^[a-z0-9-]+$/);
      expect(kustomization.resources).toContain(m.file);
    }
  });

  it('give the bot two replicas, ready only while /healthz answers on its port', () => {
    const bot = find('Deployment', 'eas-deploy-bot');
    expect(bot.spec.replicas).toBe(2);
    const [container] = bot.spec.template.spec.containers;
    expect(container.args).toEqual(['bot']);
    expect(container.readinessProbe.httpGet.path).toBe('/healthz');
    expect(container.ports[0].containerPort).toBe(Number(configMap.data.PORT));
  });

  it('let a worker finish its step on SIGTERM before Kubernetes kills it', () => {
    const grace = Number(configMap.data.EAS_SHUTDOWN_GRACE_MS);
    expect(podOf('eas-deploy-worker').spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      grace + 5_000,
    );
    expect(podOf('eas-deploy-worker').spec.containers[0].args).toEqual(['worker']);
  });

  it('scale the workers on the BullMQ list that holds the waiting deployments', () => {
    const scaled = find('ScaledObject', 'eas-deploy-worker');
    expect(scaled.spec.scaleTargetRef.name).toBe('eas-deploy-worker');
    const [trigger] = scaled.spec.triggers;
    expect(trigger.type).toBe('redis');
    const waitList = new QueueKeys(configMap.data.QUEUE_PREFIX).toKey(DEPLOY_QUEUE, 'wait');
    expect(trigger.metadata.listName).toBe(waitList);
    expect(`redis://${trigger.metadata.address}`).toBe(configMap.data.REDIS_URL);
  });

  it('keep one bot up and take one worker down at a time in a drain', () => {
    const botPods = podOf('eas-deploy-bot').metadata.labels;
    const workerPods = podOf('eas-deploy-worker').metadata.labels;
    const botBudget = find('PodDisruptionBudget', 'eas-deploy-bot').spec;
    const workerBudget = find('PodDisruptionBudget', 'eas-deploy-worker').spec;
    expect(botBudget.minAvailable).toBe(1);
    expect(botPods).toMatchObject(botBudget.selector.matchLabels);
    expect(workerBudget.maxUnavailable).toBe(1);
    expect(workerPods).toMatchObject(workerBudget.selector.matchLabels);
  });

  it('pass only variables src/config.ts knows, and values it accepts', () => {
    const names = Object.keys(ConfigSchema.shape);
    for (const name of Object.keys(configMap.data)) expect(names).toContain(name);
    const secret = find('Secret', 'eas-deploy').stringData;
    const parsed = ConfigSchema.safeParse({ ...configMap.data, ...secret });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});
