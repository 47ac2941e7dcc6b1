import { LogLevel, webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { buildDeployModal } from '../../blocks/deploy-modal.js';
import { startSlackStandIn } from '../../src/sim/slack/slack-standin.js';
import { DEFAULT_REGIONS } from '../../src/slack/listener-deps.js';
import { openView, updateView } from '../../src/slack/send-view.js';

const modal = (region?: string) =>
  buildDeployModal({
    prefill: region ? { region } : {},
    channelId: 'C0001',
    regions: DEFAULT_REGIONS,
  });

describe('sending a view already encoded', () => {
  it('puts the same view on the wire and returns its id and hash', async () => {
    const standIn = await startSlackStandIn();
    try {
      const client = new webApi.WebClient('xoxb-test', {
        slackApiUrl: standIn.apiUrl,
        retryConfig: { retries: 0 },
        logLevel: LogLevel.ERROR,
      });
      const opened = await openView(client, 'trigger.1', modal());
      expect(opened.id).toMatch(/^V/);
      expect(opened.hash).toBeTruthy();
      // Slack (here, the stand-in) decodes the same object an SDK-encoded call would carry.
      expect(standIn.calls.at(-1)?.args.view).toEqual(modal());

      const updated = await updateView(
        client,
        { viewId: opened.id, hash: opened.hash },
        modal('cn-beijing'),
      );
      expect(updated.id).toBe(opened.id);
      expect(standIn.calls.at(-1)?.args).toMatchObject({ view_id: opened.id, hash: opened.hash });
      expect(standIn.calls.at(-1)?.args.view).toEqual(modal('cn-beijing'));

      const reused = await openView(client, 'trigger.1', modal()).catch((e: unknown) => e);
      expect(reused).toBeInstanceOf(webApi.WebAPIPlatformError);
      expect((reused as webApi.WebAPIPlatformError).data.error).toBe('exchanged_trigger_id');
    } finally {
      await standIn.close();
    }
  });
});
