import { type CallDeps, callCli } from '../aliyun/call-cli.js';
import { listServicesArgs } from '../aliyun/commands.js';
import { buildLifecycleUserAgent } from '../aliyun/lifecycle-commands.js';
import { ListServicesResponse } from '../aliyun/schemas.js';

/**
 * The first region (in the order given) that has a service of this exact name, asked of the cloud
 * in all regions at once: how a command without a region finds its service after Redis forgot.
 */
export async function findServiceRegion(
  deps: CallDeps,
  regions: readonly string[],
  name: string,
): Promise<string | undefined> {
  const found = await Promise.all(
    regions.map(async (region) => {
      const t = { region, userAgent: buildLifecycleUserAgent('find') };
      const answer = await callCli(deps, listServicesArgs(t, name), ListServicesResponse);
      return answer.ok && (answer.data.Services ?? []).some((s) => s.ServiceName === name);
    }),
  );
  return regions[found.indexOf(true)];
}
