import { describe, expect, it } from 'vitest';
import { readAccessRequest } from '../../src/slack/read-access-request.js';

const metadata = JSON.stringify({ channelId: 'C0DEPLOY' });

describe('what the access check reads from a Slack request', () => {
  it('reads a command with its verb, and leaves help and malformed text to everyone', () => {
    const command = (text: string) =>
      readAccessRequest({ command: '/eas-deploy', text, user_id: 'U1', channel_id: 'C1' });
    expect(command('')).toEqual({
      surface: 'command',
      action: 'command',
      need: 'use',
      userId: 'U1',
      channelId: 'C1',
    });
    expect(command('status qwen_demo')).toMatchObject({ action: 'status', need: 'use' });
    expect(command('audit 5')).toMatchObject({ action: 'audit', need: 'read-audit' });
    expect(command('help')).toBeUndefined();
    expect(command('frobnicate')).toBeUndefined();
  });

  it('takes the channel of a submission, an option load or a modal select from the form', () => {
    const fromForm = { user: { id: 'U1' }, view: { private_metadata: metadata } };
    expect(readAccessRequest({ type: 'view_submission', ...fromForm })).toMatchObject({
      surface: 'view',
      channelId: 'C0DEPLOY',
    });
    expect(readAccessRequest({ type: 'block_suggestion', ...fromForm })).toMatchObject({
      surface: 'options',
      channelId: 'C0DEPLOY',
    });
    expect(
      readAccessRequest({ type: 'block_actions', actions: [{ action_id: 'region' }], ...fromForm }),
    ).toMatchObject({ surface: 'action', action: 'modal', channelId: 'C0DEPLOY' });
  });

  it('names a message button, and leaves Approve and Reject to the approval store', () => {
    const click = (action_id: string) =>
      readAccessRequest({
        type: 'block_actions',
        user: { id: 'U1' },
        channel: { id: 'C1' },
        message: { ts: '1.1', thread_ts: '1.0' },
        actions: [{ action_id }],
      });
    expect(click('resend_token')).toMatchObject({
      action: 'resend-token',
      channelId: 'C1',
      threadTs: '1.0',
    });
    expect(click('eas_approval_approve')).toBeUndefined();
    expect(click('eas_approval_reject')).toBeUndefined();
  });

  it('checks a button on App Home without a channel, as opening App Home is checked', () => {
    const request = readAccessRequest({
      type: 'block_actions',
      user: { id: 'U1' },
      view: { type: 'home' },
      actions: [{ action_id: 'svc_stop' }],
    });
    expect(request).toMatchObject({ surface: 'action', userId: 'U1' });
    expect(request).not.toHaveProperty('channelId');
  });

  it('checks App Home without a channel, and lets a user group change through', () => {
    const event = (e: object) => readAccessRequest({ type: 'event_callback', event: e });
    expect(event({ type: 'app_home_opened', user: 'U1', tab: 'home' })).toEqual({
      surface: 'home',
      action: 'home',
      need: 'use',
      userId: 'U1',
    });
    expect(event({ type: 'subteam_members_changed', subteam_id: 'S1' })).toBeUndefined();
  });

  it('still checks a request with a field of an unexpected shape, or a form that lost its channel', () => {
    expect(
      readAccessRequest({ type: 'view_submission', user: 'U1', view: { private_metadata: '{' } }),
    ).toMatchObject({ surface: 'view', userId: '', channelId: '' });
  });
});
