import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../sim/slack/read-form-body.js';

const FORM = 'application/x-www-form-urlencoded';

describe('parseBody', () => {
  it('decodes form fields, + as a space, and JSON fields into objects', () => {
    const view = { type: 'modal', title: { type: 'plain_text', text: 'Déployer ✓ a+b' } };
    const raw = `trigger_id=t.1&text=two+words%21&view=${encodeURIComponent(JSON.stringify(view))}`;
    expect(parseBody(raw, FORM)).toEqual({ trigger_id: 't.1', text: 'two words!', view });
  });

  it('keeps the last value of a repeated key, and an empty value for a bare key', () => {
    expect(parseBody('a=1&a=2&flag', FORM)).toEqual({ a: '2', flag: '' });
  });

  it('keeps a malformed escape as text instead of failing', () => {
    expect(parseBody('text=100%+sure%E2%9C%93&bad=%ZZ', FORM)).toEqual({
      text: '100% sure✓',
      bad: '%ZZ',
    });
  });

  it('keeps a JSON field that is not JSON as its raw text', () => {
    expect(parseBody('view=%7Bnot+json', FORM)).toEqual({ view: '{not json' });
  });

  it('reads a JSON body and an empty one', () => {
    expect(parseBody('{"channel":"C1"}', 'application/json; charset=utf-8')).toEqual({
      channel: 'C1',
    });
    expect(parseBody('', FORM)).toEqual({});
  });
});
