/**
 * A NAS model source, `nas://<id>.<region>.nas.aliyuncs.com/<path>`: the mount target's host names
 * its region, and EAS mounts it over NFS (storage-mount.md: `nfs:{server, path, readOnly}`).
 */
export const NAS_PATH_PATTERN =
  /^nas:\/\/([a-z0-9][a-z0-9-]{0,62}\.([a-z]{2,4}(?:-[a-z0-9]+){1,4})\.nas\.aliyuncs\.com)(\/[^\s'"`$\\]*)?$/;

export interface NasMount {
  /** The NFS server EAS mounts, e.g. `0a1b2c.cn-hangzhou.nas.aliyuncs.com`. */
  readonly server: string;
  /** The region named in the server's host. */
  readonly region: string;
  /** The directory on the file system; `/` when the URL names none. */
  readonly path: string;
}

/** Splits a `nas://` path into server, region and directory; undefined when it is not one. */
export function parseNasPath(text: string): NasMount | undefined {
  const match = NAS_PATH_PATTERN.exec(text);
  const server = match?.[1];
  const region = match?.[2];
  if (!server || !region) return undefined;
  return { server, region, path: match[3] || '/' };
}
