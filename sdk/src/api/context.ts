// What the browser tells us about where a message happened: Segment's `context` fields.
import { getDocument, getNavigator, getWindow } from '../shared/env';
import { VERSION } from '../shared/version';

/** `context.page`, and the default properties of a `page` message (as analytics.js sends). */
export type PageInfo = {
  url: string;
  path: string;
  search: string;
  title: string;
  referrer: string;
};

/** The page the user is on, or undefined outside a browser. */
export function readPage(): PageInfo | undefined {
  const location = getWindow()?.location;
  const doc = getDocument();
  if (!location) return undefined;
  return {
    url: location.href,
    path: location.pathname,
    search: location.search,
    title: doc?.title ?? '',
    referrer: doc?.referrer ?? '',
  };
}

const timezone = (): string | undefined => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/**
 * Segment `context` for a message sent now: page, locale, screen, timezone, userAgent, library.
 *
 * @example
 * readContext(); // { page: { url, path, … }, locale: 'en-US', library: { name: '@onward/sdk', version } }
 */
export function readContext(): Record<string, unknown> {
  const nav = getNavigator();
  const screen = getWindow()?.screen;
  // Undefined fields vanish when the message is serialized at enqueue.
  return {
    page: readPage(),
    locale: nav?.language,
    screen: screen && { width: screen.width, height: screen.height },
    timezone: timezone(),
    userAgent: nav?.userAgent,
    library: { name: '@onward/sdk', version: VERSION },
  };
}
