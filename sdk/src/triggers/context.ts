// What the flow triggers watch, supplied by the engine (tests pass fakes).
import type { UrlMatch } from './url-match';

/** The page location as url-match reads it. */
export type Where = { href: string; pathname: string; search: string; hash: string };

export type TriggerContext = {
  /** Where the page is now. */
  where(): Where;
  /** Calls back after each SPA navigation; returns stop(). */
  onUrl(handler: () => void): () => void;
  /** Calls back with each event the host app tracks; returns stop(). */
  onTrack(handler: (event: string) => void): () => void;
  /** Calls back once the selector first matches an element; returns stop(). */
  onElement(selector: string, handler: () => void): () => void;
  /** Days since the user's last activity when this page loaded (null: a new user). */
  daysInactive(): number | null;
  /** The workspace's dormancy threshold in days. */
  dormantAfterDays(): number;
};

/** Called with whether the trigger holds now (page triggers can stop holding). */
export type Fire = (active: boolean) => void;

export type { UrlMatch };
