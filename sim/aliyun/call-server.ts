import { createServer, type Socket } from 'node:net';
import { simulateCall } from './simulated-call.js';

/**
 * bin/aliyun-sim's calls served by one long-lived process. A call is still its own process with
 * the CLI's arguments, environment, output and exit code; only the simulating moves here, which
 * spares each call a Node start-up (about a quarter of a CPU-second; the test suite makes ~2,000).
 *
 * The wire, for a bash client (bin/aliyun-sim) that has only `printf`, `read`, `head` and `cat`:
 * the request is NUL-terminated fields `stdin-kind argc arg… NAME=value… ''`; the answer is a line
 * `exit-code stderr-bytes`, then stderr, then stdout until the server closes.
 */
export interface SimCallServer {
  /** host:port, the value of ALIYUN_SIM_SERVER. */
  readonly address: string;
  close(): Promise<void>;
}

interface CallRequest {
  readonly argv: string[];
  readonly env: NodeJS.ProcessEnv;
  readonly stdinIsCharDevice: boolean;
}

/** The request once all of its fields have arrived; undefined while some are missing. */
export function readRequest(fields: readonly string[]): CallRequest | undefined {
  if (fields.length < 2) return undefined;
  const argc = Number(fields[1]);
  if (!Number.isInteger(argc) || argc < 0) throw new Error(`not a call: argc ${fields[1]}`);
  const envStart = 2 + argc;
  const end = fields.indexOf('', envStart);
  if (fields.length < envStart || end < 0) return undefined;
  const env: NodeJS.ProcessEnv = {};
  for (const entry of fields.slice(envStart, end)) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return { argv: fields.slice(2, envStart), env, stdinIsCharDevice: fields[0] === 'tty' };
}

function serve(socket: Socket, closing: AbortSignal): void {
  const chunks: Buffer[] = [];
  // A client killed mid-call (a timed-out CLI call) leaves nobody to answer: nothing to do.
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    chunks.push(chunk);
    const text = Buffer.concat(chunks).toString('utf8');
    let request: CallRequest | undefined;
    try {
      request = readRequest(text.split('\0').slice(0, -1));
    } catch (error) {
      socket.removeAllListeners('data');
      const message = `ERROR: aliyun-sim: ${error instanceof Error ? error.message : error}\n`;
      socket.end(`1 ${Buffer.byteLength(message)}\n${message}`);
      return;
    }
    if (!request) return;
    socket.removeAllListeners('data');
    const io = { stdinIsCharDevice: request.stdinIsCharDevice, signal: closing };
    void simulateCall(request.argv, request.env, io).then((out) => {
      if (socket.destroyed) return;
      socket.end(`${out.exitCode} ${Buffer.byteLength(out.stderr)}\n${out.stderr}${out.stdout}`);
    });
  });
}

/** Starts a call server on a loopback port of its own. */
export async function startSimCallServer(): Promise<SimCallServer> {
  const open = new Set<Socket>();
  const closing = new AbortController();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    serve(socket, closing.signal);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A client killed mid-call would keep its socket, and a fault's long latency the process,
        // alive after the suite: both end now.
        closing.abort();
        for (const socket of open) socket.destroy();
      }),
  };
}
