import {
  CHANNEL_LABEL,
  EXPIRES_AT_LABEL,
  OWNER_LABEL,
  REQUEST_ID_LABEL,
} from '../aliyun/commands.js';
import type { Service } from '../aliyun/schemas.js';

/** A service that carries the bot's labels: the cloud's own word that the bot made it, and for whom. */
export interface LabelledService {
  readonly serviceName: string;
  readonly region: string;
  readonly status: string;
  readonly requestId: string;
  readonly ownerId?: string;
  readonly channelId?: string;
  readonly expiresAt?: string;
}

/** The bot's labels of a listed service, or undefined when it has no request-id label (not the bot's). */
export function readBotLabels(service: Service, region: string): LabelledService | undefined {
  const labels = new Map((service.Labels ?? []).map((l) => [l.LabelKey, l.LabelValue]));
  const requestId = labels.get(REQUEST_ID_LABEL);
  if (!requestId) return undefined;
  const owner = labels.get(OWNER_LABEL);
  const channel = labels.get(CHANNEL_LABEL);
  const expires = labels.get(EXPIRES_AT_LABEL);
  return {
    serviceName: service.ServiceName,
    region,
    status: service.Status,
    requestId,
    ...(owner ? { ownerId: owner } : {}),
    ...(channel ? { channelId: channel } : {}),
    ...(expires ? { expiresAt: expires } : {}),
  };
}
