// The vendor's side of the Onward install: who the user is, their account, and product events.
// `window.Onward` is the queue from the snippet in index.html until /sdk.js loads and replays it.
// Page views are sent by the SDK itself (it watches pushState), so nothing here calls page().

import { accountRecord, userRecord } from './store.js';

function call(method, ...args) {
  try {
    const onward = /** @type {any} */ (window).Onward;
    if (onward && typeof onward[method] === 'function') onward[method](...args);
  } catch {
    // Analytics must never break the product.
  }
}

/** identify + group, as a vendor does on every load of a signed-in page. */
export function identify(session, settings) {
  const name = settings.displayName;
  call('identify', session.userId, {
    name,
    email: session.email,
    firstName: name.split(/\s+/)[0],
    createdAt: userRecord(session.userId).firstSignInAt,
    plan: 'pro',
    role: 'admin',
    locale: settings.locale,
  });
  const account = accountRecord(session.accountId);
  call('group', session.accountId, {
    name: session.company,
    plan: 'pro',
    tier: 'SMB',
    mrr: 499,
    seats: 10,
    contractStart: account.contractStart,
    renewalDate: account.renewalDate,
  });
}

/** @param {string} event @param {Record<string, unknown>} [properties] */
export function track(event, properties) {
  call('track', event, properties ?? {});
}

export function reset() {
  call('reset');
}
