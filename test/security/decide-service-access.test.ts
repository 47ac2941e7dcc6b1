import { describe, expect, it } from 'vitest';
import { decideServiceAccess } from '../../src/security/decide-service-access.js';

const ask = (userId: string, owner: string | undefined) =>
  decideServiceAccess(
    { admins: ['U0ADMIN'] },
    { userId, verb: 'delete', serviceName: 'qwen_demo', owner },
  );

describe('who may act on a service the bot made', () => {
  it('lets its owner and the admins act', () => {
    expect(ask('U0OWNER', 'U0OWNER')).toEqual({ allowed: true });
    expect(ask('U0ADMIN', 'U0OWNER')).toEqual({ allowed: true });
  });

  it('refuses anyone else, naming the owner and how to become allowed', () => {
    expect(ask('U0STRANGER', 'U0OWNER')).toEqual({
      allowed: false,
      reason:
        "Only `qwen_demo`'s owner <@U0OWNER> or an eas-deploy admin (EAS_ADMIN_USERS) may delete it.",
    });
  });

  it('refuses everyone, admins too, for a service without the bot’s labels', () => {
    expect(ask('U0ADMIN', undefined)).toEqual({
      allowed: false,
      reason:
        '`qwen_demo` was not made by eas-deploy (it has no eas-deploy labels), so I will not delete it.',
    });
  });
});
