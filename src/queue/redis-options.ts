import type { ConnectionOptions } from 'node:tls';
import type { RedisOptions } from 'ioredis';

/** What REDIS_URL and its companions say about where Redis is and how to log in. */
export interface RedisAccess {
  readonly url: string;
  /** PEM text of the CA that signed the servers' certificates (REDIS_TLS_CA_FILE's content). */
  readonly tlsCa?: string;
  /** The Sentinels' own ACL user and password, when they differ from the data nodes'. */
  readonly sentinelUsername?: string;
  readonly sentinelPassword?: string;
}

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** One server, a Sentinel-watched primary, or a cluster: the three shapes ioredis connects to. */
export type RedisTarget =
  | { readonly kind: 'single'; readonly url: string; readonly options: RedisOptions }
  | { readonly kind: 'sentinel'; readonly options: RedisOptions }
  | { readonly kind: 'cluster'; readonly nodes: HostPort[]; readonly options: RedisOptions };

/** The parts of `scheme://[user[:password]@]host1:port1,host2:port2[/path…]`. */
function splitMultiHostUrl(rest: string, defaultPort: number) {
  const at = rest.lastIndexOf('@');
  const auth = at >= 0 ? rest.slice(0, at) : '';
  const [hosts = '', ...path] = (at >= 0 ? rest.slice(at + 1) : rest).split('/');
  const colon = auth.indexOf(':');
  const username = decodeURIComponent(colon >= 0 ? auth.slice(0, colon) : auth);
  const password = colon >= 0 ? decodeURIComponent(auth.slice(colon + 1)) : '';
  const nodes = hosts
    .split(',')
    .filter((h) => h.length > 0)
    .map((hostPort) => {
      const [host = '127.0.0.1', port] = hostPort.split(':');
      return { host, port: port ? Number(port) : defaultPort };
    });
  return {
    nodes,
    path: path.filter((p) => p.length > 0),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}

const tlsWith = (ca: string | undefined): ConnectionOptions => (ca ? { ca } : {});

/**
 * Turns REDIS_URL into ioredis options. `redis://` and `rediss://` go to ioredis as they are (a CA
 * file is added for rediss). `redis-sentinel://[user:pass@]s1:26379,s2/<master>[/<db>]` becomes a
 * Sentinel configuration and `redis-cluster://[user:pass@]n1:6379,n2:6379` a cluster node list,
 * which ioredis supports but cannot read from a URL; `rediss-…` turns TLS on for every hop.
 */
export function readRedisTarget(access: RedisAccess): RedisTarget {
  const { url, tlsCa } = access;
  const scheme = /^([a-z-]+):\/\//.exec(url)?.[1] ?? 'redis';
  const tls = scheme.startsWith('rediss');
  const rest = url.slice(scheme.length + 3);
  if (scheme === 'redis' || scheme === 'rediss') {
    return { kind: 'single', url, options: tls && tlsCa ? { tls: tlsWith(tlsCa) } : {} };
  }
  if (scheme.endsWith('-cluster')) {
    const { nodes, username, password } = splitMultiHostUrl(rest, 6379);
    return {
      kind: 'cluster',
      nodes,
      options: {
        ...(username ? { username } : {}),
        ...(password ? { password } : {}),
        ...(tls ? { tls: tlsWith(tlsCa) } : {}),
      },
    };
  }
  const { nodes, path, username, password } = splitMultiHostUrl(rest, 26379);
  const [name = 'mymaster', db] = path;
  const sentinelUsername = access.sentinelUsername ?? username;
  const sentinelPassword = access.sentinelPassword ?? password;
  return {
    kind: 'sentinel',
    options: {
      sentinels: nodes,
      name,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(sentinelUsername ? { sentinelUsername } : {}),
      ...(sentinelPassword ? { sentinelPassword } : {}),
      ...(db ? { db: Number(db) } : {}),
      ...(tls
        ? { enableTLSForSentinelMode: true, tls: tlsWith(tlsCa), sentinelTLS: tlsWith(tlsCa) }
        : {}),
    },
  };
}
