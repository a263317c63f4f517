// Argument checks for the public methods. Callers are plain JavaScript too, so inputs are
// `unknown`; a bad one throws, and the method's guard logs "<method> ignored: <reason>".
import { ONWARD_EVENTS } from './types';
import type { OnwardEventName, OnwardHandler } from './types';

/** True for `{…}` literals and `Object.create(null)`, not arrays, dates or class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const invalid = (what: string): never => {
  throw new TypeError(`${what} is invalid`);
};

/**
 * A Segment id: a non-empty string, or a finite number (stored as a string).
 *
 * @example
 * toId(42); // '42'
 */
export function toId(value: unknown, what: string): string {
  if (Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value : invalid(what);
}

/**
 * An optional object argument (traits, properties, options): absent means `{}`.
 *
 * @example
 * toRecord(undefined, 'traits'); // {}
 */
export function toRecord(value: unknown, what: string): Record<string, unknown> {
  return value == null ? {} : isPlainObject(value) ? value : invalid(what);
}

/**
 * A track event name: non-empty, at most 200 characters (the server's limit).
 *
 * @example
 * toEventName('Report Created'); // 'Report Created'
 */
export function toEventName(value: unknown): string {
  return typeof value === 'string' && value.trim() && value.length <= 200
    ? value
    : invalid('event');
}

/**
 * An optional string (a page name, a user hash).
 *
 * @example
 * toOptionalString(undefined, 'name'); // undefined
 */
export function toOptionalString(value: unknown, what: string): string | undefined {
  return value == null ? undefined : typeof value === 'string' ? value : invalid(what);
}

/**
 * A listener registration for `on`/`off`: a known event name and a function.
 *
 * @example
 * toListener('flow:completed', () => {}); // ['flow:completed', handler]
 */
export function toListener(name: unknown, handler: unknown): [OnwardEventName, OnwardHandler] {
  if (!(ONWARD_EVENTS as readonly unknown[]).includes(name)) invalid('event name');
  if (typeof handler !== 'function') invalid('handler');
  return [name as OnwardEventName, handler as OnwardHandler];
}
