import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { startSimCallServer } from '../../sim/aliyun/call-server.js';

/**
 * Builds dist/ when missing (bin/aliyun-sim runs the compiled simulator), checks that Redis
 * answers, and starts the suite's simulator call server: every bin/aliyun-sim child of the test
 * workers (they inherit ALIYUN_SIM_SERVER) is then a bash process of a few ms, not a Node start-up.
 * ALIYUN_SIM_SERVER= (empty) before `npm test` runs each call as its own Node process instead.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (!existsSync('dist/sim/aliyun/main.js')) {
    execFileSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
  }
  await new Promise<void>((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 }, () => {
      socket.end();
      resolve();
    });
    socket.on('error', () =>
      reject(
        new Error(
          'No Redis on 127.0.0.1:6379: start one (redis-server --daemonize yes) before the tests.',
        ),
      ),
    );
  });
  if (process.env.ALIYUN_SIM_SERVER !== undefined) return undefined;
  const server = await startSimCallServer();
  process.env.ALIYUN_SIM_SERVER = server.address;
  return async () => {
    delete process.env.ALIYUN_SIM_SERVER;
    await server.close();
  };
}
