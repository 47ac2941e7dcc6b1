import type { OpEntry } from './op-table.js';

const HOSTS: Record<string, string> = {
  eas: 'pai-eas.{R}.aliyuncs.com',
  aiworkspace: 'aiworkspace.{R}.aliyuncs.com',
  vpc: 'vpc.aliyuncs.com',
  ecs: 'ecs.aliyuncs.com',
  nlb: 'nlb.{R}.aliyuncs.com',
};

/** The HTTP method of a call: EAS and AIWorkSpace are ROA (verb by operation), the others RPC over POST. */
function methodOf(product: string, operation: string): string {
  if (product !== 'eas' && product !== 'aiworkspace') return 'Post';
  if (operation.startsWith('create-')) return 'Post';
  return operation.startsWith('delete-') ? 'Delete' : 'Get';
}

/** The method and URL the real CLI would name in a timeout message for this call. */
export function requestUrl(
  product: string,
  operation: string,
  entry: OpEntry,
  region: string,
  flags: Record<string, string>,
): { method: string; url: string } {
  const fill = (s: string) =>
    s
      .replace('{R}', region)
      .replace('{N}', flags['service-name'] ?? '')
      .replace('{G}', flags['gateway-id'] ?? '')
      .replace('{I}', flags['image-id'] ?? '');
  const host = fill(HOSTS[product] ?? `${product}.aliyuncs.com`);
  const method = entry.method ?? methodOf(product, operation);
  return { method, url: `https://${host}${fill(entry.path)}` };
}
