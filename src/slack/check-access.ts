/** Who may deploy and where (EAS_ALLOWED_USERS / EAS_ALLOWED_CHANNELS); empty lists allow everyone. */
export interface AccessRules {
  readonly allowedUsers: readonly string[];
  readonly allowedChannels: readonly string[];
}

export type AccessAnswer = { ok: true } | { ok: false; message: string };

/** Checks one request against the allow-lists; the "no" says who to ask. */
export function checkAccess(rules: AccessRules, userId: string, channelId: string): AccessAnswer {
  if (rules.allowedUsers.length > 0 && !rules.allowedUsers.includes(userId)) {
    return {
      ok: false,
      message:
        'You are not on the list of people allowed to deploy. Ask an admin of eas-deploy to add you.',
    };
  }
  if (rules.allowedChannels.length > 0 && !rules.allowedChannels.includes(channelId)) {
    return {
      ok: false,
      message:
        'eas-deploy is not enabled in this channel. Run /eas-deploy in one of the channels it is enabled for.',
    };
  }
  return { ok: true };
}
