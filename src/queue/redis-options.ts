import type { RedisOptions } from 'ioredis';

/**
 * Turns REDIS_URL into ioredis options. `redis://` and `rediss://` go to ioredis as they are;
 * `redis-sentinel://[:password@]host1:26379,host2:26379/<master name>[/<db>]` becomes a Sentinel
 * configuration, which ioredis supports natively but cannot read from a URL.
 */
export function redisOptionsFromUrl(url: string): { url?: string; options: RedisOptions } {
  if (!url.startsWith('redis-sentinel://')) return { url, options: {} };
  const rest = url.slice('redis-sentinel://'.length);
  const at = rest.lastIndexOf('@');
  const auth = at >= 0 ? rest.slice(0, at) : '';
  const [hosts = '', name = 'mymaster', db] = (at >= 0 ? rest.slice(at + 1) : rest).split('/');
  const password = auth.includes(':')
    ? decodeURIComponent(auth.slice(auth.indexOf(':') + 1))
    : undefined;
  const sentinels = hosts.split(',').map((hostPort) => {
    const [host = '127.0.0.1', port = '26379'] = hostPort.split(':');
    return { host, port: Number(port) };
  });
  return {
    options: {
      sentinels,
      name,
      ...(password ? { password, sentinelPassword: password } : {}),
      ...(db ? { db: Number(db) } : {}),
    },
  };
}
