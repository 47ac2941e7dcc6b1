import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { askServer, defineRedisProcess, type RedisProcess, waitFor } from './redis-process.js';

export const MASTER_NAME = 'eas';
const DATA_PORTS = [7100, 7101] as const;
const SENTINEL_PORTS = [7102, 7103, 7104] as const;

/** A primary, its replica and three Sentinels on loopback, and the two ways to fail the primary over. */
export interface SentinelTopology {
  /** `redis-sentinel://127.0.0.1:7102,…/eas`, what the product's processes get as REDIS_URL. */
  readonly url: string;
  /** The port the Sentinels name as the primary now. */
  primaryPort(): Promise<number | undefined>;
  /** SENTINEL FAILOVER; resolves once every Sentinel names the new primary. */
  failover(): Promise<FailoverFigures>;
  /** kill -9 of the primary; resolves once every Sentinel names the new one, then starts the old one again. */
  killPrimary(): Promise<FailoverFigures>;
  /** Resolves once the primary has a replica in sync (a failover needs one to promote). */
  waitForReplica(timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export interface FailoverFigures {
  readonly from: number;
  readonly to: number;
  /** From the command (or the kill) to the last Sentinel naming the new primary. */
  readonly ms: number;
}

/** Data nodes with AOF and noeviction, as docs/OPERATIONS.md asks; Sentinel rewrites the files. */
const dataConf = (dir: string, port: number, replicaOf?: number) =>
  [
    `port ${port}`,
    'bind 127.0.0.1',
    `dir ${dir}`,
    `logfile ${join(dir, 'redis.log')}`,
    'appendonly yes',
    'appendfsync everysec',
    'save ""',
    'maxmemory-policy noeviction',
    ...(replicaOf ? [`replicaof 127.0.0.1 ${replicaOf}`] : []),
  ].join('\n');

const sentinelConf = (dir: string, port: number) =>
  [
    `port ${port}`,
    'bind 127.0.0.1',
    `dir ${dir}`,
    `logfile ${join(dir, 'sentinel.log')}`,
    `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${DATA_PORTS[0]} 2`,
    `sentinel down-after-milliseconds ${MASTER_NAME} 2000`,
    `sentinel failover-timeout ${MASTER_NAME} 20000`,
  ].join('\n');

async function writeConf(dir: string, text: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'redis.conf');
  await writeFile(path, `${text}\n`);
  return path;
}

/** The primary's port as one Sentinel names it. */
async function masterOf(sentinelPort: number): Promise<number | undefined> {
  const answer = await askServer(sentinelPort, 'SENTINEL', 'get-master-addr-by-name', MASTER_NAME);
  return Array.isArray(answer) ? Number(answer[1]) : undefined;
}

/** Starts the five processes in `dir` and waits until every Sentinel knows the replica and the others. */
export async function startSentinelTopology(dir: string): Promise<SentinelTopology> {
  const data = new Map<number, RedisProcess>();
  for (const [i, port] of DATA_PORTS.entries()) {
    const conf = await writeConf(
      join(dir, `data-${port}`),
      dataConf(join(dir, `data-${port}`), port, i > 0 ? DATA_PORTS[0] : undefined),
    );
    data.set(port, defineRedisProcess(port, conf));
  }
  const sentinels: RedisProcess[] = [];
  for (const port of SENTINEL_PORTS) {
    const conf = await writeConf(
      join(dir, `sentinel-${port}`),
      sentinelConf(join(dir, `sentinel-${port}`), port),
    );
    sentinels.push(defineRedisProcess(port, conf, true));
  }
  const all = [...data.values(), ...sentinels];
  for (const p of all) await p.start();
  const topology: SentinelTopology = {
    url: `redis-sentinel://${SENTINEL_PORTS.map((p) => `127.0.0.1:${p}`).join(',')}/${MASTER_NAME}`,
    primaryPort: () => masterOf(SENTINEL_PORTS[0]),
    async waitForReplica(timeoutMs) {
      await waitFor(
        'a replica in sync with the primary, known to every Sentinel',
        async () => {
          const port = await masterOf(SENTINEL_PORTS[0]);
          const info = port ? String(await askServer(port, 'INFO', 'replication')) : '';
          if (!/slave0:.*state=online/.test(info)) return false;
          for (const s of SENTINEL_PORTS) {
            const replicas = await askServer(s, 'SENTINEL', 'replicas', MASTER_NAME);
            const others = await askServer(s, 'SENTINEL', 'sentinels', MASTER_NAME);
            const up = Array.isArray(replicas)
              ? replicas.filter((r) => !String(r).includes('s_down') && String(r).includes('slave'))
              : [];
            if (up.length < 1 || !Array.isArray(others) || others.length < 2) return false;
          }
          return true;
        },
        timeoutMs,
      );
    },
    async failover() {
      const from = (await masterOf(SENTINEL_PORTS[0])) ?? 0;
      const started = Date.now();
      await askServer(SENTINEL_PORTS[0], 'SENTINEL', 'FAILOVER', MASTER_NAME);
      const to = await waitForNewMaster(from);
      return { from, to, ms: Date.now() - started };
    },
    async killPrimary() {
      const from = (await masterOf(SENTINEL_PORTS[0])) ?? 0;
      const started = Date.now();
      await data.get(from)?.kill9();
      const to = await waitForNewMaster(from);
      const ms = Date.now() - started;
      // As a supervisor would: the machine comes back, and Sentinel makes it a replica of the new primary.
      await data.get(from)?.start();
      return { from, to, ms };
    },
    async stop() {
      for (const p of all) await p.stop();
    },
  };
  await topology.waitForReplica(60_000);
  return topology;
}

/** Waits until all three Sentinels name a primary other than `from`; returns its port. */
async function waitForNewMaster(from: number): Promise<number> {
  let to = from;
  await waitFor(
    `every Sentinel to name a primary other than ${from}`,
    async () => {
      const named = await Promise.all(SENTINEL_PORTS.map(masterOf));
      const first = named[0];
      if (first === undefined || first === from || named.some((p) => p !== first)) return false;
      to = first;
      return (
        (await askServer(first, 'ROLE').then((r) => Array.isArray(r) && r[0] === 'master')) === true
      );
    },
    60_000,
  );
  return to;
}
