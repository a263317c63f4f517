// What an area exports so the app can mount it: each pages/<area>/routes.tsx owns its paths.
import type { JSX } from 'preact';
import type { Params } from './router';

export type RouteDef = {
  /** `/accounts/:id`; params arrive decoded. */
  pattern: string;
  render: (params: Params) => JSX.Element;
};
