import type { SimService } from './sim-state.js';
import type { SimWorld } from './world-schema.js';

export interface SimEndpoint {
  EndpointType: 'DefaultGateway' | 'PrivateGateway' | 'Nlb';
  BackendId: string;
  PathType: 'Service';
  Port: number;
  InternetEndpoints: string[];
  IntranetEndpoints: string[];
}

interface NlbEntry {
  id?: string;
  listener_port?: number;
  netType?: string;
}

function networkingOf(service: SimService): { gateway?: string; nlb?: NlbEntry[] } {
  const networking = service.config.networking;
  return typeof networking === 'object' && networking !== null ? networking : {};
}

/**
 * The typed endpoints of a service; with a serving host in the world, every address is the host's
 * (the service path kept), so a Running service really answers at the address the cloud gave.
 */
export function buildEndpoints(service: SimService, world: SimWorld): SimEndpoint[] {
  const endpoints = buildCloudEndpoints(service, world);
  const host = world.serving?.url;
  if (!host) return endpoints;
  const swap = (list: string[], reach: 'internet' | 'intranet') =>
    list.map(() => servingAddress(host, service, reach));
  return endpoints.map((e) => ({
    ...e,
    InternetEndpoints: swap(e.InternetEndpoints, 'internet'),
    IntranetEndpoints: swap(e.IntranetEndpoints, 'intranet'),
  }));
}

/** A service's address on the serving host: region (`/vpc` for intranet) and service path. */
export function servingAddress(
  host: string,
  service: SimService,
  reach: 'internet' | 'intranet',
): string {
  const vpc = reach === 'intranet' ? '/vpc' : '';
  return `${host.replace(/\/$/, '')}/${service.region}${vpc}/api/predict/${service.name}`;
}

/** The typed endpoints on EAS's own hosts: shared gateway, its dedicated gateway, or its NLB. */
function buildCloudEndpoints(service: SimService, world: SimWorld): SimEndpoint[] {
  const path = `/api/predict/${service.name}`;
  const { gateway, nlb } = networkingOf(service);
  const region = world.regions[service.region];
  if (nlb && nlb.length > 0) {
    return nlb.map((entry) => {
      const custom = region?.loadBalancers.find((lb) => lb.LoadBalancerId === entry.id);
      const dns =
        custom?.DNSName ??
        `nlb-${service.serviceId.slice(6)}.${service.region}.nlb.aliyuncsslb.com`;
      const url = `http://${dns}:${entry.listener_port ?? 8000}${path}`;
      const internet = entry.netType === 'internet';
      return {
        EndpointType: 'Nlb' as const,
        BackendId: entry.id ?? 'default',
        PathType: 'Service' as const,
        Port: entry.listener_port ?? 8000,
        InternetEndpoints: internet ? [url] : [],
        IntranetEndpoints: internet ? [] : [url],
      };
    });
  }
  const gw = gateway ? region?.gateways.find((g) => g.GatewayId === gateway) : undefined;
  if (gw) {
    return [
      {
        EndpointType: 'PrivateGateway',
        BackendId: gw.GatewayId,
        PathType: 'Service',
        Port: 0,
        InternetEndpoints: gw.InternetEnabled ? [`http://${gw.InternetDomain}${path}`] : [],
        IntranetEndpoints: gw.IntranetEnabled ? [`http://${gw.IntranetDomain}${path}`] : [],
      },
    ];
  }
  const host = `${world.accountId}.${service.region}.pai-eas.aliyuncs.com`;
  const vpcHost = `${world.accountId}.vpc.${service.region}.pai-eas.aliyuncs.com`;
  return [
    {
      EndpointType: 'DefaultGateway',
      BackendId: 'default',
      PathType: 'Service',
      Port: 0,
      InternetEndpoints: [`http://${host}${path}`],
      IntranetEndpoints: [`http://${vpcHost}${path}`],
    },
  ];
}

/** DescribeService's flat InternetEndpoint / IntranetEndpoint ("" where the network has none). */
export function flatEndpoints(service: SimService, world: SimWorld) {
  const [first] = buildEndpoints(service, world);
  return {
    InternetEndpoint: first?.InternetEndpoints[0] ?? '',
    IntranetEndpoint: first?.IntranetEndpoints[0] ?? '',
  };
}
