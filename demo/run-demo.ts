import { playDemo } from './play-demo.js';
import { readDemoCommands } from './read-demo-commands.js';

/**
 * `npm run demo [-- "<what you would type after /eas-deploy>" …]`: the whole flow on this machine
 * with nothing but Node and a Redis server (REDIS_URL when set). No arguments: deploys qwen_demo.
 */
playDemo({
  commands: readDemoCommands(process.argv.slice(2)),
  ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
}).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
