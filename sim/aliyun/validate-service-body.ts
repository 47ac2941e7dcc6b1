import { invalidParameter, type SimResult, serverError } from './sim-result.js';
import { checkNetworking } from './validate-networking.js';
import { checkStorage } from './validate-storage.js';
import type { SimRegion } from './world-schema.js';

const ALLOWED = [
  'metadata',
  'containers',
  'storage',
  'cloud',
  'autoscaler',
  'networking',
  'runtime',
  'features',
];
const FORBIDDEN = [
  'spec',
  'ServiceName',
  'Image',
  'Cpu',
  'Memory',
  'Gpu',
  'processor_path',
  'resourceGroupId',
  'instance',
  'port',
  'command',
  'access',
];
const SNAKE_AUTOSCALER = ['min_replica', 'max_replica', 'scale_strategies', 'metric_name'];
const NAME_RULE = /^[a-z0-9_]{3,63}$/;
const METRICS = ['qps', 'cpu', 'gpu[util]'];

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function checkTopLevel(body: Obj): string | undefined {
  for (const key of Object.keys(body)) {
    if (FORBIDDEN.includes(key))
      return `field "${key}" is not allowed at the top level of the service config`;
    if (!ALLOWED.includes(key))
      return `unknown top-level field "${key}"; allowed: ${ALLOWED.join(', ')}`;
  }
  const name = isObj(body.metadata) ? body.metadata.name : undefined;
  if (typeof name !== 'string') return 'metadata.name is required';
  if (!NAME_RULE.test(name)) {
    return `service name "${name}" is invalid: use 3-63 lowercase letters, digits and underscores`;
  }
  return undefined;
}

function checkContainers(body: Obj): string | undefined {
  const containers = body.containers;
  if (!Array.isArray(containers) || containers.length === 0)
    return 'containers must hold at least one container';
  for (const [i, c] of containers.entries()) {
    if (!isObj(c) || typeof c.image !== 'string' || c.image === '')
      return `containers[${i}].image is required`;
    if (c.port === 8080) return `containers[${i}].port 8080 is reserved by EAS`;
  }
  return undefined;
}

function checkCompute(body: Obj, region: SimRegion): SimResult | undefined {
  const computing =
    isObj(body.cloud) && isObj(body.cloud.computing) ? body.cloud.computing : undefined;
  const resource = isObj(body.metadata) ? body.metadata.resource : undefined;
  if (computing && resource !== undefined) {
    return invalidParameter('cloud.computing and metadata.resource are mutually exclusive');
  }
  if (resource !== undefined) {
    return region.resources.some((r) => r.ResourceId === resource)
      ? undefined
      : serverError(404, 'InvalidResource.NotFound', `resource ${String(resource)} not found`);
  }
  if (!computing)
    return invalidParameter(
      'cloud.computing.instance_type is required on the shared resource pool',
    );
  const instances = Array.isArray(computing.instances) ? computing.instances : [];
  const types = [
    computing.instance_type,
    ...instances.map((x) => (isObj(x) ? x.type : undefined)),
  ].filter((t) => t !== undefined);
  if (types.length === 0)
    return invalidParameter('cloud.computing.instance_type (or instances) is required');
  for (const type of types) {
    const spec = region.instanceSpecs.find((s) => s.InstanceType === type);
    if (!spec)
      return invalidParameter(`instance type ${String(type)} is not supported in this region`);
    if (!spec.IsAvailable)
      return invalidParameter(`instance type ${String(type)} is not available in this region`);
  }
  return undefined;
}

function checkScaling(body: Obj): string | undefined {
  if (!isObj(body.autoscaler)) return undefined;
  const auto = body.autoscaler;
  const text = JSON.stringify(auto);
  const snake = SNAKE_AUTOSCALER.find((k) => text.includes(`"${k}"`));
  if (snake)
    return `autoscaler key "${snake}" is not supported; use camelCase (min, max, scaleStrategies, metricName)`;
  const strategies = Array.isArray(auto.scaleStrategies) ? auto.scaleStrategies : [];
  for (const strategy of strategies) {
    const metric = isObj(strategy) ? strategy.metricName : undefined;
    // EAS scales on these (aliyun-cli-facts.md fact 13): no memory, and gpu alone is not a name.
    if (!METRICS.includes(String(metric))) {
      return `autoscaler metricName "${String(metric)}" is not supported; use ${METRICS.join(', ')}`;
    }
  }
  if (typeof auto.min === 'number' && typeof auto.max === 'number' && auto.min >= auto.max) {
    return `autoscaler.min (${auto.min}) must be less than autoscaler.max (${auto.max})`;
  }
  return undefined;
}

/** Checks a create-service body as EAS does; undefined when it may be created. */
export function validateServiceBody(
  body: unknown,
  region: SimRegion,
  regionId: string,
): SimResult | undefined {
  if (!isObj(body)) return invalidParameter('the service config must be a JSON object');
  const message = checkTopLevel(body) ?? checkContainers(body);
  if (message) return invalidParameter(message);
  const compute = checkCompute(body, region);
  if (compute) return compute;
  const more = checkStorage(body, regionId) ?? checkScaling(body);
  if (more) return invalidParameter(more);
  return checkNetworking(body, region);
}
