// biome-ignore-all format: the forbidden keys read best as one list
const ALLOWED_TOP = new Set(['metadata', 'containers', 'storage', 'cloud', 'autoscaler', 'networking']);
const FORBIDDEN = [
  'spec', 'ServiceName', 'Image', 'Cpu', 'Memory', 'Gpu', 'processor_path', 'resourceGroupId',
  'instance', 'port', 'command', 'access',
];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The spec's rules for a service JSON; an empty list means it may be sent to create-service. */
export function checkServiceJson(json: Json): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(json)) {
    if (!ALLOWED_TOP.has(key)) problems.push(`top-level key ${key} is not allowed`);
    if (FORBIDDEN.includes(key)) problems.push(`top-level key ${key} is forbidden`);
  }
  const meta = isObject(json.metadata) ? json.metadata : undefined;
  if (!meta || typeof meta.name !== 'string' || !/^[a-z0-9_]{3,63}$/.test(meta.name)) {
    problems.push('metadata.name must be 3–63 lowercase letters, digits or underscores');
  }
  const containers = Array.isArray(json.containers) ? json.containers : [];
  if (containers.length === 0 || !containers.every((c) => isObject(c) && typeof c.image === 'string')) {
    problems.push('containers[] must each have an image');
  }
  const cloud = isObject(json.cloud) ? json.cloud : undefined;
  const computing = isObject(cloud?.computing) ? cloud.computing : undefined;
  if (meta?.resource && computing) problems.push('metadata.resource and cloud.computing exclude each other');
  if (!meta?.resource && typeof computing?.instance_type !== 'string') {
    problems.push('cloud.computing.instance_type is required without a dedicated resource group');
  }
  const networking = isObject(json.networking) ? json.networking : undefined;
  if (networking?.gateway === 'shared') problems.push('networking.gateway "shared" is not allowed');
  if (networking && !isObject(cloud?.networking)) problems.push('a gateway or NLB needs cloud.networking');
  if (isObject(json.autoscaler)) {
    const a = json.autoscaler;
    if (!Array.isArray(a.scaleStrategies)) problems.push('autoscaler needs camelCase scaleStrategies');
    if (typeof a.min !== 'number' || typeof a.max !== 'number' || a.min >= a.max) {
      problems.push('autoscaler min must be below max');
    }
  }
  return problems;
}
