import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { buildSlashCommandBody, FORM_CONTENT_TYPE } from '../sim/slack/payloads.js';
import { signSlackRequest } from '../sim/slack/sign-request.js';

/**
 * The load generator, its own process: `/eas-deploy` slash commands at a fixed arrival rate (open
 * loop: a slow answer never delays the next send), signed as Slack signs them, over keep-alive
 * connections. Prints one JSON line: per request its trigger_id, send time and ack latency.
 */
export const LoadGenArgs = z.object({
  url: z.url(),
  rate: z.number().positive(),
  seconds: z.number().positive(),
  secret: z.string().min(1),
  tag: z.string().min(1),
});
export type LoadGenArgs = z.infer<typeof LoadGenArgs>;

/** One request: trigger_id, epoch ms when it was sent, ack latency in ms (-1 = no answer), HTTP status. */
export type LoadSample = [string, number, number, number];

export const LoadGenReport = z.object({
  samples: z.array(z.tuple([z.string(), z.number(), z.number(), z.number()])),
  /** Worst lag of a send behind its scheduled time (the generator's own health). */
  maxSendLagMs: z.number(),
  achievedRate: z.number(),
});
export type LoadGenReport = z.infer<typeof LoadGenReport>;

/** Sends rate × seconds signed commands on schedule; resolves when every answer is in (or 10 s after the last send). */
export async function generateLoad(args: LoadGenArgs): Promise<LoadGenReport> {
  const total = Math.round(args.rate * args.seconds);
  const interval = 1000 / args.rate;
  const target = new URL(args.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const ts = Math.floor(Date.now() / 1000);
  const prepared = Array.from({ length: total }, (_, i) => {
    const triggerId = `${args.tag}.${i}`;
    const body = buildSlashCommandBody({ trigger_id: triggerId });
    return { triggerId, body, signature: signSlackRequest(args.secret, ts, body) };
  });
  const samples: LoadSample[] = prepared.map((p) => [p.triggerId, 0, -1, 0]);
  let pending = total;
  let maxSendLagMs = 0;
  let done: () => void = () => {};
  const allAnswered = new Promise<void>((resolve) => {
    done = resolve;
  });
  const send = (i: number): void => {
    const p = prepared[i];
    const sample = samples[i];
    if (!p || !sample) return;
    const started = performance.now();
    sample[1] = performance.timeOrigin + started;
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': FORM_CONTENT_TYPE,
          'content-length': Buffer.byteLength(p.body),
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': p.signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          sample[2] = performance.now() - started;
          sample[3] = res.statusCode ?? 0;
          pending -= 1;
          if (pending === 0) done();
        });
      },
    );
    req.on('error', () => {
      pending -= 1;
      if (pending === 0) done();
    });
    req.end(p.body);
  };
  const start = performance.now() + 20;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) {
        maxSendLagMs = Math.max(maxSendLagMs, now - (start + next * interval));
        send(next);
        next += 1;
      }
      if (next >= total) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, Math.floor(start + next * interval - performance.now())));
    };
    tick();
  });
  const sentSeconds = (performance.now() - start) / 1000;
  await Promise.race([allAnswered, new Promise((r) => setTimeout(r, 10_000).unref())]);
  agent.destroy();
  return { samples, maxSendLagMs, achievedRate: total / Math.max(sentSeconds, 1e-3) };
}
