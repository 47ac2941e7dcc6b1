import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findSimExecutable } from '../../sim/aliyun/sim-env.js';

const run = promisify(execFile);

/** Asks the simulator, as the CLI would, for a service's AccessToken (to scan for it afterwards). */
export async function readTokenFromSim(
  simEnv: Record<string, string>,
  region: string,
  serviceName: string,
): Promise<string> {
  const { stdout } = await run(
    findSimExecutable(),
    [
      'eas',
      'describe-service-endpoints',
      '--region',
      region,
      '--cluster-id',
      region,
      '--service-name',
      serviceName,
    ],
    { env: { ...process.env, ...simEnv } },
  );
  return (JSON.parse(stdout) as { AccessToken: string }).AccessToken;
}
