import type { types } from '@slack/bolt';
import { plain, section } from './text.js';

/** A small modal pushed over the form to say why nothing was queued; "Back" returns to the form. */
export function buildNoticeView(title: string, text: string): types.ModalView {
  return {
    type: 'modal',
    title: plain(title, 24),
    close: plain('Back', 24),
    blocks: [section(text)],
  };
}
