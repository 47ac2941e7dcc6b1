import type { SlackMessage } from './progress-message.js';
import { escapeMrkdwn, section } from './text.js';

/** A service's state as one describe-service call reports it. */
export interface ServiceStatusView {
  readonly serviceName: string;
  readonly region: string;
  readonly status: string;
  readonly reason?: string;
  /** The cloud's own words about the status; shown instead of the terse reason when there. */
  readonly message?: string;
  readonly runningInstances?: number;
  readonly totalInstances?: number;
  /** The service's addresses (no token); omitted where the caller did not read them. */
  readonly endpoints?: readonly { readonly internet?: string; readonly intranet?: string }[];
}

/** One deployment made through the bot as the list shows it: where it got, and EAS's last word. */
export interface DeploymentListItem {
  readonly deploymentId: string;
  readonly serviceName: string;
  readonly region: string;
  /** How far the deployment got: queued, running, deployed, blocked, … */
  readonly state: string;
  /** The last status EAS reported (Creating, Running, …), when known. */
  readonly serviceStatus?: string;
  readonly submittedAt: number;
}

const USAGE = [
  '*/eas-deploy* — open the deploy form',
  '*/eas-deploy key=value …* — open it pre-filled, e.g. `/eas-deploy region=cn-hangzhou service_name=qwen_demo image=vllm`',
  '*/eas-deploy status <service_name> [region]* — its status, instances running and endpoints',
  '*/eas-deploy list [region]* — the services this bot made: status, owner, expiry, cost',
  '*/eas-deploy stop|start|restart|delete <service_name> [region]* — for the owner and admins; delete asks first',
  '*/eas-deploy scale <service_name> <replicas> [region]*, *extend <service_name> <duration> [region]*, *rollback <service_name> [version] [region]*',
  '*/eas-deploy audit [n]* — the last audit entries (approvers only)',
  '*/eas-deploy help* — this text',
  'Keys: region, service_name, workspace, image, instance_type, replicas, port, command, oss_path, network (shared|gateway|nlb), gateway, resource_group, autoscale_min, autoscale_max, dry_run=true, ttl (4h, 1d, 20s, never)',
  'Values with spaces take quotes: `command="vllm serve /model_dir --port 8000"`',
].join('\n');

/** The usage as mrkdwn: an unescaped `<service_name>` would be read by Slack as a link. */
const USAGE_MRKDWN = escapeMrkdwn(USAGE);

/** The usage text. */
export function buildHelpMessage(): SlackMessage {
  return { text: 'How to use /eas-deploy', blocks: [section(USAGE_MRKDWN)] };
}

/** A plain answer for a command the bot could not understand, with the usage below. */
/** A plain answer that is not about the command's form (a service not found, the cloud's error). */
export function buildNotice(text: string): SlackMessage {
  return { text, blocks: [section(escapeMrkdwn(text))] };
}

export function buildCommandProblem(problem: string): SlackMessage {
  return { text: problem, blocks: [section(`*${escapeMrkdwn(problem)}*`), section(USAGE_MRKDWN)] };
}

/** The answer to `/eas-deploy status`: status, instances running / total, and the endpoints. */
export function buildStatusAnswer(s: ServiceStatusView): SlackMessage {
  const instances =
    s.totalInstances === undefined
      ? ''
      : ` · ${s.runningInstances ?? 0}/${s.totalInstances} instances running`;
  const why = s.message ?? s.reason;
  const lines = [
    `\`${escapeMrkdwn(s.serviceName)}\` in ${s.region}: *${escapeMrkdwn(s.status)}*${instances}`,
    ...(why ? [escapeMrkdwn(why)] : []),
    ...formatEndpoints(s.endpoints),
  ];
  return {
    text: `${s.serviceName} in ${s.region}: ${s.status}`,
    blocks: [section(lines.join('\n'))],
  };
}

function formatEndpoints(endpoints: ServiceStatusView['endpoints']): string[] {
  if (!endpoints) return [];
  const lines = endpoints.flatMap((e) => [
    ...(e.internet ? [`• Internet: ${escapeMrkdwn(e.internet)}`] : []),
    ...(e.intranet ? [`• Intranet: ${escapeMrkdwn(e.intranet)}`] : []),
  ]);
  return lines.length > 0 ? ['*Endpoints*', ...lines] : ['No endpoint yet.'];
}

/** Lines for recent deployments, newest first; shared by the list answer and App Home. */
export function formatDeploymentLines(items: readonly DeploymentListItem[]): string {
  return items
    .slice(0, 20)
    .map((d) => {
      const when = new Date(d.submittedAt).toISOString().slice(0, 16).replace('T', ' ');
      const status = d.serviceStatus ? `${d.state} (${d.serviceStatus})` : d.state;
      return `• \`${escapeMrkdwn(d.serviceName)}\` · ${d.region} · *${escapeMrkdwn(status)}* · ${when} UTC`;
    })
    .join('\n');
}

/** The answer to `/eas-deploy list [region]`. */
export function buildListAnswer(
  items: readonly DeploymentListItem[],
  region?: string,
): SlackMessage {
  const where = region ? ` in ${region}` : '';
  if (items.length === 0) {
    const text = `No deployments${where} made through this bot yet.`;
    return { text, blocks: [section(text)] };
  }
  return {
    text: `Recent deployments${where}`,
    blocks: [section(`*Recent deployments${where}*\n${formatDeploymentLines(items)}`)],
  };
}
