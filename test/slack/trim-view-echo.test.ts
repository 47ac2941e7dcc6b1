import { describe, expect, it } from 'vitest';
import { echoesView, trimViewEcho } from '../../src/slack/trim-view-echo.js';

describe('trimming the view echo of a views.* answer', () => {
  it('keeps the answer and the view’s scalar fields, and drops what the bot sent', () => {
    const answer = {
      ok: true,
      view: {
        id: 'V1',
        hash: '1.abc',
        root_view_id: 'V1',
        previous_view_id: null,
        private_metadata: '{"channelId":"C1"}',
        blocks: [{ type: 'input', block_id: 'b' }],
        state: { values: {} },
        title: { type: 'plain_text', text: 'Deploy' },
      },
      response_metadata: { warnings: ['missing_charset'] },
    };
    const { blocks, state, title, ...scalars } = answer.view;
    expect(JSON.parse(trimViewEcho(JSON.stringify(answer)))).toEqual({ ...answer, view: scalars });
  });

  it('passes an error, a viewless answer and text that is not JSON through as they came', () => {
    for (const text of [
      '{"ok":false,"error":"expired_trigger_id"}',
      '{"ok":true}',
      '{"ok":true,"view":"V1"}',
      '[1,2]',
      'upstream timeout',
      '',
    ]) {
      expect(trimViewEcho(text)).toBe(text);
    }
  });

  it('applies to views.open, update, push and publish only', () => {
    const base = 'https://slack.com/api/';
    for (const method of ['views.open', 'views.update', 'views.push', 'views.publish']) {
      expect(echoesView(`${base}${method}`)).toBe(true);
    }
    for (const url of [
      `${base}chat.postMessage`,
      `${base}views.openx`,
      'http://127.0.0.1:1/respond/T1/x',
    ]) {
      expect(echoesView(url)).toBe(false);
    }
  });
});
