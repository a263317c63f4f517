// The ES module (`@onward/sdk`): the same API as the script tag, with no global and no side
// effect at import time.
import { createOnward as create } from '../api/create-onward';
import type { OnwardApi, OnwardOptions } from '../api/types';

export { ONWARD_EVENTS } from '../api/types';
export type {
  IdentifyOptions,
  OnwardApi,
  OnwardEvent,
  OnwardEventName,
  OnwardHandler,
  OnwardOptions,
  Properties,
  Traits,
} from '../api/types';

/**
 * Creates an Onward instance; keep one per page.
 *
 * @example
 * import { createOnward } from '@onward/sdk';
 * const onward = createOnward({ writeKey: 'pk_live_1', apiHost: 'https://onward.example.com' });
 * onward.identify('u_42', { email: 'ada@example.com', createdAt: '2024-05-01T10:00:00Z' });
 * onward.track('Report Created');
 */
export function createOnward(options: OnwardOptions): OnwardApi {
  // A dynamic import: bundlers split the guides (engine, preact, ui) into a chunk of their own.
  return create(options, {
    loadGuides: () => import('./guides'),
    loadBuilder: () => import('./builder'),
  });
}
