import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('the Slack app manifest', () => {
  it('declares the command, interactivity with options, the home tab and app_home_opened', () => {
    expect(manifest.features.slash_commands[0].command).toBe('/eas-deploy');
    expect(manifest.features.slash_commands[0].url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.message_menu_options_url).toMatch(/\/slack\/events$/);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'subteam_members_changed',
    ]);
  });

  it('sends every request to POST /slack/events, where the tests and the demo send them', () => {
    const urls = [
      manifest.features.slash_commands[0].url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      manifest.settings.interactivity.message_menu_options_url,
    ].map((url: string) => new URL(url).pathname);
    expect(new Set(urls)).toEqual(new Set(['/slack/events']));
  });

  it('asks only for the scopes the bot uses', () => {
    // The history scopes: conversations.history finds a parent whose ts a failover lost.
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'channels:history',
      'chat:write',
      'commands',
      'groups:history',
      'im:write',
      'usergroups:read',
    ]);
  });
});
