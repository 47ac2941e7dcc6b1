import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { askServer, defineRedisProcess, type RedisProcess, waitFor } from './redis-process.js';

const NODE_PORTS = [7110, 7111, 7112] as const;
/** The cluster bus defaults to port + 10000; it is set inside the test's range instead. */
const busPort = (port: number) => port + 10;

/** A three-primary Redis Cluster on loopback (16384 slots split three ways). */
export interface RedisClusterProcesses {
  /** `redis-cluster://127.0.0.1:7110,…`, what the product's processes get as REDIS_URL. */
  readonly url: string;
  stop(): Promise<void>;
}

const nodeConf = (dir: string, port: number) =>
  [
    `port ${port}`,
    'bind 127.0.0.1',
    `dir ${dir}`,
    `logfile ${join(dir, 'redis.log')}`,
    'cluster-enabled yes',
    `cluster-port ${busPort(port)}`,
    'cluster-config-file nodes.conf',
    'cluster-node-timeout 5000',
    'appendonly no',
    'save ""',
    'maxmemory-policy noeviction',
  ].join('\n');

/** Starts three cluster nodes, assigns the slots, introduces them and waits for `cluster_state:ok`. */
export async function startRedisCluster(dir: string): Promise<RedisClusterProcesses> {
  const nodes: RedisProcess[] = [];
  for (const port of NODE_PORTS) {
    const nodeDir = join(dir, `node-${port}`);
    await mkdir(nodeDir, { recursive: true });
    const conf = join(nodeDir, 'redis.conf');
    await writeFile(conf, `${nodeConf(nodeDir, port)}\n`);
    const node = defineRedisProcess(port, conf);
    await node.start();
    nodes.push(node);
  }
  const ranges = [
    [0, 5460],
    [5461, 10922],
    [10923, 16383],
  ] as const;
  for (const [i, port] of NODE_PORTS.entries()) {
    const [from, to] = ranges[i] ?? [0, 0];
    await askServer(port, 'CLUSTER', 'ADDSLOTSRANGE', String(from), String(to));
  }
  for (const port of NODE_PORTS.slice(1)) {
    await askServer(
      NODE_PORTS[0],
      'CLUSTER',
      'MEET',
      '127.0.0.1',
      String(port),
      String(busPort(port)),
    );
  }
  await waitFor(
    'cluster_state:ok on every node',
    async () => {
      for (const port of NODE_PORTS) {
        const info = String(await askServer(port, 'CLUSTER', 'INFO'));
        if (!info.includes('cluster_state:ok') || !info.includes('cluster_known_nodes:3'))
          return false;
      }
      return true;
    },
    60_000,
  );
  return {
    url: `redis-cluster://${NODE_PORTS.map((p) => `127.0.0.1:${p}`).join(',')}`,
    async stop() {
      for (const node of nodes) await node.stop();
    },
  };
}
