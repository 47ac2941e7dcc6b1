import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('the Slack app manifest', () => {
  it('declares the command, interactivity with options, the home tab and app_home_opened', () => {
    expect(manifest.features.slash_commands[0].command).toBe('/eas-deploy');
    // Every Slack request, the command included, arrives at POST /slack/events.
    expect(manifest.features.slash_commands[0].url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.interactivity.message_menu_options_url).toMatch(/\/slack\/events$/);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'subteam_members_changed',
    ]);
  });

  it('asks only for the scopes the bot uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'chat:write',
      'commands',
      'im:write',
      'usergroups:read',
    ]);
  });
});
