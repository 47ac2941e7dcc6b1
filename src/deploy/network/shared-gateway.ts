import { passed } from '../gate-result.js';
import type { NetworkModeModule } from './network-mode.js';

/** The shared gateway: no fields, no discovery, no networking in the service JSON. */
export const sharedGateway = {
  id: 'shared' as const,
  label: 'Shared gateway (simplest)',
  fields: [],
  shape: {},
  discover: async () => passed({ mode: 'shared' }, 'Shared gateway (no networking fields)'),
} satisfies NetworkModeModule;
