import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../src/security/check-access.js';

const policy = {
  allowedUsers: [],
  allowedUsergroups: [],
  allowedChannels: [],
  approvers: [],
  admins: ['U0ADMIN'],
};
const ask = (userId: string, owner: string | undefined) =>
  checkAccess(policy, undefined, {
    userId,
    need: 'act-on-service',
    service: { name: 'qwen_demo', verb: 'delete', ...(owner ? { owner } : {}) },
  });

describe('who may act on a service the bot made (the act-on-service need)', () => {
  it('lets its owner and the admins act', async () => {
    expect(await ask('U0OWNER', 'U0OWNER')).toEqual({ allowed: true });
    expect(await ask('U0ADMIN', 'U0OWNER')).toEqual({ allowed: true });
  });

  it('refuses anyone else, naming the owner and how to become allowed', async () => {
    expect(await ask('U0STRANGER', 'U0OWNER')).toEqual({
      allowed: false,
      reason:
        "Only `qwen_demo`'s owner <@U0OWNER> or an eas-deploy admin (EAS_ADMIN_USERS) may delete it.",
    });
  });

  it('refuses everyone, admins too, for a service without the bot’s labels', async () => {
    expect(await ask('U0ADMIN', undefined)).toEqual({
      allowed: false,
      reason:
        '`qwen_demo` was not made by eas-deploy (it has no eas-deploy labels), so I will not delete it.',
    });
  });
});
