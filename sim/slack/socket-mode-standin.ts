import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * Slack's Socket Mode end, on the stand-in's own HTTP server: apps.connections.open answers a
 * `ws://` URL here; a client that connects gets `hello`, then the envelopes a test pushes, and
 * acks each with `{envelope_id, payload?}`. Shapes from slackapi/node-slack-sdk
 * packages/socket-mode (SocketModeClient.ts `onWebSocketMessage`: `hello`, `disconnect`, and
 * envelopes `{envelope_id, payload, type, accepts_response_payload, retry_attempt?, retry_reason?}`
 * of type `slash_commands`, `interactive` or `events_api`; `send()` acks
 * `{envelope_id, payload: {...body}}`; SocketModeClient.test.ts for a slash command's envelope).
 */
export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What the app answered to one envelope. */
export interface SocketAck {
  readonly envelope_id: string;
  readonly payload?: unknown;
}

export interface SocketModeStandIn {
  /** What apps.connections.open answers. */
  readonly url: string;
  /** Resolves once an app is connected (it got `hello`). */
  connected(timeoutMs: number): Promise<void>;
  /** Pushes one envelope to the connected app and resolves with its ack. */
  push(type: EnvelopeType, payload: object, timeoutMs?: number): Promise<SocketAck>;
  close(): Promise<void>;
}

/** Adds the Socket Mode end to the stand-in's HTTP server (path `/link`). */
export function attachSocketMode(server: Server, appId: string): SocketModeStandIn {
  const wss = new WebSocketServer({ server, path: '/link' });
  const { port } = server.address() as AddressInfo;
  let socket: WebSocket | undefined;
  const waiting = new Set<() => void>();
  const acks = new Map<string, (ack: SocketAck) => void>();
  wss.on('connection', (ws) => {
    socket = ws;
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-stand-in', approximate_connection_time: 18060 },
        connection_info: { app_id: appId },
      }),
    );
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      acks.get(ack.envelope_id)?.(ack);
      acks.delete(ack.envelope_id);
    });
    for (const wake of waiting) wake();
    waiting.clear();
  });
  const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
    Promise.race([
      promise,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms).unref(),
      ),
    ]);
  return {
    url: `ws://127.0.0.1:${port}/link?ticket=${randomUUID()}&app_id=${appId}`,
    connected: (timeoutMs) =>
      socket
        ? Promise.resolve()
        : within(
            new Promise<void>((resolve) => waiting.add(resolve)),
            timeoutMs,
            'no app connected',
          ),
    push(type, payload, timeoutMs = 5_000) {
      if (!socket) return Promise.reject(new Error('no app is connected'));
      const envelopeId = randomUUID();
      const acked = new Promise<SocketAck>((resolve) => acks.set(envelopeId, resolve));
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          payload,
          type,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
        }),
      );
      return within(acked, timeoutMs, `no ack for ${type}`);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
