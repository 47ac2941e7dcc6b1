type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** NAS (`.nas.`) and CPFS (`.cpfs.`) mount targets both name their region in the host. */
const NFS_SERVER =
  /^[a-z0-9][a-z0-9-]*\.([a-z]{2,4}(?:-[a-z0-9]+){1,4})\.(?:nas|cpfs)\.aliyuncs\.com$/;

function checkNfs(nfs: Obj, at: string, body: Obj, region: string): string | undefined {
  const { server, path, readOnly } = nfs;
  if (typeof server !== 'string') return `${at}.nfs.server is required`;
  const serverRegion = NFS_SERVER.exec(server)?.[1];
  if (!serverRegion) return `${at}.nfs.server "${server}" is not a NAS mount target`;
  if (serverRegion !== region) {
    return `${at}.nfs.server is in ${serverRegion}; NAS must be in the service's region ${region}`;
  }
  if (typeof path !== 'string' || !path.startsWith('/')) {
    return `${at}.nfs.path must be an absolute path such as /`;
  }
  if (readOnly !== undefined && typeof readOnly !== 'boolean') {
    return `${at}.nfs.readOnly must be a boolean`;
  }
  // NAS is reached over the VPC (storage-mount.md); without cloud.networking there is no route.
  const net = isObj(body.cloud) && isObj(body.cloud.networking) ? body.cloud.networking : {};
  if (typeof net.vpc_id !== 'string') {
    return `${at}.nfs needs VPC connectivity: set cloud.networking.vpc_id`;
  }
  return undefined;
}

/** Checks `storage[]` mounts (OSS and NAS) as EAS does; the message of the first fault, if any. */
export function checkStorage(body: Obj, region: string): string | undefined {
  const storage = Array.isArray(body.storage) ? body.storage : [];
  for (const [i, mount] of storage.entries()) {
    const at = `storage[${i}]`;
    if (!isObj(mount)) return `${at} must be an object`;
    const mountPath = mount.mount_path;
    if (typeof mountPath !== 'string' || !mountPath.startsWith('/') || mountPath === '/') {
      return `${at}.mount_path must be an absolute path other than /`;
    }
    const oss = isObj(mount.oss) ? mount.oss : undefined;
    if (oss && (typeof oss.path !== 'string' || !oss.path.startsWith('oss://'))) {
      return `${at}.oss.path must start with oss://`;
    }
    if (mount.nfs !== undefined) {
      if (!isObj(mount.nfs)) return `${at}.nfs must be an object`;
      const fault = checkNfs(mount.nfs, at, body, region);
      if (fault) return fault;
    }
  }
  return undefined;
}
