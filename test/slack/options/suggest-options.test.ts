import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOptionsAnswerProblems } from '../../../sim/slack/block-kit-limits.js';
import { buildBlockSuggestionBody, buildStateValues } from '../../../sim/slack/payloads.js';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness();
});
afterAll(() => h.close());

const inRegion = buildStateValues({}, { region: 'cn-shanghai' });

describe('searchable selects', () => {
  it('offers the chosen region’s images and the typed custom URI', async () => {
    const answer = await h.post(
      buildBlockSuggestionBody({ actionId: 'image', query: 'my.reg/team/img:1', values: inRegion }),
    );
    const options = (answer.json as { options: { value: string }[] }).options;
    expect(options.map((o) => o.value)).toEqual(['my.reg/team/img:1']);
    expect(h.ports.catalogCalls).toContain('images cn-shanghai');
  });

  it('offers instance types GPU first for the chosen region', async () => {
    const answer = await h.post(
      buildBlockSuggestionBody({ actionId: 'instance_type', query: '', values: inRegion }),
    );
    const options = (answer.json as { options: { value: string; text: { text: string } }[] })
      .options;
    expect(options.map((o) => o.value)).toEqual(['ecs.gn7i-c16g1.4xlarge', 'ecs.g6.xlarge']);
    expect(options[0]?.text.text).toContain('NVIDIA A10');
  });

  it('answers within Slack’s option limits even for a URI too long to be an option value', async () => {
    const long = `my.reg/${'team/'.repeat(40)}img:1`;
    const answer = await h.post(
      buildBlockSuggestionBody({ actionId: 'image', query: long, values: inRegion }),
    );
    // Slack (its option checks, as the stand-in has them) would show an empty select otherwise.
    expect(findOptionsAnswerProblems(answer.json)).toEqual([]);
    expect(JSON.stringify(answer.json)).not.toContain(long.slice(0, 150));
  });

  it('offers nothing until a region is picked', async () => {
    const answer = await h.post(buildBlockSuggestionBody({ actionId: 'instance_type', query: '' }));
    expect(answer.json).toEqual({ options: [] });
  });

  it('still answers, with the typed URI, when the catalog fails', async () => {
    const original = h.ports.catalog.listImages;
    Object.assign(h.ports.catalog, {
      listImages: async () => Promise.reject(new Error('cli down')),
    });
    const answer = await h.post(
      buildBlockSuggestionBody({ actionId: 'image', query: 'reg.io/a/b:1', values: inRegion }),
    );
    Object.assign(h.ports.catalog, { listImages: original });
    expect(answer.json).toEqual({
      options: [
        {
          text: { type: 'plain_text', text: 'Custom image: reg.io/a/b:1', emoji: true },
          value: 'reg.io/a/b:1',
        },
      ],
    });
  });
});
