import { fstatSync } from 'node:fs';
import { simulateCall } from './simulated-call.js';

/** Whether stdin is a character device (a terminal, or /dev/null): the real CLI prompts then. */
function stdinIsCharDevice(): boolean {
  try {
    return fstatSync(0).isCharacterDevice();
  } catch {
    return false;
  }
}

// bin/aliyun-sim without ALIYUN_SIM_SERVER: one call, this process.
const out = await simulateCall(process.argv.slice(2), process.env, {
  stdinIsCharDevice: stdinIsCharDevice(),
});
process.stdout.write(out.stdout);
process.stderr.write(out.stderr);
process.exitCode = out.exitCode;
