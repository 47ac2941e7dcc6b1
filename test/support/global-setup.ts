import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createConnection } from 'node:net';

/** Builds dist/ when missing (bin/aliyun-sim runs the compiled simulator) and checks that Redis answers. */
export default async function setup(): Promise<void> {
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
}
